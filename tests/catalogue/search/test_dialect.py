"""Dialect rewrites: word list always, sound shifts only into catalogue words."""

from __future__ import annotations

import pytest

from catalogue.search.dialect import Standardizer, lexicon
from catalogue.search.engine import SearchEngine

VOCABULARY = ["fuehrerschein", "abmelden", "schule", "abgeben", "machen", "kennzeichen"]


@pytest.fixture
def standardize() -> Standardizer:
    return Standardizer(VOCABULARY)


@pytest.mark.parametrize(("text", "expected"), [
    ("i hob mein führaschein valorn", "ich habe mein fuehrerschein verloren"),
    ("Auto abmeldn", "Auto abmelden"),
    ("wo kon i des glump obgebn", "wo kann ich des müll abgeben"),
    ("da bua geht in d schui", "da sohn geht in d schule"),
    ("mog an schein macha", "möchte an schein machen"),
])
def test_dialect_words_become_standard_german(standardize: Standardizer, text, expected):
    assert standardize(text) == expected


@pytest.mark.parametrize("text", ["Personalausweis beantragen", "Wohngeld", "Kfz-Zulassung",
                                  "des Fahrzeugs Abmeldung",
                                  "mir wurde der Führerschein entzogen"])
def test_standard_german_is_left_alone(standardize: Standardizer, text):
    assert standardize(text) == text


def test_sound_shifts_never_invent_words_outside_the_catalogue(standardize: Standardizer):
    # "wassa" → "wasser" is a regular shift, but "wasser" is not in this vocabulary.
    assert standardize.standard_word("wassa") is None


def test_lexicon_keys_are_folded_and_values_non_empty():
    words = lexicon()
    assert len(words) > 150
    assert all(key == key.lower() and "ä" not in key and value for key, value in words.items())


def test_engine_understands_a_bavarian_question(db):
    engine = SearchEngine(db, None)
    assert engine.search("i hob mein führaschein valorn").hits[0].procedure.id \
        == "fuehrerschein-ersatz"


def test_only_non_english_queries_are_rewritten(db):
    engine = SearchEngine(db, None)
    seen: list[str] = []
    engine.standardize = lambda text: seen.append(text) or text
    engine.signal_scores("I lost my driving licence, what can I do")
    engine.signal_scores("i hob mein führaschein valorn")
    assert seen == ["i hob mein führaschein valorn"]
