"""The check-links report: written with status, redirect and date; read by validate."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from catalogue.errors import CatalogueError
from catalogue.link_report import link_problems, read_report, write_report
from catalogue.links import LinkResult, LinkTarget
from catalogue.validate import validate_sources

KFZ = "https://www.lra-mue.de/kfz"


def _results() -> list[LinkResult]:
    return [LinkResult(LinkTarget(KFZ, "kfz-abmeldung", "info_url"), status=200,
                       final_url="https://www.lra-mue.de/kfz-neu"),
            LinkResult(LinkTarget("https://i-kfz.example.org/abmeldung", "kfz-abmeldung",
                                  "online_url"), status=404, final_url=None)]


def test_report_round_trip_and_validate_warns(tmp_path: Path, data_dir: Path) -> None:
    path = tmp_path / "var" / "links.json"
    write_report(path, _results(), today=dt.date(2026, 11, 30))
    entries = read_report(path)
    assert entries[KFZ]["final_url"] == "https://www.lra-mue.de/kfz-neu"
    assert entries[KFZ]["checked"] == "2026-11-30" and entries[KFZ]["ok"] is True
    report = validate_sources(data_dir, expected_gemeinden=2, link_report=path)
    assert report.ok
    text = "\n".join(report.warnings)
    assert "broken link (404, checked 2026-11-30): https://i-kfz.example.org/abmeldung" in text
    assert f"link redirects to https://www.lra-mue.de/kfz-neu (checked 2026-11-30): {KFZ}" in text
    assert "link(s) not in the link report" in text  # the Gemeinde entry's link


def test_a_missing_report_is_empty_and_a_broken_one_is_an_error(tmp_path: Path,
                                                                 data_dir: Path) -> None:
    assert read_report(tmp_path / "absent.json") == {}
    assert link_problems({}, {KFZ: ["x.info_url"]}) == []
    bad = tmp_path / "bad.json"
    for content in ("<html>", json.dumps({"links": [{"url": 3}]}), "[]"):
        bad.write_text(content)
        with pytest.raises(CatalogueError, match="unreadable link report"):
            read_report(bad)
    report = validate_sources(data_dir, expected_gemeinden=2, link_report=bad)
    assert [e.source for e in report.errors] == [str(bad)]
