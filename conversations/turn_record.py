"""The turn record: one typed, versioned summary of what a custom action decided.

Every action that replies to a user message stores it as the slot `turn_record`,
so the tracker store holds, next to the texts, why the bot said what it said
(search candidates with scores, what was presented, which links were given).
The chat evaluation, staff transcripts and analytics read this record instead
of re-running the search. Bump `SCHEMA_VERSION` on any incompatible change.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, cast, get_args

SCHEMA_VERSION = 1

Decision = Literal["answer", "elsewhere", "choose", "clarify", "rephrase", "handoff",
                   "out_of_scope", "smalltalk", "feedback", "crisis"]
Outcome = Literal["link_given", "sent_elsewhere", "clarified", "rephrase", "handoff",
                  "declined", "crisis_help", "none"]
Aspect = Literal["documents", "fees", "contact", "online", "consultation", "processing_time"]

# The slot the record is stored in (domain.yml).
SLOT = "turn_record"

DECISIONS: frozenset[str] = frozenset(get_args(Decision))
OUTCOMES: frozenset[str] = frozenset(get_args(Outcome))
ASPECTS: frozenset[str] = frozenset(get_args(Aspect))


class TurnRecordError(ValueError):
    """A stored turn record that this code cannot read (unknown version or bad field)."""


@dataclass(frozen=True)
class Candidate:
    """One search hit: procedure id and fused score (higher is better)."""

    id: str
    score: float

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "score": self.score}


@dataclass(frozen=True)
class TurnRecord:
    """What one action decided for one user message.

    `decision`: what kind of reply (answer, elsewhere = answered but another
    authority is responsible, choose, clarify = asked back, rephrase, handoff,
    out_of_scope, smalltalk, feedback, crisis = help numbers for a citizen in
    danger). `reason`: short code why (e.g. second_failure, search_unavailable,
    requested, gemeinde_unknown; for crisis the kinds, most urgent first: medical,
    danger, suicide, child, violence, homeless, e.g. child+violence).
    `candidates`: what the search returned, best first (empty if no search ran).
    `procedure_ids`: what was presented. `links`: URLs given. `outcome`: what the
    citizen got. `safety_note`: the kind of a possible crisis that got a line of help
    numbers before the answer.
    """

    action: str
    intent: str
    intent_confidence: float
    language: str
    decision: Decision
    outcome: Outcome
    reason: str | None = None
    aspect: Aspect | None = None
    candidates: tuple[Candidate, ...] = ()
    procedure_ids: tuple[str, ...] = ()
    links: tuple[str, ...] = ()
    # A possible crisis the semantic check saw (its kind): the answer was preceded by
    # one line with help numbers (actions/crisis_semantic.py). Optional, so records
    # written before it existed still read.
    safety_note: str | None = None
    version: int = field(default=SCHEMA_VERSION)

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe dict (what the slot stores)."""
        return {
            "version": self.version, "action": self.action, "intent": self.intent,
            "intent_confidence": self.intent_confidence, "language": self.language,
            "decision": self.decision, "reason": self.reason, "aspect": self.aspect,
            "candidates": [c.to_dict() for c in self.candidates],
            "procedure_ids": list(self.procedure_ids), "links": list(self.links),
            "outcome": self.outcome, "safety_note": self.safety_note,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> TurnRecord:
        """Validate and read a stored record; raises TurnRecordError naming the bad field."""
        if not isinstance(data, Mapping):
            raise TurnRecordError(f"turn record must be an object, got {type(data).__name__}")
        version = data.get("version")
        if version != SCHEMA_VERSION:
            raise TurnRecordError(f"unknown turn record version {version!r} "
                                  f"(this code reads version {SCHEMA_VERSION})")
        unknown = set(data) - _FIELDS
        if unknown:
            raise TurnRecordError(f"unknown turn record fields: {', '.join(sorted(unknown))}")
        return cls(
            action=_text(data, "action"), intent=_text(data, "intent"),
            intent_confidence=_number(data.get("intent_confidence"), "intent_confidence"),
            language=_text(data, "language"),
            decision=cast(Decision, _choice(data, "decision", DECISIONS)),
            outcome=cast(Outcome, _choice(data, "outcome", OUTCOMES)),
            reason=_optional_text(data, "reason"),
            aspect=cast(Aspect | None, _choice(data, "aspect", ASPECTS, optional=True)),
            candidates=tuple(_candidate(item) for item in _list(data, "candidates")),
            procedure_ids=tuple(_strings(data, "procedure_ids")),
            links=tuple(_strings(data, "links")),
            safety_note=_optional_text(data, "safety_note"),
        )


_FIELDS = frozenset({"version", "action", "intent", "intent_confidence", "language",
                     "decision", "reason", "aspect", "candidates", "procedure_ids", "links",
                     "outcome", "safety_note"})


def _text(data: Mapping[str, Any], key: str) -> str:
    value = data.get(key)
    if not isinstance(value, str):
        raise TurnRecordError(f"turn record field {key!r} must be a string, got {value!r}")
    return value


def _optional_text(data: Mapping[str, Any], key: str) -> str | None:
    return None if data.get(key) is None else _text(data, key)


def _number(value: Any, key: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TurnRecordError(f"turn record field {key!r} must be a number, got {value!r}")
    return float(value)


def _choice(data: Mapping[str, Any], key: str, allowed: frozenset[str], *,
            optional: bool = False) -> str | None:
    value = data.get(key)
    if value is None and optional:
        return None
    if value not in allowed:
        raise TurnRecordError(f"turn record field {key!r} must be one of "
                              f"{', '.join(sorted(allowed))}; got {value!r}")
    return str(value)


def _list(data: Mapping[str, Any], key: str) -> list[Any]:
    value = data.get(key, [])
    if not isinstance(value, list):
        raise TurnRecordError(f"turn record field {key!r} must be a list, got {value!r}")
    return value


def _strings(data: Mapping[str, Any], key: str) -> list[str]:
    items = _list(data, key)
    if not all(isinstance(item, str) for item in items):
        raise TurnRecordError(f"turn record field {key!r} must be a list of strings")
    return items


def _candidate(item: Any) -> Candidate:
    if not isinstance(item, Mapping) or set(item) != {"id", "score"} \
            or not isinstance(item["id"], str):
        raise TurnRecordError(f"turn record candidate must be {{id, score}}, got {item!r}")
    return Candidate(item["id"], _number(item["score"], "candidates.score"))


def records_this_turn(events: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """The raw turn records written since the latest user message (latest first): what
    earlier actions of this turn — or a form validation — already decided."""
    return records_of_turn(events, 0)


def records_of_turn(events: Iterable[Mapping[str, Any]], back: int) -> list[Mapping[str, Any]]:
    """The raw turn records of the reply to the user message `back` messages before the
    latest (0: this turn, 1: the previous one), latest first."""
    found: list[Mapping[str, Any]] = []
    users = 0
    for event in reversed(list(events)):
        if event.get("event") == "user":
            users += 1
            if users > back:
                break
            continue
        value = event.get("value")
        if users == back and event.get("event") == "slot" and event.get("name") == SLOT \
                and isinstance(value, Mapping):
            found.append(value)
    return found
