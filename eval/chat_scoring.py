"""Score one chat turn from its turn records (pure functions, no I/O).

The chat evaluation sends a dev-set query as the first message of a fresh conversation
and reads what the actions decided from the turn records (slot `turn_record`, schema in
`conversations/turn_record.py`), never from the reply text. A turn can hold several
records: an answer about a Gemeinde matter is followed by the Gemeinde question
(`action_ask_gemeinde`, decision clarify). The first record with a content decision
(answer, elsewhere, choose, clarify, rephrase, handoff, out_of_scope) is the one scored;
the others are kept as follow-ups.

Verdicts for in-scope queries (`expect` not empty):

* correct_answer — answer / elsewhere, the first presented procedure is expected, and
  its link was given;
* answer_no_link — the right procedure, but its link is not among the links given;
* wrong_answer — answer / elsewhere with a procedure that is not expected;
* choice_with_right / choice_without_right — choose / clarify, with or without an
  expected id among the presented procedures;
* rephrase, handoff — asked to rephrase, or sent to the Bürgerservice;
* out_of_scope — declined as off-topic, or only smalltalk / feedback;
* no_record — no readable turn record (an error in the dialogue or the evaluation).

For out-of-scope queries (`expect` empty) the right outcome is not to answer:
oos_declined (rephrase, handoff, out_of_scope, smalltalk, feedback), oos_answered
(answer / elsewhere), oos_choice (choose / clarify), no_record.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from conversations.turn_record import TurnRecord, TurnRecordError

Verdict = Literal["correct_answer", "answer_no_link", "wrong_answer", "choice_with_right",
                  "choice_without_right", "rephrase", "handoff", "out_of_scope", "no_record",
                  "oos_declined", "oos_answered", "oos_choice"]

IN_SCOPE_VERDICTS: tuple[Verdict, ...] = (
    "correct_answer", "answer_no_link", "wrong_answer", "choice_with_right",
    "choice_without_right", "rephrase", "handoff", "out_of_scope", "no_record")
OOS_VERDICTS: tuple[Verdict, ...] = ("oos_declined", "oos_answered", "oos_choice", "no_record")

ANSWERS = frozenset({"answer", "elsewhere"})
CHOICES = frozenset({"choose", "clarify"})
CONTENT = ANSWERS | CHOICES | {"rephrase", "handoff", "out_of_scope"}
TURN_RECORD_SLOT = "turn_record"


@dataclass(frozen=True)
class TurnRecords:
    """The turn records written after the last user message, in order."""

    records: tuple[TurnRecord, ...] = ()
    errors: tuple[str, ...] = ()  # records that did not validate
    actions: tuple[str, ...] = ()  # actions run after the user message


@dataclass(frozen=True)
class Score:
    verdict: Verdict
    record: TurnRecord | None = None  # the record that was scored
    followups: tuple[str, ...] = ()  # "action:decision" of the other records
    # The search ranking as the chat saw it (record candidates, best first). For a
    # "choose" the candidates are only the 2-3 offered ids.
    candidates: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        record = self.record
        return {
            "verdict": self.verdict,
            "decision": record.decision if record else None,
            "action": record.action if record else None,
            "intent": record.intent if record else None,
            "intent_confidence": round(record.intent_confidence, 3) if record else None,
            "reason": record.reason if record else None,
            "procedure_ids": list(record.procedure_ids) if record else [],
            "links": list(record.links) if record else [],
            "candidates": list(self.candidates),
            "followups": list(self.followups),
        }


def records_from_events(events: Sequence[Mapping[str, Any]]) -> TurnRecords:
    """The turn records (and actions) after the last user event of a tracker's events."""
    last_user = max((i for i, e in enumerate(events) if e.get("event") == "user"), default=-1)
    records: list[TurnRecord] = []
    errors: list[str] = []
    actions: list[str] = []
    for event in events[last_user + 1:]:
        kind = event.get("event")
        if kind == "action" and event.get("name") not in (None, "action_listen"):
            actions.append(str(event["name"]))
        if kind != "slot" or event.get("name") != TURN_RECORD_SLOT or event.get("value") is None:
            continue
        try:
            records.append(TurnRecord.from_dict(event["value"]))
        except TurnRecordError as exc:
            errors.append(str(exc))
    return TurnRecords(tuple(records), tuple(errors), tuple(actions))


def primary(records: Sequence[TurnRecord]) -> TurnRecord | None:
    """The record that decides the turn: the first with a content decision, else the first."""
    for record in records:
        if record.decision in CONTENT:
            return record
    return records[0] if records else None


def score(records: Sequence[TurnRecord], expect: Sequence[str],
          links_of: Mapping[str, str] | None = None) -> Score:
    """The verdict for one turn. `links_of`: procedure id → its link (from the catalogue);
    without it (or for an unknown id) any given link counts."""
    record = primary(records)
    followups = tuple(f"{r.action}:{r.decision}" for r in records if r is not record)
    candidates = _candidates(records)
    if record is None:
        return Score("no_record", None, followups, candidates)
    return Score(_verdict(record, set(expect), links_of or {}), record, followups, candidates)


def _candidates(records: Sequence[TurnRecord]) -> tuple[str, ...]:
    for record in records:
        if record.candidates:
            return tuple(c.id for c in record.candidates)
    return ()


def _verdict(record: TurnRecord, expect: set[str], links_of: Mapping[str, str]) -> Verdict:
    decision = record.decision
    if not expect:
        if decision in ANSWERS:
            return "oos_answered"
        return "oos_choice" if decision in CHOICES else "oos_declined"
    if decision in ANSWERS:
        first = record.procedure_ids[0] if record.procedure_ids else None
        return _linked(record, first, links_of) if first in expect else "wrong_answer"
    if decision == "crisis" and expect & set(record.procedure_ids):
        # Help for a child at risk carries the child-protection entry and its link.
        return _linked(record, record.procedure_ids[0], links_of)
    if decision in CHOICES:
        right = any(pid in expect for pid in record.procedure_ids)
        return "choice_with_right" if right else "choice_without_right"
    if decision == "rephrase":
        return "rephrase"
    if decision == "handoff":
        return "handoff"
    return "out_of_scope"


def _linked(record: TurnRecord, procedure_id: str | None,
            links_of: Mapping[str, str]) -> Verdict:
    """The right procedure: with its link (any link if the catalogue has none known)?"""
    link = links_of.get(procedure_id or "")
    given = link in record.links if link else bool(record.links)
    return "correct_answer" if given else "answer_no_link"


def rank_in(ranked: Sequence[str], expect: Sequence[str]) -> int | None:
    """1-based rank of the first expected id in `ranked`, None if absent."""
    for i, pid in enumerate(ranked):
        if pid in expect:
            return i + 1
    return None
