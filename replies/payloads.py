"""Button payloads: built and parsed back in this one module.

Rasa parses `/intent{json}` payloads without NLU. The strings must stay
byte-for-byte as the training data and the end-to-end tests expect them:
`/choose_option{"procedure_id": "x"}` and `/feedback{"helpful": "yes"}`.
Reading them back (which choices did the bot offer last, did it ask for
feedback) works on Rasa's bot events, both from buttons and from
`OFFERED_KEY` (choices a text-only channel showed as a numbered list).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

CHOOSE_INTENT = "choose_option"
FEEDBACK_INTENT = "feedback"
# Bot message key (Rasa keeps unknown keys as the bot event's metadata) listing the
# payloads of choices that were rendered as text instead of buttons.
OFFERED_KEY = "offered_payloads"


def _payload(intent: str, entities: Mapping[str, str], *, compact: bool = False) -> str:
    separators = (",", ":") if compact else (", ", ": ")
    return f"/{intent}" + json.dumps(dict(entities), separators=separators)


def choice_payload(procedure_id: str, *, compact: bool = False) -> str:
    """`/choose_option{"procedure_id": "x"}` (compact: without spaces, for tight channels)."""
    return _payload(CHOOSE_INTENT, {"procedure_id": procedure_id}, compact=compact)


def feedback_payload(helpful: str) -> str:
    """`/feedback{"helpful": "yes"}` or `... "no"`."""
    return _payload(FEEDBACK_INTENT, {"helpful": helpful})


def compact(payload: str) -> str:
    """The same payload without optional spaces in its JSON (Rasa parses both)."""
    parsed = parse(payload)
    if parsed is None:
        return payload
    intent, entities = parsed
    return _payload(intent, entities, compact=True)


def parse(payload: str) -> tuple[str, dict[str, str]] | None:
    """(intent, entities) of a `/intent{json}` payload, None for anything else."""
    if not payload.startswith("/"):
        return None
    intent, brace, rest = payload[1:].partition("{")
    if not brace:
        return (intent, {}) if intent else None
    try:
        entities = json.loads(brace + rest)
    except ValueError:
        return None
    if not isinstance(entities, dict):
        return None
    return intent, {str(k): str(v) for k, v in entities.items()}


def chosen_procedure(payload: str) -> str | None:
    """The procedure id of a choice payload, else None."""
    parsed = parse(payload)
    if parsed is None or parsed[0] != CHOOSE_INTENT:
        return None
    return parsed[1].get("procedure_id") or None


def is_feedback(payload: str) -> bool:
    parsed = parse(payload)
    return parsed is not None and parsed[0] == FEEDBACK_INTENT


def bot_payloads(event: Mapping[str, Any]) -> list[str]:
    """Payloads a bot event offered: its buttons, then choices rendered as text."""
    data = event.get("data") or {}
    buttons = (data.get("buttons") or []) if isinstance(data, Mapping) else []
    payloads = [str(b["payload"]) for b in buttons
                if isinstance(b, Mapping) and b.get("payload")]
    metadata = event.get("metadata") or {}
    if isinstance(metadata, Mapping):
        payloads += [str(p) for p in metadata.get(OFFERED_KEY) or []]
    return payloads


def offered_choices(events: Iterable[Mapping[str, Any]], *,
                    last_turn_only: bool = False) -> list[str]:
    """Procedure ids offered by the latest bot message that offered any.

    With `last_turn_only`, only the bot's reply to the previous user message counts.
    """
    users_seen = 0
    for event in reversed(list(events)):
        if event.get("event") == "user":
            users_seen += 1
            if last_turn_only and users_seen > 1:
                return []
            continue
        if event.get("event") != "bot":
            continue
        ids = [pid for pid in map(chosen_procedure, bot_payloads(event)) if pid]
        if ids:
            return ids
    return []


def asked_for_feedback(events: Iterable[Mapping[str, Any]]) -> bool:
    """Was the bot's last message the feedback question (with /feedback options)?"""
    for event in reversed(list(events)):
        if event.get("event") == "bot":
            return any(is_feedback(p) for p in bot_payloads(event))
    return False
