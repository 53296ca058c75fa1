"""Facebook Messenger: every event of a batch, the sha256 signature, a fake-able API.

Rasa 3.6.21's connector handles only the first event of a webhook batch, checks only the
legacy sha1 `X-Hub-Signature` (answering 200 when it fails), crashes on entries without
`messaging`, and posts to Graph API v2.12 at a fixed address with blocking calls without
timeout (rasa-channels.md §3.2). Here: `X-Hub-Signature-256` (or, failing that, the
legacy header) is checked in constant time and a failure is a 403, every event of every
entry is handled, a message without text gets the text-only notice, the Graph address
is configurable, and calls time out and never fail the turn.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import logging
from collections.abc import Awaitable, Callable
from typing import Any

import requests
from fbmessenger import MessengerClient
from fbmessenger.sender_actions import SenderAction
from rasa.core.channels.channel import UserMessage
from rasa.core.channels.facebook import FacebookInput, Messenger, MessengerBot
from sanic import Blueprint, response

from rasa_addons.channels.common import ProjectChannel
from replies.notices import text_only

log = logging.getLogger(__name__)
GRAPH_VERSION = "v2.12"  # fbmessenger 6.0.0's; Meta upgrades calls to expired versions


class _TimeoutSession(requests.Session):
    def __init__(self, timeout: float) -> None:
        super().__init__()
        self.timeout = timeout

    def request(self, *args: Any, **kwargs: Any) -> requests.Response:
        kwargs["timeout"] = kwargs.get("timeout") or self.timeout
        return super().request(*args, **kwargs)


def graph_client(page_token: str, api_base_url: str | None, timeout: float) -> Any:
    client = MessengerClient(page_token, session=_TimeoutSession(timeout))
    if api_base_url:
        client.graph_url = f"{api_base_url}/{GRAPH_VERSION}"
    return client


class WegweiserMessengerBot(MessengerBot):  # type: ignore[misc]  # rasa has no types
    """Sends leave Sanic's event loop: fbmessenger's calls are blocking `requests`, so a
    slow or hanging Graph API would stall every conversation (also the web chat's).
    Each reply runs in a worker thread with a timeout; failures are logged, the turn
    still counts."""

    def send(self, recipient_id: str, element: Any) -> None:
        try:
            super().send(recipient_id, element)
        except requests.RequestException as exc:
            log.error("facebook: sending failed: %s", exc.__class__.__name__)

    async def send_response(self, recipient_id: str, message: dict[str, Any]) -> None:
        # Rasa's rendering (text, buttons, quick replies …) runs in the worker thread's
        # own loop; its methods only make blocking calls, nothing bound to Sanic's loop.
        await asyncio.to_thread(asyncio.run, super().send_response(recipient_id, message))

    async def send_action(self, recipient_id: str, sender_action: str) -> None:
        try:
            await asyncio.to_thread(self.messenger_client.send_action,
                                    SenderAction(sender_action).to_dict(), recipient_id)
        except requests.RequestException as exc:
            log.error("facebook: sender action failed: %s", exc.__class__.__name__)


class WegweiserMessenger(Messenger):  # type: ignore[misc]
    """Rasa's webhook handler for one request, handling every event of the batch."""

    def __init__(self, client: Any, on_new_message: Callable[[UserMessage], Awaitable[Any]]
                 ) -> None:
        self.on_new_message = on_new_message
        self.client = client
        self.last_message: dict[str, Any] = {}

    async def handle(self, payload: dict[str, Any], metadata: dict[str, Any] | None) -> None:
        for entry in payload.get("entry") or []:
            for event in entry.get("messaging") or []:  # standby entries have none
                self.last_message = event
                if event.get("message"):
                    await self.message(event, metadata)
                elif event.get("postback"):
                    await self.postback(event, metadata)

    async def message(self, event: dict[str, Any], metadata: dict[str, Any] | None) -> None:
        """A photo, voice message or sticker gets the text-only notice (stock Rasa would
        pass the attachment's URL to the dialogue as if the citizen had typed it)."""
        message = event.get("message") or {}
        if message.get("is_echo"):
            return
        if not message.get("text") and not (message.get("quick_reply") or {}).get("payload"):
            await WegweiserMessengerBot(self.client).send_response(self.get_user_id(),
                                                                  {"text": text_only()})
            return
        await super().message(event, metadata)

    async def _handle_user_message(self, text: str, sender_id: str,
                                   metadata: dict[str, Any] | None) -> None:
        out_channel = WegweiserMessengerBot(self.client)
        await out_channel.send_action(sender_id, sender_action="mark_seen")
        await out_channel.send_action(sender_id, sender_action="typing_on")
        try:
            await self.on_new_message(UserMessage(text, out_channel, sender_id,
                                                  input_channel="facebook", metadata=metadata))
        except Exception:
            log.exception("facebook: the message could not be handled")
        finally:
            await out_channel.send_action(sender_id, sender_action="typing_off")


def valid_signature(secret: str, body: bytes, headers: Any) -> bool:
    """`X-Hub-Signature-256: sha256=<hex>` (or legacy `X-Hub-Signature: sha1=<hex>`)."""
    for header, algorithm in (("X-Hub-Signature-256", hashlib.sha256),
                              ("X-Hub-Signature", hashlib.sha1)):
        value = headers.get(header)
        if value:
            expected = hmac.new(secret.encode(), body, algorithm).hexdigest()
            return hmac.compare_digest(value.partition("=")[2], expected)
    return False


class WegweiserFacebookInput(ProjectChannel, FacebookInput):  # type: ignore[misc]
    """`name()` stays "facebook": the webhook path stays /webhooks/facebook/webhook."""

    def get_output_channel(self) -> WegweiserMessengerBot:
        return WegweiserMessengerBot(graph_client(self.fb_access_token, self.api_base_url,
                                                  self.timeout_seconds))

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = Blueprint("fb_webhook", __name__)

        async def health(_: Any) -> Any:
            return response.json({"status": "ok"})

        async def token_verification(request: Any) -> Any:
            if (request.args.get("hub.mode") == "subscribe"
                    and hmac.compare_digest(request.args.get("hub.verify_token") or "",
                                            self.fb_verify or "")):
                return response.text(request.args.get("hub.challenge") or "")
            return response.text("invalid verify token", status=403)

        async def message(request: Any) -> Any:
            if not valid_signature(self.fb_secret or "", request.body, request.headers):
                log.warning("facebook: webhook with a wrong signature rejected")
                return response.text("invalid signature", status=403)
            payload = request.json
            if not isinstance(payload, dict):
                return response.text("JSON object expected", status=400)
            client = graph_client(self.fb_access_token, self.api_base_url,
                                  self.timeout_seconds)
            await WegweiserMessenger(client, on_new_message).handle(
                payload, self.get_metadata(request))
            return response.text("success")

        webhook.add_route(health, "/", methods=["GET"])
        webhook.add_route(token_verification, "/webhook", methods=["GET"])
        webhook.add_route(message, "/webhook", methods=["POST"])

        return webhook
