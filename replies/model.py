"""The channel-neutral reply: text plus URL links and payload choices.

Actions describe *what* to say; `replies.render` decides *how* a channel shows
it (buttons, numbered text, inline options), so the flows never branch on the
channel.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Link:
    """A URL the citizen can open (a URL button where the channel has them)."""

    title: str
    url: str


@dataclass(frozen=True)
class Choice:
    """An option the citizen can pick; `payload` is what a button sends back to Rasa."""

    title: str
    payload: str


@dataclass(frozen=True)
class Reply:
    """One bot message.

    `quick_reply`: the choices are short answers (Ja / Nein) that a citizen can also
    type, so text-only channels show them inline instead of as a numbered list.
    `feedback_question`: this is "War das hilfreich?" (the turn record and the
    staff review look for it).
    """

    text: str
    links: tuple[Link, ...] = ()
    choices: tuple[Choice, ...] = ()
    quick_reply: bool = False
    feedback_question: bool = False
