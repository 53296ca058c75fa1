"""The true-caser restores the catalogue's noun casing in all-lower-case messages only."""

from __future__ import annotations

from catalogue.search.truecase import TrueCaser

TEXTS = ["Den Führerschein umtauschen", "Führerschein verloren: Ersatzführerschein",
         "Das Fahrzeug abmelden", "Fahrzeug zulassen", "Ein Fahrzeug ummelden",
         "Bitte online beantragen", "Sie können online zahlen", "Online"]


def test_lower_case_message_gets_catalogue_casing():
    truecase = TrueCaser.from_texts(TEXTS)
    assert truecase("führerschein verloren was tun") == "Führerschein verloren was tun"
    assert truecase("fahrzeug abmelden") == "Fahrzeug abmelden"


def test_words_the_catalogue_mostly_writes_in_lower_case_stay():
    # "online" is lower case twice and capitalised once (a sentence start).
    assert TrueCaser.from_texts(TEXTS)("online beantragen") == "online beantragen"


def test_message_with_any_capital_is_left_as_typed():
    truecase = TrueCaser.from_texts(TEXTS)
    assert truecase("Mein führerschein ist weg") == "Mein führerschein ist weg"


def test_unknown_words_and_digits_stay():
    truecase = TrueCaser.from_texts(TEXTS)
    assert truecase("xyz 123 fahrzeug") == "xyz 123 Fahrzeug"
    assert truecase("") == ""
