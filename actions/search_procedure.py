"""Procedure questions: the catalogue search decides which procedure is meant.

One generic NLU intent (search_procedure) covers every department; off-topic and
low-confidence messages come here too. The search flow itself lives in the gate
(`actions.gate.search_reply`), because every flow falls back to it when its own
intent does not fit the message. The core fallback (policies unsure) searches too
and counts as a failed message when the search is not confident.
"""

from __future__ import annotations

from actions import answers
from actions.gate import GatedFlow, search_reply
from actions.sdk import Response, Turn


class ActionSearchProcedure(GatedFlow):
    """Answer a procedure question (also the second gate for fallback / out_of_scope)."""

    def name(self) -> str:
        return "action_search_procedure"

    def reply(self, turn: Turn) -> Response:
        return search_reply(turn)


class ActionDefaultFallback(GatedFlow):
    """The policies are unsure what to do next: the gate searches, else a failure."""

    def name(self) -> str:
        return "action_default_fallback"

    def reply(self, turn: Turn) -> Response:
        return answers.failure(turn, reason="core_fallback")
