"""Server-side sessions: the cookie carries a random token, the database only its hash,
with the session's CSRF token, its start and its last use."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass

from sqlalchemy import Engine, delete, insert, select, update

from bot.staff.db import SESSIONS

COOKIE = "wegweiser_staff"
MAX_AGE_SECONDS = 12 * 3600  # a session ends after 12 h, however active


@dataclass(frozen=True)
class Session:
    user_id: int
    csrf_token: str
    token_hash: str


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def start(engine: Engine, user_id: int) -> tuple[str, Session]:
    """A new session; returns the cookie value and the session."""
    token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    now = time.time()
    with engine.begin() as conn:  # forget sessions that can no longer be used
        conn.execute(delete(SESSIONS).where(SESSIONS.c.created_at < now - MAX_AGE_SECONDS))
        conn.execute(insert(SESSIONS).values(token_hash=_hash(token), user_id=user_id,
                                             csrf_token=csrf, created_at=now, last_seen=now))
    return token, Session(user_id, csrf, _hash(token))


def lookup(engine: Engine, token: str, idle_seconds: float) -> Session | None:
    """The live session of a cookie value (and mark it used), or None."""
    if not token or len(token) > 100:
        return None
    now, digest = time.time(), _hash(token)
    with engine.begin() as conn:
        row = conn.execute(select(SESSIONS).where(SESSIONS.c.token_hash == digest)).first()
        if row is None:
            return None
        m = row._mapping
        if now - float(m["last_seen"]) > idle_seconds or \
                now - float(m["created_at"]) > MAX_AGE_SECONDS:
            conn.execute(delete(SESSIONS).where(SESSIONS.c.token_hash == digest))
            return None
        conn.execute(update(SESSIONS).where(SESSIONS.c.token_hash == digest)
                     .values(last_seen=now))
    return Session(int(m["user_id"]), str(m["csrf_token"]), digest)


def end(engine: Engine, session: Session) -> None:
    with engine.begin() as conn:
        conn.execute(delete(SESSIONS).where(SESSIONS.c.token_hash == session.token_hash))


def csrf_ok(expected: str, given: str | None) -> bool:
    return bool(given) and hmac.compare_digest(expected.encode(), str(given).encode())
