"""Rocket.Chat: Rasa's connector (its API address is `server_url` already) plus the
privacy notice's address in the metadata. The web app checks the outgoing-integration
token, which Rasa ignores (rasa-channels.md §3.4)."""

from __future__ import annotations

from rasa.core.channels.rocketchat import RocketChatInput

from rasa_addons.channels.common import ProjectChannel


class WegweiserRocketChatInput(ProjectChannel, RocketChatInput):  # type: ignore[misc]
    """`name()` stays "rocketchat": the webhook path stays /webhooks/rocketchat/webhook."""
