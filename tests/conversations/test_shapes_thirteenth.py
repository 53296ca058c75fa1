"""Shapes first met in the thirteenth blind set (messenger style), as unit cases of the
redactor with new values; the set itself is
tests/conversations/fixtures/pii_cases_thirteenth.yaml."""

import pytest

from conversations.redaction import redact


@pytest.mark.parametrize(("text", "gone"), [
    ("Zulassung abmelden bitte, Brief ist weg. Huber Traudl", "Huber Traudl"),
    ("Servus, Gruber Anton, Tel. 08631 4711, wegen der Jagdpacht", "Gruber Anton"),
    ("Name Aigner, Vorname Josef\nwegen Waffenschein", "Aigner"),
    ("Weitergeleitet von Maria:\nsie braucht einen Termin", "Maria"),
    ("Viele Grüße aus Polling, Sepp", "Sepp"),
    ("Здравствуйте, это Ирина Смирнова, нужен термин", "Ирина Смирнова"),
    ("мій син Богдан говорить німецькою", "Богдан"),
    ("nazwisko Nowak Tomasz, numer sprawy EL 2024/1183", "Nowak Tomasz"),
    ("numer sprawy EL 2024/1183", "2024/1183"),
    ("Rückruf bitte: (0 86 38) 98 76 5", "98 76 5"),
    ("telefonum 0 151 23 45 67 89", "23 45 67 89"),
    ("Дата рождения 14 марта 1987", "14 марта 1987"),
    ("doğum tarihim 5 Nisan 1979", "5 Nisan 1979"),
])
def test_new_shapes_are_redacted(text, gone):
    assert gone not in redact(text)


@pytest.mark.parametrize("text", [
    "Weitergeleitet von Kanal Landkreis Mühldorf: Wertstoffhöfe ab 1.4. geöffnet",
    "Hallo Landratsamt Mühldorf, wie lange dauert das?",
    "Laut Verordnung EU 2019/947 brauche ich einen Drohnenführerschein?",
    "Termin am 5 Nisan 2026 möglich?",
    "Grüß Gott, Kfz Zulassung, wann habt ihr offen?",
])
def test_look_alikes_stay(text):
    assert redact(text) == text
