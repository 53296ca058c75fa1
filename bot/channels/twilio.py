"""POST /webhooks/twilio/webhook (SMS) and /webhooks/whatsapp/webhook (WhatsApp):
Twilio's form posts, checked by `X-Twilio-Signature` over the configured public URL.

Behind the TLS proxy the web app sees a loopback URL; Twilio signed the public one, so
the URL is `WEGWEISER_PUBLIC_URL` + path (+ query), never the request's Host header.
"""

from __future__ import annotations

import logging
from urllib.parse import parse_qsl

from fastapi import APIRouter, HTTPException, Request, Response

from bot.channels.deps import BodyDep, ChannelSettingsDep, ForwarderDep, headers_of
from bot.channels.verify import twilio_ok

log = logging.getLogger(__name__)
router = APIRouter(prefix="/webhooks", tags=["channels"])
FORM = "application/x-www-form-urlencoded"


async def _twilio(channel: str, request: Request, body: BodyDep,
                  settings: ChannelSettingsDep, forwarder: ForwarderDep) -> Response:
    if channel not in settings.enabled():
        raise HTTPException(404, "channel not configured")
    if not request.headers.get("content-type", "").startswith(FORM):
        raise HTTPException(415, f"{FORM} expected")
    try:
        params = parse_qsl(body.decode("utf-8"), keep_blank_values=True, strict_parsing=False)
    except UnicodeDecodeError:
        raise HTTPException(400, "UTF-8 form expected") from None
    url = settings.public_url + request.url.path + (f"?{request.url.query}"
                                                     if request.url.query else "")
    if not twilio_ok(request.headers.get("x-twilio-signature"), url, params,
                     settings.twilio_auth_token):
        log.warning("%s: request without a valid Twilio signature rejected", channel)
        raise HTTPException(403, "invalid signature")
    message_id = dict(params).get("MessageSid") or dict(params).get("SmsSid")
    return await forwarder.forward(channel, "webhook", body, headers_of(request),
                                   message_id=message_id)


@router.post("/twilio/webhook", summary="Twilio SMS (incoming message webhook)")
async def sms(request: Request, body: BodyDep, settings: ChannelSettingsDep,
              forwarder: ForwarderDep) -> Response:
    return await _twilio("twilio", request, body, settings, forwarder)


@router.post("/whatsapp/webhook", summary="WhatsApp through Twilio (incoming message webhook)")
async def whatsapp(request: Request, body: BodyDep, settings: ChannelSettingsDep,
                   forwarder: ForwarderDep) -> Response:
    return await _twilio("whatsapp", request, body, settings, forwarder)
