"""POST /webhooks/slack/webhook: Slack Events API and interactivity, checked by Slack's
signature and timestamp age before Rasa (which checks them again) sees them."""

from __future__ import annotations

import json
import logging
from urllib.parse import parse_qs

from fastapi import APIRouter, HTTPException, Request, Response

from bot.channels.deps import BodyDep, ChannelSettingsDep, ForwarderDep, headers_of
from bot.channels.verify import slack_ok

log = logging.getLogger(__name__)
router = APIRouter(prefix="/webhooks/slack", tags=["channels"])


@router.post("/webhook", summary="Slack Events API / interactivity request")
async def slack(request: Request, body: BodyDep, settings: ChannelSettingsDep,
                forwarder: ForwarderDep) -> Response:
    if not slack_ok(request.headers.get("x-slack-signature"),
                    request.headers.get("x-slack-request-timestamp"), body,
                    settings.slack_signing_secret, settings.slack_max_age_seconds):
        log.warning("slack: request with a bad signature or an old timestamp rejected")
        raise HTTPException(403, "invalid signature or timestamp")
    return await forwarder.forward("slack", "webhook", body, headers_of(request),
                                   message_id=_message_id(body))


def _message_id(body: bytes) -> str | None:
    """`event_id` of an Events API callback; `trigger_id` of a button click."""
    try:
        if body.startswith(b"payload="):
            data = json.loads(parse_qs(body.decode())["payload"][0])
            return str(data.get("trigger_id") or "") or None
        data = json.loads(body)
    except (ValueError, KeyError, UnicodeDecodeError):
        return None
    return str(data.get("event_id") or "") or None if isinstance(data, dict) else None
