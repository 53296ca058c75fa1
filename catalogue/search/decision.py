"""The search decision — answer, choose or rephrase — from the ranked scores alone.

A pure function of the scores and the calibration, so the engine, the evaluation (which
tries many calibrations on the same scores) and the tests share one rule without
building or patching an engine.

The rule (thresholds in `calibration.py`, measurements in docs/search.md):

* rephrase — nothing is relevant: the top score is below `rephrase_below`;
* answer   — the top hit is clearly ahead: at least `answer_margin` above the second
  (and at least `answer_min`, which the fitted calibration sets to `rephrase_below`,
  because the absolute top score drops for long, wordy questions while the margin
  keeps separating right from wrong top hits);
* choose   — otherwise: the 2–3 hits within `choose_window` of the top.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal, Protocol, TypeVar

from catalogue.search.calibration import Calibration

Decision = Literal["answer", "choose", "rephrase"]
CHOICES_MAX = 3
# How many of the best scores `decide` and `choices` look at: the engine ranks at least
# this many hits whatever `limit` the caller asks for, so the decision does not depend
# on how many hits are shown.
DECISION_DEPTH = CHOICES_MAX


class Scored(Protocol):
    @property
    def score(self) -> float: ...


S = TypeVar("S", bound=Scored)


def margin(scores: Sequence[float]) -> float:
    """How far the best score is ahead of the second (the best score for a single hit)."""
    if not scores:
        return 0.0
    return scores[0] - (scores[1] if len(scores) > 1 else 0.0)


def decide(scores: Sequence[float], cal: Calibration) -> Decision:
    """Answer, choose or rephrase for scores sorted best first (see the module doc).

    A single hit is never a choice: it is answered when it reaches `rephrase_below`.
    Equal top scores are a choice.
    """
    if not scores or scores[0] < cal.rephrase_below:
        return "rephrase"
    if len(scores) == 1:
        return "answer"
    if scores[0] >= cal.answer_min and margin(scores) >= cal.answer_margin:
        return "answer"
    return "choose"


def choices(hits: Sequence[S], cal: Calibration) -> list[S]:
    """The 2–3 hits offered for a choice: those within `choose_window` of the best,
    at least two (hits sorted best first)."""
    window = hits[0].score - cal.choose_window
    close = [h for h in hits[:CHOICES_MAX] if h.score >= window]
    return close if len(close) >= 2 else list(hits[:2])


def decide_hits(hits: Sequence[S], cal: Calibration,
                limit: int | None = None) -> tuple[Decision, list[S]]:
    """The decision for ranked hits and the hits to show with it: the choices for
    "choose" (2–3, even when `limit` is smaller), else the first `limit` hits.

    Pass at least `DECISION_DEPTH` hits when there are that many, so that the decision
    is the same whatever `limit` is.
    """
    decision = decide([h.score for h in hits], cal)
    if decision == "choose":
        return decision, choices(hits, cal)
    return decision, list(hits if limit is None else hits[:limit])
