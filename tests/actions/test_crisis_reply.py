"""The crisis reply: help numbers per kind, combined for several kinds, the Jugendamt and
the Rathaus from the catalogue, and the anonymity reply after a crisis."""

from __future__ import annotations

import re

import pytest

from actions.crisis import Crisis, detect_crisis
from actions.crisis_reply import (
    anonymity_reply,
    answered_crisis,
    asks_office_question,
    combine,
    crisis_kinds,
    crisis_reason,
    crisis_reply,
    kind_lines,
)
from actions.texts import say

NOT_HELPING = ("Dabei kann ich leider nicht helfen", "Sorry, I cannot help")


@pytest.mark.parametrize("kind, numbers", [
    ("violence", ["110", "112", "116 016", "0800 1239900"]),
    ("suicide", ["0800 111 0 111", "0800 111 0 222", "112"]),
    ("child", ["110", "116 111", "0800 111 0 550"]),
    ("medical", ["112", "116 117"]),
])
@pytest.mark.parametrize("language", ["de", "en"])
def test_each_kind_gets_its_numbers(catalogue, kind, numbers, language):
    reply = crisis_reply(Crisis(kind, "cue"), language, "text")
    intro = ("Ich bin ein automatischer Assistent" if language == "de"
             else "I am an automated assistant")
    assert reply.text.startswith(intro)
    for number in numbers:
        assert number in reply.text
    assert not any(phrase in reply.text for phrase in NOT_HELPING)


def test_medical_says_112_first(catalogue):
    text = crisis_reply(Crisis("medical", "cue"), "de", "").text
    assert text.index("112") < text.index("116 117")


def test_child_reply_names_the_jugendamt_from_the_catalogue(with_child_entry):
    reply = crisis_reply(detect_crisis("Das Nachbarskind wird geschlagen"), "de",  # type: ignore[arg-type]
                         "Das Nachbarskind wird geschlagen")
    assert reply.text == (
        "Ich bin ein automatischer Assistent – aber Hilfe gibt es jetzt sofort:\n"
        "Ist ein Kind in akuter Gefahr: Polizei 110.\n"
        "Kinderschutz – Landratsamt Mühldorf a. Inn (Kreisjugendamt): Telefon +49 8631 699-0\n"
        "Nummer gegen Kummer: 116 111 für Kinder und Jugendliche, 0800 111 0 550 für Eltern.")
    assert [link.url for link in reply.links] == ["https://www.lra-mue.de/test/kinderschutz"]


def test_child_reply_without_catalogue_entry_invents_no_number(catalogue):
    reply = crisis_reply(detect_crisis("my neighbour beats his kids"), "en",  # type: ignore[arg-type]
                         "my neighbour beats his kids")
    assert "Kreisjugendamt" not in reply.text and "8631" not in reply.text
    assert "116 111" in reply.text and reply.links == ()


def test_an_office_question_in_the_same_message_may_be_asked_afterwards(catalogue):
    text = "Mein Mann schlägt mich. Wie beantrage ich einen Aufenthaltstitel?"
    reply = crisis_reply(detect_crisis(text), "de", text)  # type: ignore[arg-type]
    assert reply.text.endswith("Ihre Frage an das Landratsamt können Sie mir danach gern "
                               "stellen.")
    assert asks_office_question(text)
    assert not asks_office_question("Mein Mann schlägt mich")


def test_answered_crisis_looks_only_at_the_latest_user_message():
    record = {"event": "slot", "name": "turn_record", "value": {"decision": "crisis"}}
    user = {"event": "user", "text": "x"}
    assert answered_crisis([user, record])
    assert not answered_crisis([record, user])
    assert not answered_crisis([user, {**record, "value": {"decision": "answer"}}])


# -- several kinds: combined, most urgent first, no number twice -----------------------
DV_WITH_CHILDREN = ("Ich kann nicht mehr. Mein Mann schlägt mich und die Kinder und ich weiß "
                    "nicht wohin")


def numbers_in(text: str) -> list[str]:
    """Phone numbers in a reply ("110", "116 016", "+49 8631 699-0")."""
    return re.findall(r"(?:\+\d+ )?\d{3,}(?:[ -]\d+)*", text)


def test_violence_against_the_writer_and_children_gets_both(with_child_entry):
    crisis = detect_crisis(DV_WITH_CHILDREN)
    reply = crisis_reply(crisis, "de", DV_WITH_CHILDREN)  # type: ignore[arg-type]
    assert reply.text == (
        "Ich bin ein automatischer Assistent – aber Hilfe gibt es jetzt sofort:\n"
        "In akuter Gefahr: Polizei 110 oder Notruf 112.\n"
        "Kinderschutz – Landratsamt Mühldorf a. Inn (Kreisjugendamt): Telefon +49 8631 699-0\n"
        "Nummer gegen Kummer: 116 111 für Kinder und Jugendliche, 0800 111 0 550 für Eltern.\n"
        "Hilfetelefon Gewalt gegen Frauen: 116 016 – rund um die Uhr, kostenlos, anonym, in "
        "vielen Sprachen; es hilft auch, einen Platz im Frauenhaus zu finden. Telefonieren "
        "geht nicht? Das Hilfetelefon berät auch per Chat und E-Mail: hilfetelefon.de\n"
        "Hilfetelefon Gewalt an Männern: 0800 1239900.")
    assert [link.url for link in reply.links] == ["https://www.lra-mue.de/test/kinderschutz"]


