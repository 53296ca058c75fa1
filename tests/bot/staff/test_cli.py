"""The accounts CLI: create (password shown once), reset, disable, role, list, audit."""

from __future__ import annotations

import io
import time
from pathlib import Path

import pytest

from bot.staff import accounts
from bot.staff.cli import main
from bot.staff.db import staff_engine


def test_accounts_from_the_shell(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                 monkeypatch: pytest.MonkeyPatch):
    url = f"sqlite:///{tmp_path / 'staff.db'}"
    assert main(["--db", url, "users", "create", "anna", "--role", "editor"]) == 0
    password = capsys.readouterr().out.split("password (shown once): ")[1].strip()
    engine = staff_engine(url)
    assert accounts.authenticate(engine, "anna", password, max_failures=5,
                                 lockout_seconds=60).reason == "ok"
    assert main(["--db", url, "users", "create", "anna"]) == 2
    assert "gibt es schon" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO("ein-neues-langes-passwort\n"))
    assert main(["--db", url, "users", "reset", "anna", "--password-stdin"]) == 0
    assert "shown once" not in capsys.readouterr().out
    assert accounts.authenticate(engine, "anna", "ein-neues-langes-passwort", max_failures=5,
                                 lockout_seconds=60).reason == "ok"
    monkeypatch.setattr("sys.stdin", io.StringIO("kurz\n"))
    assert main(["--db", url, "users", "reset", "anna", "--password-stdin"]) == 2
    assert main(["--db", url, "users", "disable", "anna"]) == 0
    assert accounts.find(engine, "anna").disabled  # type: ignore[union-attr]
    assert main(["--db", url, "users", "role", "anna", "admin"]) == 0
    assert main(["--db", url, "users", "list"]) == 0
    assert "anna" in capsys.readouterr().out
    assert main(["--db", url, "users", "disable", "nobody"]) == 2
    assert main(["--db", url, "audit"]) == 0
    log = capsys.readouterr().out
    assert "user_created" in log and "password_reset" in log and "cli:" in log
    stored = (tmp_path / "staff.db").read_bytes()
    assert password.encode() not in stored and b"$argon2id$" in stored


def test_prune_follows_retention(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    from benchmarks import tracker_data
    from bot.staff import audit, reviews

    tracker = tmp_path / "tracker.db"
    tracker_data.generate(tracker, 3)
    url = f"sqlite:///{tmp_path / 'staff.db'}"
    engine = staff_engine(url)
    reviews.save(engine, "gen-000001", "fix", "Notiz", "anna")
    reviews.save(engine, "deleted-by-retention", "fix", "Notiz", "anna")
    audit.record(engine, "anna", "view_list")
    args = ["--db", url, "prune", "--tracker", f"sqlite:///{tracker}"]
    assert main([*args, "--audit-days", "365"]) == 0
    assert "deleted 1 review note(s)" in capsys.readouterr().out
    assert reviews.get(engine, "gen-000001") is not None
    assert reviews.get(engine, "deleted-by-retention") is None
    assert audit.entries(engine)[1] == 1
    time.sleep(0.2)
    assert main([*args, "--audit-days", "0.000001"]) == 0  # 0.09 s
    assert audit.entries(engine)[1] == 0
    assert main(["--db", url, "prune", "--tracker", "sqlite:////nowhere/x.db"]) == 2
