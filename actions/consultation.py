"""Online-Sprechstunde: offer the booking link of the responsible department.

Where the department has no video consultation, say so and give its contact
instead (or, for Gemeinde matters, ask for the Gemeinde to name its Rathaus).
"""

from __future__ import annotations

from dataclasses import replace

from actions import answers
from actions.gate import GatedFlow
from actions.sdk import Response, Turn
from actions.texts import say, title_of
from actions.topic import resolve_topic
from replies.model import Link, Reply


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
