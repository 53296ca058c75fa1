"""Redaction of stored conversation events (Rasa's event dicts), standard library only.

The tracker store (`rasa_addons.tracker_store`) calls `redact_events` on every event
before it is written, published or serialised, so the conversation log never holds a
citizen's personal data, whatever the channel. What is covered:

- user events: `text`, `parse_data.text`, every entity's `value` (replaced by the
  placeholder of the finding it came from), string values in `metadata`;
- intent payloads such as `/choose_option{"procedure_id": "kfz-abmeldung"}`: only the
  JSON string values are redacted, so the payload stays parseable and our own ids
  (which contain no personal data) stay as they are;
- slot events: string values (also inside lists and dicts), except the turn record,
  which holds only our own decision data;
- bot events: a citizen's words echoed back (e.g. "„{text}“ habe ich nicht als Gemeinde
  gefunden") are replaced by their redacted form; the bot's own texts (an authority's
  phone number, e-mail) and button payloads are left alone;
- an answer the bot quoted back whole ("„Xaverine Quastenhuber“ habe ich nicht als
  Gemeinde gefunden") was not understood as what was asked and may be anything, e.g. a
  bare name no pattern can recognise: it is stored as `[FREITEXT]` (user text, slot,
  echo).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from typing import Any

from conversations.redaction import PLACEHOLDERS, find, redact

# Slots that hold only our own structured data, never a citizen's words.
UNREDACTED_SLOTS = frozenset({"turn_record"})
_PAYLOAD = re.compile(r"^(/[\w.-]+)(\{.*\})?$", re.DOTALL)
_MIN_ECHO = 3  # shorter user texts ("ja") are not searched for in bot texts
UNRESOLVED = "[FREITEXT]"
_QUOTES = (("„", "“"), ("“", "”"), ('"', '"'), ("«", "»"), ("»", "«"))


def redact_text(text: str) -> str:
    """A user text redacted; an intent payload keeps its structure."""
    match = _PAYLOAD.match(text)
    if match is None:
        return redact(text)
    if match.group(2) is None:
        return text
    try:
        entities = json.loads(match.group(2))
    except ValueError:
        return redact(text)
    redacted = _redact_value(entities)
    if redacted == entities:
        return text
    return match.group(1) + json.dumps(redacted, ensure_ascii=False)


def _redact_value(value: Any) -> Any:
    if isinstance(value, str):
        return redact(value)
    if isinstance(value, list):
        return [_redact_value(item) for item in value]
    if isinstance(value, dict):
        return {key: _redact_value(item) for key, item in value.items()}
    return value


def _redact_entities(entities: Any, text: str) -> Any:
    if not isinstance(entities, list):
        return entities
    findings = find(text) if isinstance(text, str) else []
    result = []
    for entity in entities:
        if not isinstance(entity, dict):
            result.append(entity)
            continue
        entity = dict(entity)
        start, end = entity.get("start"), entity.get("end")
        hit = next((f for f in findings if isinstance(start, int) and isinstance(end, int)
                    and f.start < end and start < f.end), None)
        if hit is not None:
            entity["value"] = PLACEHOLDERS[hit.type]
        else:
            entity["value"] = _redact_value(entity.get("value"))
        result.append(entity)
    return result


def _redact_user(event: dict[str, Any], echoes: _Echoes | None) -> dict[str, Any]:
    raw = event.get("text")
    if echoes is not None and raw in echoes.unresolved:
        event["text"] = UNRESOLVED
        parse_data = event.get("parse_data")
        if isinstance(parse_data, dict):
            event["parse_data"] = {
                **parse_data, "text": UNRESOLVED,
                "entities": [{**e, "value": UNRESOLVED} if isinstance(e, dict) else e
                             for e in parse_data.get("entities") or []]}
        return event
    if isinstance(raw, str):
        event["text"] = redact_text(raw)
    parse_data = event.get("parse_data")
    if isinstance(parse_data, dict):
        parse_data = dict(parse_data)
        parsed_text = parse_data.get("text")
        if "entities" in parse_data:
            parse_data["entities"] = _redact_entities(
                parse_data["entities"], parsed_text if isinstance(parsed_text, str) else "")
        if isinstance(parsed_text, str):
            parse_data["text"] = redact_text(parsed_text)
        if isinstance(parse_data.get("metadata"), dict):
            parse_data["metadata"] = _redact_value(parse_data["metadata"])
        event["parse_data"] = parse_data
    if isinstance(event.get("metadata"), dict):
        event["metadata"] = _redact_value(event["metadata"])
    return event


class _Echoes:
    """The citizen's words of one conversation, to find them echoed in bot texts."""

    def __init__(self, user_texts: Iterable[str], bot_texts: Iterable[str] = ()) -> None:
        self.replacements: dict[str, str] = {}
        texts = [text for text in user_texts if not _PAYLOAD.match(text)]
        bots = list(bot_texts)
        self.unresolved = {text for text in texts if len(text) >= _MIN_ECHO and any(
            f"{left}{text}{right}" in bot for bot in bots for left, right in _QUOTES)}
        for text in texts:
            if text in self.unresolved:
                self.replacements[text] = UNRESOLVED
                continue
            redacted = redact(text)
            if redacted == text:
                continue
            if len(text) >= _MIN_ECHO:
                self.replacements[text] = redacted
            for finding in find(text):
                self.replacements.setdefault(finding.value, PLACEHOLDERS[finding.type])
        # Longest first: a whole echoed message before the pieces in it.
        self.order = sorted(self.replacements, key=len, reverse=True)

    def apply(self, text: str) -> str:
        for original in self.order:
            if original in text:
                text = text.replace(original, self.replacements[original])
        return text


def redact_event(event: Mapping[str, Any], echoes: _Echoes | None = None) -> dict[str, Any]:
    """One event dict (Rasa's `Event.as_dict()` shape) with personal data redacted."""
    result = dict(event)
    kind = result.get("event")
    if kind == "user":
        return _redact_user(result, echoes)
    if kind == "slot" and result.get("name") not in UNREDACTED_SLOTS:
        value = result.get("value")
        if echoes is not None and isinstance(value, str) and value in echoes.unresolved:
            value = UNRESOLVED
        value = redact_text(value) if isinstance(value, str) else _redact_value(value)
        result["value"] = echoes.apply(value) if echoes and isinstance(value, str) else value
    elif kind == "entities":
        result["entities"] = [
            {**e, "value": _redact_value(e.get("value"))} if isinstance(e, dict) else e
            for e in result.get("entities") or []]
    elif kind == "bot" and echoes is not None and isinstance(result.get("text"), str):
        result["text"] = echoes.apply(result["text"])
    return result


def redact_events(events: Iterable[Mapping[str, Any]],
                  context: Iterable[Mapping[str, Any]] = ()) -> list[dict[str, Any]]:
    """Events redacted; `context` = the conversation's other (raw) events, whose user
    texts are looked for in bot texts (an echo in this batch of a message stored
    earlier is found too)."""
    events = list(events)
    everything = [*context, *events]
    user_texts = [str(e["text"]) for e in everything
                  if e.get("event") == "user" and isinstance(e.get("text"), str)]
    bot_texts = [str(e["text"]) for e in everything
                 if e.get("event") == "bot" and isinstance(e.get("text"), str)]
    echoes = _Echoes(user_texts, bot_texts)
    return [redact_event(event, echoes) for event in events]
