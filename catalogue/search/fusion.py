"""Turn the per-signal scores into one comparable score per procedure.

A weighted sum of calibrated scores keeps absolute confidence (needed for the
answer/choose/rephrase decision); reciprocal rank fusion is kept for comparison in
the evaluation because it only sees ranks.
"""

from __future__ import annotations

import numpy as np

from catalogue.search.calibration import Calibration


def rescale_embedding(cosine: np.ndarray, cal: Calibration) -> np.ndarray:
    return np.clip((cosine - cal.emb_floor) / cal.emb_span, 0.0, 1.0)


def squash_bm25(bm25: np.ndarray, cal: Calibration) -> np.ndarray:
    best = float(bm25.max()) if bm25.size else 0.0
    if best <= 0:
        return np.zeros_like(bm25)
    squashed: np.ndarray = np.clip(bm25, 0.0, None) / (best + cal.bm25_k)
    return squashed


def weighted(signals: dict[str, np.ndarray], cal: Calibration) -> np.ndarray:
    """Weighted sum; weights of missing signals are spread over the present ones."""
    weights = {"embedding": cal.w_embedding, "ngram": cal.w_ngram, "bm25": cal.w_bm25}
    present = {k: w for k, w in weights.items() if k in signals and w > 0}
    total = sum(present.values()) or 1.0
    size = len(next(iter(signals.values())))
    fused = np.zeros(size, dtype=np.float32)
    for key, w in present.items():
        score = signals[key]
        if key == "embedding":
            score = rescale_embedding(score, cal)
        elif key == "bm25":
            score = squash_bm25(score, cal)
        fused += (w / total) * score
    return fused


def reciprocal_rank(signals: dict[str, np.ndarray], k: int = 60) -> np.ndarray:
    """Classic RRF: sum of 1 / (k + rank) over the signals (ranks only)."""
    size = len(next(iter(signals.values())))
    fused = np.zeros(size, dtype=np.float32)
    for score in signals.values():
        order = np.argsort(-score, kind="stable")
        ranks = np.empty(size, dtype=np.float32)
        ranks[order] = np.arange(1, size + 1)
        fused += np.where(score > 0, 1.0 / (k + ranks), 0.0)
    return fused
