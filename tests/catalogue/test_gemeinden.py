"""Gemeinde matching on the real catalogue/data/gemeinden.yaml, and the NLU lookup sync."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from catalogue.gemeinden import find_gemeinde, lookup_names, name_variants, normalize_name
from catalogue.models import Contact, Gemeinde
from catalogue.sources import load_gemeinden

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def gemeinden() -> list[Gemeinde]:
    return load_gemeinden()


def test_all_31_gemeinden_are_there(gemeinden):
    assert len(gemeinden) == 31


@pytest.mark.parametrize("text, expected", [
    ("Waldkraiburg", "waldkraiburg"),
    ("wkb", "waldkraiburg"),
    ("WKB", "waldkraiburg"),
    ("in Ampfing", "ampfing"),
    ("Ich wohne in Waldkreiburg", "waldkraiburg"),
    ("Waldkraiburk", "waldkraiburg"),
    ("Mühldorf", "muehldorf-a-inn"),
    ("muehldorf am inn", "muehldorf-a-inn"),
    ("Neumarkt St. Veit", "neumarkt-sankt-veit"),
    ("gars am inn", "gars-a-inn"),
    ("Stadt Waldkraiburg", "waldkraiburg"),
    ("waldkraiburg", "waldkraiburg"),
])
def test_find_gemeinde(gemeinden, text, expected):
    found = find_gemeinde(gemeinden, text)
    assert found is not None and found.id == expected


@pytest.mark.parametrize("text", ["München", "Berlin", "", "ja", "Ich weiß nicht",
                                  "Welche Gemeinde ist zuständig?"])
def test_unknown_places_are_not_guessed(gemeinden, text):
    assert find_gemeinde(gemeinden, text) is None


def test_every_name_and_alias_finds_its_own_gemeinde(gemeinden):
    for gemeinde in gemeinden:
        for name in [gemeinde.name, gemeinde.id, *gemeinde.aliases]:
            found = find_gemeinde(gemeinden, name)
            if found is None or found.id != gemeinde.id:
                # Only an alias two Gemeinden share may be ambiguous.
                owners = [g.id for g in gemeinden
                          if normalize_name(name) in name_variants(g)]
                assert len(owners) > 1, f"{name!r} did not find {gemeinde.id}"


def _gemeinde(id_: str, name: str, *aliases: str) -> Gemeinde:
    return Gemeinde(id=id_, name=name, kind="Gemeinde", website="https://example.org",
                    rathaus=Contact(), aliases=list(aliases))


def test_shorter_name_never_matches_inside_a_longer_one():
    small = [_gemeinde("taufkirchen", "Gemeinde Taufkirchen"),
             _gemeinde("obertaufkirchen", "Gemeinde Obertaufkirchen")]
    assert find_gemeinde(small, "Obertaufkirchen").id == "obertaufkirchen"
    assert find_gemeinde(small, "ich wohne in taufkirchen").id == "taufkirchen"


def test_shared_alias_is_ambiguous_not_the_first_wins():
    small = [_gemeinde("a", "Gemeinde Adorf", "Tal"), _gemeinde("b", "Gemeinde Bdorf", "Tal")]
    assert find_gemeinde(small, "Tal") is None
    assert find_gemeinde(small, "Adorf").id == "a"


def test_lookup_names_add_short_forms():
    names = lookup_names([_gemeinde("gars-a-inn", "Markt Gars a. Inn", "Gasch")])
    assert names == ["Gars", "Gars a. Inn", "Gasch", "Markt Gars a. Inn"]


def test_committed_lookup_table_is_in_sync_with_gemeinden_yaml():
    spec = importlib.util.spec_from_file_location(
        "gen_gemeinde_lookup", ROOT / "scripts" / "gen_gemeinde_lookup.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    committed = (ROOT / "data" / "nlu" / "lookup_gemeinden.yml").read_text(encoding="utf-8")
    assert committed == module.render(), "run scripts/gen_gemeinde_lookup.py"
