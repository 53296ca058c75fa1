"""Shapes first met in the fourteenth blind set (web chat, citizens of many backgrounds),
as unit cases of the redactor with new values; the set itself is
tests/conversations/fixtures/pii_cases_fourteenth.yaml."""

import pytest

from conversations.redaction import redact


@pytest.mark.parametrize(("text", "gone"), [
    ("Bonjour, je m'appelle Nadia Haddad. Wo ist die Ausländerbehörde?", "Nadia Haddad"),
    ("Bună ziua, mă numesc Ionuț. Brauche Termin", "Ionuț"),
    ("Xin chào, tôi là Trần Văn Minh, tôi cần giúp đỡ", "Trần Văn Minh"),
    ("Hola, soy Lucía Fernández, necesito ayuda con el Kindergeld", "Lucía Fernández"),
    ("Hello, we are the Mensah family and need a Kita place", "Mensah"),
    ("Wir (Ehepaar Popescu) brauchen einen Termin", "Popescu"),
    ("Wann ist das fertig? Beat Keller, +41 78 123 45 67", "Beat Keller"),
    ("hi bin die steffi (stefanie brunner) wegen führerschein", "stefanie brunner"),
    ("Kinder: Ștefan Pop *3.5.2021 und Ioana Pop *1.2.2023", "Ștefan Pop"),
    ("Mutter Leyla Demir aus Syrien, geb. 2.2.1970", "Leyla Demir"),
    ("Reisepass der Mutter Nr. C7LM2K4P1, wie lange gilt der?", "C7LM2K4P1"),
    ("my passport numbers are P8841230X and P8841231X", "P8841231X"),
    ("Brief mit Zeichen JA-23/Bst-1182 bekommen", "JA-23/Bst-1182"),
    ("multa, verbale n. 20431/2025/B, für mein Auto", "20431/2025/B"),
    ("mein rumänisches Auto B 123 ABC ist noch angemeldet", "B 123 ABC"),
    ("Abmeldung für das Auto KR 4K812 bitte", "KR 4K812"),
    ("Zulassung vom Auto mit SPZ 3AB 1290", "3AB 1290"),
    ("mein Auto hat noch BE 38211, ich ziehe nach Haag", "BE 38211"),
    ("alte Adresse: ul. Polna 7/2, 31-222 Kraków", "ul. Polna 7/2"),
    ("an Postfach 12 34 56, 84453 Mühldorf schicken", "Postfach 12 34 56"),
    ("Kind\t| Geburtsdatum\nLena Rossi\t| 03.07.2018", "03.07.2018"),
    ("Geb.: 1 2 . 1 1 . 1 9 7 7", "1 2 . 1 1"),
    ("Handy +48 512 345 678, Abmeldung", "512 345 678"),
    ("schreiben Sie an m.huber@lra-mue.de?", "m.huber@lra-mue.de"),
])
def test_new_shapes_are_redacted(text, gone):
    assert gone not in redact(text)


@pytest.mark.parametrize("text", [
    "Kann ich das an poststelle@lra-mue.de schicken?",
    "Mein PKW hat 2000 kg, darf ich den Anhänger mit dem Auto ziehen?",
    "Der Anhänger für das Auto kostet EUR 1500, muss ich ihn zulassen?",
    "Gibt es die Bavarian family allowance noch?",
    "Wir fahren mit dem Auto auf der B 299 nach Haag, ist die gesperrt?",
    "Das Zeichen für Wasserschutzgebiet, was bedeutet das?",
    "Welche Dokumente brauche ich für den Pass meiner Tochter?",
])
def test_look_alikes_stay(text):
    assert redact(text) == text
