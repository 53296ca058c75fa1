"""Microsoft Bot Framework (Teams): single-tenant tokens and an offline start.

Rasa 3.6.21 downloads Microsoft's signing keys in the constructor (offline, `rasa run`
aborts) and fetches reply tokens from the multi-tenant endpoint, which new Azure bots
(single-tenant, since 31 July 2025) cannot use (rasa-channels.md §3.5). Here the key
download is allowed to fail (requests get 401 until it succeeds; retried on the next
request), the token endpoint is `<login>/<tenant id>/oauth2/v2.0/token`, and both
addresses are configurable (tests: a fake). Rasa reads them from module constants.

The webhook is Rasa's, with what Microsoft's authentication rules add to Rasa's checks
(signature, audience, expiry): the token's issuer must be https://api.botframework.com
and its `serviceurl` claim the activity's `serviceUrl`, so a replayed token cannot send
Rasa's own access token to another address. Replies run off Sanic's event loop (Rasa
posts with blocking calls without timeout). Teams' `<at>…</at>` mention of the bot is
removed from the text. Activity attachments (Teams repeats the message as HTML) are not
stored with the conversation.
"""

from __future__ import annotations

import asyncio
import datetime
import logging
import re
from collections.abc import Awaitable, Callable
from typing import Any

import jwt
import rasa.core.channels.botframework as rasa_botframework
import requests
from rasa.core.channels.botframework import BotFramework, BotFrameworkInput
from rasa.core.channels.channel import UserMessage
from sanic import Blueprint, response

from rasa_addons.channels.common import ProjectChannel

log = logging.getLogger(__name__)
MICROSOFT_LOGIN = "https://login.microsoftonline.com"
ISSUER = "https://api.botframework.com"
MENTION = re.compile(r"<at>[^<]*</at>\s*")


class WegweiserBotFramework(BotFramework):  # type: ignore[misc]  # rasa has no types
    """Rasa's Bot Framework output; each reply is sent from a worker thread."""

    async def send_response(self, recipient_id: str, message: dict[str, Any]) -> None:
        try:
            await asyncio.to_thread(asyncio.run, super().send_response(recipient_id, message))
        except Exception as exc:  # the platform is down: log, never fail the turn
            log.error("botframework: sending failed: %s", exc.__class__.__name__)


def claims_match(authorization: str, activity: dict[str, Any]) -> bool:
    """Issuer and `serviceurl` claim of a token whose signature Rasa has verified."""
    try:
        claims = jwt.decode(authorization.split()[-1], options={"verify_signature": False})
    except jwt.PyJWTError:
        return False
    service = str(activity.get("serviceUrl") or "")
    return (claims.get("iss") == ISSUER
            and str(claims.get("serviceurl") or "").rstrip("/") == service.rstrip("/"))


class WegweiserBotFrameworkInput(ProjectChannel, BotFrameworkInput):  # type: ignore[misc]
    """`name()` stays "botframework". Extra credentials: `tenant_id` (required for a
    single-tenant bot), `openid_url` and `login_url` (tests)."""

    tenant_id: str | None = None

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> Any:
        given = dict(credentials or {})
        tenant = given.pop("tenant_id", None) or "botframework.com"
        rasa_botframework.MICROSOFT_OAUTH2_URL = (given.pop("login_url", None)
                                                  or MICROSOFT_LOGIN).rstrip("/")
        rasa_botframework.MICROSOFT_OAUTH2_PATH = f"{tenant}/oauth2/v2.0/token"
        openid = given.pop("openid_url", None)
        if openid:
            rasa_botframework.MICROSOFT_OPEN_ID_URI = openid
        channel = super().from_credentials(given)
        channel.tenant_id = tenant
        return channel

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = Blueprint("botframework_webhook", __name__)

        async def health(_: Any) -> Any:
            return response.json({"status": "ok"})

        async def message(request: Any) -> Any:
            authorization = request.headers.get("Authorization") or ""
            refused = self._validate_auth(authorization)
            if refused:
                return refused
            activity = request.json
            if not isinstance(activity, dict) or not claims_match(authorization, activity):
                log.warning("botframework: token issuer or service URL does not match")
                return response.text("token does not match the activity", status=401)
            if activity.get("type") != "message":
                return response.text("success")  # conversationUpdate, typing …
            try:
                out = WegweiserBotFramework(self.app_id, self.app_password,
                                            activity["conversation"], activity["recipient"],
                                            activity["serviceUrl"])
                await on_new_message(UserMessage(
                    text=MENTION.sub("", str(activity.get("text") or "")).strip(),
                    output_channel=out, sender_id=activity["from"]["id"],
                    input_channel=self.name(), metadata=self.get_metadata(request)))
            except Exception:
                log.exception("botframework: the activity could not be handled")
            return response.text("success")

        webhook.add_route(health, "/", methods=["GET"])
        webhook.add_route(message, "/webhook", methods=["POST"])
        return webhook

    def _update_cached_jwk_keys(self) -> None:
        try:
            response = requests.get(rasa_botframework.MICROSOFT_OPEN_ID_URI, timeout=10)
            response.raise_for_status()
            keys = requests.get(response.json()["jwks_uri"], timeout=10)
            keys.raise_for_status()
            self.jwt_keys = {key["kid"]: key for key in keys.json()["keys"]}
            self.jwt_update_time = datetime.datetime.now()
        except (requests.RequestException, ValueError, KeyError) as exc:
            log.warning("botframework: signing keys not loaded (%s); retried on the next "
                        "request", exc.__class__.__name__)
