"""The web app citizens reach: homepage with chat, chat and search API, health."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from bot import log_privacy, messages, security
from bot.channels import enabled_routers
from bot.channels.forward import FORWARD_TIMEOUT_SECONDS, ChannelForwarder
from bot.channels.settings import ChannelSettings, get_channel_settings
from bot.deps import get_engine
from bot.outage import load_outage_reply
from bot.rasa_client import RasaClient
from bot.ratelimit import ChatRateLimiter
from bot.routers import chat, health, pages, search, widget
from bot.settings import BotSettings, get_settings
from bot.staff import app as staff_app
from bot.staff.settings import get_staff_settings

log = logging.getLogger(__name__)
STATIC = Path(__file__).resolve().parent / "static"


def _readable(exc: RequestValidationError) -> str:
    parts = []
    for error in exc.errors():
        where = ".".join(str(p) for p in error.get("loc", ()) if p != "body") or "request"
        message = str(error.get("msg", "invalid")).removeprefix("Value error, ")
        if error.get("type") == "json_invalid":
            message = messages.INVALID_JSON
        elif error.get("type") == "missing":
            message = messages.MISSING
        parts.append(f"{where}: {message}")
    return "; ".join(parts)


def create_app(settings: BotSettings | None = None,
               channels: ChannelSettings | None = None) -> FastAPI:
    settings = settings or get_settings()
    channels = channels or get_channel_settings()
    log_privacy.install()  # no personal data in the web app's log (docs/privacy.md)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.rasa_client = RasaClient(settings.rasa_url, settings.action_server_url,
                                           settings.rasa_token, settings.rasa_timeout_seconds,
                                           settings.health_timeout_seconds)
        app.state.outage_reply = await asyncio.to_thread(load_outage_reply)
        # Messenger webhooks (bot/channels): verified here, forwarded to Rasa on loopback.
        app.state.channel_forwarder = ChannelForwarder(
            settings.rasa_url, FORWARD_TIMEOUT_SECONDS, channels.channel_dedupe_seconds)
        for state in channels.states():
            (log.info if state.on or not state.partly else log.warning)(state.describe())
        if settings.preload_search:
            await asyncio.to_thread(get_engine)
        yield
        await app.state.rasa_client.close()
        await app.state.channel_forwarder.close()

    # No /docs or /redoc: FastAPI loads their assets from a CDN, and the web app makes
    # no third-party request. The schema stays at /openapi.json.
    app = FastAPI(title="Wegweiser", version="0.1.0", lifespan=lifespan,
                  description="Bürgerassistent des Landratsamts Mühldorf a. Inn",
                  docs_url=None, redoc_url=None)
    security.install(app, settings.embed_origins)
    app.state.channel_settings = channels
    # In this process's memory: one web app process; several need Redis (bot/ratelimit.py).
    app.state.rate_limiter = ChatRateLimiter(
        settings.rate_limit_conversation, settings.rate_limit_client,
        settings.rate_limit_window_seconds, settings.trusted_proxies)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        return JSONResponse({"detail": _readable(exc)}, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        detail = exc.detail
        if exc.status_code == 400 and "parsing the body" in str(detail):
            detail = messages.NOT_UTF8_JSON
        return JSONResponse({"detail": detail}, status_code=exc.status_code,
                            headers=getattr(exc, "headers", None))

    for router in (health.router, search.router, chat.router, pages.router, widget.router,
                   *enabled_routers(channels)):
        app.include_router(router)
    if get_staff_settings().staff_on_main_app:  # else served alone: bot/staff/app.py
        staff_app.install(app)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app
