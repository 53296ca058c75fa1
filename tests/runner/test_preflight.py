"""Before starting: a missing or corrupt catalogue or conversation database is one clear
sentence and exit code 2; nothing stored is touched."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest

from runner.__main__ import main
from runner.preflight import catalogue_problem, model_problem, prepare_tracker


def catalogue(path: Path, rows: int = 1) -> Path:
    with sqlite3.connect(path) as conn:
        conn.execute("create table procedures (id text)")
        conn.executemany("insert into procedures values (?)", [(str(i),) for i in range(rows)])
    return path


def test_a_usable_catalogue_passes(tmp_path: Path):
    assert catalogue_problem(catalogue(tmp_path / "c.db")) is None


@pytest.mark.parametrize(("content", "expected"), [
    (None, "is missing: build it with `make catalogue`"),
    (b"this is no database at all" * 100, "is not usable (file is not a database)"),
    (b"", "is not usable (no such table: procedures)"),
])
def test_a_missing_or_corrupt_catalogue_is_named_and_left_alone(tmp_path: Path,
                                                                content: bytes | None,
                                                                expected: str):
    path = tmp_path / "c.db"
    if content is not None:
        path.write_bytes(content)
    assert expected in str(catalogue_problem(path))
    if content is not None:
        assert path.read_bytes() == content  # never repaired or deleted


def test_an_empty_catalogue_is_named(tmp_path: Path):
    assert "has no procedures" in str(catalogue_problem(catalogue(tmp_path / "c.db", 0)))


def test_the_conversation_database_is_switched_to_wal(tmp_path: Path):
    path = tmp_path / "tracker.db"
    assert prepare_tracker(path) is None
    with sqlite3.connect(path) as conn:
        assert conn.execute("pragma journal_mode").fetchone()[0] == "wal"


def test_a_corrupt_conversation_database_is_kept(tmp_path: Path):
    path = tmp_path / "tracker.db"
    path.write_bytes(b"garbage" * 1000)
    assert "move it away" in str(prepare_tracker(path))
    assert path.read_bytes() == b"garbage" * 1000


def test_a_broken_model_file_is_named(tmp_path: Path):
    import io
    import tarfile

    assert "is missing: train it with `make model`" in str(model_problem(tmp_path / "m"))
    truncated = tmp_path / "truncated.tar.gz"
    truncated.write_bytes(b"\x1f\x8b\x08\x00" + b"0" * 50)
    assert "not a readable model archive" in str(model_problem(truncated))
    foreign = tmp_path / "foreign.tar.gz"
    with tarfile.open(foreign, "w:gz") as archive:
        info = tarfile.TarInfo("readme.txt")
        archive.addfile(info, io.BytesIO(b""))
    assert "has no metadata.json" in str(model_problem(foreign))


@pytest.mark.slow
def test_the_real_model_passes():
    from runner.settings import get_runner_settings

    model = get_runner_settings().rasa_model
    if not model.exists():
        pytest.fail("models/wegweiser.tar.gz is missing: run the tests with `make test`")
    assert model_problem(model) is None


def test_the_runner_refuses_to_start_with_a_corrupt_catalogue(tmp_path: Path, capsys,
                                                              monkeypatch: pytest.MonkeyPatch):
    from catalogue.settings import get_catalogue_settings

    broken = tmp_path / "catalogue.db"
    broken.write_bytes(b"not sqlite" * 100)
    from runner.settings import get_runner_settings

    model = get_runner_settings().rasa_model
    monkeypatch.setenv("WEGWEISER_DB_PATH", str(broken))
    get_catalogue_settings.cache_clear()
    try:
        code = main(["--model", str(model), "--rasa-bin", sys.executable,
                     "--tracker-db", str(tmp_path / "tracker.db")])
    finally:
        get_catalogue_settings.cache_clear()
    assert code == 2
    assert "cannot start: the catalogue database" in capsys.readouterr().err
