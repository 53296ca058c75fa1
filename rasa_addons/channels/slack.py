"""Slack: Rasa's connector (which checks Slack's signature itself) with a fake-able API.

Rasa 3.6.21 verifies `X-Slack-Signature` and the timestamp; the web app forwards the raw
body and the exact `Content-Type` (Rasa drops anything but the literal string,
rasa-channels.md §3.3) and deduplicates retries by `event_id`. Here the Web API address
becomes configurable, and the message metadata Rasa would store with the conversation
(Slack channel, thread and user ids) is used for the reply only: what is stored is the
privacy notice's address.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.slack import SlackInput

from rasa_addons.channels.common import ProjectChannel


class WegweiserSlackInput(ProjectChannel, SlackInput):  # type: ignore[misc]  # rasa has no types
    """`name()` stays "slack": the webhook path stays /webhooks/slack/webhook."""

    def get_metadata(self, request: Any) -> dict[str, Any]:
        return {**(super(ProjectChannel, self).get_metadata(request) or {}),
                **self.privacy_metadata()}

    async def process_message(self, request: Any,
                              on_new_message: Callable[[UserMessage], Awaitable[Any]],
                              text: str, sender_id: str | None,
                              metadata: dict[str, Any] | None) -> Any:
        async def without_platform_ids(message: UserMessage) -> Any:
            message.metadata = self.privacy_metadata() or None
            return await on_new_message(message)

        return await super().process_message(request, without_platform_ids, text, sender_id,
                                              metadata)

    def get_output_channel(self, channel: str | None = None,
                           thread_id: str | None = None) -> Any:
        bot = super().get_output_channel(channel, thread_id)
        if self.api_base_url:
            bot.client.base_url = f"{self.api_base_url}/api/"
        bot.client.timeout = int(self.timeout_seconds)
        return bot
