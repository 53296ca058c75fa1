"""Engine behaviour with the lexical signals only (model "none") and a fake encoder."""

import numpy as np
import pytest

from catalogue.search import QueryError, SearchEngine, SearchResult
from catalogue.search.calibration import Calibration
from catalogue.search.encoders import Encoder, load_encoder
from catalogue.search.index import document_texts, procedure_vectors, update_embeddings


class FakeModel:
    """Bag-of-letters 'embedding': deterministic, counts calls."""

    def __init__(self):
        self.calls = 0

    def _vec(self, texts):
        self.calls += len(texts)
        out = np.zeros((len(texts), 26), dtype=np.float32)
        for i, t in enumerate(texts):
            for ch in t.lower():
                if "a" <= ch <= "z":
                    out[i, ord(ch) - 97] += 1
        out /= np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-9)
        return out

    def encode_query(self, texts, **kwargs):
        return self._vec(texts)

    def encode_document(self, texts, **kwargs):
        return self._vec(texts)

    def get_sentence_embedding_dimension(self):
        return 26


def test_none_means_no_encoder():
    assert load_encoder("none") is None


def test_lexical_engine_finds_procedures(db):
    engine = SearchEngine(db, None)
    result = engine.search("auto abmelden")
    assert isinstance(result, SearchResult)
    assert result.hits[0].procedure.id == "kfz-abmeldung"
    assert result.decision in ("answer", "choose")
    assert engine.search("fuehrerschein verlorn").hits[0].procedure.id == "fuehrerschein-ersatz"


def test_hits_are_sorted_and_limited(db):
    result = SearchEngine(db, None).search("beantragen", limit=2)
    assert len(result.hits) <= 2
    assert [h.score for h in result.hits] == sorted((h.score for h in result.hits), reverse=True)


@pytest.mark.parametrize("bad", ["", "   ", "x" * 10_000, "🙂🙂", "\x00\x01\x1b", None])
def test_bad_input_raises_query_error(db, bad):
    with pytest.raises(QueryError):
        SearchEngine(db, None).search(bad)


@pytest.mark.parametrize("weird", ['"AND OR NEAR(', "'; DROP TABLE procedures; --",
                                   "auto* OR abmelden*", "NEAR(auto abmelden, 2)",
                                   "🚗 abmelden 🚗", "\x00\x1b[31m"])
def test_syntax_input_is_searched_safely(db, weird):
    result = SearchEngine(db, None).search(weird)
    assert result.decision in ("answer", "choose", "rephrase")
    assert db["procedures"].count == 5


def test_nonsense_is_rephrase(db):
    assert SearchEngine(db, None).search("qqq zzz").decision == "rephrase"


def test_choose_offers_two_or_three(db):
    engine = SearchEngine(db, None, calibration=Calibration(
        w_embedding=0, answer_min=2.0, rephrase_below=0.0, choose_window=1.0,
        situation_min_words=0))
    result = engine.search("beantragen")
    assert result.decision == "choose"
    assert 2 <= len(result.hits) <= 3


def test_empty_catalogue_gives_rephrase():
    from catalogue.db import open_db

    result = SearchEngine(open_db(None), None).search("auto abmelden")
    assert result.hits == [] and result.decision == "rephrase"


def test_embeddings_stored_reused_and_recomputed(db):
    model = FakeModel()
    encoder = Encoder(model, "fake-1")
    from catalogue.db import all_procedures

    assert update_embeddings(db, encoder) == 5
    stored = db["embeddings"].count
    assert stored == 5
    first_calls = model.calls
    assert first_calls == sum(len(document_texts(p)) for p in all_procedures(db))
    # Unchanged text: nothing re-encoded.
    assert update_embeddings(db, encoder) == 0
    assert model.calls == first_calls
    # Changed text: only that procedure is re-encoded.
    db.conn.execute("update procedures set title = 'Wohngeld (Mietzuschuss) beantragen' "
                    "where id = 'wohngeld'")
    assert update_embeddings(db, encoder) == 1
    # Another model: its own rows.
    update_embeddings(db, Encoder(model, "fake-2"))
    assert db["embeddings"].count == 10


def test_vectors_of_removed_procedures_are_pruned(db):
    encoder = Encoder(FakeModel(), "fake")
    update_embeddings(db, encoder)
    db.conn.execute("delete from procedures where id = 'wohngeld'")
    from catalogue.db import all_procedures

    procedure_vectors(db, encoder, all_procedures(db))
    ids = {r["procedure_id"] for r in db["embeddings"].rows}
    assert "wohngeld" not in ids


def test_engine_with_encoder_uses_embedding_signal(db):
    engine = SearchEngine(db, Encoder(FakeModel(), "fake"))
    scores = engine.signal_scores("auto abmelden")
    assert set(scores) == {"embedding", "ngram", "bm25"}
    assert all(len(v) == 5 for v in scores.values())
    assert engine.search("Auto abmelden").hits[0].procedure.id == "kfz-abmeldung"


