"""Per-message language detection (catalogue/language.py)."""

from __future__ import annotations

import pytest

from catalogue.language import detect_language


@pytest.mark.parametrize("text, expected", [
    ("Ich möchte mein Auto abmelden", "de"),
    ("Wo verlängere ich meinen Aufenthaltstitel?", "de"),
    ("Was kostet das?", "de"),
    ("Is des a Computer?", "de"),
    ("Griaß di, i mog mei Auto ummelden", "de"),
    ("Grüß Gott", "de"),
    ("Hallo", "de"),
    ("I want to deregister my car", "en"),
    ("How much does it cost?", "en"),
    ("Where can I renew my residence permit?", "en"),
    ("Hello", "en"),
    ("Thanks", "en"),
])
def test_detects_german_and_english(text, expected):
    assert detect_language(text) == expected


@pytest.mark.parametrize("text", ["", None, "ok", "wkb", "Waldkraiburg", "Gars am Inn",
                                  '/feedback{"helpful": "yes"}', "123"])
def test_undecidable_messages_keep_the_conversation_language(text):
    assert detect_language(text) is None
