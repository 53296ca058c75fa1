"""Shared plumbing for the custom actions: catalogue access, language, context.

Everything that touches the catalogue goes through the cached getters
(`get_db`, `get_search_engine`), looked up at call time, so tests can swap in
an in-memory catalogue with monkeypatch and nothing is loaded at import time.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet

import catalogue.db as catalogue_db
import catalogue.search as catalogue_search
from catalogue.language import detect_language
from catalogue.models import Gemeinde, Procedure

logger = logging.getLogger(__name__)

DEFAULT_LANGUAGE = "de"
# Catalogue entry with the Bürgerservice phone, e-mail and secure contact form.
BUERGERSERVICE_ID = "buergerservice-kontakt"


def get_db() -> Any:
    """The catalogue database (resolved at call time so tests can replace it)."""
    return catalogue_db.get_db()


def get_search_engine() -> Any:
    """The search engine (resolved at call time so tests can replace it)."""
    return catalogue_search.get_search_engine()


def latest_text(tracker: Tracker) -> str:
    return (tracker.latest_message or {}).get("text") or ""


def latest_intent(tracker: Tracker) -> str:
    return ((tracker.latest_message or {}).get("intent") or {}).get("name") or ""


def latest_entity(tracker: Tracker, entity: str) -> str | None:
    """First value of `entity` in the latest user message (NLU or button payload)."""
    for item in (tracker.latest_message or {}).get("entities") or []:
        if item.get("entity") == entity and item.get("value") not in (None, ""):
            return str(item["value"])
    return None


def resolve_language(tracker: Tracker) -> tuple[str, list[EventType]]:
    """Language of the latest message, else the conversation's; plus the SlotSet if it changed.

    Detection runs per message so a citizen who switches to English gets English;
    messages too short to tell ("ok", "wkb", button payloads) keep the slot.
    """
    current = tracker.get_slot("language")
    detected = detect_language(latest_text(tracker))
    language = detected or current or DEFAULT_LANGUAGE
    events: list[EventType] = []
    if language != current:
        events.append(SlotSet("language", language))
    return language, events


def load_procedure(procedure_id: str | None) -> Procedure | None:
    if not procedure_id:
        return None
    try:
        return catalogue_db.get_procedure(get_db(), procedure_id)
    except Exception:  # a broken catalogue must not crash the conversation
        logger.exception("could not load procedure %s", procedure_id)
        return None


def current_procedure(tracker: Tracker) -> Procedure | None:
    """The procedure the conversation is about (slot `procedure_id`), if it still exists."""
    return load_procedure(tracker.get_slot("procedure_id"))


def load_gemeinden() -> list[Gemeinde]:
    try:
        return catalogue_db.all_gemeinden(get_db())
    except Exception:
        logger.exception("could not load the Gemeinden")
        return []


@dataclass(frozen=True)
class SearchOutcome:
    """A search result, or the message to show when the query could not be searched."""

    decision: str
    procedures: list[Procedure]
    error: str | None = None


def search(text: str, limit: int = 5) -> SearchOutcome:
    """Ask the catalogue search; failures become a 'rephrase' or an error outcome."""
    try:
        result = get_search_engine().search(text, limit=limit)
    except catalogue_search.QueryError as exc:
        return SearchOutcome("rephrase", [], error=str(exc))
    except Exception:
        logger.exception("catalogue search failed for %r", text)
        return SearchOutcome("unavailable", [])
    return SearchOutcome(result.decision, [hit.procedure for hit in result.hits])


def answer_slots(procedure: Procedure, *, gemeinde_needed: bool | None = None) -> list[EventType]:
    """Slots every answer about `procedure` sets: the context and a fresh failure count."""
    needed = (procedure.responsible_level == "gemeinde") if gemeinde_needed is None \
        else gemeinde_needed
    return [SlotSet("procedure_id", procedure.id), SlotSet("gemeinde_needed", needed),
            SlotSet("search_failures", 0.0)]
