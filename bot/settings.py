"""Typed settings of the web app; every value can be set as WEGWEISER_<NAME>."""

from __future__ import annotations

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


@lru_cache
def get_settings() -> BotSettings:
    return BotSettings()
