"""Store the answer to "War das hilfreich?" as a SlotSet event.

The event lands in the tracker store next to the question and the answer, so
the staff review can show which answers did not help. Typed "ja"/"nein"
count only right after the feedback question.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import replies
from actions.common import latest_entity, latest_intent, resolve_language

_NEGATIVE = ("nicht", "ned", "kein", "falsch", "unbrauchbar", "not", "didn't", "no", "nein")


def asked_for_feedback(tracker: Tracker) -> bool:
    """Was the bot's last message the feedback question (with /feedback buttons)?"""
    for event in reversed(tracker.events):
        if event.get("event") == "bot":
            buttons = (event.get("data") or {}).get("buttons") or []
            return any(str(b.get("payload", "")).startswith("/feedback") for b in buttons)
    return False


def helpful_value(tracker: Tracker) -> str | None:
    """'yes' / 'no' from the button payload, the NLU entity or a plain ja/nein."""
    intent = latest_intent(tracker)
    value = latest_entity(tracker, "helpful")
    if value in ("yes", "no"):
        return value
    if intent == "feedback":
        text = ((tracker.latest_message or {}).get("text") or "").lower()
        return "no" if any(word in text.split() for word in _NEGATIVE) else "yes"
    if intent in ("affirm", "deny") and asked_for_feedback(tracker):
        return "yes" if intent == "affirm" else "no"
    return None


class ActionFeedback(Action):
    """Thank the citizen and record whether the answer helped."""

    def name(self) -> str:
        return "action_feedback"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[EventType]:
        language, events = resolve_language(tracker)
        value = helpful_value(tracker)
        if value is None:
            # A "ja"/"nein" that answered no feedback question.
            key = "deny_generic" if latest_intent(tracker) == "deny" else "affirm_generic"
            dispatcher.utter_message(text=replies.say(key, language))
            return events
        dispatcher.utter_message(text=replies.say(f"feedback_thanks_{value}", language))
        return [*events, SlotSet("feedback", value)]
