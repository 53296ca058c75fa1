"""Human handoff on request: the Bürgerservice contact (phone, e-mail, contact form).

The contact comes from the catalogue entry `buergerservice-kontakt`, so staff
update it in one place (`actions.answers.buergerservice`, also used after the
second failed search).
"""

from __future__ import annotations

from actions import answers
from actions.sdk import FlowAction, Response, Turn


class ActionHandoff(FlowAction):
    """The citizen asked for a person."""

    def name(self) -> str:
        return "action_handoff"

    def handle(self, turn: Turn) -> Response:
        return Response((answers.buergerservice(turn.language),),
                        (("search_failures", 0.0), ("gemeinde_needed", False)),
                        decision="handoff", outcome="handoff", reason="requested")
