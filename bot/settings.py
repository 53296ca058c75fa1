"""Typed settings of the web app; every value can be set as WEGWEISER_<NAME>."""

from __future__ import annotations

import ipaddress
import re
from functools import lru_cache
from typing import Annotated

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

_ORIGIN = re.compile(r"^https?://[A-Za-z0-9.-]+(:\d{1,5})?$")


class BotSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="WEGWEISER_", extra="ignore")

    # Where the web app listens: the only public ingress of the assistant.
    host: str = "0.0.0.0"
    port: int = Field(default=8000, ge=1, le=65535)
    rasa_url: str = "http://127.0.0.1:5005"
    # Token of Rasa's HTTP API (`rasa run --auth-token`); the runner generates one if unset.
    rasa_token: str = ""
    action_server_url: str = "http://127.0.0.1:5055"
    # A citizen waits at most this long; then the outage reply with the Bürgerservice
    # contact (a normal turn takes ~0.1 s; Rasa's own action timeout is minutes).
    rasa_timeout_seconds: float = Field(default=8.0, gt=0)
    health_timeout_seconds: float = Field(default=3.0, gt=0)
    max_message_chars: int = Field(default=2000, ge=1)
    max_search_limit: int = Field(default=20, ge=1)
    # Load the embedding model and catalogue at start-up, so the first citizen's
    # search is as fast as every other one.
    preload_search: bool = True
    # Sites that may embed the chat (frame-ancestors) and call its API (CORS), as
    # comma-separated origins, e.g. "https://www.lra-mue.de,https://www.ampfing.de".
    embed_origins: Annotated[list[str], NoDecode] = Field(default_factory=list)
    # Chat turns per conversation (sender id) and per client IP within the rate-limit
    # window; the IP ceiling is high because many citizens share one NAT (town hall, school).
    rate_limit_conversation: int = Field(default=20, ge=1)
    rate_limit_client: int = Field(default=300, ge=1)
    rate_limit_window_seconds: float = Field(default=60.0, gt=0)
    # Reverse proxies (IPs or networks, comma-separated) whose X-Forwarded-For is believed;
    # from anyone else the header is ignored, so a spoofed one cannot dodge the IP limit.
    trusted_proxies: Annotated[list[str], NoDecode] = Field(default_factory=list)

    @field_validator("embed_origins", mode="before")
    @classmethod
    def _origins(cls, value: object) -> list[str]:
        items = value.split(",") if isinstance(value, str) else value
        if not isinstance(items, list):
            raise ValueError("comma-separated origins expected")
        origins = [str(item).strip().rstrip("/") for item in items if str(item).strip()]
        bad = [origin for origin in origins if not _ORIGIN.match(origin)]
        if bad:
            raise ValueError(f"not an origin like https://www.example.de: {', '.join(bad)}")
        return origins

    @field_validator("trusted_proxies", mode="before")
    @classmethod
    def _proxies(cls, value: object) -> list[str]:
        items = value.split(",") if isinstance(value, str) else value
        if not isinstance(items, list):
            raise ValueError("comma-separated IP addresses or networks expected")
        proxies = [str(item).strip() for item in items if str(item).strip()]
        for proxy in proxies:
            try:
                ipaddress.ip_network(proxy, strict=False)
            except ValueError:
                raise ValueError(f"not an IP address or network: {proxy}") from None
        return proxies


@lru_cache
def get_settings() -> BotSettings:
    return BotSettings()
