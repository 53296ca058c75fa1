"""POST /api/chat: one chat turn, proxied to Rasa's REST channel on loopback."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException
from pydantic import BaseModel, Field, field_validator

from bot import messages
from bot.deps import RasaDep, SettingsDep
from bot.rasa_client import UpstreamError

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


@router.post("/chat", summary="Send a message, get the bot's replies (Rasa REST shape)")
async def chat(request: ChatRequest, rasa: RasaDep, settings: SettingsDep) -> list[dict[str, Any]]:
    if len(request.message) > settings.max_message_chars:
        raise HTTPException(422, messages.message_too_long(settings.max_message_chars))
    try:
        return await rasa.send_message(request.sender, request.message)
    except UpstreamError as exc:
        raise HTTPException(503, messages.ASSISTANT_UNAVAILABLE) from exc
