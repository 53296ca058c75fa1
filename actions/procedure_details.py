"""Follow-up questions: documents, fees, contact / opening hours, online?

"Was kostet das?" refers to the procedure in the slot `procedure_id`; a question
that names a new topic is searched first (`actions.topic`). Contact questions
about the Rathaus ("Wo ist das Rathaus in Ampfing?") name that Rathaus directly.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from actions import answers
from actions.common import load_gemeinden, load_procedure
from actions.details import asked_details, details_text, documents_text, fees_text
from actions.gate import GatedFlow, gemeinde_words, search_reply
from actions.passage import answering_sentence
from actions.question_kinds import asks_money_received
from actions.sdk import Response, Turn
from actions.texts import say
from actions.topic import resolve_topic, topic_words
from catalogue.gemeinden import find_gemeinde, normalize_name
from catalogue.models import Procedure
from conversations.turn_record import Aspect
from replies.model import Reply

ASPECTS: dict[str, tuple[Aspect, Callable[[Procedure, str], str]]] = {
    "ask_documents": ("documents", documents_text),
    "ask_fees": ("fees", fees_text),
    "ask_online": ("online", answers.online_text),
    "ask_contact": ("contact", answers.contact_text),
}
_RATHAUS = re.compile(r"\b(rathaus|gemeinde|buergerbuero|town hall)\b")


class ActionProcedureDetails(GatedFlow):
    """Answer documents / fees / contact / online about the procedure in context."""

    def name(self) -> str:
        return "action_procedure_details"

    def reply(self, turn: Turn) -> Response:
        language = turn.language
        intent = turn.intent
        if intent not in ASPECTS:
            intent = "ask_contact" if intent == "inform_gemeinde" else "ask_documents"
        aspect, text_of = ASPECTS[intent]
        if aspect == "fees" and asks_money_received(turn.text):
            # "gibts Zuschuss für die Gebühren?": help with costs, a topic, not the fee.
            return search_reply(turn)
        if aspect == "contact" and (_RATHAUS.search(normalize_name(turn.text)) or (
                turn.entity("gemeinde") and not _topic_beside_place(turn.text))):
            gemeinde = find_gemeinde(load_gemeinden(), turn.text)
            if gemeinde is not None:
                # "Wo ist das Rathaus in Ampfing?": the place itself is the topic.
                context = load_procedure(turn.procedure_id)
                return Response(
                    (Reply(answers.rathaus_text(gemeinde, language, context)),
                     answers.feedback_question(language)),
                    (("gemeinde", gemeinde.id), ("gemeinde_needed", False)),
                    decision="elsewhere", outcome="sent_elsewhere", reason="gemeinde",
                    aspect=aspect, procedure_ids=(context.id,) if context else (),
                    links=(gemeinde.website,))
        topic = resolve_topic(turn)
        if topic.choices:
            return _with_aspect(answers.choices(topic.choices, language, topic.candidates),
                                aspect)
        procedure = topic.procedure
        if procedure is None:
            return Response((Reply(say("ask_topic", language)),), (("gemeinde_needed", False),),
                            decision="clarify", outcome="clarified", reason="topic_unknown",
                            aspect=aspect, candidates=topic.candidates)
        if aspect == "contact" and procedure.responsible_level == "gemeinde":
            known = find_gemeinde(load_gemeinden(), turn.gemeinde)
            if known is not None:
                return Response(
                    (Reply(answers.rathaus_text(known, language, procedure)),
                     answers.feedback_question(language)),
                    answers.answer_slots(procedure, gemeinde_needed=False),
                    decision="elsewhere", outcome="sent_elsewhere", reason="gemeinde",
                    aspect=aspect, candidates=topic.candidates, procedure_ids=(procedure.id,),
                    links=(known.website,))
            # The Rathaus is responsible: gemeinde_form asks where the citizen lives.
            return Response((Reply(say("responsible_gemeinde", language)),),
                            answers.answer_slots(procedure, gemeinde_needed=True),
                            decision="elsewhere", outcome="sent_elsewhere",
                            reason="gemeinde_needed", aspect=aspect,
                            candidates=topic.candidates, procedure_ids=(procedure.id,))
        if aspect == "online" and procedure.id == turn.procedure_id \
                and answering_sentence(turn.text, procedure, language) is not None:
            # "Kann ich das auch anonym melden?" (read as "online?"): the answer in context
            # says so ("– auf Wunsch anonym"); tenth probe got the online boilerplate.
            return answers.ask_the_office(procedure, language, topic.candidates,
                                          gemeinde=turn.gemeinde, question=turn.text)
        decision, outcome, reason = answers.answer_decision(procedure)
        text = text_of(procedure, language)
        others = [a for a in asked_details(turn.text) if a != aspect]
        if aspect in ("fees", "documents") and others:
            # "how much does it cost and what do I need to bring?": both.
            text = details_text(procedure, language, [aspect, *others])
        return Response((Reply(text,
                               links=(answers.procedure_link(procedure, language),)),
                         answers.feedback_question(language)),
                        answers.answer_slots(procedure, gemeinde_needed=False),
                        decision=decision, outcome=outcome, reason=reason, aspect=aspect,
                        candidates=topic.candidates, procedure_ids=(procedure.id,))


def _with_aspect(response: Response, aspect: Aspect) -> Response:
    return replace(response, aspect=aspect)


def _topic_beside_place(text: str) -> bool:
    """Does the message name a matter besides the place? "Wo in Ampfing kann ich Kartons,
    Altglas und Styropor abgeben?" asks for the recycling centre, not for the Rathaus;
    "Kontakt Waldkraiburg" asks for the Rathaus (one word besides the place at most)."""
    places = gemeinde_words()
    return len([w for w in topic_words(text) if w not in places]) > 1
