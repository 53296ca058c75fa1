"""Pseudonymous sender ids: a messenger user's id is stored only as a keyed hash.

A messenger channel (Telegram, WhatsApp, SMS, Facebook …, docs/channels.md) identifies a citizen
by a stable platform id (often the phone number). The conversation log must not hold
it: the tracker store keeps `pseudonymous_sender(id, secret)` instead, an HMAC-SHA256
with a secret from configuration (`WEGWEISER_SENDER_SECRET`). Without the secret the
pseudonym cannot be linked back to a person, not even by someone with the database;
with it, the same citizen keeps one conversation. The web widget needs none of this:
its sender id is random per conversation.

Changing the secret makes earlier conversations unreachable for the bot (they are
then deleted by the retention job as usual).
"""

from __future__ import annotations

import hashlib
import hmac

PREFIX = "p-"
MIN_SECRET_CHARS = 32


class SenderSecretError(ValueError):
    """No usable secret is configured, so messenger senders cannot be pseudonymised."""


def check_secret(secret: str | None, channel: str = "a messenger channel") -> str:
    """The secret, or a SenderSecretError saying what to configure."""
    if not secret or len(secret) < MIN_SECRET_CHARS:
        raise SenderSecretError(
            f"{channel} needs WEGWEISER_SENDER_SECRET (at least {MIN_SECRET_CHARS} "
            f"random characters, e.g. `python -c 'import secrets; "
            f"print(secrets.token_urlsafe(32))'`): without it the platform's user ids "
            f"(often phone numbers) would be stored in the conversation log")
    return secret


def pseudonymous_sender(sender_id: str, secret: str) -> str:
    """The stored id of `sender_id`: "p-" + HMAC-SHA256(secret, id) in hex."""
    digest = hmac.new(check_secret(secret).encode(), sender_id.encode(), hashlib.sha256)
    return PREFIX + digest.hexdigest()
