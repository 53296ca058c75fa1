"""Read-only access to Rasa's SQL tracker store (table `events`) by its SQLAlchemy URL.

SQLite (the default, `sqlite:///var/tracker.db`) and PostgreSQL work the same way: only
SQLAlchemy Core, no dialect-specific SQL. For SQLite the reader

- opens the file read-only (`mode=ro`, `PRAGMA query_only`), so nothing here can write,
  create or convert the file (not even a missing one: that is a clear error);
- opens one connection per read and closes it at once (NullPool), as Rasa's own engine
  does. A connection held open for long in a process is what made live reads fail with
  "database disk image is malformed" in the tests: see docs/staff.md#live-reads. The
  web app never opens the file other than through SQLite;
- waits for a lock rather than failing (WAL readers normally never wait).

Every database problem becomes `StoreUnavailable` with a message for staff; a database
without the `events` table yet (Rasa creates it with the first turn) reads as empty.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import (
    Column,
    Engine,
    Float,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    func,
    select,
)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.pool import NullPool

# Rasa 3.6's SQLTrackerStore.SQLEvent, the columns we read.
EVENTS = Table(
    "events", MetaData(),
    Column("id", Integer, primary_key=True),
    Column("sender_id", String(255)),
    Column("type_name", String(255)),
    Column("timestamp", Float),
    Column("intent_name", String(255)),
    Column("action_name", String(255)),
    Column("data", Text),
)
LOCK_TIMEOUT_SECONDS = 10.0


class StoreUnavailable(RuntimeError):
    """The conversation database cannot be read; the message is shown to staff."""


@dataclass(frozen=True)
class Row:
    id: int
    sender_id: str
    type_name: str
    timestamp: float
    data: str


@dataclass(frozen=True)
class StoreState:
    """How many events there are and the highest id: tells the index what changed."""

    count: int
    max_id: int


def _sqlite_creator(path: Path) -> sqlite3.Connection:
    if not path.is_file():
        raise StoreUnavailable(f"Die Gesprächsdatenbank {path} gibt es nicht.")
    conn = sqlite3.connect(f"file:{quote(str(path.resolve()))}?mode=ro", uri=True,
                           timeout=LOCK_TIMEOUT_SECONDS, check_same_thread=False)
    conn.execute("pragma query_only = 1")
    return conn


def tracker_engine(url: str) -> Engine:
    """An engine that reads the tracker store at `url`; no connection is opened yet."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StoreUnavailable(f"Die Adresse der Gesprächsdatenbank ist ungültig ({exc}).") \
            from exc
    if parsed.get_backend_name() == "sqlite":
        if not parsed.database or parsed.database == ":memory:":
            raise StoreUnavailable("Die Gesprächsdatenbank braucht eine Datei "
                                   "(sqlite:///var/tracker.db).")
        path = Path(parsed.database)
        return create_engine("sqlite://", creator=lambda: _sqlite_creator(path),
                             poolclass=NullPool)
    try:  # PostgreSQL & co.: a read-only database role is the deployment's job (docs)
        return create_engine(parsed, pool_pre_ping=True, pool_size=2, max_overflow=2)
    except (ArgumentError, ImportError) as exc:
        raise StoreUnavailable(f"Die Gesprächsdatenbank ({parsed.get_backend_name()}) "
                               f"kann nicht geöffnet werden ({exc}).") from exc


def _unavailable(exc: Exception) -> StoreUnavailable:
    if isinstance(exc, StoreUnavailable):
        return exc
    original = getattr(exc, "orig", None) or exc
    if isinstance(original, StoreUnavailable):
        return original
    return StoreUnavailable(f"Die Gesprächsdatenbank ist nicht lesbar: {original}")


def _missing_table(exc: Exception) -> bool:
    text = str(getattr(exc, "orig", None) or exc).lower()
    return "no such table" in text or ("relation" in text and "does not exist" in text)


def state(engine: Engine) -> StoreState:
    """Event count and highest id (0, 0 for a database without conversations yet)."""
    try:
        with engine.connect() as conn:
            count, max_id = conn.execute(
                select(func.count(), func.coalesce(func.max(EVENTS.c.id), 0))).one()
    except (SQLAlchemyError, sqlite3.Error, OSError, StoreUnavailable) as exc:
        if _missing_table(exc):
            return StoreState(0, 0)
        raise _unavailable(exc) from exc
    return StoreState(int(count), int(max_id))


def _rows(result: Sequence[Any]) -> list[Row]:
    return [Row(int(item[0]), str(item[1]), str(item[2] or ""), float(item[3] or 0.0),
                item[4] if isinstance(item[4], str) else "") for item in result]


_COLUMNS = (EVENTS.c.id, EVENTS.c.sender_id, EVENTS.c.type_name, EVENTS.c.timestamp,
            EVENTS.c.data)


def events_after(engine: Engine, after_id: int, limit: int) -> list[Row]:
    """Up to `limit` events with an id above `after_id`, in id order."""
    query = select(*_COLUMNS).where(EVENTS.c.id > after_id).order_by(EVENTS.c.id).limit(limit)
    try:
        with engine.connect() as conn:
            return _rows(conn.execute(query).all())
    except (SQLAlchemyError, sqlite3.Error, OSError, StoreUnavailable) as exc:
        if _missing_table(exc):
            return []
        raise _unavailable(exc) from exc


def conversation(engine: Engine, sender_id: str, offset: int, limit: int
                 ) -> tuple[list[Row], int]:
    """Events `offset` … `offset + limit` of one conversation, and how many it has."""
    where = EVENTS.c.sender_id == sender_id
    try:
        with engine.connect() as conn:
            total = int(conn.execute(select(func.count()).where(where)).scalar_one())
            rows = conn.execute(select(*_COLUMNS).where(where).order_by(EVENTS.c.id)
                                .offset(offset).limit(limit)).all()
    except (SQLAlchemyError, sqlite3.Error, OSError, StoreUnavailable) as exc:
        if _missing_table(exc):
            return [], 0
        raise _unavailable(exc) from exc
    return _rows(rows), total
