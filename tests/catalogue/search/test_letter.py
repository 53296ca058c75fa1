"""E-mail frames are removed before searching; the question itself never is."""

from __future__ import annotations

import pytest

from catalogue.search.letter import strip_letter
from catalogue.search.normalize import normalize_query


@pytest.mark.parametrize(("text", "question"), [
    ("Sehr geehrte Damen und Herren,\nwie beantrage ich Wohngeld?\nMit freundlichen Grüßen\n"
     "Maria Schmid\nNeumarkt-St. Veit", "wie beantrage ich Wohngeld?"),
    ("Guten Morgen Frau Berger! Mein Ausweis ist abgelaufen. Liebe Grüße, Tom",
     "Mein Ausweis ist abgelaufen."),
    ("Servus, mei Bulldog muas zuagelassn wern. Pfiat di, Hias aus Buchbach",
     "mei Bulldog muas zuagelassn wern."),
    ("Dear Sir or Madam, I need a residence permit extension. Kind regards, J. Smith, "
     "Tel. +49 170 1234567", "I need a residence permit extension."),
    ("Hallo zusammen: Sperrmüll abholen lassen, wie geht das? Danke im Voraus!",
     "Sperrmüll abholen lassen, wie geht das?"),
    ("Guten Abend,\nFührerschein verloren\nVielen Dank im Voraus und herzliche Grüße\n"
     "Eva Gruber, Tel. 0171 000000", "Führerschein verloren"),
    ("Hi there, my passport expires soon. Best wishes, Ann", "my passport expires soon."),
])
def test_the_frame_goes_and_the_question_stays(text: str, question: str):
    assert strip_letter(text) == question


@pytest.mark.parametrize("text", [
    "Ich will mein Auto abmelden",
    "Hallo ich will mein Auto abmelden und brauche einen Termin",  # no comma: no frame
    "Grüße aus dem Urlaub: wie verlängere ich den Reisepass im Ausland?",
    "Viele Grüße",  # nothing but a frame: left as it is
    "Hallo,",
    "Was kostet ein Führerschein, viele Grüße an das Team und die Kollegen der "
    "Führerscheinstelle, die mir letztes Jahr so nett geholfen haben bei meinem Umtausch",
])
def test_text_without_a_separable_frame_is_unchanged(text: str):
    assert strip_letter(text) == text


def test_the_search_sees_the_question_only():
    framed = "Grüß Gott,\nwo melde ich einen Hund an?\nBeste Grüße\nSepp Huber, Ampfing"
    assert normalize_query(framed) == "wo melde ich einen Hund an?"
