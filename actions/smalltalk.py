"""Greeting, thanks, goodbye and "Bist du ein Bot?" in the citizen's language.

Rendered here rather than as domain responses because the language is only
known after detecting it on the current message. A greeting that carries a
request ("Servus, i mog mei Auto abmelden") is answered as a procedure
question when the search is confident about it.
"""

from __future__ import annotations

from actions import answers
from actions.common import search
from actions.sdk import FlowAction, Response, Turn
from actions.texts import say
from actions.topic import topic_words
from conversations.turn_record import Candidate
from replies.model import Reply

SMALLTALK_INTENTS = ("greet", "goodbye", "thanks", "bot_challenge")
# Greeting and thanking words (umlauts folded) that are no request on their own.
_SMALLTALK = (
    "hallo servus gruess gott griass griess guten morgen tag abend moin tach huhu hey hello "
    "hi there wegweiser zusammen danke dank vielen herzlichen schoen dankeschoen merci "
    "vergelts thanks thank lot cheers info infos auskunft antwort super toll prima klasse "
    "perfekt nochmal")
SMALLTALK_WORDS = frozenset(_SMALLTALK.split())


def request_words(text: str) -> list[str]:
    return [w for w in topic_words(text) if w not in SMALLTALK_WORDS]


class ActionSmalltalk(FlowAction):
    """Reply to greet / goodbye / thanks / bot_challenge."""

    def name(self) -> str:
        return "action_smalltalk"

    def handle(self, turn: Turn) -> Response:
        language = turn.language
        intent = turn.intent
        candidates: tuple[Candidate, ...] = ()
        if intent in ("greet", "thanks") and request_words(turn.text):
            outcome = search(turn.text)
            candidates = outcome.candidates
            if outcome.decision == "answer" and outcome.procedures:
                return answers.procedure_answer(outcome.procedures[0], language, candidates)
            if outcome.decision == "choose" and intent == "greet" and \
                    len(outcome.procedures) > 1:
                return answers.choices(outcome.procedures, language, candidates)
        key = intent if intent in SMALLTALK_INTENTS else "greet"
        return Response((Reply(say(key, language)),), (("gemeinde_needed", False),),
                        decision="smalltalk", reason=key, candidates=candidates)
