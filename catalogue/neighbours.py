"""Places of the neighbouring districts and cities, and the authority responsible there.

A citizen of Töging or Wasserburg writes to the Mühldorf assistant because the office is
near; the honest answer names the office that is responsible for them ("zuständig ist das
Landratsamt Altötting"), not only that we are not (seventeenth probe). Read from
catalogue/data/nachbarorte.yaml, once per process (`load_neighbours`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from catalogue.gemeinden import normalize_name

DATA = Path(__file__).resolve().parent / "data" / "nachbarorte.yaml"
# "Töging a. Inn" is written "Töging", "Töging am Inn": the name before its qualifier.
_QUALIFIER = re.compile(r"\s(?:a|am|an|an der|i|im|b|bei|ob|d)\s.*$")


class NeighbourDataError(ValueError):
    """nachbarorte.yaml is not a list of districts with office and places."""


@dataclass(frozen=True)
class Neighbour:
    place: str  # as the data writes it: "Töging a. Inn"
    district: str  # "Landkreis Altötting"
    office: str  # "Landratsamt Altötting"


def parse_neighbours(text: str, source: str = "nachbarorte.yaml") -> tuple[Neighbour, ...]:
    """The places of `text` (the YAML of nachbarorte.yaml); NeighbourDataError if malformed."""
    data = yaml.safe_load(text)
    districts = data.get("districts") if isinstance(data, dict) else None
    if not isinstance(districts, list):
        raise NeighbourDataError(f"{source}: expected a mapping with a list `districts`")
    found: list[Neighbour] = []
    for number, entry in enumerate(districts, start=1):
        if not isinstance(entry, dict) or not all(
                isinstance(entry.get(key), str) and entry[key].strip()
                for key in ("district", "office")) or not isinstance(entry.get("places"), list):
            raise NeighbourDataError(f"{source}: district {number} needs `district`, `office` "
                                     "and a list `places`")
        # The district's own name too: "Landkreis Landshut" is not the city of Landshut.
        found += [Neighbour(str(place), entry["district"], entry["office"])
                  for place in [entry["district"], *entry["places"]] if str(place).strip()]
    return tuple(found)


@cache
def load_neighbours() -> tuple[Neighbour, ...]:
    return parse_neighbours(DATA.read_text(encoding="utf-8"), str(DATA))


def _variants(place: str) -> set[str]:
    norm = normalize_name(place)
    return {norm, _QUALIFIER.sub("", norm).strip()} - {""}


@cache
def _by_first_word() -> dict[str, list[tuple[list[str], str, Neighbour]]]:
    """Variant words by their first word, so a message is scanned once, not per variant."""
    found: dict[str, list[tuple[list[str], str, Neighbour]]] = {}
    for neighbour in load_neighbours():
        for variant in _variants(neighbour.place):
            words = variant.split()
            found.setdefault(words[0], []).append((words, variant, neighbour))
    return found


def find_neighbour(text: str) -> Neighbour | None:
    """The neighbouring place `text` names word for word (the longest name first), or None."""
    found = named_neighbour(text)
    return found[0] if found else None


_TOKEN = re.compile(r"[^\W_]+(?:[.-][^\W_]+)*\.?")


def named_neighbour(text: str) -> tuple[Neighbour, str] | None:
    """The neighbouring place `text` names and the words it is written with ("Töging am"
    … as typed), the longest name first; None if there is none."""
    tokens = list(_TOKEN.finditer(text))
    words = [normalize_name(t.group()).split() for t in tokens]
    by_first = _by_first_word()
    best: tuple[int, int, int, Neighbour] | None = None  # (length, -start, end, neighbour)
    for i, first in enumerate(words):
        for variant_words, variant, neighbour in by_first.get(first[0] if first else "", ()):
            end, flat = i, list(first)
            while len(flat) < len(variant_words) and end + 1 < len(words):
                end += 1
                flat += words[end]
            if flat == variant_words and (best is None or (len(variant), -i) > best[:2]):
                best = (len(variant), -i, end, neighbour)
    if best is None:
        return None
    start = -best[1]
    return best[3], text[tokens[start].start():tokens[best[2]].end()]
