"""Umlaut folding: the one matching form of German text, shared by every matcher.

Search (queries and documents), Gemeinde names and XZuFi slugs all compare text in
this form, so "Führerschein", "Fuehrerschein" and "FÜHRERSCHEIN" meet.
"""

from __future__ import annotations

_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "à": "a", "á": "a",
                       "â": "a", "è": "e", "é": "e", "ê": "e", "ì": "i", "í": "i",
                       "ò": "o", "ó": "o", "ù": "u", "ú": "u", "ç": "c", "ñ": "n"})


def fold(text: str) -> str:
    """Lowercase ASCII-ish matching form: umlauts/ß spelled out, common accents dropped."""
    return text.lower().translate(_FOLD)
