"""The gate in front of every flow: the NLU's intent never vetoes the search.

Every flow that answers a user message subclasses `GatedFlow`; its `handle` runs
`guard(turn, flow.reply)`, in this order:

1. Payload syntax (`/intent{json}`): a well-formed payload Rasa parsed for a known
   intent goes to the flow (buttons); anything else typed with a leading "/"
   (`/start`, `/handoff`, broken JSON, unknown intents) gets a fixed reply
   (greeting, handoff, or "cannot process that") and is never searched.
2. A pending choice (`Turn.offered_last_turn`) and a typed ordinal or number
   ("2", "die zweite", "the first one", "Nummer 3"): that option, whatever the intent.
3. Intents that mean "search this" (search_procedure, out_of_scope, nlu_fallback,
   a typed choose_option without a pending choice): the full search flow
   (`search_reply`: answer / choose / rephrase or out of scope).
4. Every other intent (small talk, affirm/deny, typed feedback, request_human,
   inform_gemeinde, the core fallback): if the message has content words and the
   search answers it confidently, the procedure; else the flow's own reply.
   A confident answer to a request for a person (by intent or by words such as
   "sprechen", "Mitarbeiter") adds the procedure's contact.
   Follow-up intents (ask_*) search inside their flow (`actions.topic`).

Finally `failures.counted` keeps the one failure counter (`search_failures`): a failed
message (rephrase, out of scope, unknown choice / topic / payload, core fallback)
counts, anything else resets it, and the second failure in a row hands off.
Several needs in one message (`find_needs`): the first confidently found procedure
is answered, the others are listed as next steps.
"""

from __future__ import annotations

import re
from abc import abstractmethod
from collections.abc import Callable
from dataclasses import replace

from actions import answers
from actions.common import (
    SearchOutcome,
    load_gemeinden,
    load_procedure,
    named_gemeinde,
    residence_outside,
    search,
)
from actions.correction import correction_reply
from actions.failures import counted
from actions.needs import Needs, find_needs
from actions.passage import answering_sentence
from actions.question_kinds import (
    FOLLOW_UP_INTENTS,
    asks_about_it,
    asks_duration,
    refers_back,
)
from actions.safety_line import beside_safety_line
from actions.sdk import FlowAction, Response, Turn
from actions.shortcuts import context_shortcut
from actions.texts import say
from actions.topic import (
    GENERIC_WORDS,
    STRAY_MAX_WORDS,
    about_context,
    content_words,
    is_question,
    names_procedure,
    names_title,
    option_named,
    shares_stem,
    strays_from,
    topic_words,
    wants_person,
)
from actions.typed_choice import (
    choose,
    choose_several,
    offered,
    pending_choice,
    typed_positions,
)
from catalogue.gemeinden import name_variants, normalize_name
from catalogue.models import Procedure
from replies.model import Reply

# A question the answer in context answers stays with it if the search ranks the
# context at most this far below its first hit (`answered_in_context`). Ninth probe:
# 0.03 and 0.04 for follow-ups that lost their context; new topics lie further apart.
CONTEXT_CLOSE = 0.05
SPOKEN_OF_MAX_WORDS = 10
_WHERE = re.compile(r"\b(?:wo|wohin|woher|where)\b")
# Intents that ask the search; "" is a message without any NLU result.
SEARCH_INTENTS = frozenset({"search_procedure", "out_of_scope", "nlu_fallback", ""})
SMALL_TALK = frozenset({"greet", "goodbye", "thanks", "bot_challenge"})
# Longer than this, a message the NLU reads as small talk is a request.
SMALL_TALK_MAX_WORDS = 10
# Up to this many words, an off-topic message must name the procedure it would get; so
# must any message the NLU is this sure is off-topic ("nix davon, ich wollt nur wissen
# obs regnet" met a situation sentence of the opening hours by meaning alone).
SHORT_OFF_TOPIC_WORDS = 4
SURE_OFF_TOPIC = 0.9
# Hand-typed commands that are no intent of ours but have an obvious meaning.
START_COMMANDS = frozenset({"start", "hallo", "hello", "hi", "help", "hilfe", "menu"})
HANDOFF_COMMANDS = frozenset({"handoff", "human", "mensch", "mitarbeiter", "agent",
                              "kontakt", "contact"})


