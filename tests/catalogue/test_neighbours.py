"""catalogue.neighbours: towns of the neighbouring districts and their authority."""

from __future__ import annotations

import pytest

from catalogue.neighbours import (
    NeighbourDataError,
    find_neighbour,
    load_neighbours,
    named_neighbour,
    parse_neighbours,
)
from catalogue.validate import validate_sources


@pytest.mark.parametrize(("text", "office"), [
    ("Töging am Inn", "Landratsamt Altötting"), ("Töging", "Landratsamt Altötting"),
    ("Garching an der Alz", "Landratsamt Altötting"),
    ("wir bauen in Wasserburg am Inn", "Landratsamt Rosenheim"),
    ("St. Wolfgang", "Landratsamt Erding"),
    ("Landshut", "Stadt Landshut"), ("Landkreis Landshut", "Landratsamt Landshut"),
    ("Mühldorf", None), ("Taufkirchen", None), ("Töginger Straße 18", None),
])
def test_find_neighbour(text, office):
    found = find_neighbour(text)
    assert (found.office if found else None) == office


def test_the_words_as_written_are_returned():
    found = named_neighbour("Ich wohne in Töging am Inn.")
    assert found is not None and found[1] == "Töging"


def test_the_real_data_loads_with_every_district_named():
    districts = {n.district for n in load_neighbours()}
    assert {"Landkreis Altötting", "Landkreis Rosenheim", "Stadt Landshut"} <= districts


@pytest.mark.parametrize("text", ["districts: 3", "[]",
                                  "districts:\n  - district: X\n    places: [A]"])
def test_malformed_data_is_named(text):
    with pytest.raises(NeighbourDataError):
        parse_neighbours(text)


def test_validate_names_a_town_of_the_district_among_the_neighbours(data_dir):
    (data_dir / "nachbarorte.yaml").write_text(
        "districts:\n  - district: Landkreis Altötting\n    office: Landratsamt Altötting\n"
        "    places: [Altötting, Mühldorf a. Inn]\n")
    report = validate_sources(data_dir, expected_gemeinden=2)
    assert any("Mühldorf a. Inn" in e.message for e in report.errors), report.errors


def test_validate_names_a_malformed_neighbours_file(data_dir):
    (data_dir / "nachbarorte.yaml").write_text("districts: [1, 2]\n")
    report = validate_sources(data_dir, expected_gemeinden=2)
    assert any("nachbarorte" in str(e) for e in report.errors)
