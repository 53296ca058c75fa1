"""Shapes first met in the twelfth blind set, as unit cases of the redactor (general
shapes with new values; the set itself is
tests/conversations/fixtures/pii_cases_twelfth.yaml)."""

import pytest

from conversations.name_cues import decapitalised, in_capitals
from conversations.redaction import redact


@pytest.mark.parametrize(("text", "gone"), [
    ("Kind regards,\nAilsa McGregor", "McGregor"),
    ("Guten Tag, ich (Tran Van Duc) habe eine Frage zum Wohngeld", "Tran Van Duc"),
    ("Bitte Rückruf: Hr. Gruber Anton, wegen der Jagdpacht", "Gruber Anton"),
    ("Rückfrage bitte an Fr. Lindner, Tel. folgt", "Lindner"),
    ("Hello, I'm from Kenya, name Wanjiru Kamau, where do I register?", "Wanjiru Kamau"),
    ("Reference 4711, name Kenji Sato. Is my licence ready?", "Kenji Sato"),
    ("Hi there, Oksana from Lviv. Where do I apply for Kita?", "Oksana"),
    ("My kids Bohdan (born 2015) and Mariya (born 2018) need a school", "Bohdan"),
    ("Ich beantrage Kindergeld für Jonte, geboren am 3.3.2022.", "Jonte"),
    ("Danke für alles!\nEure Vroni", "Vroni"),
    ("hi its Olena, i want to do the integration course", "Olena"),
    ("Hallo 👋 bin die Vroni und brauch einen Termin", "Vroni"),
    ("bitte um rückruf, gruß m. obermaier", "m. obermaier"),
    ("Rufen Sie mich bitte an: 08631 12345, Ziegler", "Ziegler"),
    ("GRÜSS GOTT ICH HEISSE ROSWITHA KAINDL UND BRAUCHE EINEN TERMIN", "ROSWITHA KAINDL"),
    ("my case at the foreigners office is 312-ABH-2025-0044, please call", "312-ABH-2025-0044"),
    ("wir sind familie krasniqi: vater besnik, mutter arta, kinder dren und era", "besnik"),
    ("Mein Führerschein Nr. F123X4567890 ist weg", "F123X4567890"),
])
def test_new_shapes_are_redacted(text, gone):
    assert gone not in redact(text)


@pytest.mark.parametrize("text", [
    "Was muss ich bei Name, Vorname und Geburtsdatum eintragen?",
    "Im Feld Name Straße Hausnummer steht nichts",
    "I'm American and married to an Italian, do I need a card?",
    "Hallo Team aus Mühldorf, wie lange dauert das?",
    "Kontakt Familie: Vater, Mutter und Kinder",
    "Hallo, ich bin die Tagesmutter und habe eine Frage zur Pflegeerlaubnis",
    "WO KANN ICH MEIN AUTO ABMELDEN? ICH WOHNE IN AMPFING",
    "Die B 12 ist gesperrt, Umleitung über die MÜ 21",
    "COVID-19 Impfung und Masern-Impfung für die Kita",
    "Formular 034-B für den Antrag auf Wohngeld",
])
def test_ordinary_text_stays(text):
    assert redact(text) == text


def test_capitals_are_read_with_first_letters_only_and_keep_their_length():
    text = "ICH HEISSE ÄNNE STRAUß"
    assert in_capitals(text) and not in_capitals("Ich heiße Änne Strauß")
    assert decapitalised(text) == "Ich Heisse Änne Strauß"
    assert len(decapitalised(text)) == len(text)
