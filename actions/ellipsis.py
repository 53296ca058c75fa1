"""Short elliptical follow-ups: "und ab der 11. Klasse?", "und wenn er 18 ist?".

Such a question varies the case of the answer in context; a word in it that names another
procedure ("Klasse" of the lorry licence classes) is no new topic by itself (eighteenth
probe: "und ab der 11. klasse?" after the school bus got the licence classes C and D).
`topic.about_context` then decides by the joint search with the context's title, as for
any follow-up, instead of switching because the word names the other procedure.
"""

from __future__ import annotations

import re

from catalogue.gemeinden import normalize_name

_ELLIPTICAL = re.compile(r"^\W*(?:und|aber|also|and|but|what about)\s+(?:ab|bei|wenn|falls|fuer|"
                         r"mit|ohne|nach|vor|im|in|seit|bis|als|if|for|with|without|after|"
                         r"before|from|when)\b")
ELLIPTICAL_MAX_WORDS = 8


def elliptical(text: str) -> bool:
    """Is `text` a short "und ab …? / und wenn …?" follow-up (see the module doc)?"""
    return len(text.split()) <= ELLIPTICAL_MAX_WORDS \
        and _ELLIPTICAL.search(normalize_name(text)) is not None
