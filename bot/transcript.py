"""What the chat widget shows of a conversation, rebuilt from Rasa's tracker events.

Used when the widget's iframe may not keep its own storage: browsers that block storage
in third-party frames (current Chromium on a site embedding us) would otherwise show an
empty chat after each page change. Button payloads typed by clicking are shown with the
button's title, as the citizen saw them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

MAX_ENTRIES = 100


def transcript(events: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """[{role: user|bot, text, buttons}] in order, the last MAX_ENTRIES only."""
    entries: list[dict[str, Any]] = []
    titles: dict[str, str] = {}  # payload → title of the buttons offered so far
    for event in events:
        kind = event.get("event")
        if kind == "user":
            text = str(event.get("text") or "")
            if text:
                entries.append({"role": "user", "text": titles.get(text, text), "buttons": []})
        elif kind == "bot":
            data = event.get("data") if isinstance(event.get("data"), Mapping) else {}
            raw = data.get("buttons") if isinstance(data, Mapping) else None
            buttons = [dict(b) for b in raw or [] if isinstance(b, Mapping)]
            for button in buttons:
                if button.get("payload"):
                    titles[str(button["payload"])] = str(button.get("title") or "")
            text = str(event.get("text") or "")
            if text or buttons:
                entries.append({"role": "bot", "text": text, "buttons": buttons})
    return entries[-MAX_ENTRIES:]
