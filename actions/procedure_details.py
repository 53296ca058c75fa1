"""Follow-up questions: documents, fees, contact / opening hours, online?

"Was kostet das?" refers to the procedure in the slot `procedure_id`.
"Was kostet ein Reisepass?" names a new topic: whatever is left after removing
the question words is searched first, and only a confident hit switches the
context (a vague remainder falls back to the current procedure).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import replies
from actions.common import (
    answer_slots,
    current_procedure,
    latest_entity,
    latest_intent,
    latest_text,
    load_gemeinden,
    load_procedure,
    resolve_language,
    search,
)
from actions.search_procedure import offered_choices, utter_choices, utter_feedback_question
from catalogue.gemeinden import find_gemeinde, normalize_name
from catalogue.models import Procedure


def _words(text: str) -> list[str]:
    return text.split()


# Words of the follow-up questions themselves (umlauts folded, see normalize_name).
# What remains after removing them is a topic worth searching.
QUESTION_WORDS = frozenset(_words("""
was wie wo wann wer welche welcher welches welchen wieviel viel kostet kosten kostn koste
teuer tuer gebuehr gebuehren zahlen bezahlen zahln zahle karte bar kostenlos umsonst gratis
hoch sind ist is das des es da dafuer dazu damit davon der die den dem ein eine einen einer
eines a fuer mit zum zur bei beim im in an am auf aus muss musst muessen ich i mir mich man
ma wir sie ihr euch ihnen habt hat haben hab ham offen offn geoeffnet oeffnungszeiten
zeiten finde finden hin gehen geht gehts auch noch mal bitte denn eigentlich dann so oder
und unterlagen unterlagn dokumente papiere nachweise vorlegen mitbringen mitnehmen mitnehma
brauche brauch braucht brauchen benoetige benoetigt benoetigen noetig reicht mehr
online onlien internet digital machen erledigen antrag antrags formular herunterladen
zuhause hause zu von persoenlich vorbeikommen kommen kann koennen gibt sprechstunde video
videotermin termin beratung buchen vereinbaren ausmachen adresse telefonnummer telefon
nummer email mail erreichen zustaendig zustaendige stelle amt ansprechpartner wende wenden
jemandem sprechen per gern gerne haette moechte einen bayernid konto ausweis online
ausweis passbild foto lichtbild montag dienstag mittwoch donnerstag freitag samstag
sonntag heute morgen ned nicht kein keine
what how where when who which much does do is it cost costs fee fees free the an for to
of me my we you your need bring documents papers required can could apply form there
person come have has open opening hours phone number email address contact responsible
consultation appointment video book please this that with on at are be get pay card
would like there any in i
"""))
MIN_TOPIC_CHARS = 3


def topic_words(text: str) -> list[str]:
    """Words of `text` that are not part of the question itself."""
    words = normalize_name(text).split()
    return [w for w in words if w not in QUESTION_WORDS and len(w) >= MIN_TOPIC_CHARS
            and not w.isdigit()]


@dataclass
class Topic:
    """What a follow-up question is about: one procedure, choices, or nothing yet."""

    procedure: Procedure | None = None
    choices: list[Procedure] = field(default_factory=list)


def resolve_topic(tracker: Tracker) -> Topic:
    """A confidently searched new topic, else the procedure already in context."""
    context = current_procedure(tracker)
    text = latest_text(tracker)
    if topic_words(text):
        outcome = search(text)
        if outcome.decision == "answer" and outcome.procedures:
            return Topic(outcome.procedures[0])
        if outcome.decision == "choose" and len(outcome.procedures) > 1 and context is None:
            return Topic(choices=outcome.procedures)
    if context is None:
        # "Was kostet das?" right after the choice buttons: offer them again.
        offered = [p for p in map(load_procedure, offered_choices(tracker, last_turn_only=True))
                   if p is not None]
        if offered:
            return Topic(choices=offered)
    return Topic(context)


def _more(procedure: Procedure, language: str) -> str:
    return replies.say("more_info", language, link=procedure.link)


def documents_text(procedure: Procedure, language: str) -> str:
    title = replies.title_of(procedure, language)
    if not procedure.documents:
        return replies.say("documents_unknown", language, title=title,
                           more=_more(procedure, language))
    items = "\n".join(f"• {item}" for item in procedure.documents)
    return replies.say("documents", language, title=title, items=items)


def fees_text(procedure: Procedure, language: str) -> str:
    title = replies.title_of(procedure, language)
    if not procedure.fees:
        return replies.say("fees_unknown", language, title=title, more=_more(procedure, language))
    text = replies.say("fees", language, title=title, fees=procedure.fees)
    if procedure.processing_time:
        text += "\n" + replies.say("processing_time", language, time=procedure.processing_time)
    return text


def online_text(procedure: Procedure, language: str) -> str:
    title = replies.title_of(procedure, language)
    if not procedure.online_url:
        return replies.say("online_no", language, title=title, more=_more(procedure, language))
    lines = [replies.say("online_yes", language, title=title, link=procedure.online_url)]
    login = replies.login_line(procedure, language)
    if login:
        lines.append(login)
    return "\n".join(lines)


def contact_text(procedure: Procedure, language: str) -> str:
    title = replies.title_of(procedure, language)
    lines = [replies.say("contact_intro", language, title=title,
                         responsible=procedure.responsible)]
    details = replies.contact_lines(procedure.contact, language)
    lines += details or [replies.say("contact_unknown", language, link=procedure.link)]
    return "\n".join(lines)


ASPECTS = {
    "ask_documents": documents_text,
    "ask_fees": fees_text,
    "ask_online": online_text,
    "ask_contact": contact_text,
}
_RATHAUS = re.compile(r"\b(rathaus|gemeinde|buergerbuero|town hall)\b")


class ActionProcedureDetails(Action):
    """Answer documents / fees / contact / online about the procedure in context."""

    def name(self) -> str:
        return "action_procedure_details"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[EventType]:
        language, events = resolve_language(tracker)
        aspect = latest_intent(tracker)
        if aspect not in ASPECTS:
            aspect = "ask_contact" if aspect == "inform_gemeinde" else "ask_documents"
        text = latest_text(tracker)
        if aspect == "ask_contact" and (latest_entity(tracker, "gemeinde")
                                        or _RATHAUS.search(normalize_name(text))):
            gemeinde = find_gemeinde(load_gemeinden(), text)
            if gemeinde is not None:
                # "Wo ist das Rathaus in Ampfing?": the place itself is the topic.
                dispatcher.utter_message(text=replies.rathaus_text(
                    gemeinde, language, current_procedure(tracker)))
                utter_feedback_question(dispatcher, language)
                return [*events, SlotSet("gemeinde", gemeinde.id),
                        SlotSet("gemeinde_needed", False)]
        topic = resolve_topic(tracker)
        if topic.choices:
            return events + utter_choices(dispatcher, topic.choices, language)
        procedure = topic.procedure
        if procedure is None:
            dispatcher.utter_message(text=replies.say("ask_topic", language))
            return [*events, SlotSet("gemeinde_needed", False)]
        if aspect == "ask_contact" and procedure.responsible_level == "gemeinde":
            known = find_gemeinde(load_gemeinden(), tracker.get_slot("gemeinde"))
            if known is not None:
                dispatcher.utter_message(text=replies.rathaus_text(known, language, procedure))
                utter_feedback_question(dispatcher, language)
                return [*events, *answer_slots(procedure, gemeinde_needed=False)]
            # The Rathaus is responsible: gemeinde_form asks where the citizen lives.
            dispatcher.utter_message(text=replies.say("responsible_gemeinde", language))
            return events + answer_slots(procedure, gemeinde_needed=True)
        dispatcher.utter_message(text=ASPECTS[aspect](procedure, language),
                                 buttons=[replies.link_button(procedure, language)])
        utter_feedback_question(dispatcher, language)
        return events + answer_slots(procedure, gemeinde_needed=False)
