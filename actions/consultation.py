"""Online-Sprechstunde: offer the booking link of the responsible department.

Where the department has no video consultation, say so and give its contact
instead (or, for Gemeinde matters, ask for the Gemeinde to name its Rathaus).
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import replies
from actions.common import answer_slots, resolve_language
from actions.procedure_details import resolve_topic
from actions.search_procedure import utter_choices, utter_feedback_question


class ActionConsultation(Action):
    """Book a video consultation for the procedure in context (or a newly named one)."""

    def name(self) -> str:
        return "action_consultation"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[EventType]:
        language, events = resolve_language(tracker)
        topic = resolve_topic(tracker)
        if topic.choices:
            return events + utter_choices(dispatcher, topic.choices, language)
        procedure = topic.procedure
        if procedure is None:
            dispatcher.utter_message(text=replies.say("consultation_ask", language))
            return [*events, SlotSet("gemeinde_needed", False)]
        title = replies.title_of(procedure, language)
        if procedure.consultation_url:
            dispatcher.utter_message(
                text=replies.say("consultation_yes", language, title=title,
                                 link=procedure.consultation_url),
                buttons=[{"title": replies.say("consultation_button", language),
                          "url": procedure.consultation_url, "type": "web_url"}])
            utter_feedback_question(dispatcher, language)
            return events + answer_slots(procedure, gemeinde_needed=False)
        if procedure.responsible_level == "gemeinde":
            dispatcher.utter_message(text="\n".join([
                replies.say("consultation_no", language, title=title),
                replies.say("responsible_gemeinde", language)]))
            return events + answer_slots(procedure, gemeinde_needed=True)
        lines = [replies.say("consultation_no", language, title=title),
                 replies.say("consultation_reach", language)]
        lines += replies.contact_lines(procedure.contact, language) or [
            replies.say("contact_unknown", language, link=procedure.link)]
        dispatcher.utter_message(text="\n".join(lines),
                                 buttons=[replies.link_button(procedure, language)])
        utter_feedback_question(dispatcher, language)
        return events + answer_slots(procedure, gemeinde_needed=False)
