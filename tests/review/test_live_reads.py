"""Reading the live tracker store while Rasa writes (docs/staff.md#live-reads).

Rasa 3.6's engine (SQLAlchemy 1.4, file SQLite → NullPool) opens a connection per
session and closes it; the last connection to close checkpoints the WAL and deletes the
`-wal` and `-shm` files. A process that keeps a connection open *and* opens and closes
the database file by other means (`Path.read_bytes`, `shutil.copyfile`) loses its POSIX
locks on close (they belong to the process, not the descriptor): Rasa then believes it is
alone, deletes the WAL files, and every connection of the reading process keeps using
the deleted, stale `-shm` → "database disk image is malformed" until that process's
connections are all closed. The file itself is intact. That is what the e2e tests did:
`with sqlite3.connect(...)` does not close the connection, and a later test read the
file's bytes. The staff reader holds no connection between reads (NullPool, read-only),
so even a file read beside it cannot strand it.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from benchmarks import tracker_data
from review import store, transcript
from review.index import ConversationIndex

# Rasa's write pattern: one short-lived connection per turn, closed after the commit.
WRITER = textwrap.dedent("""
    import json, sys, time
    import sqlalchemy as sa
    from sqlalchemy.pool import NullPool  # Rasa 3.6 / SQLAlchemy 1.4's default for files
    engine = sa.create_engine(f"sqlite:///{sys.argv[1]}?timeout=20", poolclass=NullPool)
    end, n = time.time() + float(sys.argv[2]), 0
    while time.time() < end:
        with engine.begin() as conn:
            for _ in range(3):
                data = json.dumps({"event": "bot", "text": "x" * 1500, "timestamp": time.time()})
                conn.exec_driver_sql(
                    "insert into events (sender_id, type_name, timestamp, data) "
                    "values (?, 'bot', ?, ?)", (f"w{n % 50}", time.time(), data))
        n += 1
        time.sleep(0.003)
    print(n)
""")
# The e2e tests' old pattern: a connection left open (`with sqlite3.connect()` does not
# close it; it waits for the garbage collector, here switched off to be deterministic),
# then the file read as bytes, then live reads.
BAD_READER = textwrap.dedent("""
    import gc, sqlite3, sys, time, pathlib
    gc.disable()
    db = pathlib.Path(sys.argv[1])

    def earlier_test():
        with sqlite3.connect(db, timeout=30, isolation_level=None) as other_writer:
            other_writer.execute("select count(*) from events").fetchone()

    earlier_test()  # returns; the connection stays open until collected
    errors, end = 0, time.time() + float(sys.argv[2])
    while time.time() < end and errors < 20:
        db.read_bytes()
        try:
            conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
            conn.execute("select count(*), sum(length(data)) from events").fetchone()
            conn.close()
        except sqlite3.DatabaseError as exc:
            errors += "malformed" in str(exc)
    print(errors)
""")


def _start_writer(db: Path, seconds: float) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", WRITER, str(db), str(seconds)],
                            stdout=subprocess.PIPE, text=True)


@pytest.fixture
def live_db(tmp_path: Path) -> Path:
    db = tmp_path / "tracker.db"
    tracker_data.generate(db, 50)  # WAL mode, as the runner's preflight leaves it
    return db


@pytest.mark.slow
def test_a_file_read_beside_an_open_connection_strands_the_reader(live_db: Path):
    writer = _start_writer(live_db, 20)
    time.sleep(0.5)
    try:  # the reader stops after 20 "malformed" reads, or after 15 s
        reader = subprocess.run([sys.executable, "-c", BAD_READER, str(live_db), "15"],
                                capture_output=True, text=True, timeout=60, check=True)
    finally:
        writer.terminate()
        writer.wait(30)
    assert int(reader.stdout) > 0, "expected 'database disk image is malformed'"
    import sqlite3
    conn = sqlite3.connect(live_db)
    assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"  # file intact
    conn.close()


def test_the_staff_reader_stays_correct_beside_a_rasa_like_writer(live_db: Path):
    writer = _start_writer(live_db, 3)
    engine = store.tracker_engine(f"sqlite:///{live_db}")
    index = ConversationIndex(engine, min_interval=0)
    counts = []
    deadline = time.monotonic() + 2.5
    while time.monotonic() < deadline:
        index.refresh()
        counts.append(store.state(engine).count)
        transcript.read(engine, "w1")
        hashlib.sha256(live_db.read_bytes()).hexdigest()  # the trigger, now harmless
    writes = int(writer.communicate(timeout=30)[0])
    index.refresh(force=True)
    assert writes > 10 and counts == sorted(counts)
    assert sum(item.events for item in index.all()) == store.state(engine).count


def test_the_reader_cannot_write(live_db: Path):
    engine = store.tracker_engine(f"sqlite:///{live_db}")
    with engine.connect() as conn, pytest.raises(Exception, match=r"readonly|read-only"):
        conn.exec_driver_sql("delete from events")
    assert store.state(engine).count > 0
    with pytest.raises(store.StoreUnavailable):
        store.state(store.tracker_engine(f"sqlite:///{live_db.with_name('missing.db')}"))
    assert not live_db.with_name("missing.db").exists()  # not created by reading
