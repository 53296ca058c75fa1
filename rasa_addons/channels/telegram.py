"""Telegram: Rasa's connector without its start-up call and its closed-loop session.

Rasa 3.6.21 registers the webhook at start-up with `asyncio.run(set_webhook(...))`:
offline that aborts `rasa run`, and online the aiohttp session created in that
short-lived loop is reused from Sanic's loop, so every update fails with "Event loop is
closed" (research notes, rasa-channels.md §3.1). Here no call is made at start-up: the
session is created lazily in Sanic's loop on the first update, the webhook is registered
once by the operator (with the secret token the web app checks; docs/channels.md), the
bot's name is fetched once instead of per update, and calls are bounded in time. A
button press is acknowledged (`answerCallbackQuery`), which Rasa never does, so the
citizen's app stops showing a spinner on the button.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from aiogram.bot.api import TelegramAPIServer
from rasa.core.channels.telegram import TelegramInput, TelegramOutput

from rasa_addons.channels.common import ProjectChannel

log = logging.getLogger(__name__)


class WegweiserTelegramOutput(TelegramOutput):  # type: ignore[misc]  # rasa has no types
    """Telegram's Bot API client with a configurable server and a cached `getMe`."""

    def __init__(self, access_token: str, api_base_url: str | None, timeout: float) -> None:
        super().__init__(access_token)
        if api_base_url:
            self.server = TelegramAPIServer.from_base(api_base_url)
        self.timeout = timeout
        self._me: Any = None

    async def get_me(self) -> Any:
        if self._me is None:
            self._me = await super().get_me()
        return self._me


class WegweiserTelegramInput(ProjectChannel, TelegramInput):  # type: ignore[misc]
    """`name()` stays "telegram": the webhook path stays /webhooks/telegram/webhook."""

    output: WegweiserTelegramOutput | None = None

    def configured(self) -> None:
        self.debug_mode = False  # an error is logged, not a 500 that makes Telegram resend

    def get_output_channel(self) -> WegweiserTelegramOutput:
        self.output = WegweiserTelegramOutput(self.access_token, self.api_base_url,
                                              self.timeout_seconds)
        return self.output

    def get_metadata(self, request: Any) -> dict[str, Any] | None:
        """Rasa's handler calls this once per update: the place to acknowledge a button
        press (in the background, so a slow Telegram never delays the answer)."""
        update = request.json if isinstance(request.json, dict) else {}
        query = update.get("callback_query") or {}
        if query.get("id") and self.output is not None:
            asyncio.get_running_loop().create_task(self._acknowledge(str(query["id"])))
        return super().get_metadata(request)

    async def _acknowledge(self, query_id: str) -> None:
        assert self.output is not None
        try:
            await self.output.answer_callback_query(query_id)
        except Exception as exc:  # the platform is down: the answer matters, not this
            log.warning("telegram: button press not acknowledged (%s)", exc.__class__.__name__)
