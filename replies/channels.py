"""What each chat channel can show, keyed by Rasa's input channel name.

Limits come from the platforms and from Rasa 3.6's connectors: Telegram, Slack,
Rocket.Chat and Bot Framework read `button["payload"]` for every button, so URL
buttons would break there (the link goes into the text instead); Facebook shows
at most 3 buttons with titles of up to 20 characters; Telegram callback data is
at most 64 bytes; Rasa's Slack connector drops all buttons beyond 5; SMS/WhatsApp
via Twilio have no buttons at all.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ChannelProfile:
    """Rendering limits of one channel (None = no limit)."""

    name: str
    buttons: bool = True
    url_buttons: bool = True
    max_buttons: int | None = None
    max_payload_bytes: int | None = None
    max_title_chars: int | None = None
    # The first reply must say "automated assistant" and link the privacy notice: the
    # web widget shows this itself above the chat; messengers have no such place.
    disclose: bool = True
    # One outgoing message per reply, never one per paragraph or button (SMS is billed
    # per message; Rasa's connectors split text on blank lines).
    single_message: bool = False


# The web chat (REST webhook) and the socket.io widget show everything.
DEFAULT = ChannelProfile("rest", disclose=False)

PROFILES: dict[str, ChannelProfile] = {profile.name: profile for profile in (
    DEFAULT,
    ChannelProfile("socketio", disclose=False),
    ChannelProfile("telegram", url_buttons=False, max_payload_bytes=64),
    ChannelProfile("twilio", buttons=False, url_buttons=False, single_message=True),
    ChannelProfile("whatsapp", buttons=False, url_buttons=False, single_message=True),
    ChannelProfile("facebook", max_buttons=3, max_title_chars=20, max_payload_bytes=1000),
    ChannelProfile("slack", url_buttons=False, max_buttons=5, max_title_chars=75,
                   max_payload_bytes=2000),
    ChannelProfile("rocketchat", url_buttons=False),
    # Rasa sends hero-card buttons without type/value: Teams shows them but they do
    # nothing (RasaHQ/rasa#11411). Numbered options instead; typed numbers choose them.
    ChannelProfile("botframework", buttons=False, url_buttons=False),
)}


def profile_for(channel: str | None) -> ChannelProfile:
    """The profile of Rasa input channel `channel`; unknown channels get the web default."""
    return PROFILES.get((channel or "").lower(), DEFAULT)
