"""Shapes first met in the tenth blind set, as unit cases of the redactor (general
shapes with new values; the set itself is
tests/conversations/fixtures/pii_cases_tenth.yaml)."""

import pytest

from conversations.redaction import redact


@pytest.mark.parametrize(("text", "gone"), [
    ("Servus, i bin d'Kathi, geborn am 3. Feber 62, wega da Rente", "Feber 62"),
    ("my name is Omar, born on the 2nd of March 91, what do I need", "March 91"),
    ("Festnetz: null acht sechs drei eins – 12 34 56 bitte", "12 34 56"),
    ("Kd.-Nr. 22-118-904: bitte die Tonne abholen", "22-118-904"),
    ("The customer number on my bill is W-55120-AÖ, please cancel", "W-55120"),
    ("Steuer-Identnr.: 12345678901, reicht das?", "12345678901"),
    ("Unsere Kinder Lea (5), Jonas (3) und Mia (1) brauchen einen Platz", "Lea"),
    ("Kinder: Sophie (04.02.2015) und Ben (11.8.2017), BuT-Antrag", "11.8.2017"),
    ("Für die Therapie von unserem Lukas brauchen wir einen Antrag", "Lukas"),
    ("hi, it's Marta from Spain, my visa expires soon", "Marta"),
    ("Hi im Sarah Connolly, do I need to exchange my licence?", "Connolly"),
    ("Griaß Gott, da Meier Sepp, wegen meim Jagdschein", "Meier Sepp"),
    ("Von: Hofmann, Sabine\nBetreff: Wohngeld\nIst das angekommen?", "Hofmann"),
    ("Hier schreibt die Tante Resi (Theresia Gruber) für ihren Neffen", "Theresia Gruber"),
    ("die Steuer-ID (Ehemann Thomas) fehlt noch", "Thomas"),
    ("lukas brandl 03.05.01 wann ist mein Führerschein fertig", "03.05.01"),
])
def test_new_shapes_are_redacted(text, gone):
    assert gone not in redact(text)


@pytest.mark.parametrize("text", [
    "Muss ich meinen Aufsitzmäher zulassen? Modell John Deere X350, max. 20 km/h.",
    "it's Monday, is the office open?",
    "Kinder (3) und Erwachsene (2): was kostet der Eintritt?",
    "Von: Landratsamt Mühldorf\nBetreff: Ihr Antrag",
    "Gruaß Gott, da Bauantrag is no ned da.",
])
def test_ordinary_text_stays(text):
    assert redact(text) == text
