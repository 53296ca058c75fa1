"""Opposite actions that the embedding and the letters cannot tell apart.

"How do I register my car?" lies as close to "deregister a car" as to "register a car" in
the embedding's space, and its letters are inside "deregister"; "Hund weggelaufen" is near
"Tier zugelaufen", "Auto gekauft" near "Auto verkauft". A message that names one side of
such a pair and not the other lowers the procedures whose title names only the other side
(`Contrast.apply`), so the opposite procedure is no longer answered, and at most offered.
Sides are word stems, matched at the start of a folded word ("Abmeldung", "abgemeldet").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from catalogue.folding import fold

# (one side, the other side): stems, or whole tokens ending in "-" ("an-, ab- oder um-").
# Not lost / found: for a runaway pet the found-animal entry (Fundbüro, Tierheim) is the
# nearest help the catalogue has.
PAIRS: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (("anmeld", "an-", "zulass", "zuzulass", "neuzulass", "wiederzulass", "ummeld", "register",
      "registration"),
     ("abmeld", "ab-", "abgemeldet", "ausserbetrieb", "stillleg", "stilleg", "deregist")),
    (("kauf", "gekauft", "buy", "bought", "purchas"),
     ("verkauf", "sell", "selling", "sold", "sale")),
)
# A procedure named on one side only is scored down this much for a message of the other.
FACTOR = 0.9
_TOKEN = re.compile(r"[a-z0-9]+-?")


# States, not actions: "still registered here" asks to deregister, an "abgemeldetes Auto"
# is to be registered again.
_STATES = ("registered", "deregistered", "angemeldet", "abgemeldet", "zugelassen")
_NEGATION = frozenset({"nicht", "not", "kein", "keine", "never", "nie", "ned", "net"})


def _sides(text: str) -> list[tuple[bool, bool]]:
    """For each pair: does `text` name its first side, its second side? A negated word
    ("noch nicht abgemeldet") and a state ("registered") name none."""
    words = _TOKEN.findall(fold(text))
    tokens = [t for i, t in enumerate(words) if not t.startswith(_STATES)
              and not _NEGATION & set(words[max(0, i - 2):i])]
    found = []
    for first, second in PAIRS:
        on_second = {t for t in tokens if t.startswith(second) and
                     (not t.endswith("-") or t in second)}
        on_first = any(t.startswith(first) and (not t.endswith("-") or t in first)
                       for t in tokens if t not in on_second)
        found.append((on_first, bool(on_second)))
    return found


@dataclass(frozen=True)
class Contrast:
    # Per pair: the procedures (positions) whose title names only the first / second side.
    only_first: tuple[np.ndarray, ...]
    only_second: tuple[np.ndarray, ...]

    @classmethod
    def from_titles(cls, titles: Sequence[str]) -> Contrast:
        sides = [_sides(title) for title in titles]
        only_first, only_second = [], []
        for pair in range(len(PAIRS)):
            only_first.append(np.array([i for i, s in enumerate(sides)
                                        if s[pair] == (True, False)], dtype=np.int64))
            only_second.append(np.array([i for i, s in enumerate(sides)
                                         if s[pair] == (False, True)], dtype=np.int64))
        return cls(tuple(only_first), tuple(only_second))

    def apply(self, text: str, scores: np.ndarray) -> np.ndarray:
        """`scores` with the opposite-only procedures lowered for `text` (a copy if any)."""
        out = scores
        for pair, (first, second) in enumerate(_sides(text)):
            if first == second:
                continue
            opposite = self.only_second[pair] if first else self.only_first[pair]
            if len(opposite):
                out = out.copy() if out is scores else out
                out[opposite] *= FACTOR
        return out


def opposite(text: str, title: str) -> bool:
    """Does `text` name one side of a pair and `title` only the other ("abmelden" and "Hund
    anmelden")? The dialogue's "nein, ich meinte …" must not choose the opposite."""
    for (first, second), (title_first, title_second) in zip(_sides(text), _sides(title),
                                                            strict=True):
        if first != second and (title_first, title_second) == (second, first):
            return True
    return False
