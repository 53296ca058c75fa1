"""When the Gemeinde is responsible: ask where the citizen lives, name the Rathaus.

Pass, Personalausweis, Meldewesen, Gewerbe … are Gemeinde matters in Bavaria.
The answering actions set `gemeinde_needed`; the rules then run gemeinde_form,
whose validation matches the answer ("wkb", "in Ampfing", "Waldkreiburg")
against the 31 Gemeinden, and action_gemeinde_contact gives that Rathaus'
phone, e-mail, opening hours and website.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from actions import answers
from actions.common import DEFAULT_LANGUAGE, load_gemeinden, load_procedure
from actions.gate import (
    GatedFlow,
    needs_answer,
    request_words,
    route,
    search_reply,
)
from actions.needs import find_needs
from actions.sdk import (
    Dispatcher,
    FlowAction,
    FormValidation,
    Response,
    SdkTracker,
    Turn,
    Validation,
)
from actions.texts import TEXTS, say
from actions.topic import about_context, is_question
from catalogue.gemeinden import find_gemeinde, normalize_name
from catalogue.models import Gemeinde, Procedure
from replies.model import Reply

# Slot value that ends the form after repeated unknown answers.
UNKNOWN_GEMEINDE = "unknown"
MAX_ATTEMPTS = 2


def event_question(procedure_id: str | None) -> str | None:
    """The text key of the Gemeinde question for matters where the place of an event
    decides (a death, a birth, a loss), not where the citizen lives; None otherwise."""
    key = f"ask_gemeinde_{procedure_id}"
    return key if key in TEXTS else None


class ActionAskGemeinde(FlowAction):
    """Ask for the Gemeinde in the conversation's language (form prompt)."""

    def name(self) -> str:
        return "action_ask_gemeinde"

    def handle(self, turn: Turn) -> Response:
        reason = "gemeinde_unknown" if turn.gemeinde_attempts > 0 else "gemeinde_needed"
        procedure_ids = (turn.procedure_id,) if turn.procedure_id else ()
        prompt = say(event_question(turn.procedure_id) or "ask_gemeinde", turn.language)
        return Response((Reply(prompt),), decision="clarify",
                        outcome="clarified", reason=reason, procedure_ids=procedure_ids)


MIN_TOPIC_CHARS = 4
# Longer answers are questions or stories, not a place name ("Neumarkt-Sankt Veit").
MAX_PLACE_WORDS = 5


def _names(procedure: Procedure, words: list[str]) -> bool:
    """Does one of the message's words occur in the procedure's title or search terms?"""
    vocabulary = normalize_name(" ".join([procedure.title, *procedure.search_terms]))
    return any(word in vocabulary for word in words)


# "wir wohnen in Töging am Inn", "I live in Freising", "bin aus Dorfen": the place named.
_PLACE = re.compile(r"\b(?:wohn\w*|leb\w*|live[sd]?|living|bin aus|sind aus|from|in)[ ]+"
                    r"((?:[A-ZÄÖÜ][\w.-]+)(?:[ ](?:am|an der|a\.|im|in der|ob der|bei)?[ ]?"
                    r"[A-ZÄÖÜ][\w.-]+)*)")


# Typed in lower case: "ich wohn in töging" (twelfth probe: the whole message was quoted).
_PLACE_LOWER = re.compile(r"\b(?:wohn\w*|leb\w*)[ ]+(?:\w+[ ]+)?in[ ]+([a-zäöü][a-zäöüß-]{3,})\b")
_NOT_A_PLACE = frozenset({"einer", "einem", "einen", "eine", "meiner", "meinem", "unserer",
                          "unserem", "der", "dem", "den", "deutschland", "germany", "bayern",
                          "miete", "wohnung", "haus", "heim"})


def named_place(text: str) -> str | None:
    """The place a message says the citizen lives in, if it names one by its capital
    (or, after "wohne in", in lower case)."""
    found = _PLACE.findall(text)
    if found:
        return str(found[-1])
    lower = [w for w in _PLACE_LOWER.findall(text) if w not in _NOT_A_PLACE]
    return lower[-1].capitalize() if lower else None


