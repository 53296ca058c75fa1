"""Dependencies of the channel routers as named types (tests override them)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, HTTPException, Request

from bot.channels.forward import ChannelForwarder
from bot.channels.settings import ChannelSettings

# A webhook body larger than this is no chat message (Bot Framework activities with
# attachments are the largest, a few kB).
MAX_BODY_BYTES = 256 * 1024


def get_forwarder(request: Request) -> ChannelForwarder:
    forwarder = request.app.state.channel_forwarder
    if not isinstance(forwarder, ChannelForwarder):  # set by the app's lifespan
        raise RuntimeError("the web app was started without its channel forwarder")
    return forwarder


def get_app_channel_settings(request: Request) -> ChannelSettings:
    """The channel settings the app was created with (`create_app(channels=...)`)."""
    settings = request.app.state.channel_settings
    if not isinstance(settings, ChannelSettings):  # set by create_app
        raise RuntimeError("the web app was created without its channel settings")
    return settings


async def raw_body(request: Request) -> bytes:
    """The request body exactly as sent (signatures are over these bytes)."""
    length = request.headers.get("content-length", "")
    if length.isdigit() and int(length) > MAX_BODY_BYTES:
        raise HTTPException(413, "webhook body too large")
    body = await request.body()
    if len(body) > MAX_BODY_BYTES:
        raise HTTPException(413, "webhook body too large")
    return body


def headers_of(request: Request) -> list[tuple[str, str]]:
    return [(name.decode("latin-1"), value.decode("latin-1"))
            for name, value in request.headers.raw]


ChannelSettingsDep = Annotated[ChannelSettings, Depends(get_app_channel_settings)]
ForwarderDep = Annotated[ChannelForwarder, Depends(get_forwarder)]
BodyDep = Annotated[bytes, Depends(raw_body)]
