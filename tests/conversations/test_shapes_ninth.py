"""Shapes first met in the ninth blind set, as unit cases of the redactor (general
shapes with new values; the set itself is
tests/conversations/fixtures/pii_cases_ninth.yaml)."""

import pytest

from conversations.redaction import redact


@pytest.mark.parametrize(("text", "gone"), [
    ("erreichbar unter 08671 – 45 23 19 (AB)", "45 23 19"),
    ("privat 0160 – 93 11 27 40", "93 11 27 40"),
    ("0 1 5 2 - 7 7 4 1 9 0 3 ist meine nummer", "7 7 4 1 9 0 3"),
    ("Rückruf unter null acht sechs sieben eins – zwei drei vier fünf sechs", "zwei drei vier"),
    ("meine Bankverbindung: IBAN: DE 1270 0500 0000 1234 5678 (Sparkasse)", "1234 5678"),
    ("Aktenzeichen: 3 K 25.2041 — ist das Verfahren noch offen?", "25.2041"),
    ("Das Gericht schreibt M 9 K 24.1177", "24.1177"),
    ("mein Geschäftszeichen lautet (laut Brief) „AB 12 – 3344/26“, danke", "3344/26"),
    ("hallo bin die mama von lena huber (7.9.2020), sie braucht einen Ausweis", "7.9.2020"),
    ("Wir (Familie van der Linden) ziehen nach Ampfing", "Linden"),
    ("KV-Nr. der Tochter Helena: bitte melden", "Helena"),
    ("meine Kinder Jakub und Lena gehen in die Grundschule", "Jakub"),
    ("servus i bins, da Wastl, wann kommt der Kalender?", "Wastl"),
    ("Mia wohnan in Gars. Gruaß, Vroni u. Sepp Huber", "Vroni"),
    ("Grüß Gott, do is d'Resi vom Hof in Egglkofen", "Resi"),
])
def test_new_shapes_are_redacted(text, gone):
    assert gone not in redact(text)


@pytest.mark.parametrize("text", [
    "Need to register a VW T5 and a BMW X5 before year end.",
    "da is a Problem mit da Tonne",
    "Termin am 12.12. um 10:30, Zimmer 2 – geht das?",
])
def test_ordinary_text_stays(text):
    assert redact(text) == text
