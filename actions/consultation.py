"""Online-Sprechstunde: offer the booking link of the responsible department.

Where the department has no video consultation, say so and give its contact
instead (or, for Gemeinde matters, ask for the Gemeinde to name its Rathaus).
The NLU intent also covers "Termin" (an appointment at the office): that gets the
Landratsamt's appointment booking, with the procedure in context as the next step.
"""

from __future__ import annotations

import re
from dataclasses import replace

from actions import answers
from actions.common import load_procedure
from actions.gate import GatedFlow
from actions.sdk import Response, Turn
from actions.texts import say, title_of
from actions.topic import resolve_topic
from catalogue.gemeinden import normalize_name
from replies.model import Link, Reply

# Catalogue entry of the Landratsamt's appointment booking (never a typed-in URL).
APPOINTMENT_ID = "termin-online-buchen"
# Entries about the office itself (contact, opening hours), no matter of their own.
OFFICE_ENTRIES = frozenset({"buergerservice-kontakt", "landratsamt-oeffnungszeiten"})
_APPOINTMENT = re.compile(r"\b(?:termin\w*|appointment\w*)\b")
_VIDEO = re.compile(r"\b(?:video\w*|\w*sprechstunde\w*|online[- ]?beratung|videocall|"
                    r"video call|zoom|teams)\b")


def wants_appointment(text: str) -> bool:
    """An appointment at the office ("Termin bei der Zulassungsstelle"), not a video call."""
    normal = normalize_name(text)
    return _APPOINTMENT.search(normal) is not None and _VIDEO.search(normal) is None


class ActionConsultation(GatedFlow):
    """Book a video consultation for the procedure in context (or a newly named one)."""

    def name(self) -> str:
        return "action_consultation"

    def reply(self, turn: Turn) -> Response:
        language = turn.language
        topic = resolve_topic(turn)
        if topic.choices:
            return replace(answers.choices(topic.choices, language, topic.candidates),
                           aspect="consultation")
        procedure = topic.procedure
        if procedure is None:
            return Response((Reply(say("consultation_ask", language)),),
                            (("gemeinde_needed", False),), decision="clarify",
                            outcome="clarified", reason="topic_unknown", aspect="consultation")
        if wants_appointment(turn.text) and procedure.responsible_level != "landratsamt":
            # "Do I need an appointment?" after a Rathaus or other authority's matter: the
            # Landratsamt's booking would be the wrong office – that office's way in.
            return replace(answers.procedure_answer(procedure, language, topic.candidates),
                           aspect="consultation")
        if wants_appointment(turn.text) and not procedure.consultation_url:
            booking = load_procedure(APPOINTMENT_ID)
            if booking is not None and procedure.id in OFFICE_ENTRIES:
                # "Kann man beim Landratsamt übers Internet einen Termin ausmachen?": the
                # office is no matter of its own (eighth blind set got the switchboard).
                return replace(answers.procedure_answer(booking, language, topic.candidates),
                               aspect="consultation")
            if booking is not None and procedure.id != turn.procedure_id:
                # The message names its matter ("auto wird verschrottet, wie meld ich den
                # ab, brauch ich da en termin"): that matter first, the booking after it.
                return replace(answers.procedure_answer(procedure, language, topic.candidates,
                                                        next_steps=(booking,)),
                               aspect="consultation")
            if booking is not None:
                # An appointment at the office, not a video call: the booking, with the
                # procedure in context as the next step (not "no online consultation").
                return replace(answers.procedure_answer(booking, language, topic.candidates,
                                                        next_steps=(procedure,)),
                               aspect="consultation")
        title = title_of(procedure, language)
        found = Response(aspect="consultation", candidates=topic.candidates,
                         procedure_ids=(procedure.id,))
        if procedure.consultation_url:
            offer = Reply(say("consultation_yes", language, title=title,
                              link=procedure.consultation_url),
                          links=(Link(say("consultation_button", language),
                                      procedure.consultation_url),))
            return replace(found, replies=(offer, answers.feedback_question(language)),
                           slots=answers.answer_slots(procedure, gemeinde_needed=False),
                           decision="answer", outcome="link_given")
        if procedure.responsible_level == "gemeinde":
            text = "\n".join([say("consultation_no", language, title=title),
                              say("responsible_gemeinde", language)])
            return replace(found, replies=(Reply(text),),
                           slots=answers.answer_slots(procedure, gemeinde_needed=True),
                           decision="elsewhere", outcome="sent_elsewhere",
                           reason="gemeinde_needed")
        lines = [say("consultation_no", language, title=title),
                 say("consultation_reach", language)]
        lines += answers.contact_lines(procedure.contact, language) or [
            say("contact_unknown", language, link=procedure.link)]
        contact = Reply("\n".join(lines), links=(answers.procedure_link(procedure, language),))
        decision, outcome, _ = answers.answer_decision(procedure)
        return replace(found, replies=(contact, answers.feedback_question(language)),
                       slots=answers.answer_slots(procedure, gemeinde_needed=False),
                       decision=decision, outcome=outcome, reason="no_consultation")
