"""Typed settings of the process runner; every value can be set as WEGWEISER_<NAME>.

Where the web app listens (host, port) and Rasa's API token belong to the web app's
settings (`bot.settings`), which the runner reads, so no variable is defined twice.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

ROOT = Path(__file__).resolve().parent.parent


class RunnerSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="WEGWEISER_", extra="ignore")

    # Loopback ports of the two internal servers (Rasa's webhooks have no authentication).
    rasa_port: int = Field(default=5005, ge=1, le=65535)
    actions_port: int = Field(default=5055, ge=1, le=65535)
    # The trained dialogue model `make model` writes (and the Rasa story test replays).
    rasa_model: Path = ROOT / "models" / "wegweiser.tar.gz"
    # Full output of every process, one file each; the console shows only what matters.
    log_dir: Path = ROOT / "var" / "log"
    # Storage limitation (docs/privacy.md): conversations quiet for longer are deleted
    # at start and then daily.
    retention_days: int = Field(default=90, ge=1)
    # Key of the sender pseudonyms (HMAC-SHA256); required once a messenger channel is
    # configured in credentials.yml (their user ids are often phone numbers).
    sender_secret: str = ""


@lru_cache
def get_runner_settings() -> RunnerSettings:
    return RunnerSettings()
