"""Human handoff on request: the Bürgerservice contact (phone, e-mail, contact form).

The contact comes from the catalogue entry `buergerservice-kontakt`, so staff
update it in one place (`actions.answers.buergerservice`, also used after the
second failed message in a row). A request for a person that names a procedure the
search is sure about ("mit jemandem über meinen Bauantrag sprechen") is answered by
the gate with that procedure and its contact.
"""

from __future__ import annotations

from actions import answers
from actions.gate import GatedFlow
from actions.sdk import Response, Turn


class ActionHandoff(GatedFlow):
    """The citizen asked for a person."""

    def name(self) -> str:
        return "action_handoff"

    def reply(self, turn: Turn) -> Response:
        return Response((answers.buergerservice(turn.language),),
                        (("search_failures", 0.0), ("gemeinde_needed", False)),
                        decision="handoff", outcome="handoff", reason="requested")
