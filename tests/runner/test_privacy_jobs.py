"""The runner's privacy duties: the retention job, messenger channels need the secret,
and process output is redacted before it reaches a log file."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

from runner.preflight import messenger_problem
from runner.processes import Service, start
from runner.retention_job import run_retention, start_retention_job


def test_a_messenger_channel_without_secret_refuses_to_start(tmp_path: Path):
    credentials = tmp_path / "credentials.yml"
    credentials.write_text("rest:\ntelegram:\n  access_token: x\n", encoding="utf-8")
    problem = messenger_problem(credentials, "")
    assert problem is not None and "telegram" in problem
    assert "WEGWEISER_SENDER_SECRET" in problem
    assert messenger_problem(credentials, "k" * 32) is None
    credentials.write_text("rest:\n", encoding="utf-8")
    assert messenger_problem(credentials, "") is None


def test_the_retention_job_runs_at_start(tmp_path: Path, capsys):
    db = tmp_path / "tracker.db"
    with sqlite3.connect(db) as conn:
        conn.execute("create table events (sender_id text, timestamp real, data text)")
        conn.execute("insert into events values ('old', ?, 'x')", (time.time() - 400 * 86400,))
        conn.execute("insert into events values ('new', ?, 'y')", (time.time(),))
    assert run_retention(db, 90)
    assert "deleted 1 conversation(s)" in capsys.readouterr().out
    stop = threading.Event()
    thread = start_retention_job(db, 90, stop, interval=3600)
    time.sleep(1.0)
    stop.set()
    thread.join(5)
    assert not thread.is_alive()
    assert "deleted 0 conversation(s)" in capsys.readouterr().out


def test_process_output_is_redacted_in_the_log_file(tmp_path: Path):
    log = tmp_path / "p.log"
    line = "user said max@example.org, IBAN DE89370400440532013000"
    service = Service("probe", ["/bin/echo", line], log_file=log, echo=lambda _line: False)
    start(service)
    service.running().wait(10)
    deadline = time.monotonic() + 5
    while "[E-MAIL]" not in (log.read_text() if log.exists() else "") \
            and time.monotonic() < deadline:
        time.sleep(0.05)
    text = log.read_text()
    assert "user said [E-MAIL], IBAN [IBAN]" in text and "max@" not in text


def test_after_retention_the_staff_review_forgets_notes_on_deleted_conversations(
        tmp_path: Path, capsys):
    from benchmarks import tracker_data
    from bot.staff import reviews
    from bot.staff.db import staff_engine
    from runner.retention_job import staff_db_in_use

    db = tmp_path / "tracker.db"
    tracker_data.generate(db, 2, now=time.time() - 400 * 86400)  # both past retention
    url = f"sqlite:///{tmp_path / 'staff.db'}"
    assert staff_db_in_use(url) is None  # never created by the runner
    engine = staff_engine(url)
    reviews.save(engine, "gen-000001", "fix", "", "anna")
    assert staff_db_in_use(url) == url
    stop = threading.Event()
    thread = start_retention_job(db, 90, stop, interval=3600, staff_db_url=url)
    deadline = time.monotonic() + 60
    while reviews.get(engine, "gen-000001") is not None and time.monotonic() < deadline:
        time.sleep(0.2)
    stop.set()
    thread.join(5)
    out = capsys.readouterr().out
    assert "deleted 2 conversation(s)" in out and "deleted 1 review note(s)" in out
    assert reviews.get(engine, "gen-000001") is None
