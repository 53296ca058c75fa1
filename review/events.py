"""One stored tracker event, read defensively: the store holds JSON text written by Rasa
(and by anyone with access to the database), so every field is checked, and an event
that is not what it claims to be becomes `Malformed` instead of an exception."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from conversations.turn_record import TurnRecord, TurnRecordError
from review.store import Row

# Longest text kept of one message (a citizen message is at most 2,000 characters;
# anything longer in the store was not written by the web app).
MAX_TEXT = 5000


@dataclass(frozen=True)
class UserMessage:
    timestamp: float
    text: str
    intent: str
    confidence: float | None
    channel: str


@dataclass(frozen=True)
class BotMessage:
    timestamp: float
    text: str
    links: tuple[str, ...]
    buttons: tuple[str, ...]


@dataclass(frozen=True)
class RecordSet:
    """The slot `turn_record`: the record, or why it could not be read."""

    timestamp: float
    record: TurnRecord | None
    error: str | None = None


@dataclass(frozen=True)
class FeedbackSet:
    timestamp: float
    helpful: str  # "yes" | "no"


@dataclass(frozen=True)
class Malformed:
    timestamp: float
    reason: str


@dataclass(frozen=True)
class Other:
    timestamp: float


Event = UserMessage | BotMessage | RecordSet | FeedbackSet | Malformed | Other


def _text(value: Any) -> str:
    return value[:MAX_TEXT] if isinstance(value, str) else ""


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def _user(data: Mapping[str, Any], ts: float) -> UserMessage:
    parse = data.get("parse_data")
    intent: Any = parse.get("intent") if isinstance(parse, Mapping) else None
    name = intent.get("name") if isinstance(intent, Mapping) else None
    confidence = _number(intent.get("confidence")) if isinstance(intent, Mapping) else None
    return UserMessage(ts, _text(data.get("text")), name if isinstance(name, str) else "",
                       confidence, _text(data.get("input_channel"))[:50])


def _bot(data: Mapping[str, Any], ts: float) -> BotMessage:
    payload = data.get("data")
    raw = payload.get("buttons") if isinstance(payload, Mapping) else None
    buttons = [b for b in raw if isinstance(b, Mapping)] if isinstance(raw, list) else []
    links = tuple(_text(b.get("url")) for b in buttons if isinstance(b.get("url"), str))
    titles = tuple(_text(b.get("title")) for b in buttons if isinstance(b.get("title"), str))
    return BotMessage(ts, _text(data.get("text")), links, titles)


def _slot(data: Mapping[str, Any], ts: float) -> Event:
    name, value = data.get("name"), data.get("value")
    if name == "turn_record":
        if value is None:  # reset between turns
            return Other(ts)
        try:
            return RecordSet(ts, TurnRecord.from_dict(value))
        except TurnRecordError as exc:
            return RecordSet(ts, None, str(exc))
    if name == "feedback" and value in ("yes", "no"):
        return FeedbackSet(ts, str(value))
    return Other(ts)


# Slots the review reads; other events only count (their JSON is not even parsed: the
# index reads every event of the store once, and a third of them are actions).
_READ = ("user", "bot", "slot")
_SLOTS = ('"turn_record"', '"feedback"')


def parse(row: Row) -> Event:
    """The event of one stored row; never raises."""
    if row.type_name not in _READ or (
            row.type_name == "slot" and not any(name in row.data for name in _SLOTS)):
        return Other(row.timestamp)
    try:
        data = json.loads(row.data)
    except (ValueError, RecursionError):
        return Malformed(row.timestamp, "kein gültiges JSON")
    if not isinstance(data, Mapping):
        return Malformed(row.timestamp, "kein JSON-Objekt")
    ts = _number(data.get("timestamp")) or row.timestamp
    kind = data.get("event")
    if kind != row.type_name:
        return Malformed(ts, f"Ereignistyp {str(kind)[:40]!r} passt nicht zur Spalte "
                             f"{row.type_name[:40]!r}")
    if kind == "user":
        return _user(data, ts)
    if kind == "bot":
        return _bot(data, ts)
    if kind == "slot":
        return _slot(data, ts)
    return Other(ts)
