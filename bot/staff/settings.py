"""Typed settings of the staff review (`/staff`); every value is WEGWEISER_<NAME>."""

from __future__ import annotations

import ipaddress
from functools import lru_cache
from typing import Annotated, Literal

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
# Loopback and the private ranges: the Landratsamt's own network, never the internet.
PRIVATE = "127.0.0.0/8,::1/128,10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,fc00::/7"


class StaffSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="WEGWEISER_", extra="ignore")

    # The conversation log, read-only, by its SQLAlchemy URL (as in endpoints.yml);
    # e.g. postgresql+psycopg://reader@db/rasa for a PostgreSQL tracker store.
    tracker_db_url: str = "sqlite:///var/tracker.db"
    # Staff accounts, sessions, review notes and the audit log (own database).
    staff_db_url: str = "sqlite:///var/staff.db"
    # Serve /staff from the public web app too; false = only from the separate staff app
    # (`uvicorn bot.staff.app:create_staff_app --factory --host … --port …`).
    staff_on_main_app: bool = True
    # Client networks that may reach /staff at all (others get 404); the client IP is
    # read as for the rate limits (WEGWEISER_TRUSTED_PROXIES).
    staff_allowed_networks: Annotated[list[Network], NoDecode] = Field(
        default_factory=lambda: _networks(PRIVATE))
    # Session cookie flag Secure: auto = when the request came over HTTPS (behind the
    # TLS proxy with uvicorn's --proxy-headers), always, or never (plain-HTTP tests).
    staff_cookie_secure: Literal["auto", "always", "never"] = "auto"
    # A session ends after this many minutes without a request (and after 12 h anyway).
    staff_idle_minutes: int = Field(default=30, ge=1, le=720)
    # Wrong passwords in a row before an account is locked, and for how long.
    staff_max_failed_logins: int = Field(default=5, ge=1)
    staff_lockout_minutes: int = Field(default=15, ge=1)
    # Login attempts one client IP may make per 10 minutes (any account); more get 429.
    staff_login_attempts_per_ip: int = Field(default=20, ge=1)

    @field_validator("staff_allowed_networks", mode="before")
    @classmethod
    def _parse_networks(cls, value: object) -> list[Network]:
        if isinstance(value, str):
            return _networks(value)
        if isinstance(value, list):
            return _networks(",".join(str(item) for item in value))
        raise ValueError("comma-separated networks expected, e.g. 10.20.0.0/16,127.0.0.1")


def _networks(text: str) -> list[Network]:
    networks: list[Network] = []
    for item in (part.strip() for part in text.split(",")):
        if not item:
            continue
        try:
            networks.append(ipaddress.ip_network(item, strict=False))
        except ValueError:
            raise ValueError(f"not an IP network: {item}") from None
    return networks


@lru_cache
def get_staff_settings() -> StaffSettings:
    return StaffSettings()
