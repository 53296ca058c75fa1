"""Microsoft Bot Framework (Teams): single-tenant tokens and an offline start.

Rasa 3.6.21 downloads Microsoft's signing keys in the constructor (offline, `rasa run`
aborts) and fetches reply tokens from the multi-tenant endpoint, which new Azure bots
(single-tenant, since 31 July 2025) cannot use (rasa-channels.md §3.5). Here the key
download is allowed to fail (requests get 401 until it succeeds; retried on the next
request), the token endpoint is `<login>/<tenant id>/oauth2/v2.0/token`, and both
addresses are configurable (tests: a fake). Rasa reads them from module constants.
Rasa would store an activity's attachments (Teams sends the message again as HTML) with
the conversation, unredacted; here they are left out.
"""

from __future__ import annotations

import datetime
import logging
from typing import Any

import rasa.core.channels.botframework as rasa_botframework
import requests
from rasa.core.channels.botframework import BotFrameworkInput

from rasa_addons.channels.common import ProjectChannel

log = logging.getLogger(__name__)
MICROSOFT_LOGIN = "https://login.microsoftonline.com"


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

    @staticmethod
    def add_attachments_to_metadata(postdata: dict[str, Any],
                                    metadata: dict[str, Any] | None) -> dict[str, Any] | None:
        return metadata

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
