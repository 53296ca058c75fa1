"""POST /webhooks/telegram/webhook: Telegram updates, checked by their secret token."""

from __future__ import annotations

import json
import logging

from fastapi import APIRouter, HTTPException, Request, Response

from bot.channels.deps import BodyDep, ChannelSettingsDep, ForwarderDep, headers_of
from bot.channels.verify import telegram_ok

log = logging.getLogger(__name__)
router = APIRouter(prefix="/webhooks/telegram", tags=["channels"])


@router.post("/webhook", summary="Telegram Bot API update (setWebhook with secret_token)")
async def telegram(request: Request, body: BodyDep, settings: ChannelSettingsDep,
                   forwarder: ForwarderDep) -> Response:
    if not telegram_ok(request.headers.get("x-telegram-bot-api-secret-token"),
                       settings.telegram_secret_token):
        log.warning("telegram: update without the right secret token rejected")
        raise HTTPException(403, "invalid secret token")
    try:
        update = json.loads(body)
    except ValueError:
        raise HTTPException(400, "JSON update expected") from None
    if not isinstance(update, dict) or not isinstance(update.get("update_id"), int):
        raise HTTPException(400, "Telegram update with update_id expected")
    return await forwarder.forward("telegram", "webhook", body, headers_of(request),
                                   message_id=str(update["update_id"]))
