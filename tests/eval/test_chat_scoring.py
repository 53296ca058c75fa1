"""eval.chat_scoring: turn records → verdict, and reading records from tracker events."""

from __future__ import annotations

from dataclasses import replace

import pytest

from conversations.turn_record import Candidate, TurnRecord
from eval.chat_scoring import primary, records_from_events, score

LINK = "https://www.lra-mue.de/kfz-abmeldung"
LINKS = {"kfz-abmeldung": LINK, "reisepass": "https://www.example.org/reisepass"}
ANSWER = TurnRecord(
    action="action_search_procedure", intent="search_procedure", intent_confidence=0.9,
    language="de", decision="answer", outcome="link_given",
    candidates=(Candidate("kfz-abmeldung", 0.8), Candidate("kfz-neuzulassung", 0.5)),
    procedure_ids=("kfz-abmeldung",), links=(LINK,))


def record(decision: str, ids: tuple[str, ...] = (), **changes: object) -> TurnRecord:
    outcome = {"answer": "link_given", "elsewhere": "sent_elsewhere", "choose": "clarified",
               "clarify": "clarified", "rephrase": "rephrase", "handoff": "handoff",
               "out_of_scope": "declined"}.get(decision, "none")
    return replace(ANSWER, decision=decision, outcome=outcome, procedure_ids=ids,
                   links=(), candidates=(), **changes)  # type: ignore[arg-type]


@pytest.mark.parametrize("records, expect, verdict", [
    ([ANSWER], ["kfz-abmeldung"], "correct_answer"),
    ([ANSWER], ["kfz-abmeldung", "kfz-wiederzulassung"], "correct_answer"),
    ([replace(ANSWER, links=())], ["kfz-abmeldung"], "answer_no_link"),
    ([replace(ANSWER, links=("https://other",))], ["kfz-abmeldung"], "answer_no_link"),
    ([ANSWER], ["kfz-neuzulassung"], "wrong_answer"),
    ([record("choose", ("a", "kfz-abmeldung"))], ["kfz-abmeldung"], "choice_with_right"),
    ([record("choose", ("a", "b"))], ["kfz-abmeldung"], "choice_without_right"),
    ([record("clarify", ("kfz-abmeldung",))], ["kfz-abmeldung"], "choice_with_right"),
    ([record("clarify")], ["kfz-abmeldung"], "choice_without_right"),
    ([record("rephrase")], ["kfz-abmeldung"], "rephrase"),
    ([record("handoff")], ["kfz-abmeldung"], "handoff"),
    ([record("out_of_scope")], ["kfz-abmeldung"], "out_of_scope"),
    ([record("smalltalk")], ["kfz-abmeldung"], "out_of_scope"),
    # Crisis help that carries the expected entry (a child at risk) and its link.
    ([replace(record("crisis", ("kfz-abmeldung",)), links=(LINK,))], ["kfz-abmeldung"],
     "correct_answer"),
    ([record("crisis")], ["kfz-abmeldung"], "out_of_scope"),
    ([], ["kfz-abmeldung"], "no_record"),
    ([record("rephrase")], [], "oos_declined"),
    ([record("out_of_scope")], [], "oos_declined"),
    ([record("smalltalk")], [], "oos_declined"),
    ([record("handoff")], [], "oos_declined"),
    ([ANSWER], [], "oos_answered"),
    ([record("choose", ("a", "b"))], [], "oos_choice"),
    ([], [], "no_record"),
])
def test_verdicts(records, expect, verdict):
    assert score(records, expect, LINKS).verdict == verdict


def test_elsewhere_with_the_gemeinde_question_after_it_is_an_answer():
    answer = replace(ANSWER, decision="elsewhere", outcome="sent_elsewhere",
                     reason="gemeinde", procedure_ids=("reisepass",),
                     links=(LINKS["reisepass"],))
    ask = record("clarify", ("reisepass",), action="action_ask_gemeinde",
                 reason="gemeinde_needed")
    result = score([answer, ask], ["reisepass"], LINKS)
    assert result.verdict == "correct_answer"
    assert result.record is answer
    assert result.followups == ("action_ask_gemeinde:clarify",)


def test_smalltalk_before_the_answer_does_not_hide_it():
    greet = record("smalltalk", action="action_smalltalk")
    assert primary([greet, ANSWER]) is ANSWER
    assert score([greet, ANSWER], ["kfz-abmeldung"], LINKS).verdict == "correct_answer"


def test_unknown_procedure_link_accepts_any_given_link():
    assert score([ANSWER], ["kfz-abmeldung"], {}).verdict == "correct_answer"


def test_candidates_come_from_the_first_record_that_searched():
    result = score([record("smalltalk"), ANSWER], ["kfz-abmeldung"], LINKS)
    assert result.candidates == ("kfz-abmeldung", "kfz-neuzulassung")
    assert result.to_dict()["candidates"] == ["kfz-abmeldung", "kfz-neuzulassung"]


def test_records_are_read_after_the_last_user_message_only():
    old = record("rephrase").to_dict()
    events = [
        {"event": "action", "name": "action_listen"},
        {"event": "user", "text": "erste Nachricht"},
        {"event": "slot", "name": "turn_record", "value": old},
        {"event": "user", "text": "Auto abmelden"},
        {"event": "action", "name": "action_search_procedure"},
        {"event": "slot", "name": "procedure_id", "value": "kfz-abmeldung"},
        {"event": "slot", "name": "turn_record", "value": ANSWER.to_dict()},
        {"event": "slot", "name": "turn_record", "value": None},
        {"event": "bot", "text": "…"},
        {"event": "action", "name": "action_listen"},
    ]
    turn = records_from_events(events)
    assert turn.records == (ANSWER,)
    assert turn.actions == ("action_search_procedure",)
    assert turn.errors == ()


def test_a_record_that_does_not_validate_is_reported_not_scored():
    bad = {**ANSWER.to_dict(), "version": 99}
    turn = records_from_events([{"event": "user", "text": "x"},
                                {"event": "slot", "name": "turn_record", "value": bad}])
    assert turn.records == ()
    assert "unknown turn record version 99" in turn.errors[0]
    assert score(turn.records, ["kfz-abmeldung"]).verdict == "no_record"
