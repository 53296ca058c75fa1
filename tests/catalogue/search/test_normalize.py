import pytest

from catalogue.search.normalize import (
    MAX_QUERY_CHARS,
    QueryError,
    clean_text,
    normalize_query,
    words,
)


def test_clean_text_nfkc_controls_and_whitespace():
    assert clean_text("ﬁ\u00a0Auto\x00\x07 ab\u200bmelden \n\t") == "fi Auto ab melden"


def test_words_are_folded():
    assert words("Führerschein, verloren!") == ["fuehrerschein", "verloren"]


@pytest.mark.parametrize("bad", ["", "   \n\t ", "\x00\x01\x02", "🚗🚗🚗", "?!", None, 42])
def test_unusable_queries_raise_query_error(bad):
    with pytest.raises(QueryError) as err:
        normalize_query(bad)
    assert "Bitte" in str(err.value) or "keine Wörter" in str(err.value)


def test_too_long_query_names_the_limit():
    with pytest.raises(QueryError, match=str(MAX_QUERY_CHARS)):
        normalize_query("Auto abmelden " * 1000)


def test_query_error_is_a_value_error():
    assert issubclass(QueryError, ValueError)


def test_length_is_checked_after_normalisation():
    text = "Auto abmelden" + " " * 2000
    assert normalize_query(text) == "Auto abmelden"