class GatedFlow(FlowAction):
    """A flow behind the gate: `reply` is its own answer, used when the gate lets it."""

    def handle(self, turn: Turn) -> Response:
        return guard(turn, self.reply)

    def beside_safety_line(self, turn: Turn, response: Response, kind: str) -> Response:
        return beside_safety_line(turn, response, kind)  # only what was asked for

    @abstractmethod
    def reply(self, turn: Turn) -> Response:
        """The flow's own reply (the NLU intent fits, or the search was not sure)."""


def guard(turn: Turn, own: Callable[[Turn], Response]) -> Response:
    """The reply to `turn`: routed by the gate (see the module docstring), then counted."""
    # A second action in the same turn (the Rathaus after the form) keeps its meaning.
    return remember_place(turn, counted(turn, route(turn, own) if turn.first_reply
                                        else own(turn)))


def remember_place(turn: Turn, response: Response) -> Response:
    """The Gemeinde a message names, kept for later Gemeinde matters (eighteenth probe: "I
    moved to Waldkraiburg", then the address registration asked for the town)."""
    slots = dict(response.slots)
    if turn.gemeinde or "gemeinde" in slots or turn.payload_like \
            or residence_outside(turn.text) is not None:
        return response
    gemeinde = named_gemeinde(turn.text)  # one Gemeinde, word for word
    if gemeinde is None:
        return response
    return replace(response, slots=(*response.slots, ("gemeinde", gemeinde.id)))


def route(turn: Turn, own: Callable[[Turn], Response]) -> Response:
    if turn.payload_like:
        return _typed_payload(turn, own)
    positions = typed_positions(turn.text, len(turn.offered_last_turn)) \
        if turn.offered_last_turn else ()
    if len(positions) == 1:
        return choose(turn, offered(turn, positions[0]))
    if positions:  # "1 und 2, eigentlich beides"
        return choose_several(turn, positions)
    corrected = correction_reply(turn)
    if corrected is not None:  # "nein, ich meinte das Kindergeld, nicht Elterngeld"
        return corrected
    named = option_named(turn)
    if named is not None:  # "nein, ich meinte abmelden" under anmelden / abmelden
        return choose(turn, named)
    intent = turn.intent
    asks_aspect = intent in FOLLOW_UP_INTENTS or asks_duration(turn.text)
    if asks_aspect and len(turn.offered_last_turn) > 1 and not topic_words(turn.text):
        # "Was kostet das?" while options are pending: which one first.
        return pending_choice(turn)
    shortcut = context_shortcut(turn)
    if shortcut is not None:
        return shortcut
    if intent in SEARCH_INTENTS or intent == "choose_option" or (
            intent in ("greet", "goodbye", "thanks", "affirm", "deny", "feedback")
            and is_question(turn.text) and turn.procedure_id and topic_words(turn.text)):
        # "was brauche ich alles?" read as goodbye after an answer, "wer hilft mir da, das
        # jugendamt?" as thanks (twelfth probe): a question, not a bye.
        return search_reply(turn)
    if intent in FOLLOW_UP_INTENTS:
        return own(turn)  # they search topic words themselves (actions.topic)
    if not request_words(turn):
        return own(turn)  # "Hallo", "ja", "Mitarbeiter bitte", "Ich wohne in Ampfing"
    needs = needs_in_context(turn)
    context = load_procedure(turn.procedure_id)
    if needs.primary is not None and context is not None \
            and about_it(turn, context, needs.primary):
        # "kann ich das auch anonym melden?" (read as a wish for a person) after the
        # animal-welfare report: about that report, not the child-protection one.
        return answers.ask_the_office(context, turn.language, needs.candidates,
                                      gemeinde=turn.gemeinde, question=turn.text)
    if needs.primary is not None and not (
            needs.primary.id == turn.procedure_id and intent == "inform_gemeinde") \
            and not nlu_doubts(turn, needs.primary):
        return needs_answer(turn, needs)  # else "Gemeindestraße in Ampfing": the place
    outcome = needs.outcome
    place_request = intent == "inform_gemeinde" and not turn.procedure_id  # else: the flow
    if (intent in ("greet", "affirm", "deny") or place_request) \
            and outcome.decision == "choose" and len(outcome.procedures) > 1:
        # "Servus, wegen meinem Auto" (greeting), "job offer in Mühldorf, Blue Card?"
        # (the request, not the place), "nein, ich meinte den Führerschein": the topic.
        return answers.choices(outcome.procedures, turn.language, outcome.candidates)
    if intent == "inform_gemeinde" and len(turn.offered_last_turn) > 1 \
            and not is_question(turn.text):
        # "von Ampfing nach Waldkraiburg umgezogen" while options are pending: a detail
        # of the request, no wish for a Rathaus — which option, then. (One next-step
        # button is no pending choice: "ich wohne in Ampfing, wo ist das Jobcenter?")
        return pending_choice(turn)
    if intent in SMALL_TALK and len(turn.text.split()) > SMALL_TALK_MAX_WORDS:
        # "Servus. Mia hom an Campingplatz … Wer is do zuaständig?" read as a greeting
        # (twelfth-session probe: "Gern! Um welches Anliegen geht es denn?"): a request.
        return search_reply(turn)
    return replace(own(turn), candidates=outcome.candidates)


