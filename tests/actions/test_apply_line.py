"""Answers without a known online form say how to apply instead of implying a form."""

from __future__ import annotations

from actions.answers import procedure_text
from actions.texts import apply_line
from catalogue.models import Procedure

BASE = {"title": "Aufenthaltstitel verlängern", "category": "Ein- & Auswanderung",
        "department": "Ausländerbehörde", "responsible_level": "landratsamt",
        "responsible": "Landratsamt Mühldorf a. Inn",
        "short_answer": "Beantragen Sie die Verlängerung rechtzeitig vor Ablauf.",
        "info_url": "https://www.lra-mue.de/auslaenderrecht"}


def test_no_online_form_names_the_ways_to_apply() -> None:
    general = Procedure(id="a", **BASE)
    text = procedure_text(general, "de")
    assert "Ein Online-Formular dafür kennen wir nicht" in text
    assert "persönlich, per Post oder über das sichere Kontaktformular" in text
    assert "Online-Antrag" not in text
    assert "in person, by post or via its secure contact form" in procedure_text(general, "en")
    own = Procedure(id="b", apply_channels=["in_person"], **BASE)
    assert apply_line(own, "de") == "Den Antrag stellen Sie persönlich."
    two = Procedure(id="c", apply_channels=["online", "in_person"], **BASE)
    assert apply_line(two, "en") == "You apply online or in person."


def test_online_form_or_other_authority_gets_no_apply_line() -> None:
    online = Procedure(id="d", online_url="https://formular.example.org", **BASE)
    assert apply_line(online, "de") is None
    assert "Hier geht es direkt zum Online-Antrag" in procedure_text(online, "de")
    elsewhere = Procedure(id="e", **{**BASE, "responsible_level": "gemeinde",
                                     "responsible": "Ihre Gemeinde"})
    assert apply_line(elsewhere, "de") is None


def test_an_answer_that_speaks_of_an_online_way_is_not_contradicted() -> None:
    """"können Sie vorab online reservieren" and "we know of no online form" in one reply
    contradicted each other: without a verified link, say so instead."""
    said_online = Procedure(id="f", **{**BASE, "short_answer": "Sie können vorab online "
                                                               "reservieren."})
    text = procedure_text(said_online, "de")
    assert "Ein Online-Formular dafür kennen wir nicht" not in text
    assert "Das geht auch online: Den Weg zum Online-Angebot finden Sie auf der Infoseite" in text


def test_counselling_and_information_entries_get_no_apply_line() -> None:
    """Eighth blind probe: "Ein Online-Formular dafür kennen wir nicht" under the opening
    hours and the contact page read as boilerplate."""
    for title in ("Öffnungszeiten und Anfahrt Landratsamt", "Erziehungs- und Familienberatung",
                  "Kontakt zum Landratsamt (Telefon, E-Mail)"):
        assert apply_line(Procedure(id="f", **{**BASE, "title": title}), "de") is None


def test_a_digital_way_in_the_answer_is_no_missing_online_form() -> None:
    digital = Procedure(id="g", **{**BASE, "short_answer": "Das geht auch digital über das "
                                                           "BayernPortal oder persönlich."})
    assert "kennen wir nicht" not in (apply_line(digital, "de") or "")
