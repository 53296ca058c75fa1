"""Recognise which of the Landkreis' Gemeinden a citizen means.

Citizens answer "In welcher Gemeinde wohnen Sie?" with anything from
"Waldkraiburg" to "wkb", "in Ampfing", "Neumarkt St. Veit" or "Waldkreiburg".
The dialogue (form validation) and the NLU lookup generator share this code,
so both see the same names and aliases from catalogue/data/gemeinden.yaml.
"""

from __future__ import annotations

import difflib
import itertools
import re
from collections.abc import Iterable

from catalogue.folding import fold
from catalogue.models import Gemeinde

_NON_WORD = re.compile(r"[^0-9a-z]+")
# Qualifiers that official names carry but nobody types: "Mühldorf a. Inn",
# "Haag i. OB", "Neumarkt-Sankt Veit" (written "St. Veit" just as often).
_QUALIFIERS = re.compile(
    r"\b(a|am|an der|i|im|in|b|bei)\s+(inn|ob|oberbayern|obb|isen|rott)\b$")
_SANKT = re.compile(r"\bsankt\b")
_KIND_PREFIX = re.compile(r"^(stadt|markt|gemeinde)\s+")
_WRITTEN_KIND = re.compile(r"^(Stadt|Markt|Gemeinde)\s+")
# Words around a place name in answers like "Ich wohne in der Stadt Waldkraiburg".
_FILLER = {"ich", "i", "wir", "wohne", "wohnen", "leb", "lebe", "leben", "komme", "kommen",
           "bin", "aus", "in", "im", "der", "die", "das", "dem", "den", "gemeinde", "stadt",
           "markt", "mein", "meine", "wohnort", "ist", "daheim", "live", "from", "my",
           "town", "village", "bei", "nahe", "near", "of", "the"}
FUZZY_CUTOFF = 0.84
MIN_FUZZY_LEN = 4


def normalize_name(text: str) -> str:
    """Folded (umlauts spelled out), punctuation to spaces, 'Sankt' as 'st'."""
    text = fold(text)
    text = _NON_WORD.sub(" ", text).strip()
    return _SANKT.sub("st", text)


def name_variants(gemeinde: Gemeinde) -> list[str]:
    """Every normalised spelling that identifies `gemeinde` (name, short name, aliases, id)."""
    variants: list[str] = []
    for raw in [gemeinde.name, *gemeinde.aliases, gemeinde.id.replace("-", " ")]:
        norm = normalize_name(raw)
        short = _KIND_PREFIX.sub("", norm)
        for candidate in (norm, short, _QUALIFIERS.sub("", short).strip()):
            if candidate and candidate not in variants:
                variants.append(candidate)
    return variants


def _index(gemeinden: Iterable[Gemeinde]) -> dict[str, Gemeinde]:
    """Variant -> Gemeinde; a variant claimed by two Gemeinden is dropped as ambiguous."""
    index: dict[str, Gemeinde] = {}
    ambiguous: set[str] = set()
    for gemeinde in gemeinden:
        for variant in name_variants(gemeinde):
            if variant in index and index[variant].id != gemeinde.id:
                ambiguous.add(variant)
            index.setdefault(variant, gemeinde)
    for variant in ambiguous:
        del index[variant]
    return index


def find_gemeinde(gemeinden: Iterable[Gemeinde], text: str | None) -> Gemeinde | None:
    """The Gemeinde `text` names, or None.

    Order: exact id/name/alias; a name or alias inside a longer answer (longest
    first, whole words, so "Taufkirchen" never matches inside "Obertaufkirchen");
    then a fuzzy match of the remaining words for typos.
    """
    if not text:
        return None
    gemeinden = list(gemeinden)
    for gemeinde in gemeinden:
        if text.strip() == gemeinde.id:
            return gemeinde
    index = _index(gemeinden)
    norm = normalize_name(text)
    if not norm:
        return None
    if norm in index:
        return index[norm]
    padded = f" {norm} "
    for variant in sorted(index, key=len, reverse=True):
        if f" {variant} " in padded:
            return index[variant]
    words = [w for w in norm.split() if w not in _FILLER]
    if not words:
        return None
    # Try the whole remaining phrase, then word pairs, then single words.
    candidates = [" ".join(words)]
    candidates += [" ".join(pair) for pair in itertools.pairwise(words)]
    candidates += words
    best: tuple[float, Gemeinde] | None = None
    for candidate in candidates:
        if len(candidate) < MIN_FUZZY_LEN:
            continue
        for variant, gemeinde in index.items():
            if len(variant) < MIN_FUZZY_LEN:
                continue
            ratio = difflib.SequenceMatcher(None, candidate, variant).ratio()
            if ratio >= FUZZY_CUTOFF and (best is None or ratio > best[0]):
                best = (ratio, gemeinde)
    return best[1] if best else None


_WRITTEN_QUALIFIER = re.compile(
    r"\s+(a\.|am|an der|i\.|im|in|b\.|bei)\s+(Inn|OB|Oberbayern|Obb\.?|Isen|Rott)$")


def lookup_names(gemeinden: Iterable[Gemeinde]) -> list[str]:
    """Names, short names and aliases as citizens write them, for the NLU lookup table."""
    names: set[str] = set()
    for gemeinde in gemeinden:
        for raw in [gemeinde.name, *gemeinde.aliases]:
            short = _WRITTEN_KIND.sub("", raw.strip())
            for name in (raw.strip(), short, _WRITTEN_QUALIFIER.sub("", short)):
                if name:
                    names.add(name)
    return sorted(names, key=lambda n: (n.casefold(), n))
