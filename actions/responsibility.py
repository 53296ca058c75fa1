"""When the Gemeinde is responsible: ask where the citizen lives, name the Rathaus.

Pass, Personalausweis, Meldewesen, Gewerbe … are Gemeinde matters in Bavaria.
The answering actions set `gemeinde_needed`; the rules then run gemeinde_form,
whose validation matches the answer ("wkb", "in Ampfing", "Waldkreiburg")
against the 31 Gemeinden, and action_gemeinde_contact gives that Rathaus'
phone, e-mail, opening hours and website.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import replies
from actions.common import current_procedure, latest_text, load_gemeinden, resolve_language
from actions.search_procedure import utter_feedback_question
from catalogue.gemeinden import find_gemeinde

# Slot value that ends the form after repeated unknown answers.
UNKNOWN_GEMEINDE = "unknown"
MAX_ATTEMPTS = 2


class ActionAskGemeinde(Action):
    """Ask for the Gemeinde in the conversation's language (form prompt)."""

    def name(self) -> str:
        return "action_ask_gemeinde"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[EventType]:
        language, events = resolve_language(tracker)
        dispatcher.utter_message(text=replies.say("ask_gemeinde", language))
        return events


class ValidateGemeindeForm(FormValidationAction):
    """Map the citizen's answer to a Gemeinde id; re-ask once, then give up politely."""

    def name(self) -> str:
        return "validate_gemeinde_form"

    async def validate_gemeinde(self, slot_value: Any, dispatcher: CollectingDispatcher,
                                tracker: Tracker, domain: DomainDict) -> dict[str, Any]:
        gemeinden = load_gemeinden()
        gemeinde = find_gemeinde(gemeinden, str(slot_value or "")) \
            or find_gemeinde(gemeinden, latest_text(tracker))
        if gemeinde is not None:
            return {"gemeinde": gemeinde.id, "gemeinde_attempts": 0.0}
        attempts = int(tracker.get_slot("gemeinde_attempts") or 0) + 1
        if attempts >= MAX_ATTEMPTS:
            # Stop asking: action_gemeinde_contact explains where to turn instead.
            return {"gemeinde": UNKNOWN_GEMEINDE, "gemeinde_attempts": 0.0}
        language = tracker.get_slot("language") or "de"
        dispatcher.utter_message(text=replies.say(
            "gemeinde_unknown", language, text=str(slot_value or latest_text(tracker)).strip()))
        return {"gemeinde": None, "gemeinde_attempts": float(attempts)}


class ActionGemeindeContact(Action):
    """Name the Rathaus of the citizen's Gemeinde (after the form or when a place is named)."""

    def name(self) -> str:
        return "action_gemeinde_contact"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[EventType]:
        language, events = resolve_language(tracker)
        value = tracker.get_slot("gemeinde")
        gemeinde = None
        if value and value != UNKNOWN_GEMEINDE:
            gemeinde = find_gemeinde(load_gemeinden(), str(value))
        if gemeinde is None and value != UNKNOWN_GEMEINDE:
            gemeinde = find_gemeinde(load_gemeinden(), latest_text(tracker))
        if gemeinde is None:
            dispatcher.utter_message(text=replies.say("gemeinde_giveup", language))
            return [*events, SlotSet("gemeinde", None), SlotSet("gemeinde_needed", False)]
        dispatcher.utter_message(
            text=replies.rathaus_text(gemeinde, language, current_procedure(tracker)))
        utter_feedback_question(dispatcher, language)
        return [*events, SlotSet("gemeinde", gemeinde.id), SlotSet("gemeinde_needed", False)]
