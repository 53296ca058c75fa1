"""Typed settings of the web app; every value can be set as WEGWEISER_<NAME>."""

from __future__ import annotations

from functools import lru_cache

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


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


@lru_cache
def get_settings() -> BotSettings:
    return BotSettings()
