import numpy as np

from catalogue.search import fusion
from catalogue.search.calibration import Calibration


def test_weighted_renormalises_missing_signals():
    cal = Calibration(w_embedding=0.5, w_ngram=0.3, w_bm25=0.2)
    fused = fusion.weighted({"ngram": np.array([1.0, 0.0], dtype=np.float32)}, cal)
    assert np.allclose(fused, [1.0, 0.0])


def test_embedding_rescaled_into_unit_range():
    cal = Calibration(emb_floor=0.7, emb_span=0.2)
    out = fusion.rescale_embedding(np.array([0.5, 0.8, 0.95]), cal)
    assert np.allclose(out, [0.0, 0.5, 1.0])


def test_bm25_squash_is_relative_and_damped():
    cal = Calibration(bm25_k=1.0)
    out = fusion.squash_bm25(np.array([3.0, 1.0, 0.0]), cal)
    assert np.allclose(out, [0.75, 0.25, 0.0])
    assert np.all(fusion.squash_bm25(np.zeros(3), cal) == 0)


def test_rrf_prefers_items_ranked_high_by_both():
    a = np.array([0.9, 0.8, 0.1])
    b = np.array([0.1, 0.9, 0.8])
    fused = fusion.reciprocal_rank({"a": a, "b": b})
    assert int(np.argmax(fused)) == 1
