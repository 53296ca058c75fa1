"""German nouns capitalised again in a message typed all in lower case.

Citizens on phones write "fahrzeugbrief beim umzug verschlampt"; the embedding model
reads "Fahrzeugbrief" and "fahrzeugbrief" differently, and the all-lower-case variant of
the dev set lost up to 5 points of correct answers (docs/evaluation.md). The casing
comes from the catalogue's own texts: a word is capitalised when the catalogue writes
it capitalised at least twice as often as in lower case. Messages with any capital
letter are left as typed, and so is every word the catalogue does not know.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

_WORD = re.compile(r"[^\W\d_]+")
MIN_LENGTH = 3


class TrueCaser:
    """Restores the catalogue's casing of known words in all-lower-case text."""

    def __init__(self, capitalised: dict[str, str]) -> None:
        self.capitalised = capitalised

    @classmethod
    def from_texts(cls, texts: Iterable[str]) -> TrueCaser:
        counts: Counter[str] = Counter()
        for text in texts:
            counts.update(_WORD.findall(text))
        capitalised = {
            word.lower(): word for word, n in counts.items()
            if len(word) >= MIN_LENGTH and word[0].isupper() and word[1:].islower()
            and n > 2 * counts.get(word.lower(), 0)}
        return cls(capitalised)

    def __call__(self, text: str) -> str:
        if any(char.isupper() for char in text):
            return text
        return _WORD.sub(lambda m: self.capitalised.get(m.group(0), m.group(0)), text)