# "Wir wohnen in Waldkraiburg, aber wollen in Kraiburg heiraten": where they live.
_RESIDENCE = re.compile(r"\b(?:wohne|wohnen|wohnt|lebe|leben|lebt|wohnhaft|live|lives|living)"
                        r"\s+(?:\S+\s+){0,3}?(?:in|im)\s+((?:\S+\s*){1,4})", re.IGNORECASE)


def residence(text: str) -> Gemeinde | None:
    """The Gemeinde the message says the citizen lives in, if it names one."""
    found = _RESIDENCE.search(text)
    return find_gemeinde(load_gemeinden(), found.group(1)) if found else None


# Where an event happened: "im Krankenhaus in Mühldorf", "in Haag gestorben",
# "born in Waldkraiburg" (the place after or before the event word).
_EVENT_PLACE = re.compile(
    r"(?:krankenhaus|klinikum|klinik|kreisklinik|pflegeheim|heim|hospital)\s+(?:in\s+|von\s+)?"
    r"(\w[\w.-]*(?:[ -]\w[\w.]*){0,2})"
    r"|\bin\s+(\w[\w.-]*(?:[ -]\w[\w.]*){0,2}?)\s+(?:gestorben|verstorben|geboren|entbunden|"
    r"verloren|died|born)\b"
    r"|\b(?:gestorben|verstorben|geboren|entbunden|died|born)\s+(?:\S+\s+){0,3}?in\s+"
    r"(\w[\w.-]*(?:[ -]\w[\w.]*){0,2})",
    re.IGNORECASE)


def event_place(text: str) -> Gemeinde | None:
    """The Gemeinde where the event happened, if the message says so; where the citizen
    lives is no answer to "In welcher Gemeinde ist der Todesfall eingetreten?" (tenth
    probe: "wir haben in Polling gewohnt, sie ist im krankenhaus in mühldorf gestorben"
    got the Standesamt of Polling)."""
    gemeinden = load_gemeinden()
    for place in _event_places(text):
        found = find_gemeinde(gemeinden, place)
        if found is not None:
            return found
    return None


def event_place_outside(text: str) -> str | None:
    """The place of the event when the message names one and it is not in the district
    ("geboren ist er in Altötting": its Standesamt, not the residence's; eleventh probe)."""
    places = _event_places(text)
    if not places or event_place(text) is not None:
        return None
    named = _CAPITALISED.match(places[0].strip())
    return named.group(0) if named is not None and len(named.group(0)) > 2 else None


_CAPITALISED = re.compile(r"[A-ZÄÖÜ][\w.-]+(?:[ -](?:am |an der |a\. )?[A-ZÄÖÜ][\w.-]+)*")


# "Schwindegg … äh nein Buchbach": the place after the last correction word counts.
_CORRECTION = re.compile(r"\b(?:nein|nee|äh|ähm|sorry|ich mein\w*|sondern|korrektur|no|"
                         r"i mean|actually)\b", re.IGNORECASE)


def corrected_place(text: str) -> Gemeinde | None:
    """The Gemeinde named after a correction in the same message (eleventh probe:
    "Schwindegg... äh nein Buchbach wohnen wir" got the Rathaus of Schwindegg)."""
    marks = list(_CORRECTION.finditer(text))
    if not marks:
        return None
    return find_gemeinde(load_gemeinden(), text[marks[-1].end():])


def _event_places(text: str) -> list[str]:
    return [next(group for group in match.groups() if group)
            for match in _EVENT_PLACE.finditer(text)]


