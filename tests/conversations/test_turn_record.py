"""conversations.turn_record: the versioned record round-trips and rejects bad data."""

from __future__ import annotations

import json
import re

import pytest

from conversations.turn_record import (
    SCHEMA_VERSION,
    Candidate,
    TurnRecord,
    TurnRecordError,
    records_of_turn,
    records_this_turn,
)

RECORD = TurnRecord(
    action="action_search_procedure", intent="search_procedure", intent_confidence=0.93,
    language="de", decision="answer", outcome="link_given", reason=None, aspect=None,
    candidates=(Candidate("kfz-abmeldung", 0.82), Candidate("kfz-zulassung", 0.41)),
    procedure_ids=("kfz-abmeldung",), links=("https://www.lra-mue.de/test/ikfz-abmeldung",))


def test_round_trip_through_json():
    data = json.loads(json.dumps(RECORD.to_dict()))
    assert data["version"] == SCHEMA_VERSION == 1
    assert data["candidates"] == [{"id": "kfz-abmeldung", "score": 0.82},
                                  {"id": "kfz-zulassung", "score": 0.41}]
    assert TurnRecord.from_dict(data) == RECORD


def test_optional_fields_round_trip():
    record = TurnRecord(action="action_procedure_details", intent="ask_fees",
                        intent_confidence=1, language="en", decision="clarify",
                        outcome="clarified", reason="topic_unknown", aspect="fees")
    assert TurnRecord.from_dict(record.to_dict()) == record


@pytest.mark.parametrize("change, message", [
    ({"version": 2}, "unknown turn record version 2"),
    ({"version": None}, "unknown turn record version None"),
    ({"decision": "guess"}, "'decision' must be one of"),
    ({"outcome": "maybe"}, "'outcome' must be one of"),
    ({"aspect": "parking"}, "'aspect' must be one of"),
    ({"intent_confidence": "high"}, "'intent_confidence' must be a number"),
    ({"intent_confidence": True}, "'intent_confidence' must be a number"),
    ({"action": None}, "'action' must be a string"),
    ({"reason": 3}, "'reason' must be a string"),
    ({"links": "https://x"}, "'links' must be a list"),
    ({"procedure_ids": [1]}, "'procedure_ids' must be a list of strings"),
    ({"candidates": [{"id": "x"}]}, "candidate must be {id, score}"),
    ({"candidates": [{"id": "x", "score": "1"}]}, "'candidates.score' must be a number"),
    ({"extra": 1}, "unknown turn record fields: extra"),
])
def test_bad_records_raise_a_clear_error(change, message):
    data = {**RECORD.to_dict(), **change}
    with pytest.raises(TurnRecordError, match=re.escape(message)):
        TurnRecord.from_dict(data)


def test_not_an_object():
    with pytest.raises(TurnRecordError, match="must be an object"):
        TurnRecord.from_dict(["x"])  # type: ignore[arg-type]


def test_crisis_record_round_trips_in_version_1():
    record = TurnRecord(action="action_search_procedure", intent="out_of_scope",
                        intent_confidence=0.71, language="de", decision="crisis",
                        outcome="crisis_help", reason="violence")
    data = json.loads(json.dumps(record.to_dict()))
    assert data["version"] == 1 and data["decision"] == "crisis"
    assert TurnRecord.from_dict(data) == record


def test_records_of_this_turn_and_the_previous_one():
    def record(n: int) -> dict[str, object]:
        return {"event": "slot", "name": "turn_record", "value": {"n": n}}

    events = [record(0), {"event": "user"}, record(1), record(2), {"event": "bot"},
              {"event": "user"}, {"event": "slot", "name": "other", "value": {}}, record(3)]
    assert records_this_turn(events) == [{"n": 3}]
    assert records_of_turn(events, 0) == [{"n": 3}]
    assert records_of_turn(events, 1) == [{"n": 2}, {"n": 1}]      # latest first
    assert records_of_turn(events, 2) == [{"n": 0}]
    assert records_of_turn(events, 3) == []
    assert records_of_turn([{"event": "user"}], 1) == []
