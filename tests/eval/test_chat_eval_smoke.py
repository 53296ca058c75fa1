"""The chat evaluation end to end on five queries against the real stack (slow, e2e).

Reuses the session's stack (tests/conftest.py), so it costs seconds inside `make test`.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eval import chat_eval
from eval.chat_report import summaries
from eval.devsets import Case
from runner.stack import Stack

pytestmark = [pytest.mark.slow, pytest.mark.e2e]

CASES = [
    Case("ich will mein auto abmelden", ("kfz-abmeldung",), "colloquial"),
    Case("Mein Reisepass läuft ab, was muss ich tun?", ("reisepass",), "colloquial"),
    Case("Wo beantrage ich Elterngeld?", ("elterngeld",), "elsewhere"),
    Case("How do I apply for housing benefit?", ("wohngeld",), "english"),
    Case("Wie wird das Wetter am Wochenende in Mühldorf?", (), "out_of_scope", "heldout"),
]


def test_chat_eval_reads_turn_records_from_the_real_stack(stack: Stack, tmp_path: Path):
    jobs = chat_eval.jobs_for(CASES, ["original", "lower"])
    outcomes = chat_eval.run_chat(stack.rasa_url, stack.rasa_token, jobs, concurrency=2)
    assert len(outcomes) == 10
    assert not [o for o in outcomes if o.failed or o.score.record is None]
    by_query = {o.case.query: o for o in outcomes if o.variant == "original"}
    answer = by_query["ich will mein auto abmelden"]
    assert answer.score.verdict == "correct_answer"
    assert answer.score.candidates[0] == "kfz-abmeldung"
    # A Gemeinde matter: the answer is scored, the Gemeinde question is a follow-up.
    passport = by_query["Mein Reisepass läuft ab, was muss ich tun?"]
    assert passport.score.verdict == "correct_answer"
    assert passport.score.record is not None and passport.score.record.decision == "elsewhere"
    assert "action_ask_gemeinde:clarify" in passport.score.followups
    assert by_query["Wie wird das Wetter am Wochenende in Mühldorf?"].score.verdict in (
        "oos_declined", "oos_answered", "oos_choice")

    report = chat_eval.report(outcomes, ["original", "lower"])
    assert report["summaries"]["original"]["all"]["n"] == 5
    assert {t["name"] for t in report["targets"]} >= {"wrong direct answers <= 3 %"}
    out = tmp_path / "chat.json"
    chat_eval.write_json(out, {**report, "turns": [o.to_dict() for o in outcomes]})
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["turns"][0]["verdict"] and summaries(outcomes)["all"]["n"] == 10
