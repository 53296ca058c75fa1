"""Every `catalogue` command through click's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from catalogue.cli import cli
from catalogue.db import all_procedures, open_db, replace_catalogue
from catalogue.models import Procedure
from tests.catalogue.conftest import snapshot

SAMPLE = Path(__file__).resolve().parents[2] / "catalogue" / "samples" / "xzufi-sample.xml"


def run(runner, *args: str):
    return runner.invoke(cli, [str(a) for a in args], catch_exceptions=False)


def test_every_command_has_help_with_an_example(runner):
    for name, command in cli.commands.items():
        assert command.help and "Example:" in command.help, name
        assert run(runner, name, "--help").exit_code == 0


def test_build_then_up_to_date_then_force(runner, tmp_path, data_dir):
    db = tmp_path / "c.db"
    first = run(runner, "build", "--db", db, "--data-dir", data_dir, "--no-embeddings")
    assert first.exit_code == 0 and "3 procedures, 2 gemeinden" in first.stdout
    assert "Up to date" in run(runner, "build", "--db", db, "--data-dir", data_dir,
                               "--no-embeddings").stdout
    assert "Built" in run(runner, "build", "--db", db, "--data-dir", data_dir, "--force",
                          "--no-embeddings").stdout


def test_build_error_is_one_line_and_keeps_the_old_db(runner, db_file, data_dir):
    before = snapshot(db_file)
    (data_dir / "procedures" / "kfz.yaml").write_text("procedures: [{id: Bad Id}]\n")
    result = run(runner, "build", "--db", db_file, "--data-dir", data_dir, "--no-embeddings")
    assert result.exit_code == 1
    assert "kfz.yaml:1" in result.stderr and "Traceback" not in result.output
    assert snapshot(db_file) == before


def test_validate_ok_and_errors(runner, data_dir):
    ok = run(runner, "validate", "--data-dir", data_dir, "--expected-gemeinden", 2)
    assert ok.exit_code == 0
    assert "3 procedures (2 Landratsamt, 1 elsewhere), 2 gemeinden" in ok.stdout
    assert "2 of 3 procedures have url_verified: false" in ok.stderr
    wrong_count = run(runner, "validate", "--data-dir", data_dir)
    assert wrong_count.exit_code == 1 and "2 gemeinden, expected 31" in wrong_count.stderr
    path = data_dir / "procedures" / "gemeinde.yaml"
    path.write_text(path.read_text().replace("https://www.muehldorf.de/buergerbuero",
                                             "http://www.muehldorf.de"))
    bad = run(runner, "validate", "--data-dir", data_dir, "--expected-gemeinden", 2)
    assert bad.exit_code == 1
    assert "gemeinde.yaml:7, record 'personalausweis', field 'info_url'" in bad.stderr


@pytest.mark.parametrize("fmt", ["csv", "json", "xzufi"])
def test_export_then_import_round_trips(runner, db_file, tmp_path, fmt):
    out = tmp_path / f"export.{fmt}"
    assert run(runner, "export", "--db", db_file, "--format", fmt, "-o", out).exit_code == 0
    target = tmp_path / "target.db"
    result = run(runner, "import", out, "--format", fmt, "--db", target, "--no-embeddings",
                 "--department", "Abteilung")
    assert result.exit_code == 0, result.output
    assert "Imported 3 procedures (replace): 0 -> 3" in result.stdout
    original = all_procedures(open_db(db_file))
    imported = all_procedures(open_db(target))
    if fmt == "xzufi":
        assert [p.title for p in imported] == [p.title for p in original]
    else:
        assert imported == original


def test_export_to_stdout_and_with_gemeinden(runner, db_file):
    result = run(runner, "export", "--db", db_file, "--with-gemeinden")
    payload = json.loads(result.stdout)
    assert len(payload["procedures"]) == 3 and len(payload["gemeinden"]) == 2
    assert run(runner, "export", "--db", db_file, "--format", "csv",
               "--with-gemeinden").exit_code == 2


def test_export_without_database(runner, tmp_path):
    result = run(runner, "export", "--db", tmp_path / "none.db")
    assert result.exit_code == 1 and "catalogue build" in result.stderr


def test_import_xzufi_sample_reports_unknown_elements(runner, db_file):
    result = run(runner, "import", SAMPLE, "--db", db_file, "--mode", "merge",
                 "--no-embeddings")
    assert result.exit_code == 0
    assert "warning: not imported: schreibe/leistung/modulFrist" in result.stderr
    assert "3 -> 7 procedures" in result.stdout


def test_import_dry_run_does_not_touch_the_db(runner, db_file):
    before = snapshot(db_file)
    result = run(runner, "import", SAMPLE, "--db", db_file, "--dry-run")
    assert "Valid: 4 procedures" in result.stdout and snapshot(db_file) == before


BAD_FILES = {
    "broken.json": b'[{"id": "x",',
    "empty.csv": b"",
    "latin1.csv": "id,title\nä,ö\n".encode("latin-1"),
    "missing-column.csv": b"id,title\nx,y\n",
    "bad-record.json": json.dumps([{"id": "ok-one", "title": "Titel"}]).encode(),
    "bomb.xml": b'<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>',
    "late-error.csv": (b"id,title,short_answer,category,department,responsible_level,"
                       b"responsible,info_url\n"
                       b"neu-eins,Neu eins,Eine kurze Antwort hier.,K1,Abt,landratsamt,LRA,"
                       b"https://x.example.org\n"
                       b"neu-zwei,Neu zwei,Eine kurze Antwort hier.,K1,Abt,landratsamt,LRA,"
                       b"ftp://x\n"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
@pytest.mark.parametrize("mode", ["replace", "merge"])
def test_bad_import_leaves_stored_data_untouched(runner, db_file, tmp_path, name, mode):
    before = snapshot(db_file)
    path = tmp_path / name
    path.write_bytes(BAD_FILES[name])
    result = run(runner, "import", path, "--db", db_file, "--mode", mode, "--no-embeddings")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {path}")
    assert "Traceback" not in result.output
    assert snapshot(db_file) == before


def test_failure_inside_the_write_transaction_rolls_back(db_file, procedures, monkeypatch):
    """A crash half-way through the write (after the delete) must not lose data."""
    import catalogue.db as db_module

    before = snapshot(db_file)
    db = open_db(db_file)
    original = db_module._replace_rows

    def explode(db_, table, rows):
        original(db_, table, rows)
        if table == "procedures":
            raise RuntimeError("disk full")

    monkeypatch.setattr(db_module, "_replace_rows", explode)
    with pytest.raises(RuntimeError):
        replace_catalogue(db, procedures[:1])
    db.close()
    assert snapshot(db_file) == before


def test_import_merge_overwrites_same_id_and_keeps_others(runner, db_file, tmp_path):
    records = [{"id": "kfz-abmeldung", "title": "Neuer Titel", "short_answer": "Neue Antwort hier.",
                "category": "Kat", "department": "Abt", "responsible_level": "landratsamt",
                "responsible": "LRA", "info_url": "https://x.example.org"}]
    path = tmp_path / "one.json"
    path.write_text(json.dumps(records))
    result = run(runner, "import", path, "--db", db_file, "--mode", "merge", "--no-embeddings")
    assert "3 -> 3 procedures" in result.stdout
    db = open_db(db_file)
    assert db["procedures"].get("kfz-abmeldung")["title"] == "Neuer Titel"
    # the FTS index follows the upsert (update trigger), so search sees the new title
    assert db.execute("select count(*) from procedures_fts where procedures_fts "
                      "match 'Neuer'").fetchone()[0] == 1
    replaced = run(runner, "import", path, "--db", db_file, "--no-embeddings")
    assert "3 -> 1 procedures" in replaced.stdout
    assert open_db(db_file)["gemeinden"].count == 2  # no gemeinden in the file: kept


def test_stats_text_and_json(runner, db_file):
    text = run(runner, "stats", "--db", db_file)
    assert "procedures:     3" in text.stdout and "Kfz-Zulassungsstelle: 2" in text.stdout
    counts = json.loads(run(runner, "stats", "--db", db_file, "--json").stdout)
    assert counts["landratsamt"] == 2 and counts["elsewhere"] == 1
    assert counts["gemeinden"] == 2
    assert counts["url_verified"] == {"true": 1, "false": 2}
    assert counts["online_url"] == {"with": 1, "without": 2}


@pytest.fixture
def real_engine(monkeypatch, db_file):
    """The real search engine over the fixture db, lexical signals only (no model load)."""
    from catalogue.db import get_db
    from catalogue.search import get_search_engine
    from catalogue.settings import get_catalogue_settings

    monkeypatch.setenv("WEGWEISER_DB_PATH", str(db_file))
    monkeypatch.setenv("WEGWEISER_EMBEDDING_MODEL", "none")
    caches = (get_catalogue_settings, get_db, get_search_engine)
    for getter in caches:
        getter.cache_clear()
    yield
    for getter in caches:
        getter.cache_clear()


def test_search_uses_the_engine(runner, real_engine):
    text = run(runner, "search", "auto abmelden", "--limit", 3)
    first = next(line for line in text.stdout.splitlines() if line.startswith("1. ["))
    assert "Fahrzeug abmelden (kfz-abmeldung)" in first
    assert "https://i-kfz.example.org/abmeldung" in text.stdout
    payload = json.loads(run(runner, "search", "auto abmelden", "--json").stdout)
    assert payload["hits"][0]["id"] == "kfz-abmeldung"
    assert payload["decision"] in {"answer", "choose"}
    bad = run(runner, "search", "??")
    assert bad.exit_code == 1 and "unusable query" in bad.stderr


def test_check_links_cli(runner, tmp_path, local_server, monkeypatch, procedures):
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    db_path = tmp_path / "links.db"
    db = open_db(db_path)
    # models only accept https, so plant local http URLs straight into the rows
    replace_catalogue(db, procedures[:1])
    db.execute("update procedures set info_url = ?, online_url = ?",
               [f"{local_server}/old", f"{local_server}/missing"])
    db.close()
    report = tmp_path / "links.json"
    result = run(runner, "check-links", "--db", db_path, "--timeout", 5, "--report", report)
    assert result.exit_code == 1
    entries = {e["url"]: e for e in json.loads(report.read_text())["links"]}
    assert entries[f"{local_server}/missing"]["status"] == 404
    assert entries[f"{local_server}/old"]["final_url"] == f"{local_server}/ok"
    assert f"BROKEN 404 {local_server}/missing" in result.stdout
    assert f"-> {local_server}/ok" in result.stdout
    assert "2 links (2 distinct URLs): 1 ok, 1 broken" in result.stdout
    only = run(runner, "check-links", "--db", db_path, "--only-unverified", "--report", report)
    assert only.exit_code == 0 and "no links to check" in only.stdout


def test_python_dash_m_entry_point():
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "catalogue", "--help"], capture_output=True,
                            text=True, cwd=Path(__file__).resolve().parents[2], check=False)
    assert result.returncode == 0 and "check-links" in result.stdout


def test_procedure_model_is_what_import_validates():
    assert "responsible" in Procedure.model_fields


def test_import_to_sources_survives_the_next_build(runner, data_dir, tmp_path):
    sample = Path(__file__).resolve().parents[2] / "catalogue" / "samples" / "xzufi-sample.xml"
    target = data_dir / "procedures" / "imported-sample.yaml"
    written = run(runner, "import", sample, "--to-sources", target)
    assert written.exit_code == 0 and target.exists()
    db_path = tmp_path / "c.db"
    run(runner, "build", "--db", db_path, "--data-dir", data_dir, "--no-embeddings")
    ids = {p.id for p in all_procedures(open_db(db_path))}
    assert "kfz-abmeldung" in ids and any(i.startswith("beispiel-") for i in ids)


def test_import_to_sources_refuses_ids_of_other_files(runner, data_dir, tmp_path):
    existing = data_dir / "procedures"
    before = {p.name: p.read_text() for p in existing.glob("*.yaml")}
    clash = tmp_path / "clash.json"
    clash.write_text(run(runner, "export", "--format", "json", "--db",
                         _db_from(runner, data_dir, tmp_path)).stdout)
    result = runner.invoke(cli, ["import", str(clash), "--to-sources",
                                 str(existing / "imported.yaml")])
    assert result.exit_code == 1 and "already defined" in result.stderr
    assert {p.name: p.read_text() for p in existing.glob("*.yaml")} == before


def _db_from(runner, data_dir: Path, tmp_path: Path) -> str:
    db_path = tmp_path / "src.db"
    run(runner, "build", "--db", db_path, "--data-dir", data_dir, "--no-embeddings")
    return str(db_path)
