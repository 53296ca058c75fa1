"""Rocket.Chat: Rasa's connector (its API address is `server_url` already), with replies
off Sanic's event loop and the privacy notice's address in the metadata.

The web app checks the outgoing-integration token, which Rasa ignores
(rasa-channels.md §3.4). Rasa logs in and posts with blocking calls inside its event loop
(30 s timeout each), so a hanging Rocket.Chat server would stall every conversation; here
the login and the posts of a reply run in a worker thread, with our timeout, and a
failure is logged instead of failing the turn.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from rasa.core.channels.rocketchat import RocketChatBot, RocketChatInput

from rasa_addons.channels.common import ProjectChannel

log = logging.getLogger(__name__)


class WegweiserRocketChatBot(RocketChatBot):  # type: ignore[misc]  # rasa has no types
    """Logs in lazily, in the worker thread that sends the first reply."""

    def __init__(self, user: str, password: str, server_url: str, timeout: float) -> None:
        self._login = (user, password, server_url)
        self._timeout = timeout
        self._client: Any = None

    @property
    def rocket(self) -> Any:
        if self._client is None:
            from rocketchat_API.rocketchat import RocketChat

            user, password, server_url = self._login
            self._client = RocketChat(user, password, server_url=server_url,
                                      timeout=self._timeout)
        return self._client

    async def send_response(self, recipient_id: str, message: dict[str, Any]) -> None:
        try:
            await asyncio.to_thread(asyncio.run, super().send_response(recipient_id, message))
        except Exception as exc:  # the server is down: log, never fail the turn
            log.error("rocketchat: sending failed: %s", exc.__class__.__name__)


class WegweiserRocketChatInput(ProjectChannel, RocketChatInput):  # type: ignore[misc]
    """`name()` stays "rocketchat": the webhook path stays /webhooks/rocketchat/webhook."""

    def get_output_channel(self) -> WegweiserRocketChatBot:
        return WegweiserRocketChatBot(self.user, self.password, self.server_url,
                                      self.timeout_seconds)
