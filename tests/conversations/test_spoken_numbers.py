"""Numbers written as words (messenger voice input) are read as digits."""

import pytest

from conversations.redaction import redact
from conversations.spoken_numbers import cardinal, ordinal, spelled_digits


@pytest.mark.parametrize(("word", "value"), [
    ("null", 0), ("eins", 1), ("zwölf", 12), ("einundzwanzig", 21), ("hundert", 100),
    ("neunzehnhunderteinundfünfzig", 1951), ("zweitausendelf", 2011),
    ("zweitausendvierundzwanzig", 2024), ("dreitausendzweihundert", 3200),
    ("ein", None), ("eine", None), ("einer", None), ("hunderte", None), ("Kinder", None),
])
def test_cardinals(word, value):
    assert cardinal(word) == value


@pytest.mark.parametrize(("word", "value"), [
    ("ersten", 1), ("dritte", 3), ("siebten", 7), ("achten", 8), ("zwölften", 12),
    ("zwanzigsten", 20), ("einundzwanzigste", 21),
    ("erst", None), ("kosten", None), ("unter", None), ("beste", None), ("zehnsten", None),
])
def test_ordinals(word, value):
    assert ordinal(word) == value


def test_spoken_pieces_map_back_to_the_original_text():
    text = "Kennzeichen MÜ KH eins zwei drei bitte"
    spelled = spelled_digits(text)
    assert spelled is not None and spelled.text == "Kennzeichen MÜ KH 123 bitte"
    start = spelled.text.index("MÜ")
    span = spelled.original_span(start, start + len("MÜ KH 123"))
    assert span is not None and text[span[0]:span[1]] == "MÜ KH eins zwei drei"
    # What touches no converted number was read in the original already.
    assert spelled.original_span(0, len("Kennzeichen")) is None


def test_small_numbers_alone_are_left_as_words():
    assert spelled_digits("Wir haben zwei Kinder und ein Auto") is None
    assert spelled_digits("Acht geben auf die Elf") is None


@pytest.mark.parametrize(("text", "gone"), [
    ("mein Auto hat das Kennzeichen MÜ KH eins zwei drei", "eins zwei drei"),
    ("mein geburtsdatum ist der dritte april neunzehnhunderteinundfünfzig",
     "neunzehnhunderteinundfünfzig"),
    ("geboren bin i am zwölften mai neunzehnhundertvierzig", "zwölften mai"),
    ("ich wohne jetzt in Maitenbeth, Rosenstraße zwölf", "Rosenstraße zwölf"),
    ("also die adresse ist ahornweg vierzehn", "ahornweg vierzehn"),
    ("Versichertennummer ist K wie Konrad eins zwei drei vier fünf sechs sieben acht neun",
     "Konrad"),
])
def test_spoken_personal_data_is_redacted(text, gone):
    assert gone not in redact(text)


@pytest.mark.parametrize("text", [
    "Ich habe zwei Kinder, brauche ich für beide einen Kinderausweis?",
    "Der Termin ist am dritten April um zehn Uhr",
    "Kostet das mehr als zwanzig Euro?",
    "Wir wohnen seit zweitausendzwanzig in Ampfing",
])
def test_spoken_numbers_in_ordinary_questions_stay(text):
    assert redact(text) == text
