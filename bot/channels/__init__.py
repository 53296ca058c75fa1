"""Messenger webhooks: the web app is their only public ingress.

One router per platform verifies what Rasa does not (secret token, signature, token,
timestamp age), then forwards the raw body and original headers to Rasa's webhook on
loopback (`forward.py`). Only the routers of channels that are on are mounted; the
others answer 404 and are named as off at start (`settings.py`).
"""

from __future__ import annotations

from fastapi import APIRouter

from bot.channels import botframework, facebook, rocketchat, slack, telegram, twilio
from bot.channels.settings import ChannelSettings

ROUTERS: dict[str, APIRouter] = {
    "telegram": telegram.router, "twilio": twilio.router, "whatsapp": twilio.router,
    "facebook": facebook.router, "slack": slack.router, "rocketchat": rocketchat.router,
    "botframework": botframework.router,
}


def enabled_routers(settings: ChannelSettings) -> list[APIRouter]:
    """The routers of the channels that are on (Twilio's once for SMS and WhatsApp)."""
    routers: list[APIRouter] = []
    for name in sorted(settings.enabled()):
        if ROUTERS[name] not in routers:
            routers.append(ROUTERS[name])
    return routers
