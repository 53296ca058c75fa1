"""Name and number shapes first met in the seventh blind set, as unit cases of the
redactor (general shapes; the set itself is tests/conversations/fixtures/pii_cases_seventh.yaml)."""

import pytest

from conversations.redaction import redact


@pytest.mark.parametrize(("text", "gone"), [
    ("Mein Sohn Luca-Elias Gruber-Nowak braucht einen Ausweis", "Gruber-Nowak"),
    ("hi, ich bin die mama von leonie schmid wegen der Untersuchung", "schmid"),
    ("Hier ist der Opa vom Maxi, es geht um den Schulbus", "Maxi"),
    ("Kind: Emir Demir / Elternbeitrag", "Demir"),
    ("hey hier is der kevin schneider aus polling", "schneider"),
    ("Servus, bin da Florian aus Taufkirchen, wann kimmt da Bescheid?", "Florian"),
    ("Hallo i bin d' Moni, hob a frog weng am Hund", "Moni"),
    ("ruafts mi bitte o, Kathi", "Kathi"),
    ("Bitte zurück überweisen, wohne jetzt in der Schweiz. Beat Zürcher", "Zürcher"),
    ("Der Vorgang läuft noch unter meinem Mädchennamen Zehentbauer", "Zehentbauer"),
    ("Bin gebürtige Wagner, jetzt verheiratete Eder.", "Eder"),
    ("Please send it c/o Weber, I am away", "Weber"),
    ("Lg von der Lisi (Elisabeth Huber)", "Lisi"),
])
def test_names_introduced_in_new_ways(text, gone):
    assert gone not in redact(text)


@pytest.mark.parametrize(("text", "gone"), [
    ("my son (born 12th May 2019) needs a Kita place", "12th May 2019"),
    ("my daughter born 3rd of August 2021 needs a place", "August 2021"),
    ("Jahrgang 1961, am 17. Juli geboren – brauch ich was?", "17. Juli"),
    ("phone: (0)8638 / 88 21 07 — about the water area", "88 21 07"),
    ("my application no. is AE-2026-5512, thanks", "AE-2026-5512"),
    ("Bescheid vom 20.10.2026, Zeichen 6.1-Kö/4471 – ich zahl des ned!", "4471"),
    ("Tonne nicht geleert · Anwesen Oberfeld 3, Egglkofen", "Oberfeld 3"),
    ("Hofmark 2 in Unterreit, wann kommt die Müllabfuhr?", "Hofmark 2"),
    ("Mofa mit Versicherungskennzeichen 123 ABC, muss das zugelassen werden?", "123 ABC"),
])
def test_number_shapes(text, gone):
    assert gone not in redact(text)


@pytest.mark.parametrize("text", [
    "Öffnungszeiten der Zulassungsstelle am Samstag? Oder nur Mo–Fr 7:30 bis 12:00?",
    "Ich bin der Betreuer von Herrn Wöhrl und brauche einen Termin",
    "I bin da Schorsch vom Hof, ruaf's mi o 08638 9841 12",
    "Zimmer 12 in Mühldorf, ist das die Führerscheinstelle?",
    "Servus, bin da Montag nicht erreichbar",
])
def test_ordinary_words_stay(text):
    out = redact(text)
    for words in ("Mo–Fr 7:30", "Betreuer", "ruaf's mi o", "Zimmer 12 in Mühldorf", "Montag"):
        if words in text:
            assert words in out, out
