"""Staff accounts: argon2id password hashes, roles, disabling, lockout after failures."""

from __future__ import annotations

import re
import secrets
import time
from dataclasses import dataclass
from functools import cache
from typing import Literal

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import Engine, insert, select, update

from bot.staff.db import SESSIONS, USERS

Role = Literal["admin", "editor", "viewer"]
ROLES: dict[str, str] = {"viewer": "Lesen", "editor": "Lesen und Prüfvermerke",
                         "admin": "alles, auch Benutzer und Protokoll"}
_RANK = {"viewer": 0, "editor": 1, "admin": 2}
USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,63}$")
MIN_PASSWORD = 12
_HASHER = PasswordHasher()  # argon2id, the library's current parameters


@cache
def _dummy_hash() -> str:
    """Verified for unknown users, so a missing account takes as long as a wrong password
    (made on first use: hashing costs ~0.1 s and 64 MB, not for every import)."""
    return _HASHER.hash(secrets.token_urlsafe(16))


class AccountError(ValueError):
    """A refused account operation; the message is shown (German)."""


@dataclass(frozen=True)
class User:
    id: int
    username: str
    role: Role
    disabled: bool
    failed_logins: int
    locked_until: float

    def may(self, role: Role) -> bool:
        """Has at least the rights of `role`."""
        return _RANK[self.role] >= _RANK[role]


def _user(row: object) -> User:
    m = row._mapping  # type: ignore[attr-defined]
    return User(int(m["id"]), str(m["username"]), m["role"], bool(m["disabled"]),
                int(m["failed_logins"]), float(m["locked_until"]))


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"Das Passwort braucht mindestens {MIN_PASSWORD} Zeichen.")
    return _HASHER.hash(password)


def generate_password() -> str:
    return secrets.token_urlsafe(15)  # 20 characters, ~120 bits


def find(engine: Engine, username: str) -> User | None:
    with engine.connect() as conn:
        row = conn.execute(select(USERS).where(USERS.c.username == username)).first()
    return _user(row) if row else None


def get(engine: Engine, user_id: int) -> User | None:
    with engine.connect() as conn:
        row = conn.execute(select(USERS).where(USERS.c.id == user_id)).first()
    return _user(row) if row else None


def all_users(engine: Engine) -> list[User]:
    with engine.connect() as conn:
        return [_user(row) for row in conn.execute(select(USERS).order_by(USERS.c.username))]


def create(engine: Engine, username: str, role: str, password: str) -> User:
    if not USERNAME.match(username):
        raise AccountError("Benutzername: 2–64 Zeichen, Kleinbuchstaben, Ziffern, . _ -")
    if role not in _RANK:
        raise AccountError(f"Unbekannte Rolle {role!r}: admin, editor oder viewer.")
    if find(engine, username):
        raise AccountError(f"Den Benutzer {username} gibt es schon.")
    with engine.begin() as conn:
        conn.execute(insert(USERS).values(
            username=username, role=role, password_hash=hash_password(password),
            disabled=False, failed_logins=0, locked_until=0.0, created_at=time.time()))
    user = find(engine, username)
    assert user is not None
    return user


def _change(engine: Engine, username: str, **values: object) -> User:
    user = find(engine, username)
    if user is None:
        raise AccountError(f"Den Benutzer {username} gibt es nicht.")
    with engine.begin() as conn:
        conn.execute(update(USERS).where(USERS.c.id == user.id).values(**values))
        if values.get("disabled") or "password_hash" in values:
            conn.execute(SESSIONS.delete().where(SESSIONS.c.user_id == user.id))
    changed = find(engine, username)
    assert changed is not None
    return changed


def set_disabled(engine: Engine, username: str, disabled: bool) -> User:
    """Disable (ends the user's sessions) or enable an account."""
    return _change(engine, username, disabled=disabled)


def reset_password(engine: Engine, username: str, password: str) -> User:
    """New password; unlocks the account and ends its sessions."""
    return _change(engine, username, password_hash=hash_password(password),
                   failed_logins=0, locked_until=0.0)


def set_role(engine: Engine, username: str, role: str) -> User:
    if role not in _RANK:
        raise AccountError(f"Unbekannte Rolle {role!r}: admin, editor oder viewer.")
    return _change(engine, username, role=role)


@dataclass(frozen=True)
class LoginResult:
    user: User | None
    reason: str  # ok | unknown | wrong_password | locked | disabled


def authenticate(engine: Engine, username: str, password: str, *, max_failures: int,
                 lockout_seconds: float, now: float | None = None) -> LoginResult:
    """Check a login; counts failures and locks the account after `max_failures`."""
    now = time.time() if now is None else now
    with engine.connect() as conn:
        row = conn.execute(select(USERS).where(USERS.c.username == username)).first()
    stored = str(row._mapping["password_hash"]) if row else _dummy_hash()
    valid: bool
    try:
        valid = _HASHER.verify(stored, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        valid = False
    if row is None:
        return LoginResult(None, "unknown")
    user = _user(row)
    if user.disabled:
        return LoginResult(None, "disabled")
    if user.locked_until > now:
        return LoginResult(None, "locked")
    with engine.begin() as conn:
        if not valid:
            failures = user.failed_logins + 1
            locked = now + lockout_seconds if failures >= max_failures else 0.0
            conn.execute(update(USERS).where(USERS.c.id == user.id).values(
                failed_logins=0 if locked else failures, locked_until=locked))
            return LoginResult(None, "locked" if locked else "wrong_password")
        values: dict[str, object] = {"failed_logins": 0, "locked_until": 0.0}
        if _HASHER.check_needs_rehash(stored):
            values["password_hash"] = _HASHER.hash(password)
        conn.execute(update(USERS).where(USERS.c.id == user.id).values(**values))
    return LoginResult(user, "ok")