def about_it(turn: Turn, context: Procedure, found: Procedure) -> bool:
    """"geht das auch für meine Frau?" after the hunting licence: a short question about
    "it" stays with the answer in context, whatever its other words found — unless it
    names the other procedure's title."""
    return found.id != context.id and asks_about_it(turn.text) \
        and not names_title(topic_words(turn.text), found)


def answered_in_context(turn: Turn, context: Procedure, outcome: SearchOutcome) -> bool:
    """A short question that the answer in context already answers, while the search
    ranks the context nearly as high as what it found ("kann ich mein altes LA
    Kennzeichen behalten?" after the address change: "Ihr Kennzeichen können Sie
    behalten", not the H-Kennzeichen). A clear new topic scores well above the context."""
    if not outcome.hits or outcome.hits[0].procedure.id == context.id \
            or not is_question(turn.text) or len(turn.text.split()) > STRAY_MAX_WORDS:
        return False
    own = next((h.score for h in outcome.hits if h.procedure.id == context.id), None)
    return own is not None and outcome.hits[0].score - own <= CONTEXT_CLOSE \
        and answering_sentence(turn.text, context, turn.language) is not None


def spoken_of_in_context(turn: Turn, context: Procedure, found: Procedure) -> bool:
    """A short question whose every topic word the answer in context speaks of, and
    which a sentence of that answer answers ("bekommen wir da Pflegegeld?" after "Pflege-
    familie werden … erhalten Pflegegeld"; twelfth probe: it went to the Pflegekasse).
    "Was kostet ein Reisepass?" asks about the thing itself (`asks_about_it`)."""
    words = [w for w in topic_words(turn.text) if w not in GENERIC_WORDS]
    # Its answer, not its documents: "Wo bekomme ich die Geburtsurkunde?" after the
    # Elterngeld (which lists it) asks for the office that issues it, as does any "wo".
    spoken = normalize_name(f"{context.short_answer} {context.short_answer_en or ''}")
    return found.id != context.id and is_question(turn.text) and 0 < len(words) <= 3 \
        and len(turn.text.split()) <= SPOKEN_OF_MAX_WORDS and not asks_about_it(turn.text) \
        and _WHERE.search(normalize_name(turn.text)) is None \
        and all(shares_stem(w, set(spoken.split())) for w in words) \
        and answering_sentence(turn.text, context, turn.language) is not None


