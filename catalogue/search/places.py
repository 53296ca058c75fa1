"""Gemeinde names out of the query: the catalogue's procedures are the same in every
Gemeinde, so a place in a message is no evidence for any of them.

"Ich suche einen Zahnarzt in Waldkraiburg" matched the new-car registration, whose text
names the Waldkraiburg branch of the Zulassungsstelle; "ich wohne in Waldkraiburg" as one
clause of a longer message did the same. Who is responsible in which Gemeinde is the
dialogue's job (actions.responsibility), which reads the raw message.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

# Names that are also words the search needs ("polling station": the postal vote).
KEEP = frozenset({"polling"})


@dataclass(frozen=True)
class PlaceNames:
    pattern: re.Pattern[str] | None

    @classmethod
    def from_names(cls, names: Iterable[str]) -> PlaceNames:
        """From the names citizens write (`catalogue.gemeinden.lookup_names`)."""
        kept = sorted({n for n in names if n.strip() and n.casefold() not in KEEP},
                      key=len, reverse=True)
        if not kept:
            return cls(None)
        alternatives = "|".join(re.escape(n) for n in kept)
        return cls(re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE))

    def __call__(self, text: str) -> str:
        """`text` without place names; unchanged if nothing else would be left."""
        if self.pattern is None:
            return text
        stripped = re.sub(r"\s{2,}", " ", self.pattern.sub(" ", text)).strip()
        return stripped if re.search(r"\w{2,}", stripped) else text
