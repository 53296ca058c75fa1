"""XZuFi texts are HTML; the catalogue stores plain text of bounded length."""

from __future__ import annotations

import html
import re

from catalogue.models import SHORT_ANSWER_MAX

ELLIPSIS = "…"


def html_to_text(value: str) -> str:
    """XZuFi texts carry HTML; the catalogue stores plain text."""
    value = re.sub(r"<\s*(br|/p|/li|/div)\s*/?>", " ", value, flags=re.I)
    value = re.sub(r"<[^>]+>", "", value)
    return re.sub(r"\s+", " ", html.unescape(value)).strip()


def html_list(value: str) -> list[str]:
    """Items of an HTML list, else one item per non-empty line (bullets removed)."""
    items = re.findall(r"<li[^>]*>(.*?)</li>", value, flags=re.I | re.S)
    if not items:
        items = re.split(r"\n|<br\s*/?>", value)
    cleaned = (html_to_text(item).lstrip("-•* ").strip() for item in items)
    return [item for item in cleaned if item]


def shorten(text: str, limit: int = SHORT_ANSWER_MAX) -> str:
    """Cut to at most `limit` characters at a sentence end, else a word end, plus '…'."""
    if len(text) <= limit:
        return text
    room = text[: limit - 2]  # keep space for " …" / "…"
    sentence_ends = [m.end() for m in re.finditer(r"[.!?](?=\s)", room)]
    if sentence_ends and sentence_ends[-1] >= limit // 3:
        return room[: sentence_ends[-1]] + " " + ELLIPSIS
    cut = room.rsplit(" ", 1)[0] if " " in room else room
    return cut.rstrip(" ,;:-") + ELLIPSIS
