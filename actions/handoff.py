"""Human handoff: the Bürgerservice contact (phone, e-mail, secure contact form).

Used on explicit request (request_human) and after the second failed search.
The contact comes from the catalogue entry `buergerservice-kontakt`, so staff
update it in one place.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import replies
from actions.common import BUERGERSERVICE_ID, load_procedure, logger, resolve_language


def utter_buergerservice(dispatcher: CollectingDispatcher, language: str) -> None:
    """Send the Bürgerservice contact with a button to the secure contact form."""
    service = load_procedure(BUERGERSERVICE_ID)
    if service is None:
        logger.error("catalogue entry %s is missing: handoff without contact details",
                     BUERGERSERVICE_ID)
        dispatcher.utter_message(text=replies.say("handoff_fallback", language))
        return
    lines = [replies.say("handoff", language), *replies.contact_lines(service.contact, language)]
    lines.append(replies.say("handoff_form", language, link=service.link))
    dispatcher.utter_message(
        text="\n".join(lines),
        buttons=[{"title": replies.say("handoff_button", language), "url": service.link,
                  "type": "web_url"}])


class ActionHandoff(Action):
    """The citizen asked for a person."""

    def name(self) -> str:
        return "action_handoff"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[EventType]:
        language, events = resolve_language(tracker)
        utter_buergerservice(dispatcher, language)
        return [*events, SlotSet("search_failures", 0.0), SlotSet("gemeinde_needed", False)]
