"""catalogue.search.contrast: opposite actions lower the procedures of the other side."""

from __future__ import annotations

import numpy as np
import pytest

from catalogue.search.contrast import FACTOR, Contrast, _sides

TITLES = ["Außerbetriebsetzung (Abmeldung) eines Fahrzeugs Deregistering a vehicle",
          "Neuzulassung eines Fahrzeugs Registering a new vehicle",
          "Wiederzulassung eines abgemeldeten Fahrzeugs Re-registering a deregistered vehicle",
          "Restmülltonne an-, ab- oder ummelden",
          "Fahrzeug verkauft – Verkauf melden",
          "Restmüllsäcke kaufen"]


@pytest.mark.parametrize(("text", "lowered"), [
    ("how do I register my car here?", [0]),  # the letters of "deregister"
    ("Auto abmelden", [1, 2]),
    ("mein Auto stilllegen", [1, 2]),
    ("Ich habe mein Auto verkauft", [5]),
    ("Golf gekauft, wie melde ich ihn an? anmelden", [0, 4]),
    # both sides, a state, a negation: nothing lowered
    ("abgemeldetes Auto wieder anmelden", [0]),
    ("Friend said we are still registered here forever", []),
    ("Er hat ihn noch nicht abgemeldet, wie bekomme ich ihn auf meinen Namen?", []),
    ("Ich will meine Tonne an- oder abmelden", []),
])
def test_the_opposite_side_is_lowered(text, lowered):
    contrast = Contrast.from_titles(TITLES)
    scores = np.ones(len(TITLES), dtype=np.float32)
    out = contrast.apply(text, scores)
    assert [i for i, s in enumerate(out) if s < 1] == lowered
    assert all(s == pytest.approx(FACTOR) for s in out if s < 1)
    assert scores.tolist() == [1.0] * len(TITLES)  # the caller's scores are not changed


def test_a_title_with_both_sides_is_on_neither():
    assert _sides("Gewerbe anmelden, ummelden oder abmelden")[0] == (True, True)
    assert _sides("Fundament gießen") == [(False, False), (False, False)]


def test_opposite():
    from catalogue.search.contrast import opposite

    assert opposite("nein, das Auto abmelden", "Hund anmelden (Hundesteuer)")
    assert not opposite("Hund anmelden", "Hund anmelden (Hundesteuer)")
    assert not opposite("Auto abmelden", "Gewerbe anmelden, ummelden oder abmelden")
