"""The crisis answer: help numbers first, before any flow (see docs/dialogue.md).

`actions.sdk` calls `detect_crisis` on every user message in `FlowAction.run` and
`FormValidation.checked`; when it fires, the flow is not asked at all and this
module builds the reply: "automated assistant, help is available now", the numbers
for the kind of crisis, and — if the message also carried a question for the
office — one line that they can ask it afterwards. The Kreisjugendamt's contact
comes from the catalogue entry `kinderschutz-meldung` (never a typed-in number).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from actions.common import load_procedure, logger
from actions.crisis import Crisis
from actions.crisis_words import ADMIN, normalise
from actions.texts import say
from conversations.turn_record import records_this_turn
from replies.model import Link, Reply

# Catalogue entry of the Kreisjugendamt's child protection (contact and page).
CHILD_PROTECTION_ID = "kinderschutz-meldung"
CRISIS_DECISION = "crisis"
# Office matters beyond ADMIN's paperwork words: the message also asks for a service.
_OFFICE = re.compile(r"\b(?:pass|reisepass|perso|aufenthalt\w*|termin|zulassung|\w*geld|"
                     r"unterhalt\w*|anmeld\w*|ummeld\w*|abmeld\w*|wohnung|visum|visa|permit|"
                     r"passport|appointment|registration|benefit\w*|residence)\b")


def asks_office_question(text: str) -> bool:
    """Does the message (besides the crisis) ask something of the Landratsamt?"""
    normal = normalise(text)
    return ADMIN.search(normal) is not None or _OFFICE.search(normal) is not None


def _child_office(language: str) -> tuple[list[str], tuple[Link, ...]]:
    """The Kreisjugendamt's child-protection line and page, if the catalogue has them."""
    entry = load_procedure(CHILD_PROTECTION_ID)
    if entry is None:
        logger.error("catalogue entry %s is missing: crisis reply without the Jugendamt",
                     CHILD_PROTECTION_ID)
        return [], ()
    lines = []
    if entry.contact.phone:
        lines.append(say("crisis_child_office", language, name=entry.responsible,
                         phone=entry.contact.phone))
    return lines, (Link(say("button_info", language), entry.link),)


def crisis_reply(crisis: Crisis, language: str, text: str) -> Reply:
    """Short and calm: who is answering, the numbers for `crisis.kind`, question later."""
    lines = [say("crisis_intro", language), say(f"crisis_{crisis.kind}", language)]
    links: tuple[Link, ...] = ()
    if crisis.kind == "child":
        office, links = _child_office(language)
        lines += [*office, say("crisis_child_helpline", language)]
    if asks_office_question(text):
        lines.append(say("crisis_question_later", language))
    return Reply("\n".join(lines), links=links)


def answered_crisis(events: Iterable[Mapping[str, Any]]) -> bool:
    """Was the latest user message already answered as a crisis (e.g. by the form's
    validation, before the form's next action runs)?"""
    return any(record.get("decision") == CRISIS_DECISION
               for record in records_this_turn(events))


def safety_note(kind: str, language: str) -> Reply:
    """One line of help numbers before an ordinary answer (a *possible* crisis)."""
    return Reply(say(f"crisis_hint_{kind}", language))


def noted_this_turn(events: Iterable[Mapping[str, Any]]) -> bool:
    """Did an earlier action of this turn already answer a crisis or add a safety note?"""
    return any(record.get("safety_note") or record.get("decision") == CRISIS_DECISION
               for record in records_this_turn(events))
