"""Fusion weights and decision thresholds, fitted on eval/search_devset.yaml.

Values come from `python -m eval.evaluate --calibrate` (see docs/search.md); they are
plain data so a deployment can re-fit them without touching code.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Calibration:
    # Embedding cosine is rescaled to ~[0, 1]: e5 puts unrelated German text near 0.75.
    emb_floor: float = 0.72
    emb_span: float = 0.22
    # BM25 is squashed with b / (max_b + bm25_k): relative within the query, damped when
    # even the best match is weak.
    bm25_k: float = 8.0
    w_embedding: float = 0.6
    w_ngram: float = 0.3
    w_bm25: float = 0.1
    # Decision: answer when the top hit is confident and clearly ahead; rephrase when
    # nothing reaches `rephrase_below`; otherwise offer the close options.
    answer_min: float = 0.40
    answer_margin: float = 0.04
    rephrase_below: float = 0.35
    choose_window: float = 0.12


LEXICAL_ONLY = Calibration(w_embedding=0.0, w_ngram=0.8, w_bm25=0.2, bm25_k=4.0,
                           answer_min=0.30, answer_margin=0.03, rephrase_below=0.10)
DEFAULT = Calibration()


def for_encoder(has_encoder: bool) -> Calibration:
    return DEFAULT if has_encoder else LEXICAL_ONLY
