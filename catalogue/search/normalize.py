"""Clean user text before it reaches any index.

Citizens paste from PDFs, phones and chat apps: odd Unicode forms, invisible
control characters, "ae" instead of "ä", shouting in capitals. Everything is
normalised here once so the lexical and the embedding signal see the same text.
"""

from __future__ import annotations

import re
import unicodedata

from catalogue.folding import fold
from catalogue.search.letter import strip_letter

MAX_QUERY_CHARS = 500
MIN_ALNUM_CHARS = 2

_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"[0-9a-z]+")


class QueryError(ValueError):
    """The query cannot be searched; the message (German first) is shown to the user."""


def clean_text(text: str) -> str:
    """NFKC, control/format characters to spaces, collapsed whitespace; keeps case."""
    text = unicodedata.normalize("NFKC", text)
    chars = []
    for ch in text:
        category = unicodedata.category(ch)
        if category in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"):
            chars.append(" ")
        else:
            chars.append(ch)
    return _SPACE.sub(" ", "".join(chars)).strip()


def words(text: str) -> list[str]:
    """Folded alphanumeric words; everything else (quotes, operators, emoji) is a separator."""
    return _WORD.findall(fold(text))


def normalize_query(query: object) -> str:
    """Return the cleaned query or raise QueryError with a message for the citizen."""
    if not isinstance(query, str):
        raise QueryError("Bitte geben Sie Ihre Frage als Text ein. (Please enter text.)")
    text = clean_text(strip_letter(query))
    if not text:
        raise QueryError("Bitte geben Sie eine Frage ein. (Please enter a question.)")
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(
            f"Ihre Frage ist zu lang ({len(text)} Zeichen, höchstens {MAX_QUERY_CHARS}). "
            "Bitte beschreiben Sie Ihr Anliegen in ein, zwei Sätzen. "
            f"(Your question is too long; at most {MAX_QUERY_CHARS} characters.)"
        )
    if sum(ch.isalnum() for ch in text) < MIN_ALNUM_CHARS:
        raise QueryError(
            "Ich konnte in Ihrer Eingabe keine Wörter erkennen. Bitte beschreiben Sie Ihr "
            "Anliegen mit ein paar Worten, z. B. „Auto abmelden“. "
            "(No words found; please describe what you need.)"
        )
    return text
