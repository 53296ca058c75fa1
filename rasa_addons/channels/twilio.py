"""Twilio SMS and WhatsApp: two channels from one fixed connector.

Rasa 3.6.21's Twilio connector answers a message without `Body` (a photo, a voice
message) with HTTP 500, sends every paragraph and every button as its own SMS, posts to
a fixed API address and blocks Sanic's event loop on each send (rasa-channels.md §3.6).
Here: a media-only message is answered with a short "text only, please" (no dialogue
turn), each reply is one message (`replies` renders SMS replies without blank lines and
without buttons), the API address is configurable, and sends run in a worker thread with
a timeout, so an unreachable Twilio never stalls other conversations.

WhatsApp needs `whatsapp:` on both numbers, so it is its own channel ("whatsapp", its own
webhook path and blueprint name) with `twilio_number: whatsapp:+49…`.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.twilio import TwilioInput, TwilioOutput
from sanic import Blueprint, response
from twilio.http.http_client import TwilioHttpClient

from rasa_addons.channels.common import ProjectChannel
from replies.notices import text_only

log = logging.getLogger(__name__)


class WegweiserTwilioOutput(TwilioOutput):  # type: ignore[misc]  # rasa has no types
    """One message per reply, sent off the event loop, to a configurable API."""

    def __init__(self, account_sid: str, auth_token: str, number: str,
                 api_base_url: str | None, timeout: float, channel: str) -> None:
        super().__init__(account_sid, auth_token, number)
        self.http_client = TwilioHttpClient(timeout=timeout)
        if api_base_url:
            self.api.base_url = api_base_url
        self.channel = channel

    @classmethod
    def name(cls) -> str:
        return "twilio"

    async def _send_message(self, message_data: dict[str, Any]) -> Any:
        try:
            return await asyncio.to_thread(self.messages.create, **message_data)
        except Exception as exc:  # the platform is down: log, never fail the turn
            log.error("%s: sending failed: %s", self.channel, exc.__class__.__name__)
            return None

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        await self._send_message({"to": recipient_id, "from_": self.twilio_number,
                                  "body": text.strip()})

    async def send_text_with_buttons(self, recipient_id: str, text: str,
                                     buttons: list[dict[str, Any]], **kwargs: Any) -> None:
        """Never one SMS per button: numbered titles in the same message."""
        lines = [f"{number}. {button.get('title', '')}"
                 for number, button in enumerate(buttons, start=1)]
        await self.send_text_message(recipient_id, "\n".join([text, *lines]))


class WegweiserTwilioInput(ProjectChannel, TwilioInput):  # type: ignore[misc]
    """Twilio SMS, webhook /webhooks/twilio/webhook."""

    @classmethod
    def name(cls) -> str:
        return "twilio"

    def get_output_channel(self) -> WegweiserTwilioOutput:
        return WegweiserTwilioOutput(self.account_sid, self.auth_token, self.twilio_number,
                                     self.api_base_url, self.timeout_seconds, self.name())

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = Blueprint(f"{self.name()}_webhook", __name__)

        async def health(_: Any) -> Any:
            return response.json({"status": "ok"})

        async def message(request: Any) -> Any:
            sender = request.form.get("From")
            text = request.form.get("Body")
            if not sender:
                return response.text("no sender", status=400)
            out_channel = self.get_output_channel()
            if not (text or "").strip():  # a photo, a voice message, a sticker
                await out_channel.send_text_message(sender, text_only())
                return response.text("", status=204)
            try:
                await on_new_message(UserMessage(
                    text.replace("¡", "@"),  # some carriers corrupt @ in SMS
                    out_channel, sender, input_channel=self.name(),
                    metadata=self.get_metadata(request)))
            except Exception:
                log.exception("%s: the message could not be handled", self.name())
            return response.text("", status=204)

        webhook.add_route(health, "/", methods=["GET"])
        webhook.add_route(message, "/webhook", methods=["POST"])

        return webhook


class WegweiserWhatsAppInput(WegweiserTwilioInput):
    """WhatsApp through Twilio, webhook /webhooks/whatsapp/webhook; the number in the
    credentials carries the `whatsapp:` prefix."""

    @classmethod
    def name(cls) -> str:
        return "whatsapp"
