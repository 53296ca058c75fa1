"""Messages about the conversation so far that need no search: the gate's shortcuts.

"Wie lange dauert das?", "Ich möchte mich beschweren", "Kann ich das per Mail
schicken?", "Mit wem kann ich sprechen?", "in English please?", a message in Turkish:
each is answered from the procedure in context (or the Bürgerservice, or a word on the
languages we speak) before the search could mistake its words for a new topic.
`context_shortcut` returns None when none applies.
"""

from __future__ import annotations

import re
from dataclasses import replace

from actions import answers
from actions.common import language_request, load_procedure, search
from actions.details import asked_details, details_text
from actions.outside import who_instead
from actions.passage import answering_sentence
from actions.question_kinds import (
    DEADLINE_WORDS,
    FOLLOW_UP_INTENTS,
    asks_deadline,
    asks_duration,
    asks_offline,
    asks_privacy,
    asks_proxy,
    asks_status,
    asks_submission,
    asks_what_is_needed,
    complaint_topic,
    deadline_sentence,
    is_complaint,
)
from actions.sdk import Response, Turn
from actions.texts import facts_of, say, short_answer_of
from actions.topic import (
    asks_person_only,
    is_question,
    names_procedure,
    names_title,
    resolve_topic,
    topic_words,
)
from catalogue.language import other_language
from catalogue.models import Procedure
from replies.model import Reply
from replies.notices import FALLBACK_PRIVACY_URL


def _names_its_answer(text: str) -> bool:
    """Does a message in another language name, in German or English words, the
    procedure the search answers with ("… Oturma iznim (Aufenthaltstitel) …")?"""
    outcome = search(text)
    return outcome.decision == "answer" and bool(outcome.procedures) \
        and names_title(topic_words(text), outcome.procedures[0])


def _names_other(turn: Turn, context: Procedure) -> bool:
    """Does the message name, in its title's words, another procedure it finds?"""
    outcome = search(turn.text)
    words = topic_words(turn.text)
    return any(names_title(words, p) for p in outcome.procedures[:1] if p.id != context.id)


def context_shortcut(turn: Turn) -> Response | None:
    """The reply for a message about the conversation so far, or None."""
    target = language_request(turn.text)
    if target is not None:
        return switch_language(turn, target)
    if other_language(turn.text) and not _names_its_answer(turn.text):
        # "Oturma iznimi uzatmak istiyorum": say in both languages which ones we speak
        # (a failed message: the second one in a row hands off to the Bürgerservice).
        # "… Oturma iznim (Aufenthaltstitel) bitiyor": the German word it names is
        # answered like any message (twelfth probe).
        return Response((Reply(say("other_language", "de")),), decision="rephrase",
                        outcome="rephrase", reason="other_language")
    if asks_duration(turn.text):
        topic = resolve_topic(turn)  # the procedure in context, or one the question names
        if topic.procedure is not None:
            response = answers.duration(topic.procedure, turn.language)
            asked = asked_details(turn.text)
            if len(asked) > 1:  # "was kostet des und wie lang dauerts?": all of it
                text = details_text(topic.procedure, turn.language, asked)
                first = replace(response.replies[0], text=text)
                response = replace(response, replies=(first, *response.replies[1:]))
            return replace(response, candidates=topic.candidates)
    if is_complaint(turn.text):
        return complaint(turn)
    if asks_privacy(turn.text):
        # Tenth probe: "Welche Daten speichert der Chat?" got a menu of dead animals.
        return Response((Reply(say("privacy_chat", turn.language, url=turn.privacy_url
                                   or FALLBACK_PRIVACY_URL)),),
                        decision="smalltalk", outcome="none", reason="privacy")
    if asks_status(turn.text):
        return status_answer(turn)
    context = load_procedure(turn.procedure_id)
    if context is None:
        return None
    instead = who_instead(turn, context)
    if instead is not None:  # "welches Landratsamt ist das dann?" after "ich wohne in Töging"
        return instead
    if asks_deadline(turn.text) and not set(topic_words(turn.text)) - DEADLINE_WORDS:
        # "wie lange hab ich zeit?" right after "Einspruch innerhalb von zwei Wochen".
        sentence = deadline_sentence(short_answer_of(context, turn.language)) or next(
            filter(None, map(deadline_sentence, facts_of(context, turn.language))), None)
        return answers.deadline_answer(context, turn.language, sentence)
    if asks_deadline(turn.text) and (sentence := answering_sentence(
            turn.text, context, turn.language, facts_only=True)) is not None:
        # "bis wann muss ich umtauschen, ich bin jahrgang 1962": the fact with the years.
        return answers.deadline_answer(context, turn.language, sentence)
    if asks_deadline(turn.text) and is_question(turn.text) and not _names_other(turn, context) \
            and (sentence := deadline_sentence(short_answer_of(context, turn.language))):
        # "bis wann muss ich das machen? er ist vor 3 wochen gestorben" after the inherited
        # weapons (eighteenth probe: the death registration answered): the story is no topic.
        return answers.deadline_answer(context, turn.language, sentence)
    if asks_what_is_needed(turn.text):
        return answers.details_answer(context, turn.language, ["documents"])
    asked = asked_details(turn.text)
    if asked and turn.intent not in FOLLOW_UP_INTENTS and resolve_topic(turn).procedure == context:
        # "wos kost des für 3 joahr?" after the hunting licence, read as no fees question
        # by the NLU (twelfth-session probe: "keine genaue Auskunft").
        return answers.details_answer(context, turn.language, asked)
    if asks_proxy(turn.text):
        # "Kann ich meinen Sohn mit Vollmacht schicken?" – not the Vorsorgevollmacht.
        return answers.ask_the_office(context, turn.language, lead="ask_proxy",
                                      gemeinde=turn.gemeinde)
    if asks_offline(turn.text) and resolve_topic(turn).procedure == context:
        # "Geht das auch auf Papier? Ich habe keinen Computer." – not "Ja, … online".
        return answers.offline_answer(context, turn.language)
    if asks_submission(turn.text) and not topic_words(turn.text):
        # "Kann ich den Antrag per Mail schicken?" after an answer: how to hand it in.
        return answers.online_answer(context, turn.language)
    if turn.intent != "request_human" and asks_person_only(turn.text) \
            and context.responsible_level != "gemeinde":
        # "Mit wem kann ich sprechen?" after an answer: that office, not the search.
        return answers.contact_answer(context, turn.language)
    return None


