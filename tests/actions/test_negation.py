"""A state the message rules out does not pick the procedure named by it."""

import pytest

from actions.negation import negated_words, ruled_out
from catalogue.models import Procedure


def _procedure(pid: str, title: str, short_answer: str, terms: list[str]) -> Procedure:
    return Procedure(id=pid, title=title, short_answer=short_answer, search_terms=terms,
                     category="Querschnitt", department="Test", responsible_level="landratsamt",
                     responsible="Landratsamt",
                     info_url="https://example.org")


HERITAGE = _procedure("denkmal", "Denkmalrechtliche Erlaubnis",
                      "Wer ein Baudenkmal verändern will, braucht eine Erlaubnis.",
                      ["Denkmalschutz", "denkmalgeschützt"])
CUSTODY = _procedure("sorge", "Gemeinsames Sorgerecht (Sorgeerklärung)",
                     "Nicht verheiratete Eltern bekommen das gemeinsame Sorgerecht.",
                     ["Sorgerecht nicht verheiratet", "verheiratet"])
LICENCE = _procedure("fs", "Führerschein nach Entzug neu beantragen",
                     "Nach einem Entzug beantragen Sie die Fahrerlaubnis neu.",
                     ["Führerschein zurück", "Fahrerlaubnis"])


@pytest.mark.parametrize(("text", "words"), [
    ("das Haus ist nicht denkmalgeschützt", ["denkmalgeschuetzt"]),
    ("Unter Denkmalschutz steht es nicht", ["denkmalschutz"]),
    ("it is not listed under heritage protection", []),
    ("ich habe keinen Führerschein", []),
    ("es wäre eine Luftwärmepumpe, keine Erdbohrung", ["erdbohrung"]),
    # fifteenth probe: the found dog "hat niemanden gebissen"
    ("Nein, der hat niemanden gebissen! Der Hund ist verletzt.", ["gebissen"]),
])
def test_negated_words(text, words):
    assert negated_words(text) == words


def test_a_negated_state_rules_out_the_procedure_named_by_it():
    assert ruled_out("PV-Anlage aufs Dach, das Haus ist nicht denkmalgeschützt", HERITAGE)
    assert ruled_out("Unter Denkmalschutz steht es nicht. Dürfen wir abreißen?", HERITAGE)


def test_a_procedure_for_that_very_state_is_kept():
    assert not ruled_out("Wir sind nicht verheiratet und wollen das Sorgerecht", CUSTODY)


def test_short_or_unrelated_negations_rule_out_nothing():
    assert not ruled_out("ich darf nicht mehr fahren, wie bekomme ich ihn wieder?", LICENCE)
    assert not ruled_out("Ich habe keinen Führerschein mehr", LICENCE)
    assert not ruled_out("Das Haus ist denkmalgeschützt", HERITAGE)
