"""actions.ellipsis: short "und ab …? / und wenn …?" follow-ups."""

import pytest

from actions.ellipsis import elliptical


@pytest.mark.parametrize(("text", "expected"), [
    ("und ab der 11. klasse?", True), ("und wenn er 18 ist?", True),
    ("what about for students?", True), ("Und für meinen Mann auch?", True),
    ("und wie melde ich meinen Hund an?", False), ("Ab wann gilt das?", False),
    ("und mit dem Auto von meinem Mann, das auf ihn läuft und nicht mehr fährt?", False),
])
def test_elliptical(text, expected):
    assert elliptical(text) is expected
