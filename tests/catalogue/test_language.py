"""catalogue.language: messages in a language the assistant does not answer in."""

from __future__ import annotations

import pytest

from catalogue.language import other_language


@pytest.mark.parametrize(("text", "other"), [
    ("Oturma iznimi uzatmak istiyorum", True),
    ("Як продовжити посвідку на проживання?", True),
    ("كيف أجدد الإقامة", True),
    ("Gdzie mogę zarejestrować samochód? Jestem z Polski", True),
    ("Cum pot să înmatriculez mașina?", True),
    ("Kako mogu produžiti boravak?", True),
    ("Hallo, ich bin Ayşe Yılmaz und brauche einen Pass", False),
    ("Łukasz Nowak hier, Auto anmelden", False),
    ("Mia ham uns a Schaf und zwoa Goaßn kafft", False),
    ("where can i register my car", False),
    ("Can you speak Turkish?", False),
    # Bavarian and English short words are no Croatian ("i", "u", "na", "je")
    ("I u mei Frau mechtn heiratn", False),
    ("na i woas ned", False),
    ("I've been cutting myself again and I can't stop.", False),
    ("Je voudrais un permis de séjour, comment faire?", True),
    ("", False),
    ('/choose_option{"procedure_id": "x"}', False),
])
def test_other_language(text, other):
    assert other_language(text) is other
