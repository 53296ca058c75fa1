"""The semantic crisis check: a safety line before the answer when the rules miss a crisis."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
import yaml

import actions.common as common
import actions.sdk as sdk
from actions import crisis_semantic
from actions.crisis import detect_crisis
from actions.crisis_reply import noted_this_turn
from actions.crisis_semantic import References, nearest_kind, nlu_examples, possible_crisis
from actions.search_procedure import ActionSearchProcedure
from tests.actions.conftest import record_of, run_action

FRESH = Path(__file__).parent / "fixtures" / "crisis_fresh.yaml"


def unit(*values: float) -> np.ndarray:
    vector = np.array(values, dtype=np.float32)
    return vector / np.linalg.norm(vector)


REFS = References(crisis=np.vstack([unit(1, 0, 0), unit(0.9, 0.1, 0), unit(1, 0.1, 0.1)]),
                  kinds=("suicide", "suicide", "medical"),
                  ordinary=np.vstack([unit(0, 1, 0), unit(0, 0.9, 0.1), unit(0, 0, 1)]))


def test_a_message_nearer_the_crisis_references_gets_their_majority_kind():
    assert nearest_kind(unit(1, 0.05, 0), REFS) == "suicide"


def test_a_message_nearer_the_ordinary_references_is_no_crisis():
    assert nearest_kind(unit(0.1, 1, 0), REFS) is None
    assert nearest_kind(np.zeros(3, dtype=np.float32), REFS) is None  # unusable text


def test_the_nlu_examples_are_references_without_entity_markup():
    examples = nlu_examples()
    assert len(examples) > 500
    assert not any("](" in text or "]{" in text for text in examples)


def test_without_an_embedding_model_there_is_no_check(fake_search):
    assert possible_crisis("Ich sehe keinen Sinn mehr und will nicht mehr") is None


def test_a_failing_model_never_breaks_the_turn(monkeypatch, caplog):
    class Broken:
        encoder = object()

        def query_vectors(self, texts: list[str], *, cached: bool = True) -> Any:
            raise RuntimeError("onnx session died")

    monkeypatch.setattr(common, "get_search_engine", Broken)
    monkeypatch.setattr(crisis_semantic, "_vectors", lambda texts, model: None)
    assert possible_crisis("alles ist sinnlos") is None
    monkeypatch.setattr(crisis_semantic, "_vectors",
                        lambda texts, model: np.zeros((len(texts), 3), dtype=np.float32))
    crisis_semantic.get_references.cache_clear()
    assert possible_crisis("alles ist sinnlos") is None
    assert "semantic crisis check failed" in caplog.text


async def test_the_safety_line_comes_first_and_the_answer_still_follows(
        fake_search, make_tracker, dispatcher, monkeypatch):
    fake_search.set("answer", "personalausweis")
    monkeypatch.setattr(sdk, "possible_crisis", lambda text: "suicide")
    tracker = make_tracker(intent="search_procedure", text="Perso weg, alles sinnlos")

    events = await run_action(ActionSearchProcedure(), dispatcher, tracker)

    first, second = dispatcher.messages[0]["text"], dispatcher.messages[1]["text"]
    assert "0800 111 0 111" in first and "112" in first
    assert "Personalausweis" in second
    record = record_of(events)
    assert (record.decision, record.safety_note) == ("elsewhere", "suicide")
    assert record.procedure_ids == ("personalausweis",)


def test_one_safety_line_per_turn():
    noted = {"event": "slot", "name": "turn_record", "value": {"safety_note": "child"}}
    assert noted_this_turn([{"event": "user"}, noted])
    assert not noted_this_turn([noted, {"event": "user"}])


@pytest.mark.slow
def test_held_out_crises_are_found_by_rules_or_the_safety_line():
    """crisis_fresh.yaml: written by a helper who saw neither the rules nor the
    references; its calibration half is among the references, its held-out half only
    measures. Figures of 2026-11-30 (docs/dialogue.md): rules 41/60, rules or safety
    line 56/60; 2 of 50 held-out ordinary messages answered as a crisis or with a line."""
    from catalogue.search import get_search_engine

    get_search_engine.cache_clear()
    common_engine = get_search_engine()
    original = common.get_search_engine
    common.get_search_engine = lambda: common_engine  # type: ignore[assignment]
    try:
        data = yaml.safe_load(FRESH.read_text(encoding="utf-8"))
        crises = [c for c in data["crisis"] if c["split"] == "heldout"]
        ordinary = [c["text"] for c in data["ordinary"] if c["split"] == "heldout"]
        found = [c for c in crises
                 if detect_crisis(c["text"]) is not None or possible_crisis(c["text"])]
        alarms = [text for text in ordinary
                  if detect_crisis(text) is not None or possible_crisis(text)]
    finally:
        common.get_search_engine = original  # type: ignore[assignment]
        get_search_engine.cache_clear()
    assert len(crises) == 60 and len(ordinary) == 50
    assert len(found) >= 54, [c["text"] for c in crises if c not in found]
    assert len(alarms) <= 4, alarms