def check_gemeinde(slot_value: object, turn: Turn) -> Validation:
    """Map the answer to a Gemeinde id; re-ask once, then give up politely. Where the
    citizen lives wins over another place named (the NLU's entity may be the wedding
    town), except where the place of an event decides (a death, a birth, a loss)."""
    gemeinden = load_gemeinden()
    by_event = event_question(turn.procedure_id) is not None
    outside = event_place_outside(turn.text) if by_event else None
    if outside is not None:
        language = turn.language_slot or DEFAULT_LANGUAGE
        return Validation({}, answer=Response(
            (Reply(say("gemeinde_event_outside", language, place=outside)),),
            (("gemeinde_needed", False),), decision="elsewhere", outcome="sent_elsewhere",
            reason="gemeinde_outside",
            procedure_ids=(turn.procedure_id,) if turn.procedure_id else ()))
    gemeinde = corrected_place(turn.text) \
        or (event_place(turn.text) if by_event else residence(turn.text)) \
        or find_gemeinde(gemeinden, str(slot_value or "")) \
        or find_gemeinde(gemeinden, turn.text)
    if gemeinde is not None:
        return Validation({"gemeinde": gemeinde.id, "gemeinde_attempts": 0.0})
    words = [word for word in request_words(turn) if len(word) >= MIN_TOPIC_CHARS]
    if words and turn.unanswered:
        # (Not when the form opens on a message another action has just answered: the
        # answer would be printed twice — twelfth probe.)
        # "Nein, ich meine den Kampfhund": no place, but a request the search answers
        # confidently and in the procedure's own words — answer it instead of insisting
        # on the place. ("München" alone is a place outside the district, however the
        # search ranks it.)
        needs = find_needs(turn.text)
        context = load_procedure(turn.procedure_id)
        if needs.primary is not None and _names(needs.primary, words) and not (
                context is not None and about_context(turn, context, needs.primary)):
            return Validation({}, answer=needs_answer(turn, needs))
    attempts = int(turn.gemeinde_attempts) + 1
    if attempts >= MAX_ATTEMPTS:
        # Stop asking: action_gemeinde_contact explains where to turn instead.
        return Validation({"gemeinde": UNKNOWN_GEMEINDE, "gemeinde_attempts": 0.0})
    # The form keeps the conversation's language (a place name tells nothing).
    language = turn.language_slot or DEFAULT_LANGUAGE
    text = str(slot_value or turn.text).strip()
    place = named_place(turn.text)
    if place is not None and "?" not in turn.text:
        # "Wir wohnen in Töging am Inn": a place, only not in the district — say so.
        text = place
    elif "?" in turn.text or is_question(turn.text) or len(turn.text.split()) > MAX_PLACE_WORDS:
        if not turn.unanswered:
            # The form opens on the question another action has just answered: only
            # ask for the place (no second answer, no failed attempt).
            return Validation({"gemeinde": None,
                               "gemeinde_attempts": float(turn.gemeinde_attempts)})
        answered = question_in_form(turn)
        if answered is not None:
            return Validation({}, answer=answered)
        # A question about the matter itself: its Rathaus knows. Do not quote it back
        # as an unknown Gemeinde.
        return Validation({"gemeinde": None, "gemeinde_attempts": float(attempts)},
                          (Reply(say("gemeinde_for_question", language)),))
    return Validation({"gemeinde": None, "gemeinde_attempts": float(attempts)},
                      (Reply(say("gemeinde_unknown", language, text=text)),))


# What a reply to a question asked inside the form may be to end the form.
_LEAVES_FORM = frozenset({"answer", "choose", "clarify", "elsewhere"})


def question_in_form(turn: Turn) -> Response | None:
    """The reply to a question asked while the form waits for the place ("do I need a
    health certificate too?", "what about my car?", "was kostet das?"), as any other
    turn would get it — if that reply answers something: a procedure, a choice, the
    cost. None (keep asking for the place) when the only reply would be "please
    rephrase" or the Rathaus of the matter in context, which is what the form is for."""
    response = route(turn, search_reply)
    if response.decision not in _LEAVES_FORM:
        return None
    context = load_procedure(turn.procedure_id)
    if context is not None and set(response.procedure_ids) <= {context.id} \
            and not _known_detail(context, response.aspect):
        return None  # the same matter again, without the detail asked for
    return response