def repeats_answer(turn: Turn, found: Procedure) -> bool:
    """A question whose answer would be the very card the previous reply showed: that
    card ignored the question then and would again (fifteenth probe: a farmer's "Jetz sog
    hoit ja oder na!" about his hay barn got the same card three times)."""
    return found.id == turn.procedure_id and found.id in turn.answered_last_turn \
        and is_question(turn.text)


def nlu_doubts(turn: Turn, procedure: Procedure) -> bool:
    """Small talk, or a message the NLU reads as off-topic (short, or with high
    confidence), that does not name the procedure the search found: the NLU's reading
    stands. Small talk that carries a request names it ("Servus, i mog mei Auto
    abmelden"); "Red ich hier mit einem Computer?" only resembles the online
    consultation, "wie spät ist es" a late bus."""
    short_off_topic = turn.intent == "out_of_scope" and (
        len(turn.text.split()) <= SHORT_OFF_TOPIC_WORDS
        or turn.intent_confidence >= SURE_OFF_TOPIC)
    small_talk = turn.intent in SMALL_TALK and len(turn.text.split()) <= SMALL_TALK_MAX_WORDS
    return (small_talk or short_off_topic) \
        and not names_procedure(topic_words(turn.text), procedure)


# -- payloads and choices -----------------------------------------------------------

def _typed_payload(turn: Turn, own: Callable[[Turn], Response]) -> Response:
    """Buttons go to their flow; anything else typed with a leading "/" is answered here."""
    if turn.payload is not None and turn.payload[0] == turn.intent \
            and turn.intent not in SEARCH_INTENTS:
        return own(turn)  # Rasa parsed a payload of a known intent (a button)
    command = (turn.payload[0] if turn.payload else
               re.sub(r"\W.*", "", turn.text.strip()[1:])).lower()
    language = turn.language
    if command in START_COMMANDS:
        return Response((Reply(say("greet", language)),), decision="smalltalk",
                        reason="greet")
    if command in HANDOFF_COMMANDS:
        return Response((answers.buergerservice(language),), decision="handoff",
                        outcome="handoff", reason="requested")
    return answers.failure(turn, say("payload_unknown", language), reason="payload_unknown")


# -- the search ---------------------------------------------------------------------

def gemeinde_words() -> frozenset[str]:
    """Every word of every Gemeinde's name variants ("neumarkt", "sankt", "veit")."""
    return frozenset(word for gemeinde in load_gemeinden()
                     for variant in name_variants(gemeinde) for word in variant.split())


def request_words(turn: Turn) -> list[str]:
    """Content words of the message; a Gemeinde named by the citizen is no request."""
    words = content_words(turn.text)
    if turn.intent == "inform_gemeinde" or turn.entity("gemeinde"):
        places = gemeinde_words()
        words = [w for w in words if w not in places]
    return words


def needs_in_context(turn: Turn) -> Needs:
    """`find_needs` of the message, or — when it answers a question back (options are
    pending) or follows a message the bot did not understand — of the previous message
    and this one together, whichever is surer.

    "es geht um mein Auto" → "ich hab es verkauft, muss ich was machen?": alone, the
    second searched like a food business that sells; together they are about a car.
    A new topic of its own ("Wohngeld beantragen") still wins: its own answer scores
    higher than the mixed text's.
    """
    needs = find_needs(turn.text)
    context = load_procedure(turn.procedure_id)
    if context is not None and refers_back(turn.text) and needs.primary is None:
        before = context.title  # "und mein Motorrad auch" after the Abmeldung
    elif turn.previous_text and (turn.offered_last_turn or turn.search_failures):
        before = turn.previous_text
    else:
        return needs
    joint = search(f"{before} {turn.text}")
    if joint.decision == "answer" and joint.hits:
        own = needs.outcome.hits[0].score if needs.primary is not None and needs.outcome.hits \
            else 0.0
        if joint.hits[0].score > own:
            return Needs(joint, joint.hits[0].procedure, (), joint.candidates)
    elif joint.decision == "choose" and len(joint.hits) > 1 and needs.primary is None:
        return Needs(joint, candidates=joint.candidates)
    return needs