@pytest.mark.parametrize("kinds", [("child", "violence"), ("medical", "suicide"),
                                   ("medical", "violence"), ("suicide", "child", "violence"),
                                   ("violence", "homeless")])
@pytest.mark.parametrize("language", ["de", "en"])
def test_combined_replies_never_repeat_a_number(with_child_entry, kinds, language):
    crisis = Crisis(kinds[0], "cue", tuple((kind, "cue") for kind in kinds[1:]))
    text = crisis_reply(crisis, language, "").text
    numbers = numbers_in(text)
    assert len(numbers) == len(set(numbers)), numbers
    for kind in kinds:  # every kind's own help numbers are there
        single = crisis_reply(Crisis(kind, "cue"), language, "").text
        assert set(numbers_in(single)) <= set(numbers), kind
    # acute danger first
    assert text.splitlines()[1] in {say("crisis_violence", language).splitlines()[0],
                                    say("crisis_medical", language).splitlines()[0]}


def test_combine_keeps_one_kind_as_it_is_and_drops_covered_lines():
    suicide = say("crisis_suicide", "de").splitlines()
    assert combine([suicide]) == suicide  # one kind: its own order (112 last)
    assert combine([["A: 110.", "B: 116 111."], ["C: 110 oder 112.", "D: 116 016.", "E: 112."]]) \
        == ["C: 110 oder 112.", "B: 116 111.", "D: 116 016."]
    assert combine([["Ohne Nummer."], ["Auch ohne."]]) == ["Ohne Nummer.", "Auch ohne."]


def test_the_record_reason_lists_the_kinds():
    assert crisis_reason(("child", "violence")) == "child+violence"
    assert crisis_kinds({"decision": "crisis", "reason": "child+violence"}) == ("child",
                                                                                "violence")
    assert crisis_kinds({"decision": "crisis", "reason": "anonymous:child"}) == ("child",)
    assert crisis_kinds({"decision": "answer", "reason": None, "safety_note": "suicide"}) == (
        "suicide",)
    assert crisis_kinds({"decision": "answer", "reason": "gemeinde"}) == ()


def test_the_crisis_itself_is_no_office_question():
    text = "Ich werde morgen aus meiner Wohnung geräumt"
    crisis = detect_crisis(text)
    assert crisis is not None
    assert asks_office_question(text) and not asks_office_question(text, crisis.cues)


# -- the anonymity reply (actions.crisis_followup decides when) ---------------------------
def test_anonymity_for_a_child_names_the_jugendamt_again(with_child_entry):
    reply = anonymity_reply(("child",), "de")
    assert reply.text.startswith("Sie können Ihre Sorge um ein Kind auch anonym melden")
    assert "Kinderschutz – Landratsamt Mühldorf a. Inn (Kreisjugendamt): Telefon " \
           "+49 8631 699-0" in reply.text
    assert "Polizei 110" in reply.text
    assert [link.url for link in reply.links] == ["https://www.lra-mue.de/test/kinderschutz"]


@pytest.mark.parametrize("kinds, expected", [
    (("violence",), ["116 016", "0800 1239900", "110"]),
    (("suicide",), ["0800 111 0 111"]),
    (("child", "violence"), ["116 016", "110", "112", "+49 8631 699-0"]),
])
def test_anonymity_for_other_kinds(with_child_entry, kinds, expected):
    text = anonymity_reply(kinds, "en").text
    assert "anonymous" in text
    for number in expected:
        assert number in text
    assert len(numbers_in(text)) == len(set(numbers_in(text)))


@pytest.mark.parametrize(("text", "gas", "spill"), [
    ("Im Treppenhaus riecht es stark nach Gas", True, False),
    ("Heizöltank undicht, das Öl läuft in den Boden", False, True),
    ("Hilfe, im Gasthaus nebenan brennt es", False, False),
    ("In der Isen treiben tote Fische, es riecht nach Gülle", False, True),
    ("Im Acker liegt eine alte Granate", False, False),
])
def test_danger_help_names_only_what_the_message_names(text, gas, spill):
    """Fire brigade 112 always; what to do for gas, whom to tell of a spill, only then."""
    lines, _ = kind_lines("danger", "de", text)
    assert "112" in lines[0]
    assert any("Kampfmittelräumdienst" in line for line in lines) is ("Granate" in text)
    assert any("Gasgeruch: Gebäude" in line for line in lines) is gas
    assert any("Landratsamt (Wasserrecht)" in line for line in lines) is spill
