"""Turn channel-neutral replies into Rasa message dicts for one channel.

For the web chat (`rest`, `socketio`) a reply becomes exactly `{"text": ...}` or
`{"text": ..., "buttons": [...]}`: URL buttons first, then payload buttons.
Where a channel cannot show something, it moves into the text:
- links without URL buttons: "title: url" (unless the text already has the URL);
- choices without buttons, or whose payload is too long even compacted: a numbered
  list ("1. …") the citizen can answer with "1"; quick replies (Ja / Nein) inline;
- choice titles too long for the channel: the numbered list plus buttons "1", "2" …
The payloads of choices shown as text are kept under `payloads.OFFERED_KEY`; Rasa
stores that key in the bot event's metadata, so `payloads.offered_choices` still
resolves "1" / "die zweite" afterwards.
On single-message channels (SMS, WhatsApp) a reply has no blank lines: Rasa's
connectors send one message per blank-line paragraph, and every SMS is billed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from replies.channels import ChannelProfile, profile_for
from replies.model import Choice, Link, Reply
from replies.payloads import OFFERED_KEY, compact

ELLIPSIS = "…"


def render(replies: Iterable[Reply], channel: str | None) -> list[dict[str, Any]]:
    """Rasa message dicts (arguments for `dispatcher.utter_message`) for `channel`."""
    profile = profile_for(channel)
    return [render_one(reply, profile) for reply in replies]


def render_one(reply: Reply, profile: ChannelProfile) -> dict[str, Any]:
    text = reply.text
    buttons: list[dict[str, str]] = []
    offered: list[str] = []
    if reply.choices:
        choice_buttons = _choice_buttons(reply.choices, profile)
        if choice_buttons is None:
            text = _choices_as_text(text, reply)
            offered = [choice.payload for choice in reply.choices]
        else:
            if not all(_fits_title(c.title, profile) for c in reply.choices):
                text = _numbered(text, reply.choices)
            buttons = choice_buttons
    link_buttons, text = _links(reply.links, text, profile, free=_free(profile, len(buttons)))
    if profile.single_message:
        text = re.sub(r"\n\s*\n+", "\n", text.strip())
    message: dict[str, Any] = {"text": text}
    if link_buttons or buttons:
        message["buttons"] = link_buttons + buttons
    if offered:
        message[OFFERED_KEY] = offered
    return message


def _free(profile: ChannelProfile, used: int) -> int | None:
    return None if profile.max_buttons is None else max(profile.max_buttons - used, 0)


def _fits_title(title: str, profile: ChannelProfile) -> bool:
    return profile.max_title_chars is None or len(title) <= profile.max_title_chars


def _fit_title(title: str, profile: ChannelProfile) -> str:
    limit = profile.max_title_chars
    if limit is None or len(title) <= limit:
        return title
    return title[:limit - 1].rstrip() + ELLIPSIS


def _fit_payload(payload: str, profile: ChannelProfile) -> str | None:
    """The payload, compacted if needed; None if it does not fit even then."""
    limit = profile.max_payload_bytes
    for candidate in (payload, compact(payload)):
        if limit is None or len(candidate.encode("utf-8")) <= limit:
            return candidate
    return None


def _choice_buttons(choices: tuple[Choice, ...],
                    profile: ChannelProfile) -> list[dict[str, str]] | None:
    """Payload buttons for `choices`, or None when they must be shown as text."""
    if not profile.buttons:
        return None
    if profile.max_buttons is not None and len(choices) > profile.max_buttons:
        return None
    payloads = [_fit_payload(choice.payload, profile) for choice in choices]
    if any(payload is None for payload in payloads):
        return None
    long_titles = not all(_fits_title(choice.title, profile) for choice in choices)
    return [{"title": str(number) if long_titles else choice.title, "payload": str(payload)}
            for number, (choice, payload) in enumerate(zip(choices, payloads, strict=True),
                                                       start=1)]


def _numbered(text: str, choices: tuple[Choice, ...]) -> str:
    lines = [f"{number}. {choice.title}" for number, choice in enumerate(choices, start=1)]
    return "\n".join([text, *lines])


def _choices_as_text(text: str, reply: Reply) -> str:
    if reply.quick_reply:
        return f"{text} ({' / '.join(choice.title for choice in reply.choices)})"
    return _numbered(text, reply.choices)


def _links(links: tuple[Link, ...], text: str, profile: ChannelProfile,
           free: int | None) -> tuple[list[dict[str, str]], str]:
    """URL buttons where the channel has room for them; the rest written into the text."""
    buttons: list[dict[str, str]] = []
    for link in links:
        room = free is None or len(buttons) < free
        if profile.buttons and profile.url_buttons and room:
            buttons.append({"title": _fit_title(link.title, profile), "url": link.url,
                            "type": "web_url"})
        elif link.url not in text:
            text = f"{text}\n{link.title}: {link.url}"
    return buttons, text
