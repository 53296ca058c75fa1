"""Shapes first met in the eighth blind set, as unit cases of the redactor (general
shapes; the set itself is tests/conversations/fixtures/pii_cases_eighth.yaml)."""

import pytest

from conversations.redaction import redact


@pytest.mark.parametrize(("text", "gone"), [
    ("Sozialversicherungsnr: 12 020579 S 51 7 - brauchen Sie die?", "51 7"),
    ("Meine SV-Nr. aus Österreich 2878 150882", "150882"),
    ("meine steuerliche Identifikationsnummer lautet 5 7 3 0 9 8 4 1 2 5 1", "2 5 1"),
    ("Meine Mutter (geb. 23.III.1958) zieht zu uns", "III.1958"),
    ("my daughter, DOB 2018/05/07, needs the check", "2018/05/07"),
    ("'Geburtsdatum des Kindes: 21.01.2022' steht im Brief", "21.01.2022"),
    ("Fahrzeug MÜ - F - 55 soll auf H umgeschrieben werden", "F - 55"),
    ("I've got Italian plates (GH 482 ZK), do I have to re-register?", "482"),
    ("My car still has Austrian plates BR 583 EK, how long can I drive?", "583"),
    ("Kennzeichen war WPR 4571C, brauch ich eine Einzelabnahme?", "4571C"),
    ("meine nummer: null eins sieben null 4 8 1 9 3 3 6 2 0", "3 3 6 2 0"),
    ("zu Ihrem Schreiben mit Fs-Nr. 2026/FE/12709: bitte neuer Termin", "12709"),
    ("it's about my Bürgergeld application, number BG-98765/26", "98765"),
    ("Regards, Ciarán O'Sullivan", "Sullivan"),
    ("Name on account: Harriet Pemberton-Clarke", "Pemberton"),
    ("brauche ein führungszeugnis, name dominik wastlhuber", "wastlhuber"),
    ("servus i bins da Schmid Sepp aus oberneukirchen", "Schmid"),
    ("Geht das? Freundliche Grüsse, Corinne Zbinden", "Zbinden"),
])
def test_new_shapes_are_redacted(text, gone):
    assert gone not in redact(text)


@pytest.mark.parametrize("text", [
    "Warum dauert die Zulassung 3 Wochen? In Altötting geht's in 2 Tagen.",
    "Ich habe das Formular 12a und § 34 Abs. 2 gelesen",
])
def test_ordinary_text_stays(text):
    assert redact(text) == text
