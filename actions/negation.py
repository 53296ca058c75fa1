"""A state the message rules out: "PV-Anlage, das Haus ist nicht denkmalgeschützt".

The search reads words, not their negation: "nicht denkmalgeschützt" finds the heritage
permit first (twelfth probe), "steht nicht unter Denkmalschutz" the same (sixth blind
set). `ruled_out(text, procedure)` says whether the message negates a word that the
procedure is named by — a participle or noun of at least seven letters after "nicht" /
"not" (not "kein": "ich habe keinen Führerschein" still asks about the licence — only
after a comma, "eine Luftwärmepumpe, keine Erdbohrung"), matched
against the title — while
the procedure itself is not about that negated state ("nicht verheiratete Eltern" is
what the Sorgeerklärung is for). Standard library and the catalogue's folding only.
"""

from __future__ import annotations

import re

from catalogue.folding import fold
from catalogue.gemeinden import normalize_name
from catalogue.models import Procedure

MIN_LETTERS = 7
_NEGATED = re.compile(r"\b(?:nicht|nich|ned|net|not)\s+(?:(?:mehr|unter|im|in|so|"
                      r"ganz|more|under|any|longer)\s+)?([a-z]{7,})"
                      # "der hat niemanden gebissen", "nobody was bitten" (fifteenth probe)
                      r"|\b(?:niemand\w*|nie|nobody|never|no one)\s+(?:\w+\s+)?([a-z]{7,})")


# "Unter Denkmalschutz steht es nicht": the protection named before its negation.
_NOT_UNDER = re.compile(r"\bunter\s+([a-z]{7,})\s+(?:steht|stehen|stand)\s+(?:es|er|sie|das|"
                        r"der|die)?\s*(?:aber\s+|auch\s+)?nicht\b")


# A contrast: "eine Luftwärmepumpe, keine Erdbohrung" (here "kein" does rule out).
_CONTRAST = re.compile(r",\s*(?:aber\s+|also\s+)?kein\w*\s+([a-z]{7,})")


def negated_words(text: str) -> list[str]:
    """The words `text` negates directly ("nicht denkmalgeschuetzt", folded)."""
    folded = normalize_name(text)
    contrasted = _CONTRAST.findall(fold(text.lower()))
    negated = [a or b for a, b in _NEGATED.findall(folded)]
    return negated + _NOT_UNDER.findall(folded) + contrasted


def _prefix_match(word: str, vocabulary: set[str]) -> str | None:
    stem = word[:MIN_LETTERS]
    return next((w for w in vocabulary if w[:MIN_LETTERS] == stem), None)


def ruled_out(text: str, procedure: Procedure) -> bool:
    """Does `text` negate what `procedure` is named by (its German or English title),
    while the procedure's own words do not negate it too?"""
    words = negated_words(text)
    if not words:
        return False
    # The title only: search terms hold everyday verbs ("Klassenfahrt bezahlen") that a
    # message negates without ruling the procedure out ("können wir nicht bezahlen").
    named = normalize_name(f"{procedure.title} {procedure.title_en or ''}")
    vocabulary = set(named.split())
    own = normalize_name(f"{procedure.title} {procedure.short_answer} "
                         f"{' '.join(procedure.search_terms)}")
    for word in words:
        match = _prefix_match(word, vocabulary)
        if match is None:
            continue
        if re.search(rf"\b(?:nicht|not|kein\w*|no|ohne|without)\s+{word[:MIN_LETTERS]}", own):
            continue  # the procedure is for that very state
        return True
    return False
