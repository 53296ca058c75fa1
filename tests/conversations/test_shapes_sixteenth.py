"""Shapes first met in the sixteenth blind set (messenger messages: dictation, photos of
documents typed out, German as a second language), as unit cases of the redactor with
new values; the set itself is tests/conversations/fixtures/pii_cases_sixteenth.yaml."""

import pytest

from conversations.redaction import redact


@pytest.mark.parametrize(("text", "gone"), [
    # Text recognition reads 0 as O and 1 as l inside numbers.
    ("Geburtsdatum: O7.l1.l958\nwas brauche ich für den Pass?", "O7.l1.l958"),
    ("Steuer-ID 47 l29 O36 518, brauche ich die fürs Elterngeld?", "47 l29 O36 518"),
    ("IBAN DE12 5OO1 O517 l234 5678 90 für die Erstattung", "DE12 5OO1 O517 l234 5678 90"),
    ("T e l . : O l 6 O / 9 9 8 7 6 5 4", "9 9 8 7"),
    # Form fields on a line of their own, also OCR's "rn" for "m" and capitals.
    ("Familiennarne: Brandstetter\nVornarne: Rosina\nwo beantrage ich das?", "Brandstetter"),
    ("Familiennarne: Brandstetter\nVornarne: Rosina\nwo beantrage ich das?", "Rosina"),
    ("NAME / NOM: OKONKWO\nVORNAMEN: CHIDI\nwann verlängern?", "OKONKWO"),
    ("Name: Lindqvist, Ebba\nReisepass beantragen", "Ebba"),
    # The driving licence's numbered fields and the registration certificate's holder.
    ("steht drauf:\n1. KRAMMER\n2. ALOIS JOSEF\n3. 02.03.1971 WASSERBURG\nneue Karte?",
     "ALOIS JOSEF"),
    ("C.1.1  Zehetmair\nC.1.2  Korbinian\nC.1.3  Lindenweg 4\n       84539 Ampfing\nwo steht "
     "die Schlüsselnummer?", "Lindenweg 4"),
    # Dictated e-mail addresses.
    ("meine email ist lena punkt moser at web punkt de bitte", "lena"),
    ("my email is k wagner 12 at gmail dot com thanks", "wagner 12"),
    ("you can email me at tom dot baker at outlook dot com", "baker"),
    ("E-Mail: x.maier@gmx .de", "x.maier"),
    ("Antwort an\nSTEFAN.HUBER@\nT-ONLINE.DE\nwegen Kita", "STEFAN.HUBER"),
    # Plates from Turkey, the United Kingdom, Croatia; a moped's insurance plate.
    ("mein Auto hat noch türkische Kennzeichen 06 KLM 482, wie lange darf ich fahren?",
     "06 KLM 482"),
    ("UK plate CD21 XYZ on my car, when must I register it?", "CD21 XYZ"),
    ("Auto mit kroatischen Kennzeichen ST 4412-AB ummelden", "ST 4412-AB"),
    ("Versicherungskennzeichen für den Roller: 731 BNR", "731 BNR"),
])
def test_new_shapes_are_redacted(text, gone):
    assert gone not in redact(text)


@pytest.mark.parametrize("text", [
    "Ich brauche 120 l Tonne statt 80 l, was kostet das?",
    "Das Auto kostet 300 EUR Steuer im Jahr, stimmt das?",
    "Mein Roller hat 50 ccm, brauche ich ein Versicherungskennzeichen?",
    "look at the bayernportal dot de page for the form",
    "Ich habe eine Email an das Amt geschickt, wann kommt die Antwort?",
    "1. Antrag ausfüllen\n2. Foto machen\n3. Termin buchen – stimmt die Reihenfolge?",
    "Schritt 1: Name eintragen, Schritt 2: unterschreiben",
])
def test_look_alikes_stay(text):
    assert redact(text) == text
