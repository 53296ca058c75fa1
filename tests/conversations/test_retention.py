"""Retention: whole old conversations deleted, and their text gone from the file bytes."""

from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path

import pytest

from conversations.retention import RetentionError, apply_retention, main

DAY = 86400.0
NOW = time.time()
MARKER_OLD = "ZQXJ-old-conversation-marker-4711"
MARKER_NEW = "ZQXJ-new-conversation-marker-0815"


def tracker_db(path: Path) -> Path:
    """A tracker store like Rasa's (table `events`, WAL mode) with three conversations."""
    conn = sqlite3.connect(path)
    conn.execute("pragma journal_mode=wal")
    conn.execute("create table events (id integer primary key, sender_id text, "
                 "type_name text, timestamp real, intent_name text, action_name text, "
                 "data text)")
    rows = [("old", NOW - 200 * DAY, MARKER_OLD), ("old", NOW - 120 * DAY, MARKER_OLD),
            # active again recently: the whole conversation stays
            ("mixed", NOW - 200 * DAY, "early turn"), ("mixed", NOW - 1 * DAY, "late turn"),
            ("new", NOW - 2 * DAY, MARKER_NEW)]
    for sender, at, text in rows:
        conn.execute("insert into events (sender_id, type_name, timestamp, data) "
                     "values (?, 'user', ?, ?)",
                     (sender, at, json.dumps({"event": "user", "text": text * 20})))
    conn.commit()  # stays in the WAL until a checkpoint
    conn.close()
    return path


def raw_bytes(db: Path) -> bytes:
    wal = db.with_name(db.name + "-wal")
    return db.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def senders(db: Path) -> set[str]:
    with sqlite3.connect(db) as conn:
        return {row[0] for row in conn.execute("select distinct sender_id from events")}


def test_dry_run_lists_and_deletes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    db = tracker_db(tmp_path / "tracker.db")
    assert main(["--days", "90", "--db", str(db), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("would delete 1 conversation(s) (2 events)") and "  old " in out
    assert senders(db) == {"old", "mixed", "new"}


def test_old_conversations_are_deleted_and_their_text_is_gone_from_the_file(tmp_path: Path):
    db = tracker_db(tmp_path / "tracker.db")
    assert MARKER_OLD.encode() in raw_bytes(db)
    result = apply_retention(db, 90)
    assert [item.sender_id for item in result.expired] == ["old"] and result.events == 2
    assert senders(db) == {"mixed", "new"}
    assert MARKER_OLD.encode() not in raw_bytes(db)  # database file and -wal
    assert MARKER_NEW.encode() in raw_bytes(db)
    assert result.wal_truncated


def test_a_fresh_empty_database_is_no_error(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]):
    empty = tmp_path / "tracker.db"
    sqlite3.connect(empty).close()
    empty.touch()
    assert main(["--db", str(empty)]) == 0
    assert "no conversations stored" in capsys.readouterr().out


def test_clear_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    assert main(["--db", str(tmp_path / "missing.db")]) == 2
    assert "no conversation database at" in capsys.readouterr().err
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("create table t (x)").connection.close()
    with pytest.raises(RetentionError, match="no table `events`"):
        apply_retention(other, 90)
    with pytest.raises(RetentionError, match="--days must be positive"):
        apply_retention(other, 0)


def test_the_byte_search_would_see_a_plain_delete(tmp_path: Path):
    """Without secure_delete (some SQLite builds default to off) the deleted text stays
    in the file, so the byte search above really tests the overwriting."""
    db = tracker_db(tmp_path / "tracker.db")
    conn = sqlite3.connect(db)
    conn.execute("pragma secure_delete = off")
    conn.execute("pragma wal_checkpoint(truncate)")
    conn.execute("delete from events where sender_id = 'old'")
    conn.commit()
    conn.execute("pragma wal_checkpoint(truncate)")
    conn.close()
    assert MARKER_OLD.encode() in raw_bytes(db)
