"""The citizen picked one of the offered procedures: a button or a typed ordinal.

Buttons send `/choose_option{"procedure_id": …}` (entity `procedure_id`); typed
answers ("die zweite", "1" on SMS where the choices were a numbered list) are
resolved against the choices the bot offered last (`Turn.offered_choices`).
"""

from __future__ import annotations

import re

from actions import answers
from actions.common import load_procedure
from actions.sdk import FlowAction, Response, Turn
from actions.texts import say
from replies.model import Reply

_ORDINALS = {
    0: re.compile(r"\b(1|erste[nrs]?|eins|first|one)\b"),
    1: re.compile(r"\b(2|zweite[nrs]?|zwei|second|two)\b"),
    2: re.compile(r"\b(3|dritte[nrs]?|drei|third|three)\b"),
    -1: re.compile(r"\b(letzte[nrs]?|last)\b"),
}


def typed_choice(turn: Turn) -> str | None:
    """Resolve "die zweite" / "number 3" / "1" against the last offered choices."""
    choices = turn.offered_choices
    text = turn.text.lower()
    for position, pattern in _ORDINALS.items():
        if choices and pattern.search(text) and position < len(choices):
            return choices[position]
    return None


class ActionChooseOption(FlowAction):
    """Answer the chosen procedure; an unknown choice asks what it is about."""

    def name(self) -> str:
        return "action_choose_option"

    def handle(self, turn: Turn) -> Response:
        procedure = load_procedure(turn.entity("procedure_id") or typed_choice(turn))
        if procedure is None:
            return Response((Reply(say("choice_unknown", turn.language)),),
                            (("gemeinde_needed", False),), decision="clarify",
                            outcome="clarified", reason="choice_unknown")
        return answers.procedure_answer(procedure, turn.language)
