"""The one failure counter (`search_failures`), and the handoff at the second failure.

A failed message is a reply with decision `rephrase` or `out_of_scope`, a reason in
`FAILURE_REASONS`, or the same options offered again. A message that says the previous
reply missed ("das hilft mir nicht", "was hat das mit Bibern zu tun?", "keins davon",
"that's not what I asked") counts that reply as failed too (seventeenth and eighteenth
probes: three misses in a row and no human offered). The second failure in a row, of
whatever kind, becomes the Bürgerservice handoff.
"""

from __future__ import annotations

from dataclasses import replace

from actions import answers
from actions.question_kinds import dissatisfied
from actions.sdk import Response, Turn

MAX_FAILURES = 2
FAILURE_DECISIONS = frozenset({"rephrase", "out_of_scope"})
FAILURE_REASONS = frozenset({"choice_unknown", "topic_unknown", "payload_unknown",
                             "core_fallback"})


def counted(turn: Turn, response: Response) -> Response:
    """The one failure counter: count a failed message, hand off at the second in a row."""
    slots = dict(response.slots)
    # The same options offered again: the message was not understood either (twelfth
    # probe: a menu repeated to every question); the second time the office takes over.
    # (Not "choose first" to a detail asked while they are pending: that says why.)
    repeated = response.decision in ("choose", "clarify") and len(turn.offered_last_turn) > 1 \
        and set(response.procedure_ids) == set(turn.offered_last_turn) \
        and response.reason != "choice_pending"
    failed = response.decision in FAILURE_DECISIONS or response.reason in FAILURE_REASONS \
        or repeated
    # "das hilft mir nicht": the previous reply failed, whatever this one is.
    missed = dissatisfied(turn.text) and response.decision not in ("handoff", "crisis")
    if failed or missed:
        failures = int(turn.search_failures) + 1  # one failure either way, not two
        if failures >= MAX_FAILURES:
            return answers.second_failure(turn, response.candidates)
        slots["search_failures"] = float(failures)
    elif turn.search_failures or "search_failures" in slots:
        slots["search_failures"] = 0.0
    slots.setdefault("gemeinde_needed", False)  # the rules check it after every flow
    return replace(response, slots=tuple(slots.items()))
