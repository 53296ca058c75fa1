"""Bavarian and colloquial word forms → standard German, before any signal sees them.

Two sources: a word list (`dialect.yaml`) for forms no rule derives ("hob" → "habe",
"valorn" → "verloren"), and regular Bavarian sound shifts ("abmeldn" → "abmelden",
"führaschein" → "führerschein", "schui" → "schule") that are accepted only when they
turn an unknown word into a word the catalogue uses — so rules cannot invent meaning.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import yaml

from catalogue.folding import fold
from catalogue.search.normalize import words

LEXICON_FILE = Path(__file__).with_name("dialect.yaml")
_TOKEN = re.compile(r"\w+|\W+")
# (pattern, replacement) on folded words; each yields one candidate spelling.
SOUND_SHIFTS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement) for pattern, replacement in (
        (r"(?<=[^aeiou])n$", "en"),      # abmeldn → abmelden
        (r"(?<=[^aeiou])a(?=[^aeiou])", "er"),  # fuehraschein → fuehrerschein
        (r"a$", "er"),                   # wassa → wasser
        (r"(?<=[^aeiou])a$", "en"),      # macha → machen
        (r"^ob", "ab"),                  # obgebn → abgebn
        (r"^om", "an"),                  # omeldn → anmeldn
        (r"^va", "ver"),                 # vakafn → verkafn
        (r"oi", "el"),                   # moidung → meldung
        (r"oi", "al"),                   # oid → alt (with t below)
        (r"ui$", "ule"),                 # schui → schule
        (r"oa", "ei"),                   # kloa → klei(n)
        (r"ia", "ie"),                   # kriag → krieg
        (r"ia", "ue"),                   # griass → gruess
        (r"ua", "u"),                    # bua → bu
        (r"^g(?=[^eaiouhnlr])", "ge"),   # gmacht → gemacht
        (r"d$", "t"),                    # hoid → hoit
        (r"b(?=[^aeiou]|$)", "p"),
    ))


@cache
def lexicon() -> dict[str, str]:
    """The word list, folded; loaded on first use, not at import."""
    data = yaml.safe_load(LEXICON_FILE.read_text(encoding="utf-8")) or {}
    return {fold(str(key)): str(value) for key, value in (data.get("words") or {}).items()}


def _candidates(word: str) -> Iterable[str]:
    """Spellings one or two sound shifts away from `word`."""
    first = {pattern.sub(replacement, word) for pattern, replacement in SOUND_SHIFTS}
    first.discard(word)
    yield from first
    for candidate in first:
        for pattern, replacement in SOUND_SHIFTS:
            yield pattern.sub(replacement, candidate)


class Standardizer:
    """Rewrites dialect words of a query, checked against the catalogue's vocabulary."""

    def __init__(self, vocabulary: Iterable[str]) -> None:
        self.vocabulary = frozenset(vocabulary)
        self._cache: dict[str, str | None] = {}

    @classmethod
    def from_texts(cls, texts: Iterable[str]) -> Standardizer:
        vocabulary: set[str] = set()
        for text in texts:
            vocabulary.update(w for w in words(text) if len(w) > 2)
        return cls(vocabulary)

    def standard_word(self, word: str) -> str | None:
        """Standard form of one folded word, or None if it needs no change."""
        if word in self._cache:
            return self._cache[word]
        result = lexicon().get(word)
        if result is None and len(word) > 3 and word not in self.vocabulary:
            result = next((c for c in _candidates(word) if c in self.vocabulary), None)
        if result is not None and fold(result) == word:
            result = None
        self._cache[word] = result
        return result

    def __call__(self, text: str) -> str:
        """The query with dialect words replaced; other text is kept as typed."""
        changed = False
        parts = []
        for token in _TOKEN.findall(text):
            standard = self.standard_word(fold(token)) if token[:1].isalnum() else None
            if standard is not None:
                changed = True
                parts.append(standard)
            else:
                parts.append(token)
        return "".join(parts) if changed else text
