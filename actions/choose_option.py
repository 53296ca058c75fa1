"""The citizen picked one of the offered procedures with a button.

Buttons send `/choose_option{"procedure_id": …}` (entity `procedure_id`); only
an id the catalogue has is answered. Typed ordinals and numbers ("die zweite",
"2" on SMS where the choices were a numbered list) are resolved by the gate
(`actions.typed_choice.typed_position`) while a choice is pending, whatever the NLU
said; without a pending choice such a message is searched like any other.
"""

from __future__ import annotations

from actions.gate import GatedFlow
from actions.sdk import Response, Turn
from actions.typed_choice import choose


class ActionChooseOption(GatedFlow):
    """Answer the chosen procedure; an unknown choice asks what it is about."""

    def name(self) -> str:
        return "action_choose_option"

    def reply(self, turn: Turn) -> Response:
        return choose(turn, turn.entity("procedure_id"))
