"""The reader against a real PostgreSQL tracker store (Rasa's `events` schema), unchanged
code, only another URL: a server the test starts on loopback (`conftest.postgres_url`,
Debian's postgresql from `make test`), or TEST_POSTGRES_URL. The read-only role check
needs the URL's user to be allowed to create roles."""

from __future__ import annotations

import json
import random
import uuid

import pytest
from sqlalchemy import Column, Float, Index, Integer, MetaData, String, Table, Text, text
from sqlalchemy.engine import make_url

from benchmarks import tracker_data
from review import analytics, store, transcript
from review.index import ConversationIndex

pytestmark = pytest.mark.slow


def rasa_events_table() -> Table:
    """Rasa 3.6's SQLEvent on PostgreSQL (id from a sequence, sender_id indexed)."""
    metadata = MetaData()
    return Table("events", metadata,
                 Column("id", Integer, primary_key=True),
                 Column("sender_id", String(255), nullable=False),
                 Column("type_name", String(255), nullable=False),
                 Column("timestamp", Float), Column("intent_name", String(255)),
                 Column("action_name", String(255)), Column("data", Text),
                 Index("ix_events_sender_id", "sender_id"))


def test_reading_a_postgresql_tracker_store(postgres_url: str):
    from sqlalchemy import create_engine

    url = postgres_url
    admin = create_engine(url)
    table = rasa_events_table()
    table.drop(admin, checkfirst=True)
    table.create(admin)
    rng = random.Random(5)
    with admin.begin() as conn:
        for n in range(40):
            events = tracker_data.conversation(rng, 1_780_000_000 + n * 3600, 3)
            conn.execute(table.insert(), [
                {"sender_id": f"pg-{n:03d}", "type_name": e["event"],
                 "timestamp": e.get("timestamp"), "action_name": e.get("name"),
                 "intent_name": None, "data": json.dumps(e)} for e in events])
        conn.execute(table.insert(), [{"sender_id": "pg-bad", "type_name": "user",
                                       "timestamp": 1.0, "data": "{broken"}])
    role = f"staff_reader_{uuid.uuid4().hex[:8]}"
    with admin.begin() as conn:  # what docs/staff.md recommends: SELECT on events only
        conn.execute(text(f"create role {role} login password 'reader-pw'"))
        conn.execute(text(f"grant select on events to {role}"))
    reader_url = make_url(url).set(username=role, password="reader-pw")
    try:
        engine = store.tracker_engine(reader_url.render_as_string(hide_password=False))
        index = ConversationIndex(engine, min_interval=0)
        index.refresh()
        assert len(index.all()) == 41 and index.get("pg-bad").malformed == 1  # type: ignore[union-attr]
        page = transcript.read(engine, "pg-007")
        assert page.total_events > 0 and any(turn.records for turn in page.turns)
        assert analytics.all_tables(index.all())[0].rows
        with admin.begin() as conn:
            conn.execute(table.delete().where(table.c.sender_id == "pg-001"))
        index.refresh()
        assert len(index.all()) == 40  # retention on PostgreSQL: rebuilt
        with engine.connect() as conn, pytest.raises(Exception, match="permission denied"):
            conn.execute(text("delete from events"))
    finally:
        with admin.begin() as conn:
            conn.execute(text(f"revoke all on events from {role}"))
            conn.execute(text(f"drop role {role}"))
        table.drop(admin)
    unreachable = make_url(url).set(port=1).render_as_string(hide_password=False)
    with pytest.raises(store.StoreUnavailable):
        store.state(store.tracker_engine(unreachable))
