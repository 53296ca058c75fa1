"""POST /webhooks/botframework/webhook: Bot Framework activities (Teams). Rasa checks
the JWT's signature, audience and expiry; here a request without a Bearer token is
refused before it reaches Rasa, and retries are answered once (activity `id`)."""

from __future__ import annotations

import json

from fastapi import APIRouter, HTTPException, Request, Response

from bot.channels.deps import BodyDep, ForwarderDep, headers_of

router = APIRouter(prefix="/webhooks/botframework", tags=["channels"])


@router.post("/webhook", summary="Bot Framework activity")
async def botframework(request: Request, body: BodyDep, forwarder: ForwarderDep) -> Response:
    if not request.headers.get("authorization", "").startswith("Bearer "):
        raise HTTPException(401, "Bearer token expected")
    try:
        activity = json.loads(body)
    except ValueError:
        raise HTTPException(400, "JSON activity expected") from None
    if not isinstance(activity, dict):
        raise HTTPException(400, "JSON activity expected")
    return await forwarder.forward("botframework", "webhook", body, headers_of(request),
                                   message_id=str(activity.get("id") or "") or None)
