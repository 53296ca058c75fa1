"""Greeting, thanks, goodbye and "Bist du ein Bot?" in the citizen's language.

Rendered here rather than as domain responses because the language is only
known after detecting it on the current message. A greeting that carries a
request ("Servus, i mog mei Auto abmelden") is answered as a procedure
question when the search is confident about it.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import replies
from actions.common import latest_intent, latest_text, resolve_language, search
from actions.procedure_details import topic_words
from actions.search_procedure import utter_choices, utter_procedure

SMALLTALK_INTENTS = ("greet", "goodbye", "thanks", "bot_challenge")
# Greeting and thanking words (umlauts folded) that are no request on their own.
_SMALLTALK = (
    "hallo servus gruess gott griass griess guten morgen tag abend moin tach huhu hey hello "
    "hi there wegweiser zusammen danke dank vielen herzlichen schoen dankeschoen merci "
    "vergelts thanks thank lot cheers info infos auskunft antwort super toll prima klasse "
    "perfekt nochmal")
SMALLTALK_WORDS = frozenset(_SMALLTALK.split())


def request_words(text: str) -> list[str]:
    return [w for w in topic_words(text) if w not in SMALLTALK_WORDS]


class ActionSmalltalk(Action):
    """Reply to greet / goodbye / thanks / bot_challenge."""

    def name(self) -> str:
        return "action_smalltalk"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[EventType]:
        language, events = resolve_language(tracker)
        intent = latest_intent(tracker)
        text = latest_text(tracker)
        if intent in ("greet", "thanks") and request_words(text):
            outcome = search(text)
            if outcome.decision == "answer" and outcome.procedures:
                return [*events, *utter_procedure(dispatcher, outcome.procedures[0], language)]
            if outcome.decision == "choose" and intent == "greet" and \
                    len(outcome.procedures) > 1:
                return [*events, *utter_choices(dispatcher, outcome.procedures, language)]
        key = intent if intent in SMALLTALK_INTENTS else "greet"
        dispatcher.utter_message(text=replies.say(key, language))
        return [*events, SlotSet("gemeinde_needed", False)]