def needs_answer(turn: Turn, needs: Needs) -> Response:
    """The primary need with its next steps; with its contact if the citizen asked for
    a person ("mit jemandem über meinen Bauantrag sprechen"), whatever the intent."""
    assert needs.primary is not None
    if repeats_answer(turn, needs.primary):
        return answers.ask_the_office(needs.primary, turn.language, needs.candidates,
                                      gemeinde=turn.gemeinde, question=turn.text)
    with_contact = turn.intent == "request_human" or wants_person(turn.text)
    response = answers.procedure_answer(needs.primary, turn.language, needs.candidates,
                                        next_steps=needs.others, with_contact=with_contact,
                                        question=turn.text if is_question(turn.text) else None)
    return answers.with_rathaus(response, needs.primary, turn.text, turn.language)


def search_reply(turn: Turn) -> Response:
    """The search flow: answer (with next steps) / choose / out of scope / rephrase."""
    language = turn.language
    if turn.payload_like:
        return answers.failure(turn, say("payload_unknown", language), reason="payload_unknown")
    needs = needs_in_context(turn)
    outcome = needs.outcome
    candidates = needs.candidates
    context = load_procedure(turn.procedure_id)
    found = [needs.primary] if needs.primary is not None else outcome.procedures
    # "Nummer 2" with no choice pending is no question about the answer either.
    if context is not None and found and not outcome.error and not typed_positions(turn.text) and (
            (is_question(turn.text) and strays_from(turn, context, found))
            or about_context(turn, context, found[0]) or about_it(turn, context, found[0])
            or answered_in_context(turn, context, outcome)
            or spoken_of_in_context(turn, context, found[0])):
        return answers.ask_the_office(context, language, candidates, gemeinde=turn.gemeinde,
                                      question=turn.text)
    if needs.primary is not None and not nlu_doubts(turn, needs.primary):
        return needs_answer(turn, needs)
    if turn.intent == "out_of_scope" and not outcome.error and outcome.decision != "choose":
        # DIET said off-topic and the search found nothing relevant either: say so
        # politely. When the search has close options ("der Nachbar hält seinen Hund an
        # der Kette", "I lost my job"), they are offered: on the calibration items every
        # off-topic question scored below the choice bar and every declined real one above.
        return answers.failure(turn, say("out_of_scope", language), reason="off_topic",
                               decision="out_of_scope", outcome="declined",
                               candidates=candidates)
    if outcome.decision == "choose" and len(outcome.procedures) > 1:
        words = topic_words(turn.text)
        if context is not None and is_question(turn.text) \
                and (len(turn.text.split()) <= STRAY_MAX_WORDS
                     # the answer in context among the options, no other one named
                     # (fifteenth probe: "Welche Nummer ruf ich an? Die Kuh liegt seit
                     # heut früh im Stall" after the carcass collection got a menu)
                     or context in outcome.procedures) \
                and not any(names_title(words, p) for p in outcome.procedures
                            if p.id != context.id):
            # "muss ich es meinen eltern sagen?" after the pregnancy counselling: options
            # none of whose titles the question names are no answer to it (twelfth probe).
            return answers.ask_the_office(context, language, candidates,
                                          gemeinde=turn.gemeinde, question=turn.text)
        return answers.choices(outcome.procedures, language, candidates)
    if outcome.decision == "unavailable":
        return Response((Reply(say("search_unavailable", language)),
                         answers.buergerservice(language)),
                        decision="handoff", outcome="handoff", reason="search_unavailable")
    if context is not None and not outcome.error and is_question(turn.text):
        # "Gibt es Infoabende?" after "Pflegefamilie werden": nothing in the catalogue
        # says so, but the office of the procedure in context can tell.
        return answers.ask_the_office(context, language, candidates, gemeinde=turn.gemeinde,
                                      question=turn.text)
    reason = "query_error" if outcome.error else "no_match"
    return answers.failure(turn, outcome.error, reason=reason, candidates=candidates)

