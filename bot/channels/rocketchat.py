"""POST /webhooks/rocketchat/webhook: Rocket.Chat's outgoing integration, checked by the
integration token in the body (Rasa ignores it)."""

from __future__ import annotations

import json
import logging

from fastapi import APIRouter, HTTPException, Request, Response

from bot.channels.deps import BodyDep, ChannelSettingsDep, ForwarderDep, headers_of
from bot.channels.verify import rocketchat_ok

log = logging.getLogger(__name__)
router = APIRouter(prefix="/webhooks/rocketchat", tags=["channels"])


@router.post("/webhook", summary="Rocket.Chat outgoing webhook")
async def rocketchat(request: Request, body: BodyDep, settings: ChannelSettingsDep,
                     forwarder: ForwarderDep) -> Response:
    try:
        data = json.loads(body)
    except ValueError:
        data = None
    if not isinstance(data, dict) or not rocketchat_ok(data.get("token"),
                                                       settings.rocketchat_token):
        log.warning("rocketchat: webhook without the integration token rejected")
        raise HTTPException(403, "invalid token")
    return await forwarder.forward("rocketchat", "webhook", body, headers_of(request),
                                   message_id=str(data.get("message_id") or "") or None)
