"""Dependencies as named types, so routers declare what they need and tests override it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

from fastapi import Depends, Request

from bot.outage import OutageReply
from bot.rasa_client import RasaClient
from bot.ratelimit import ChatRateLimiter
from bot.settings import BotSettings, get_settings

if TYPE_CHECKING:
    from catalogue.search import SearchEngine


def get_rasa_client(request: Request) -> RasaClient:
    client = request.app.state.rasa_client
    if not isinstance(client, RasaClient):  # set by the app's lifespan; typed here once
        raise RuntimeError("the web app was started without its Rasa client")
    return client


def get_outage_reply(request: Request) -> OutageReply:
    reply = request.app.state.outage_reply
    if not isinstance(reply, OutageReply):  # set by the app's lifespan; typed here once
        raise RuntimeError("the web app was started without its outage reply")
    return reply


def get_rate_limiter(request: Request) -> ChatRateLimiter:
    limiter = request.app.state.rate_limiter
    if not isinstance(limiter, ChatRateLimiter):  # set by create_app; typed here once
        raise RuntimeError("the web app was created without its rate limiter")
    return limiter


def get_engine() -> SearchEngine:
    # Imported lazily: the search engine pulls in torch, which the chat path never needs.
    from catalogue.search import get_search_engine

    return get_search_engine()


SettingsDep = Annotated[BotSettings, Depends(get_settings)]
RasaDep = Annotated[RasaClient, Depends(get_rasa_client)]
OutageDep = Annotated[OutageReply, Depends(get_outage_reply)]
RateLimitDep = Annotated[ChatRateLimiter, Depends(get_rate_limiter)]
SearchEngineDep = Annotated["SearchEngine", Depends(get_engine)]
