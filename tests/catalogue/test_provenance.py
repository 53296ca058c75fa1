"""Sources per field, the LeiKa registry, coverage and stale reviews."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from pydantic import ValidationError

from catalogue.build import build
from catalogue.cli import cli
from catalogue.coverage import coverage
from catalogue.errors import CatalogueError
from catalogue.leika import load_leika
from catalogue.models import Procedure
from catalogue.sources import DATA_DIR
from catalogue.validate import validate_sources

BASE = {"id": "x", "title": "Titel", "short_answer": "Eine kurze Antwort hier.",
        "category": "Kategorie", "department": "Abteilung", "responsible_level": "landratsamt",
        "responsible": "LRA", "info_url": "https://www.lra-mue.de/x"}
SOURCE = {"source": "https://example.org/quelle", "checked": "2026-11-30"}


def test_provenance_rules() -> None:
    ok = Procedure(**BASE, fees="30 €", provenance={"fees": {**SOURCE, "verified": True}})
    assert ok.provenance["fees"].verified
    cases = {
        "provenance for unknown field(s): fee": {"fee": SOURCE},
        "provenance for empty field(s): online_url": {"online_url": SOURCE},
        "confirmed_by and confirmed_on go together": {"info_url": {**SOURCE,
                                                                   "confirmed_by": "A. B."}},
    }
    for message, provenance in cases.items():
        with pytest.raises(ValidationError, match=re.escape(message)):
            Procedure(**BASE, provenance=provenance)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))


def test_unknown_or_unsourced_leika_and_online_url_are_errors_and_build_stops(
        data_dir: Path, tmp_path: Path) -> None:
    kfz = data_dir / "procedures" / "kfz.yaml"
    _edit(kfz, 'leika: "99036012104000"', 'leika: "99000000000000"')
    _edit(kfz, "      online_url: {source: test fixture, checked: 2026-11-30}\n", "")
    report = validate_sources(data_dir, expected_gemeinden=2)
    found = {(e.source, e.record, e.field): e.message for e in report.errors}
    assert "unknown LeiKa key 99000000000000" in found[(str(kfz), "kfz-abmeldung", "leika")]
    assert "set without a source" in found[(str(kfz), "kfz-abmeldung", "online_url")]
    db = tmp_path / "c.db"
    db.write_bytes(b"old")
    with pytest.raises(CatalogueError, match="unknown LeiKa key"):
        build(db, data_dir, force=True, embeddings=False)
    assert db.read_bytes() == b"old"  # the built database is untouched


def test_bad_registry_entries_are_named(tmp_path: Path) -> None:
    path = tmp_path / "leika.yaml"
    path.write_text("keys:\n  - {key: 9903, title: Kurz, source: x y, checked: 2026-11-30}\n"
                    "  - {key: '99008001012000', title: Ausweis, checked: 2026-11-30}\n")
    errors: list[CatalogueError] = []
    assert load_leika(path, errors) == {}
    assert [(e.record, e.field) for e in errors] == [("9903", "key"),
                                                     ("99008001012000", "source")]


def test_coverage_counts_and_stale_reviews() -> None:
    old = Procedure(**{**BASE, "id": "old"}, last_reviewed=dt.date(2024, 1, 1),
                    online_url="https://form.example.org", leika="99008001012000",
                    provenance={"online_url": {**SOURCE, "verified": True,
                                               "confirmed_by": "B", "confirmed_on": "2026-12-01"},
                                "leika": SOURCE})
    new = Procedure(**{**BASE, "id": "new"}, last_reviewed=dt.date(2026, 11, 1),
                    url_verified=True)
    never = Procedure(**{**BASE, "id": "never"})
    c = coverage([old, new, never], max_age_days=365, today=dt.date(2026, 11, 30))
    assert (c["online_form"], c["leika"], c["verified_link"]) == (1, 1, 1)
    assert c["unsourced"] == {"fees": 0, "processing_time": 0}
    assert c["provenance"] == {"procedures_with_sources": 1, "fields": 2, "verified": 1,
                               "unverified": 1, "confirmed": 1}
    assert c["review"] == {"max_age_days": 365, "stale": 1, "never": 1, "stale_ids": ["old"]}


def test_stats_json_shows_coverage(data_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    build(db, data_dir, force=True, embeddings=False)
    result = CliRunner().invoke(cli, ["stats", "--db", str(db), "--json",
                                      "--max-age-days", "1"])
    data = json.loads(result.output)
    assert data["leika"] == {"with": 1, "without": 2}
    assert data["coverage"]["online_form"] == 1
    assert data["coverage"]["provenance"]["fields"] == 2
    assert data["coverage"]["review"]["stale"] == 2  # the Kfz file's 2026-11-25 is > 1 day old


def test_real_catalogue_has_sources_for_every_key_and_online_form() -> None:
    report = validate_sources(DATA_DIR)
    assert report.ok, "\n".join(map(str, report.errors))
    for p in report.procedures:
        for name in ("leika", "online_url"):
            if getattr(p, name):
                assert name in p.provenance, (p.id, name)


@pytest.mark.parametrize(("edit", "expected"), [
    (("procedures/kfz.yaml", 'leika: "99036012104000"', 'leika: "99000000000000"'),
     "kfz.yaml, record 'kfz-abmeldung', field 'leika': unknown LeiKa key 99000000000000"),
    (("procedures/kfz.yaml", "info_url: https://www.lra-mue.de/kfz\n    online_url",
      "info_url: www.lra-mue.de/kfz\n    online_url"),
     "kfz.yaml:12, record 'kfz-abmeldung', field 'info_url': Value error, must be an "
     "https:// URL"),
    (("procedures/gemeinde.yaml", "id: personalausweis", "id: kfz-zulassung"),
     "kfz.yaml, record 'kfz-zulassung', field 'id': duplicate id (first defined in"),
], ids=["unknown leika", "bad url", "duplicate id across files"])
def test_bad_sources_name_the_place_and_leave_the_database_alone(
        data_dir: Path, tmp_path: Path, edit: tuple[str, str, str], expected: str) -> None:
    db = tmp_path / "c.db"
    runner = CliRunner()
    first = runner.invoke(cli, ["build", "--db", str(db), "--data-dir", str(data_dir),
                                "--no-embeddings"])
    assert first.exit_code == 0, first.output
    before = db.read_bytes()
    name, old, new = edit
    _edit(data_dir / name, old, new)
    result = runner.invoke(cli, ["build", "--db", str(db), "--data-dir", str(data_dir),
                                 "--no-embeddings"])
    assert result.exit_code == 1 and expected in result.output, result.output
    assert db.read_bytes() == before


def test_unverified_links_for_staff_views() -> None:
    checked = Procedure(**BASE, url_verified=True, online_url="https://form.example.org",
                        provenance={"online_url": SOURCE})
    assert checked.unverified_links() == ["online_url"]  # its source is only plausible
    assert Procedure(**BASE).unverified_links() == ["info_url"]
    assert Procedure(**BASE, url_verified=True).unverified_links() == []
