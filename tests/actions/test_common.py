"""Catalogue access from the actions (actions.common): the search's input."""

from __future__ import annotations

import pytest

from actions.common import other_district_plates


@pytest.mark.parametrize("text, expected", [
    # tenth probe: "RO-Kennzeichen" (Rosenheim) was read as the red plate
    ("Firmenfahrzeuge mit RO-Kennzeichen?", "Firmenfahrzeuge mit auswärtiges Kennzeichen?"),
    ("mein altes LA Kennzeichen behalten", "mein altes auswärtiges Kennzeichen behalten"),
    ("ro-kennzeichen behalten", "auswärtiges kennzeichen behalten"),
    ("H-Kennzeichen beantragen", "H-Kennzeichen beantragen"),      # a plate type
    ("MÜ-Kennzeichen reservieren", "MÜ-Kennzeichen reservieren"),  # the own district
    ("Ich brauche ein Kennzeichen", "Ich brauche ein Kennzeichen"),
    ("ICH BRAUCHE EIN KENNZEICHEN", "ICH BRAUCHE EIN KENNZEICHEN"),
])
def test_another_districts_plate_code_is_said_in_words(text, expected):
    assert other_district_plates(text) == expected


@pytest.mark.parametrize(("text", "place"), [
    ("Ich wohne in Töging am Inn. Kann ich mein Auto bei euch zulassen?", "Töging am Inn"),
    ("We live in Freising, can we register our car here?", "Freising"),
    ("Ich wohne in Waldkraiburg und will mein Auto zulassen", None),
    ("Ich wohne in Deutschland seit acht Jahren", None),
])
def test_a_residence_outside_the_district(catalogue, text, place):
    """Sixteenth probe: "Töging" found the office's own address in the Töginger Straße."""
    from actions.common import residence_outside

    assert residence_outside(text) == place
