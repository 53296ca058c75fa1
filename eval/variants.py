"""Robustness variants of a dev-set query, as issue 11 asks for.

* `original` — the query as written.
* `email` — the query wrapped as an e-mail: a greeting line, the query, a closing and a
  signature with a name (and sometimes a place), in the query's language. Which greeting
  and name is fixed by the query's position, so runs are reproducible.
* `lower` — lower case without punctuation (as typed on a phone): every punctuation
  character becomes a space, apostrophes vanish ("hod's" → "hods"), spaces are collapsed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from catalogue.language import detect_language

GREETINGS = {
    "de": ("Sehr geehrte Damen und Herren,", "Hallo,", "Guten Tag,", "Grüß Gott,"),
    "en": ("Dear Sir or Madam,", "Hello,", "Good morning,", "Hi there,"),
}
CLOSINGS = {
    "de": ("Mit freundlichen Grüßen", "Viele Grüße", "Danke im Voraus und beste Grüße",
           "Freundliche Grüße"),
    "en": ("Kind regards", "Best wishes", "Thanks in advance,", "Yours faithfully"),
}
SIGNATURES = ("Anna Huber", "Josef Maier, Ampfing", "Sabine Wimmer-Koller",
              "Thomas Obermaier\nTel. 08631 12345", "Ayşe Demir, Waldkraiburg")

_APOSTROPHES = "'’`´"
_SPACES = re.compile(r"\s+")

Wrapper = Callable[[str, int], str]


def original(query: str, index: int = 0) -> str:
    return query


def as_email(query: str, index: int = 0) -> str:
    """The query as the body of an e-mail with greeting, closing and signature."""
    language = "en" if detect_language(query) == "en" else "de"
    greeting = GREETINGS[language][index % len(GREETINGS[language])]
    closing = CLOSINGS[language][index % len(CLOSINGS[language])]
    signature = SIGNATURES[index % len(SIGNATURES)]
    return f"{greeting}\n{query.strip()}\n{closing}\n{signature}"


def lower_plain(query: str, index: int = 0) -> str:
    """Lower case, punctuation removed (apostrophes dropped, other marks → space)."""
    out = []
    for char in query.lower():
        if char in _APOSTROPHES:
            continue
        out.append(" " if unicodedata.category(char).startswith("P") else char)
    return _SPACES.sub(" ", "".join(out)).strip()


VARIANTS: dict[str, Wrapper] = {"original": original, "email": as_email, "lower": lower_plain}
