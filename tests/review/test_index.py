"""The in-memory conversation index: incremental refresh, rebuild after deletions,
filters; and the summaries' outcomes from turn records and feedback."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from benchmarks import tracker_data
from review import store
from review.index import ConversationIndex, Filters


def test_refresh_reads_only_new_events_and_rebuilds_after_deletion(tmp_path: Path):
    db = tmp_path / "tracker.db"
    tracker_data.generate(db, 20, now=1_780_000_000)
    index = ConversationIndex(store.tracker_engine(f"sqlite:///{db}"), min_interval=0)
    index.refresh()
    assert len(index.all()) == 20
    tracker_data.insert(db, "new", [tracker_data.user(1_790_000_000, "Neue Frage")])
    index.refresh()
    assert len(index.all()) == 21 and index.all()[0].sender_id == "new"
    with sqlite3.connect(db) as conn:  # retention deletes whole conversations
        conn.execute("delete from events where sender_id in ('gen-000001', 'gen-000002')")
    conn.close()
    index.refresh()
    assert len(index.all()) == 19 and index.get("gen-000001") is None


def test_outcomes_and_feedback(tmp_path: Path):
    db = tmp_path / "tracker.db"
    tracker_data.create(db)
    events = [tracker_data.user(1_780_000_000, "Auto abmelden"),
              tracker_data.bot(1_780_000_001, "Hier:", "https://x.example/a"),
              tracker_data.slot(1_780_000_002, "turn_record",
                                tracker_data.record("kfz-abmeldung", "answer", "link_given",
                                                    0.9)),
              tracker_data.slot(1_780_000_003, "feedback", "no")]
    tracker_data.insert(db, "c1", events)
    index = ConversationIndex(store.tracker_engine(f"sqlite:///{db}"), min_interval=0)
    index.refresh()
    item = index.get("c1")
    assert item is not None
    assert item.outcomes == {"link", "negative"} and item.resolution == "answered"
    assert item.feedback == [("kfz-abmeldung", "no")] and item.channel_name == "rest"
    assert index.query(Filters(outcome="negative")).total == 1
    assert index.query(Filters(procedure="kfz-abmeldung")).total == 1
    assert index.query(Filters(date_from=date(2030, 1, 1))).total == 0
    assert index.query(Filters(text="AUTO")).total == 1


def test_the_queries_are_plain_sql_for_postgresql_too():
    """No SQLite-only SQL: every query compiles for PostgreSQL's dialect."""
    from sqlalchemy import func, select
    from sqlalchemy.dialects import postgresql

    from review.store import _COLUMNS, EVENTS

    queries = [select(func.count(), func.coalesce(func.max(EVENTS.c.id), 0)),
               select(*_COLUMNS).where(EVENTS.c.id > 5).order_by(EVENTS.c.id).limit(10),
               select(*_COLUMNS).where(EVENTS.c.sender_id == "x").offset(3).limit(10)]
    for query in queries:
        sql = str(query.compile(dialect=postgresql.dialect()))
        assert "events" in sql and "pragma" not in sql.lower()
