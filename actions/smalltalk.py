"""Greeting, thanks, goodbye and "Bist du ein Bot?" in the citizen's language.

Rendered here rather than as domain responses because the language is only
known after detecting it on the current message. A greeting that carries a
request ("Servus, i mog mei Auto abmelden") is answered by the gate
(`actions.gate`) as a procedure question when the search is confident about it.
"""

from __future__ import annotations

from actions.gate import GatedFlow
from actions.sdk import Response, Turn
from actions.texts import say
from replies.model import Reply

SMALLTALK_INTENTS = ("greet", "goodbye", "thanks", "bot_challenge")


class ActionSmalltalk(GatedFlow):
    """Reply to greet / goodbye / thanks / bot_challenge."""

    def name(self) -> str:
        return "action_smalltalk"

    def reply(self, turn: Turn) -> Response:
        intent = turn.intent
        key = intent if intent in SMALLTALK_INTENTS else "greet"
        return Response((Reply(say(key, turn.language)),), (("gemeinde_needed", False),),
                        decision="smalltalk", reason=key)
