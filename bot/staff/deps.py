"""What staff routes depend on, as named types: settings, the two databases, the signed-in
user (else redirect to the login), a role, and a form whose CSRF token was checked.

Databases come from cached getters that tests override (no I/O at import time).
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from functools import lru_cache
from typing import Annotated
from urllib.parse import parse_qs

from fastapi import Depends, Request
from sqlalchemy import Engine

from bot.ratelimit import SlidingWindow, client_ip
from bot.settings import get_settings
from bot.staff import accounts, sessions
from bot.staff.db import staff_engine
from bot.staff.settings import StaffSettings, get_staff_settings
from review.index import ConversationIndex
from review.store import tracker_engine

MAX_FORM_BYTES = 64 * 1024
LOGIN_WINDOW_SECONDS = 600


class NotSignedIn(Exception):
    """No valid session: pages redirect to the login, everything else gets 403."""


class Refused(Exception):
    """403 with a reason (CSRF, role) or 400 (unreadable form)."""

    def __init__(self, message: str, status: int = 403) -> None:
        super().__init__(message)
        self.status = status


@lru_cache
def get_staff_db() -> Engine:
    return staff_engine(get_staff_settings().staff_db_url)


@lru_cache
def get_conversation_index() -> ConversationIndex:
    return ConversationIndex(tracker_engine(get_staff_settings().tracker_db_url))


@lru_cache
def get_login_limiter() -> SlidingWindow:
    return SlidingWindow(get_staff_settings().staff_login_attempts_per_ip,
                         LOGIN_WINDOW_SECONDS)


def request_ip(request: Request) -> str:
    trusted = [ipaddress.ip_network(p, strict=False) for p in get_settings().trusted_proxies]
    return client_ip(request, trusted)


@dataclass(frozen=True)
class Staff:
    """The signed-in user of this request."""

    user: accounts.User
    session: sessions.Session
    ip: str


StaffSettingsDep = Annotated[StaffSettings, Depends(get_staff_settings)]
StaffDbDep = Annotated[Engine, Depends(get_staff_db)]
IndexDep = Annotated[ConversationIndex, Depends(get_conversation_index)]
LoginLimiterDep = Annotated[SlidingWindow, Depends(get_login_limiter)]


def current_staff(request: Request, db: StaffDbDep, settings: StaffSettingsDep) -> Staff:
    token = request.cookies.get(sessions.COOKIE, "")
    session = sessions.lookup(db, token, settings.staff_idle_minutes * 60) if token else None
    user = accounts.get(db, session.user_id) if session else None
    if session is None or user is None or user.disabled:
        raise NotSignedIn()
    return Staff(user, session, request_ip(request))


StaffDep = Annotated[Staff, Depends(current_staff)]


def editor(staff: StaffDep) -> Staff:
    if not staff.user.may("editor"):
        raise Refused("Ihre Rolle (Lesen) darf nichts ändern.")
    return staff


def admin(staff: StaffDep) -> Staff:
    if not staff.user.may("admin"):
        raise Refused("Nur Administratoren dürfen das.")
    return staff


EditorDep = Annotated[Staff, Depends(editor)]
AdminDep = Annotated[Staff, Depends(admin)]


async def read_form(request: Request) -> dict[str, str]:
    """An url-encoded form (what every staff form sends), at most 64 KB, UTF-8."""
    if request.headers.get("content-type", "").split(";")[0].strip() != \
            "application/x-www-form-urlencoded":
        raise Refused("Formular erwartet (application/x-www-form-urlencoded).", 400)
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_FORM_BYTES:
            raise Refused("Formular zu groß.", 413)
    try:
        fields = parse_qs(body.decode("utf-8"), keep_blank_values=True, strict_parsing=False,
                          max_num_fields=50)
    except (UnicodeDecodeError, ValueError):
        raise Refused("Formular nicht lesbar.", 400) from None
    return {key: values[0] for key, values in fields.items()}


def same_origin(request: Request) -> bool:
    """A browser's Origin header, if sent, names this site (a second check beside CSRF)."""
    origin = request.headers.get("origin")
    if not origin or origin == "null":
        return origin is None
    host = request.headers.get("host", "")
    return origin.split("://", 1)[-1] == host


async def checked_form(request: Request, staff: StaffDep) -> dict[str, str]:
    """The posted form of a signed-in user, its CSRF token matching the session's."""
    try:
        form = await read_form(request)
    except Refused as exc:  # no readable form means no token either
        if exc.status != 400:
            raise
        form = {}
    if not same_origin(request) or not sessions.csrf_ok(staff.session.csrf_token,
                                                        form.get("csrf")):
        raise Refused("Sicherheitsprüfung (CSRF) fehlgeschlagen: bitte Seite neu laden.")
    return form


FormDep = Annotated[dict[str, str], Depends(checked_form)]
