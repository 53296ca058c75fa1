"""Procedure questions: the catalogue search decides which procedure is meant.

One generic NLU intent (search_procedure) covers every department; this action
turns the search decision into an answer (answer), up to three buttons
(choose) or a request to rephrase, and hands off to the Bürgerservice after
the second failure in a row. Off-topic and low-confidence messages pass
through here too: the search is the second gate before saying "can't help".
"""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import replies
from actions.common import (
    answer_slots,
    latest_entity,
    latest_intent,
    latest_text,
    load_procedure,
    resolve_language,
    search,
)
from actions.handoff import utter_buergerservice
from catalogue.models import Procedure

MAX_CHOICES = 3
# After this many failed searches in a row the citizen gets a human contact.
MAX_FAILURES = 2


def utter_feedback_question(dispatcher: CollectingDispatcher, language: str) -> None:
    dispatcher.utter_message(text=replies.say("feedback_question", language),
                             buttons=replies.feedback_buttons(language))


def utter_procedure(dispatcher: CollectingDispatcher, procedure: Procedure,
                    language: str) -> list[EventType]:
    """Answer with title, short answer and direct link (text and URL button).

    If the Gemeinde is responsible, the feedback question waits: gemeinde_form
    asks for the place first (see data/rules.yml).
    """
    dispatcher.utter_message(text=replies.procedure_answer(procedure, language),
                             buttons=[replies.link_button(procedure, language)])
    if procedure.responsible_level != "gemeinde":
        utter_feedback_question(dispatcher, language)
    return answer_slots(procedure)


def utter_choices(dispatcher: CollectingDispatcher, procedures: list[Procedure],
                  language: str) -> list[EventType]:
    dispatcher.utter_message(text=replies.say("choose", language),
                             buttons=replies.choice_buttons(procedures[:MAX_CHOICES], language))
    return [SlotSet("gemeinde_needed", False), SlotSet("search_failures", 0.0)]


def utter_search_failure(dispatcher: CollectingDispatcher, tracker: Tracker, language: str,
                         message: str | None = None) -> list[EventType]:
    """Ask to rephrase once; on the second failure in a row hand off to a human."""
    failures = int(tracker.get_slot("search_failures") or 0) + 1
    if failures >= MAX_FAILURES:
        dispatcher.utter_message(text=replies.say("rephrase_failed", language))
        utter_buergerservice(dispatcher, language)
        return [SlotSet("gemeinde_needed", False), SlotSet("search_failures", 0.0)]
    dispatcher.utter_message(text=message or replies.say("rephrase", language))
    return [SlotSet("gemeinde_needed", False), SlotSet("search_failures", float(failures))]


class ActionSearchProcedure(Action):
    """Answer a procedure question (also the second gate for fallback / out_of_scope)."""

    def name(self) -> str:
        return "action_search_procedure"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[EventType]:
        language, events = resolve_language(tracker)
        outcome = search(latest_text(tracker))
        off_topic = latest_intent(tracker) == "out_of_scope"
        if outcome.decision == "answer" and outcome.procedures:
            return events + utter_procedure(dispatcher, outcome.procedures[0], language)
        if off_topic:
            # DIET said off-topic and the search is not sure either: say so politely,
            # without counting it as a failed attempt.
            dispatcher.utter_message(text=replies.say("out_of_scope", language))
            return [*events, SlotSet("gemeinde_needed", False)]
        if outcome.decision == "choose" and len(outcome.procedures) > 1:
            return events + utter_choices(dispatcher, outcome.procedures, language)
        if outcome.decision == "unavailable":
            dispatcher.utter_message(text=replies.say("search_unavailable", language))
            utter_buergerservice(dispatcher, language)
            return [*events, SlotSet("gemeinde_needed", False)]
        return events + utter_search_failure(dispatcher, tracker, language, outcome.error)


_ORDINALS = {
    0: re.compile(r"\b(1|erste[nrs]?|eins|first|one)\b"),
    1: re.compile(r"\b(2|zweite[nrs]?|zwei|second|two)\b"),
    2: re.compile(r"\b(3|dritte[nrs]?|drei|third|three)\b"),
    -1: re.compile(r"\b(letzte[nrs]?|last)\b"),
}


def offered_choices(tracker: Tracker, *, last_turn_only: bool = False) -> list[str]:
    """Procedure ids of the choice buttons in the last bot message that had any.

    With `last_turn_only`, only the bot's reply to the previous user message counts.
    """
    users_seen = 0
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            users_seen += 1
            if last_turn_only and users_seen > 1:
                return []
            continue
        if event.get("event") != "bot":
            continue
        buttons = (event.get("data") or {}).get("buttons") or []
        ids = [b["payload"].split('"procedure_id": "', 1)[1].split('"', 1)[0]
               for b in buttons if str(b.get("payload", "")).startswith("/choose_option")
               and '"procedure_id": "' in b["payload"]]
        if ids:
            return ids
    return []


def typed_choice(tracker: Tracker) -> str | None:
    """Resolve "die zweite" / "number 3" against the last offered choices."""
    choices = offered_choices(tracker)
    text = latest_text(tracker).lower()
    for position, pattern in _ORDINALS.items():
        if choices and pattern.search(text) and position < len(choices):
            return choices[position]
    return None


class ActionChooseOption(Action):
    """The citizen picked one of the offered procedures (button or typed ordinal)."""

    def name(self) -> str:
        return "action_choose_option"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[EventType]:
        language, events = resolve_language(tracker)
        procedure_id = latest_entity(tracker, "procedure_id") or typed_choice(tracker)
        procedure = load_procedure(procedure_id)
        if procedure is None:
            dispatcher.utter_message(text=replies.say("choice_unknown", language))
            return [*events, SlotSet("gemeinde_needed", False)]
        return events + utter_procedure(dispatcher, procedure, language)


class ActionDefaultFallback(Action):
    """The policies are unsure what to do next: treat it like a failed search."""

    def name(self) -> str:
        return "action_default_fallback"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[EventType]:
        language, events = resolve_language(tracker)
        return events + utter_search_failure(dispatcher, tracker, language)
