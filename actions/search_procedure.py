"""Procedure questions: the catalogue search decides which procedure is meant.

One generic NLU intent (search_procedure) covers every department; this action
turns the search decision into an answer (answer), up to three choices
(choose) or a request to rephrase, and hands off to the Bürgerservice after
the second failure in a row. Off-topic and low-confidence messages pass
through here too: the search is the second gate before saying "can't help".
The core fallback (policies unsure) counts as a failed search.
"""

from __future__ import annotations

from actions import answers
from actions.common import search
from actions.sdk import FlowAction, Response, Turn
from actions.texts import say
from replies.model import Reply


class ActionSearchProcedure(FlowAction):
    """Answer a procedure question (also the second gate for fallback / out_of_scope)."""

    def name(self) -> str:
        return "action_search_procedure"

    def handle(self, turn: Turn) -> Response:
        language = turn.language
        outcome = search(turn.text)
        candidates = outcome.candidates
        if outcome.decision == "answer" and outcome.procedures:
            return answers.procedure_answer(outcome.procedures[0], language, candidates)
        if turn.intent == "out_of_scope":
            # DIET said off-topic and the search is not sure either: say so politely,
            # without counting it as a failed attempt.
            return Response((Reply(say("out_of_scope", language)),),
                            (("gemeinde_needed", False),), decision="out_of_scope",
                            outcome="declined", candidates=candidates)
        if outcome.decision == "choose" and len(outcome.procedures) > 1:
            return answers.choices(outcome.procedures, language, candidates)
        if outcome.decision == "unavailable":
            return Response((Reply(say("search_unavailable", language)),
                             answers.buergerservice(language)),
                            (("gemeinde_needed", False),), decision="handoff",
                            outcome="handoff", reason="search_unavailable")
        reason = "query_error" if outcome.error else "no_match"
        return answers.search_failure(turn, outcome.error, reason=reason,
                                      candidates=candidates)


class ActionDefaultFallback(FlowAction):
    """The policies are unsure what to do next: treat it like a failed search."""

    def name(self) -> str:
        return "action_default_fallback"

    def handle(self, turn: Turn) -> Response:
        return answers.search_failure(turn, reason="core_fallback")
