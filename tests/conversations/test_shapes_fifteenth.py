"""Shapes first met in the fifteenth blind set (a random week of messages), as unit cases
of the redactor with new values; the set itself is
tests/conversations/fixtures/pii_cases_fifteenth.yaml."""

import pytest

from conversations.redaction import redact


@pytest.mark.parametrize(("text", "gone"), [
    ("Fischereischein auf Lebenszeit Nr. 207-F-1184, geht das online?", "207-F-1184"),
    ("meine WBK (Nr. 455/2003) ist vom Opa", "455/2003"),
    ("Jagdkarte Nr. T-JK 90311 aus Tirol", "90311"),
    ("Antrag Schüler-BAföG, Geb.-Dat. 110508", "110508"),
    ("Wir wohnen in Hub 7 (Gemeinde Zangberg), die Tonne wird nicht geleert", "Hub 7"),
    ("our truck plate 45-KLT-2 got a fine", "45-KLT-2"),
    ("mi coche con matrícula 7712 GHK", "7712 GHK"),
    ("Klassenleitung 4a, bitte um Rückruf. K. Obermaier, Konrektorin", "K. Obermaier"),
    ("hey its mike walker, I need to register my truck", "mike walker"),
    ("Hi, hier die Martina von gegenüber, dein Hund bellt", "Martina"),
    ("Servus, bin der Wimmer Sepp aus Gars, is mei Kennzeichen frei?", "Wimmer Sepp"),
    ("Jó napot! Kovács Anna vagyok, brauche eine Auskunft", "Kovács Anna"),
    ('Antwort an "Schorsch" <georg.huber77@web.de>', "Schorsch"),
    ("Kann ich das Kennzeichen reservieren? Läuft auf Gruber Resi", "Gruber Resi"),
    ("Der Bauer heißt Kreitmair, die Kühe stehen im Dreck", "Kreitmair"),
    ("Do they need a medical check first? – Siobhan O'Connor", "Siobhan O'Connor"),
    ("gruß t. huber 0171 2233445", "t. huber"),
    ("ich bins nochmal der lukas wimmer wegen der mpu", "lukas wimmer"),
    ("Huber Maria, Zangberg. Biotonne wurde nicht geleert!!", "Huber Maria"),
    ("Grace Adjei, DOB: 4th of May 1990", "Adjei"),
])
def test_new_shapes_are_redacted(text, gone):
    assert gone not in redact(text)


@pytest.mark.parametrize("text", [
    "Ich hab noch den grauen Lappen, geboren bin ich 1961. Muss ich umtauschen?",
    "Ich bin Spätaussiedlerin, geb. in Kasachstan, welche Papiere brauche ich?",
    "Wir wohnen in der Gemeinde Reichertsheim, wann kommt der Sperrmüll?",
    "Was kostet ein Jagdschein Nr. 3 im Jahr?",
    "Der Anhänger für das Auto kostet 1500 EUR, muss ich ihn zulassen?",
    "Wie heißt das Formular für den Bauantrag?",
])
def test_look_alikes_stay(text):
    assert redact(text) == text