def _known_detail(procedure: Procedure, aspect: str | None) -> bool:
    """Does the catalogue hold this detail of the procedure (not "weiß ich leider nicht",
    not its Rathaus, which needs the place)?"""
    held = {"fees": procedure.fees, "documents": procedure.documents,
            "processing_time": procedure.processing_time, "online": procedure.online_url}
    return bool(aspect and held.get(aspect))


class ValidateGemeindeForm(FormValidation):
    """Validation of gemeinde_form (see `check_gemeinde`)."""

    def name(self) -> str:
        return "validate_gemeinde_form"

    async def validate_gemeinde(self, slot_value: object, dispatcher: Dispatcher,
                                tracker: SdkTracker, domain: dict[str, Any]) -> dict[str, Any]:
        return await self.checked(check_gemeinde, slot_value, dispatcher, tracker)


class ActionGemeindeContact(GatedFlow):
    """Name the Rathaus of the citizen's Gemeinde (after the form or when a place is named)."""

    def name(self) -> str:
        return "action_gemeinde_contact"

    def reply(self, turn: Turn) -> Response:
        language = turn.language
        value = turn.gemeinde
        context = load_procedure(turn.procedure_id)
        procedure_ids = (context.id,) if context else ()
        gemeinde = None
        if turn.first_reply and value != UNKNOWN_GEMEINDE:
            # Named outside the form: the place in this message, not an earlier one.
            gemeinde = find_gemeinde(load_gemeinden(), turn.text)
        if gemeinde is None and value and value != UNKNOWN_GEMEINDE:
            gemeinde = find_gemeinde(load_gemeinden(), value)
        if gemeinde is None and value != UNKNOWN_GEMEINDE:
            gemeinde = find_gemeinde(load_gemeinden(), turn.text)
        if gemeinde is None:
            return Response((Reply(say("gemeinde_giveup", language)),),
                            (("gemeinde", None), ("gemeinde_needed", False)),
                            decision="elsewhere", outcome="sent_elsewhere",
                            reason="gemeinde_unknown", procedure_ids=procedure_ids)
        if turn.first_reply and context is not None and context.depends_on is None \
                and context.responsible_level != "gemeinde":
            # "Ich wohne in Mettenheim" after the waste calendar or a residence permit:
            # the place changes nothing, the Landratsamt (or that authority) stays.
            return answers.same_office_for_place(context, gemeinde.name, language)
        rathaus = Reply(answers.rathaus_text(gemeinde, language, context))
        further = _further_question(turn, context)
        if further is not None:
            # "im Krankenhaus Mühldorf. und was mach ich mit seinen Waffen?": the place
            # answers the form, the question gets its own answer after the Rathaus.
            return replace(further, replies=(rathaus, *further.replies),
                           slots=(*further.slots, ("gemeinde", gemeinde.id)),
                           procedure_ids=(*procedure_ids, *further.procedure_ids))
        return Response((rathaus, answers.feedback_question(language)),
                        (("gemeinde", gemeinde.id), ("gemeinde_needed", False)),
                        decision="elsewhere", outcome="sent_elsewhere", reason="gemeinde",
                        procedure_ids=procedure_ids, links=(gemeinde.website,))


def _further_question(turn: Turn, context: Procedure | None) -> Response | None:
    """The answer to another matter the message with the place asks about, if the search
    answers it confidently in the message's own words (a Landratsamt or other office's
    matter: a second Gemeinde matter would ask for the place again)."""
    if context is None or not (is_question(turn.text) or "?" in turn.text):
        return None
    words = [word for word in request_words(turn) if len(word) >= MIN_TOPIC_CHARS]
    needs = find_needs(turn.text) if words else None
    if needs is None or needs.primary is None or needs.primary.id == context.id \
            or needs.primary.responsible_level == "gemeinde" \
            or not _names(needs.primary, words):
        return None
    return needs_answer(turn, needs)
