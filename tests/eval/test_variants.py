"""eval.variants: the e-mail frame and the lower-case, punctuation-free variant."""

from __future__ import annotations

from eval.variants import SIGNATURES, VARIANTS, as_email, lower_plain


def test_email_has_greeting_query_closing_and_a_signed_name():
    text = as_email("Wie melde ich mein Auto ab?", 0)
    lines = text.splitlines()
    assert lines[0] == "Sehr geehrte Damen und Herren,"
    assert lines[1] == "Wie melde ich mein Auto ab?"
    assert lines[2] == "Mit freundlichen Grüßen"
    assert lines[3] == SIGNATURES[0]


def test_email_frame_follows_the_query_language_and_is_reproducible():
    english = as_email("How do I deregister my car?", 1)
    assert english.startswith("Hello,\n") and "Best wishes" in english
    assert as_email("Auto abmelden", 7) == as_email("Auto abmelden", 7)
    assert as_email("Auto abmelden", 1) != as_email("Auto abmelden", 2)


def test_lower_plain_drops_case_and_punctuation():
    assert lower_plain("Wia lang hod's Landratsamt heid offa? I muas – schnell!") == \
        "wia lang hods landratsamt heid offa i muas schnell"
    assert lower_plain("Kfz-Abmeldung (online), 5 €.") == "kfz abmeldung online 5 €"
    assert lower_plain("Sehr geehrte Damen,\nÄnderung: „Führerschein“") == \
        "sehr geehrte damen änderung führerschein"


def test_original_is_unchanged_and_all_variants_are_registered():
    assert VARIANTS["original"]("Auto Abmelden?", 3) == "Auto Abmelden?"
    assert set(VARIANTS) == {"original", "email", "lower"}
