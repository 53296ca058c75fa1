import numpy as np
import pytest

from catalogue.search.lexical import NgramIndex, bm25_search, fts_query


@pytest.mark.parametrize("text", ['"AND OR NEAR(', "auto* OR (", "a\"b\"c", "NOT abmelden",
                                  "title:abmelden", "^auto", "x' OR 1=1; drop table procedures"])
def test_fts_syntax_never_reaches_match(db, text):
    # Must neither raise nor touch the schema.
    bm25_search(db, text)
    assert db["procedures"].count == 5


def test_fts_query_quotes_every_term():
    q = fts_query('auto "abmelden" NEAR( ab*"c')
    assert q is not None
    for part in q.split(" OR "):
        assert part.startswith('"') and (part.endswith('"') or part.endswith('"*'))
        assert '"' not in part.strip('"*')  # no quote inside a term: nothing escapes
    assert '"near"' in q and '"auto"' in q


def test_fts_query_turns_long_words_into_prefixes():
    q = fts_query("Auto abmelden Wunschkennzeichen")
    assert '"abmel"*' in q and '"wunschkennzeic"*' in q and '"auto"' in q


def test_bm25_prefix_finds_other_word_forms(db):
    # "abmelden" → "abmel"* also matches "Abmeldung" in the title
    assert bm25_search(db, "Abmeldungen")[0][0] == "kfz-abmeldung"


def test_fts_query_adds_umlaut_variants_and_drops_stopwords():
    q = fts_query("ich habe den Fuehrerschein verloren")
    assert '"führersch"*' in q and '"fuehrersch"*' in q
    assert '"ich"' not in q
    assert fts_query("ich und du") is None


def test_bm25_finds_by_title_word(db):
    assert bm25_search(db, "Sperrmüll")[0][0] == "sperrmuell"


def test_ngram_tolerates_typos_and_umlaut_spelling():
    index = NgramIndex(["Führerschein verloren", "Auto abmelden", "Wohngeld Miete"])
    assert int(np.argmax(index.scores("fuehrerschien verlorn"))) == 0
    assert int(np.argmax(index.scores("autto abmelen"))) == 1


def test_ngram_scores_zero_for_no_overlap():
    index = NgramIndex(["Auto abmelden"])
    assert index.scores("xyz")[0] == 0.0
