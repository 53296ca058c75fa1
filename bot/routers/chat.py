"""POST /api/chat: one chat turn, proxied to Rasa's REST channel on loopback."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field, field_validator

from bot import messages
from bot.deps import OutageDep, RasaDep, RateLimitDep, SettingsDep
from bot.outage import RETRY_AFTER_SECONDS
from bot.rasa_client import UpstreamError

log = logging.getLogger(__name__)

router = APIRouter(prefix="/api", tags=["chat"])


class ChatRequest(BaseModel):
    sender: str = Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.:-]+$",
                        description="Conversation id chosen by the client")
    message: str = Field(description="What the citizen typed (or a button payload)")

    @field_validator("message")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        cleaned = "".join(ch for ch in value if ch.isprintable() or ch in "\n\t").strip()
        if not cleaned:
            raise ValueError(messages.EMPTY_MESSAGE)
        return cleaned


@router.post("/chat", summary="Send a message, get the bot's replies (Rasa REST shape)",
             responses={503: {"description": "Rasa or the action server is down, hung or "
                                             "slow: the Bürgerservice contact as `messages`, "
                                             "`status` degraded, the `failing` part"},
                        429: {"description": "Too many turns of this conversation or from this "
                                             "client: German/English message, `Retry-After`"}})
async def chat(request: ChatRequest, rasa: RasaDep, settings: SettingsDep,
               outage: OutageDep, limiter: RateLimitDep, http: Request) -> Any:
    if len(request.message) > settings.max_message_chars:
        raise HTTPException(422, messages.message_too_long(settings.max_message_chars))
    refused = limiter.check(http, request.sender)
    if refused:
        log.info("chat turn refused: %s rate limit", refused.scope)
        return JSONResponse(refused.body(), status_code=429,
                            headers={"Retry-After": str(refused.retry_after)})
    try:
        return await rasa.send_message(request.sender, request.message)
    except UpstreamError as exc:
        log.warning("chat turn failed, outage reply sent: %s", exc)
        return JSONResponse(outage.body(exc.part), status_code=503,
                            headers={"Retry-After": str(RETRY_AFTER_SECONDS)})