# The words of a status question itself, which name no matter.
_STATUS_WORDS_TEXT = """
stand status bearbeitungsstand antrag antrags antrages eingegangen angekommen bearbeitet
fertig ready application
"""
_STATUS_WORDS = frozenset(_STATUS_WORDS_TEXT.split())


def status_answer(turn: Turn) -> Response:
    """"Wie ist der Stand meines Bauantrags?": the assistant cannot see files and takes no
    applications (tenth probe: "Ist mein Antrag eingegangen?" got "keine genaue
    Auskunft"); the office of the matter named or in context, else the Bürgerservice."""
    topic = resolve_topic(turn)
    named = [w for w in topic_words(turn.text) if w not in _STATUS_WORDS]
    if topic.procedure is not None and (topic.procedure.id == turn.procedure_id
                                        or names_title(named, topic.procedure)):
        return answers.ask_the_office(topic.procedure, turn.language, topic.candidates,
                                      lead="ask_status", gemeinde=turn.gemeinde)
    return Response((Reply(say("ask_status", turn.language)),
                     answers.buergerservice(turn.language)),
                    decision="handoff", outcome="handoff", reason="status",
                    candidates=topic.candidates)


def switch_language(turn: Turn, target: str) -> Response:
    """The answer in context again in `target`, or a greeting in it. The turn's language
    is already `target` (`common.resolve_language` reads the request), so the language
    slot follows and the rest of the conversation stays in that language."""
    context = load_procedure(turn.procedure_id)
    if context is not None:
        response = answers.procedure_answer(context, target)
    else:
        response = Response((Reply(say("language_switched", target)),),
                            decision="smalltalk", outcome="none", reason="language")
    return replace(response, reason="language")


def complaint(turn: Turn) -> Response:
    """An apology; the office the complaint names (the Zulassungsstelle nobody answers
    at) with its contact, and the Bürgerservice, which takes complaints in person."""
    language = turn.language
    office = None
    topic = complaint_topic(turn.text)
    if len(topic) >= MIN_COMPLAINT_TOPIC:
        outcome = search(topic)
        if outcome.decision == "answer" and _REPORT.search(outcome.procedures[0].title):
            # A complaint the catalogue has a report for ("der Schulbus kam schon wieder
            # nicht, wo kann ich mich beschweren?"): that report, not the Bürgerservice.
            return answers.procedure_answer(outcome.procedures[0], language,
                                            outcome.candidates)
        offered = outcome.procedures[:3]
        # The office the complaint itself names among the best three hits — by its
        # department ("Zulassungsstelle") or the German title of its procedure ("mein
        # Wohngeldantrag liegt seit Monaten"), whatever ranks first.
        named = [p for p in offered if p.department
                 and names_procedure(topic_words(topic), _office_words(p))]
        if named and outcome.decision in ("answer", "choose"):
            office = named[0]
    if office is None:
        return Response((Reply(say("complaint", language)), answers.buergerservice(language)),
                        decision="handoff", outcome="handoff", reason="complaint")
    contact = answers.contact_lines(office.contact, language,
                                    with_name=office.contact.name != office.department)
    return Response((Reply(say("complaint_office", language)),
                     Reply("\n".join([office.department or office.responsible, *contact])),
                     Reply(say("complaint_also", language)), answers.buergerservice(language)),
                    decision="handoff", outcome="handoff", reason="complaint",
                    procedure_ids=(office.id,))


MIN_COMPLAINT_TOPIC = 4
# Titles of the catalogue's report channels ("Verspäteten Schulbus melden").
_REPORT = re.compile(r"\b(?:melden|meldung|beschwerde)\b", re.IGNORECASE)


def _office_words(procedure: Procedure) -> Procedure:
    """The procedure reduced to its German title and department, for `names_procedure`:
    "foreigners office" must not name the foreign driving licence by its search terms."""
    return procedure.model_copy(update={
        "title": f"{procedure.title} {procedure.department or ''}", "title_en": None,
        "search_terms": []})
