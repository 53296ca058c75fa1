"""Shapes first met in the eleventh blind set, as unit cases of the redactor (general
shapes with new values; the set itself is
tests/conversations/fixtures/pii_cases_eleventh.yaml)."""

import pytest

from conversations.redaction import redact


@pytest.mark.parametrize(("text", "gone"), [
    ("schickt es an anna.berger (at) web (punkt) de bitte", "anna.berger"),
    ("my mail: j_smith(@)yahoo.com thanks", "j_smith"),
    ("meine mail: maier . kathi @ gmx . net (ohne leerzeichen)", "maier"),
    ("bitte an flori.huber@web,de schicken", "flori.huber"),
    ("schreibt mir an sepp.gruber ät t-online.de", "sepp.gruber"),
    ("contact: k.oneill[at]mailbox[dot]org for the exam", "k.oneill"),
    ("I was born on the third of June 1987 in Accra", "June 1987"),
    ("born Friday, 3 Mar 2023 at the hospital", "3 Mar 2023"),
    ("I was born Jan 5th '91, the form says invalid", "'91"),
    ("Meine Tochter ist am dritten März zweitausendzwölf geboren", "zweitausendzwölf"),
    ("Abholung bitte: Dr.-Huber-Str. Hausnr. 3b, 84453 Mühldorf", "3b"),
    ("Neue Anschrift: Am Anger, Hs.-Nr. 12, 84559 Kraiburg", "Hs.-Nr. 12"),
    ("I live at Bahnhofstraße No. 7, first floor", "No. 7"),
    ("booking number Z-4410-QX7, no confirmation yet", "Z-4410-QX7"),
    ("Appointment #ABH-26-10021 for my wife", "ABH-26-10021"),
    ("Steuer-ID\n12345\n678901 – wofür braucht ihr die?", "678901"),
    ("a van mue xy 88 has been parked in front of my garage", "mue xy 88"),
    ("the kids are Saoirse (6) and Oisin (3), where is the school?", "Oisin"),
    ("Kinder: Mila, 5 J.; Jonas, 3 J.; Ella (Baby, 4 Monate)", "Ella"),
    ("Hi (Tran Thi Mai here) - need the Meldebescheinigung", "Tran Thi Mai"),
    ("Mein Mann (Nguyễn Văn Bình) und ich beantragen Familiennachzug", "Văn Bình"),
    ("Antragsteller:in: Demir, Ayşe\nAnliegen: BAföG", "Demir, Ayşe"),
    ("Surname: Okoro, Given names: Chidi. I want to apply", "Okoro"),
    ("Le Van Thanh, born 1990, applying for the card", "Le Van Thanh"),
    ("fatima yusuf here, lost my residence card", "fatima yusuf"),
])
def test_new_shapes_are_redacted(text, gone):
    assert gone not in redact(text)


@pytest.mark.parametrize("text", [
    "look at bayernportal.de for the form",
    "Termin am 12.12. at 10.30 ok?",
    "I have an appointment tomorrow at 10",
    "Im Bebauungsplan Nr. 47 steht GRZ 0,4",
    "Am Stadtplatz Nr. 3 ist das Landratsamt",
    "Our kids (2) need a Kita place",
])
def test_ordinary_text_stays(text):
    assert redact(text) == text
