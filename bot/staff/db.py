"""The staff database (its own, never the conversation log): accounts, sessions, review
notes and the audit log. SQLAlchemy Core, SQLite by default, PostgreSQL works the same."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import (
    Boolean,
    Column,
    Engine,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    event,
)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

METADATA = MetaData()

USERS = Table(
    "staff_users", METADATA,
    Column("id", Integer, primary_key=True),
    Column("username", String(64), nullable=False, unique=True),
    Column("role", String(16), nullable=False),
    Column("password_hash", String(255), nullable=False),
    Column("disabled", Boolean, nullable=False, default=False),
    Column("failed_logins", Integer, nullable=False, default=0),
    Column("locked_until", Float, nullable=False, default=0.0),
    Column("created_at", Float, nullable=False),
)
SESSIONS = Table(
    "staff_sessions", METADATA,
    Column("token_hash", String(64), primary_key=True),
    Column("user_id", Integer, ForeignKey("staff_users.id"), nullable=False),
    Column("csrf_token", String(64), nullable=False),
    Column("created_at", Float, nullable=False),
    Column("last_seen", Float, nullable=False),
)
AUDIT = Table(
    "staff_audit", METADATA,
    Column("id", Integer, primary_key=True),
    Column("at", Float, nullable=False),
    Column("username", String(64), nullable=False),
    Column("action", String(40), nullable=False),
    Column("target", String(300), nullable=False, default=""),
    Column("detail", Text, nullable=False, default=""),
    Column("client_ip", String(64), nullable=False, default=""),
    Index("ix_staff_audit_at", "at"),
)
REVIEWS = Table(
    "staff_reviews", METADATA,
    Column("sender_id", String(255), primary_key=True),
    Column("status", String(20), nullable=False),
    Column("note", Text, nullable=False, default=""),
    Column("username", String(64), nullable=False),
    Column("at", Float, nullable=False),
)


class StaffDbError(RuntimeError):
    """The staff database cannot be opened; the message is shown to staff."""


def staff_engine(url: str) -> Engine:
    """Engine of the staff database; tables are created if missing."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StaffDbError(f"Die Adresse der Mitarbeiterdatenbank ist ungültig ({exc}).") \
            from exc
    kwargs: dict[str, object] = {}
    if parsed.get_backend_name() == "sqlite":
        kwargs["connect_args"] = {"timeout": 20, "check_same_thread": False}
        if parsed.database and parsed.database != ":memory:":
            try:
                Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StaffDbError(f"Die Mitarbeiterdatenbank {parsed.database} kann nicht "
                                   f"angelegt werden ({exc}).") from exc
        else:
            from sqlalchemy.pool import StaticPool  # one shared in-memory database (tests)

            kwargs["poolclass"] = StaticPool
    engine = create_engine(parsed, **kwargs)
    if parsed.get_backend_name() == "sqlite":
        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_connection: object, _record: object) -> None:
            cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
            cursor.execute("pragma foreign_keys = on")
            cursor.close()
    try:
        METADATA.create_all(engine)
    except (SQLAlchemyError, OSError) as exc:
        raise StaffDbError(f"Die Mitarbeiterdatenbank ist nicht erreichbar: "
                           f"{getattr(exc, 'orig', exc)}") from exc
    return engine
