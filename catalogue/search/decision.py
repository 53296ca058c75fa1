"""The search decision — answer, choose or rephrase — from the ranked scores alone.

A pure function of the scores and the calibration, so the engine, the evaluation (which
tries many calibrations on the same scores) and the tests share one rule without
building or patching an engine.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal, Protocol, TypeVar

from catalogue.search.calibration import Calibration

Decision = Literal["answer", "choose", "rephrase"]
CHOICES_MAX = 3


class Scored(Protocol):
    @property
    def score(self) -> float: ...


S = TypeVar("S", bound=Scored)


def decide(scores: Sequence[float], cal: Calibration) -> Decision:
    """Answer when the top score is confident and clearly ahead; rephrase when nothing
    reaches `rephrase_below`; otherwise choose (scores sorted best first)."""
    if not scores or scores[0] < cal.rephrase_below:
        return "rephrase"
    margin = scores[0] - (scores[1] if len(scores) > 1 else 0.0)
    if scores[0] >= cal.answer_min and margin >= cal.answer_margin:
        return "answer"
    return "choose" if len(scores) > 1 else "answer"


def choices(hits: Sequence[S], cal: Calibration) -> list[S]:
    """The 2–3 hits offered for a choice: those within `choose_window` of the best,
    at least two (hits sorted best first)."""
    window = hits[0].score - cal.choose_window
    close = [h for h in hits[:CHOICES_MAX] if h.score >= window]
    return close if len(close) >= 2 else list(hits[:2])


def decide_hits(hits: Sequence[S], cal: Calibration) -> tuple[Decision, list[S]]:
    """The decision for ranked hits and the hits to show with it."""
    decision = decide([h.score for h in hits], cal)
    return decision, choices(hits, cal) if decision == "choose" else list(hits)
