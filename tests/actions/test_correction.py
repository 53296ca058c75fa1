"""Corrections: what counts as one, and what is left to search."""

from __future__ import annotations

import pytest

from actions.correction import corrected_text, is_correction


@pytest.mark.parametrize(("text", "rest"), [
    ("nein, ich meinte das KINDERGELD, nicht elterngeld. wo beantrage ich das?",
     "das KINDERGELD, . wo beantrage ich das?"),
    ("no, its NEW, not used", "no, its NEW,"),
    ("FAHRZEUGSCHEIN. nicht führerschein.", "FAHRZEUGSCHEIN. ."),
    ("nein sorry, ich meinte doch den fahrzeugschein, den führerschein hab ich noch",
     ", den fahrzeugschein,"),
    ("Hausschlachtung? Nein. Wir brauchen Hilfe im Alltag", ". Wir brauchen Hilfe im Alltag"),
    ("keins davon", ""),
    ("none of these, its the health insurance card", ", its the health insurance card"),
    ("passt nix davon. ist das beim standesamt?", ". ist das beim standesamt?"),
])
def test_corrections_and_what_is_left(text, rest):
    assert is_correction(text)
    assert corrected_text(text).strip(" ,") == rest.strip(" ,")


@pytest.mark.parametrize("text", [
    "Was kostet das?", "ja danke", "nicht schlecht, und was kostet der Pass?",
    "ne frage, wie melde ich mein auto ab", "Ich brauche nichts weiter, danke",
    "Nichts gegen euch, aber wo ist das Rathaus?", "keiner geht ran!!",
    "Das Auto ist nicht angemeldet, wie melde ich es an?", "No problem, and the fees?",
    # twelfth probe: a case put, not a correction
    "und wenn ich gar nicht gefahren bin sondern mein Bruder?",
])
def test_ordinary_messages_are_no_corrections(text):
    assert not is_correction(text)