def test_get_search_engine_is_cached(monkeypatch, tmp_path):
    from catalogue import db as dbmod
    from catalogue import settings as settings_mod
    from catalogue.search import get_search_engine

    monkeypatch.setenv("WEGWEISER_EMBEDDING_MODEL", "none")
    monkeypatch.setenv("WEGWEISER_DB_PATH", str(tmp_path / "c.db"))
    settings_mod.get_catalogue_settings.cache_clear()
    dbmod.get_db.cache_clear()
    get_search_engine.cache_clear()
    try:
        assert get_search_engine() is get_search_engine()
        assert get_search_engine().encoder is None
    finally:
        get_search_engine.cache_clear()
        dbmod.get_db.cache_clear()
        settings_mod.get_catalogue_settings.cache_clear()


def test_two_stage_vector_search_matches_exact_on_candidates(db, monkeypatch):
    from catalogue.search import engine as engine_mod

    exact = SearchEngine(db, Encoder(FakeModel(), "fake")).signal_scores("auto abmelden")
    monkeypatch.setattr(engine_mod, "EXACT_LIMIT", 2)
    monkeypatch.setattr(engine_mod, "CANDIDATES", 2)
    staged_engine = SearchEngine(db, Encoder(FakeModel(), "fake"))
    assert staged_engine._centroids is not None
    staged = staged_engine.signal_scores("auto abmelden")
    # The best procedures of either ranking are scored exactly.
    best = int(np.argmax(exact["embedding"]))
    assert staged["embedding"][best] == pytest.approx(exact["embedding"][best])
    assert int(np.argmax(staged["embedding"])) == best


def test_bm25_skipped_on_huge_catalogues(db, monkeypatch):
    from catalogue.search import engine as engine_mod

    monkeypatch.setattr(engine_mod, "BM25_LIMIT", 2)
    assert "bm25" not in SearchEngine(db, None).signal_scores("auto abmelden")


def test_decision_does_not_depend_on_the_limit(db):
    engine = SearchEngine(db, None)
    for query in ("auto abmelden", "beantragen", "führerschein verloren", "qqq zzz"):
        full = engine.search(query, limit=5)
        one = engine.search(query, limit=1)
        assert one.decision == full.decision
        if full.decision == "choose":
            assert one.hits == full.hits
        else:
            assert one.hits == full.hits[:1]


def test_shares_words_is_the_one_word_lexical_evidence(db):
    """A content word names a procedure when, searched alone, it would pass the bar a
    one-word query needs to be answered (`short_lexical_min`); meaning alone does not."""
    engine = SearchEngine(db, None)
    assert engine.shares_words(["perso", "sinnlos"], "personalausweis")
    assert engine.shares_words(["Wohngeld"], "wohngeld")
    assert not engine.shares_words(["kraft", "schlecht", "gehts"], "wohngeld")
    assert not engine.shares_words(["perso"], "sperrmuell")
    assert not engine.shares_words([], "wohngeld")
    assert not engine.shares_words(["perso"], "no-such-procedure")
    bar = engine.calibration.short_lexical_min
    position = engine._position["personalausweis"]
    assert float(engine.ngrams.scores(engine.prepared("perso"))[position]) >= bar


def test_a_word_several_best_titles_carry_is_a_choice():
    """"Führerschein" alone names a family of procedures; "Ersatzführerschein" one."""
    from catalogue.db import open_db, replace_catalogue
    from tests.catalogue.search.conftest import PROCEDURES, make

    family = [*PROCEDURES,
              make("fuehrerschein-ersterteilung", "Führerschein erstmals beantragen",
                   "Den ersten Führerschein beantragen Sie über die Fahrschule.",
                   ["Führerschein machen"]),
              make("fuehrerschein-international", "Internationaler Führerschein",
                   "Für Reisen außerhalb der EU brauchen Sie oft einen internationalen "
                   "Führerschein.", ["Führerschein Ausland"])]
    database = open_db(None)
    replace_catalogue(database, family, None)
    engine = SearchEngine(database, None)
    result = engine.search("Führerschein")
    assert result.decision == "choose" and len(result.hits) >= 2
    assert engine.search("Sperrmüll").decision == "answer"


def test_each_situation_is_its_own_vector(db):
    """A story should meet one situation, not the average of all of them."""
    from catalogue.db import all_procedures

    [plain] = [p for p in all_procedures(db) if p.id == "kfz-abmeldung"]
    situations = ["Mein Auto ist nach dem Unfall ein Totalschaden.",
                  "I sold my car abroad and need to cancel it here."]
    texts = document_texts(plain.model_copy(update={"situations": situations}))
    assert texts == [*document_texts(plain), *situations]


def test_an_answer_without_shared_wording_becomes_a_choice(db):
    """Meaning alone (the embedding, no n-gram overlap) is not enough for a direct
    answer to a longer message: the close options are offered."""
    engine = SearchEngine(db, Encoder(FakeModel(), "fake"), calibration=Calibration(
        answer_min=0.0, rephrase_below=0.0, answer_margin=0.0, long_lexical_min=2.0))
    result = engine.search("mein altes Auto soll endlich weg vom Hof")
    assert result.decision == "choose" and len(result.hits) >= 2
    relaxed = SearchEngine(db, Encoder(FakeModel(), "fake"), calibration=Calibration(
        answer_min=0.0, rephrase_below=0.0, answer_margin=0.0, long_lexical_min=0.0))
    assert relaxed.search("mein altes Auto soll endlich weg vom Hof").decision == "answer"
