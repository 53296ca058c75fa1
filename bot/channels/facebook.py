"""GET/POST /webhooks/facebook/webhook: Messenger's verification and events, checked by
`X-Hub-Signature-256` (Rasa would answer a failed check with 200)."""

from __future__ import annotations

import json
import logging

from fastapi import APIRouter, HTTPException, Request, Response

from bot.channels.deps import BodyDep, ChannelSettingsDep, ForwarderDep, headers_of
from bot.channels.verify import facebook_ok

log = logging.getLogger(__name__)
router = APIRouter(prefix="/webhooks/facebook", tags=["channels"])


@router.get("/webhook", summary="Meta's webhook verification (hub.challenge echo)")
async def verification(request: Request, forwarder: ForwarderDep) -> Response:
    return await forwarder.forward("facebook", "webhook", b"", headers_of(request),
                                   query=request.url.query, method="GET")


@router.post("/webhook", summary="Messenger webhook events")
async def facebook(request: Request, body: BodyDep, settings: ChannelSettingsDep,
                   forwarder: ForwarderDep) -> Response:
    if not facebook_ok(request.headers.get("x-hub-signature-256"), body,
                       settings.facebook_app_secret):
        log.warning("facebook: event without a valid sha256 signature rejected")
        raise HTTPException(403, "invalid signature")
    try:
        payload = json.loads(body)
    except ValueError:
        raise HTTPException(400, "JSON object expected") from None
    if not isinstance(payload, dict) or payload.get("object") != "page":
        raise HTTPException(400, "page webhook event expected")
    return await forwarder.forward("facebook", "webhook", body, headers_of(request),
                                   message_id=_event_ids(payload))


def _event_ids(payload: dict[str, object]) -> str | None:
    """The message ids (`mid`) of every event in the batch: a retry has the same ones."""
    ids = []
    for entry in payload.get("entry") or []:  # type: ignore[attr-defined]
        for event in (entry.get("messaging") or []) if isinstance(entry, dict) else []:
            part = (event.get("message") or event.get("postback") or {}) \
                if isinstance(event, dict) else {}
            if isinstance(part, dict) and part.get("mid"):
                ids.append(str(part["mid"]))
    return ",".join(sorted(ids)) or None
