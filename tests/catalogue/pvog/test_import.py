"""PVOG import against the fake PVOG: fetch, map, merge into a YAML file, dry run, re-run."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

from catalogue.pvog.client import PvogClient, PvogConfig
from catalogue.pvog.merge import merge_records, write_merge
from catalogue.pvog.run import ImportOptions, fetch_records
from catalogue.sources import load_department_file
from tests.catalogue.pvog.conftest import (
    BEREITSTELL,
    LEIKAHIERARCHY,
    TOKEN,
    FakePvog,
    Reply,
    koeln_page,
    xzufi_sample,
)

KEY = "99085001012000"
TODAY = dt.date(2026, 11, 30)
OPTIONS = ImportOptions(ars="091830000000", keys=(KEY,))


def client_for(fake: FakePvog, **overrides: object) -> PvogClient:
    config = {"base_url": f"{fake.url}/suchdienst/api", "timeout": 5.0, **overrides}
    return PvogClient(PvogConfig(**config))  # type: ignore[arg-type]


def fetch(fake: FakePvog, options: ImportOptions = OPTIONS, **overrides: object):
    with client_for(fake, **overrides) as client:
        return fetch_records(client, options, {KEY}, TODAY)


def test_suchdienst_description_becomes_a_sourced_record(fake_pvog: FakePvog) -> None:
    fake_pvog.reply(LEIKAHIERARCHY, Reply.json(koeln_page()))
    [p], notes = fetch(fake_pvog)
    assert notes == []
    request = fake_pvog.seen[0]
    assert request.query == {"ars": ["091830000000"], "leikaIds": [KEY], "page": ["0"],
                             "size": ["20"]}
    assert p.id == f"pvog-{KEY}" and p.leika == KEY and p.title == "Reisepass beantragen"
    assert p.short_answer == "Reisepass beantragen: Kurzinfo"
    assert p.documents == ["Personalausweis", "Passfoto"]
    assert p.fees == "37,50 Euro unter 24 Jahren"
    assert p.processing_time is None  # module 97 is a placeholder; 95 is absent
    # the internal http://portal/ link is dropped; the online service is the best page
    assert p.online_url == p.info_url == "https://www.stadt-koeln.de/service/produkte/reisepass"
    source = p.provenance["online_url"]
    assert source.verified and source.checked == TODAY
    assert source.source.startswith(f"{fake_pvog.url}/suchdienst/api{'/v2/'}")
    assert "L100002.LB.121370768" in (source.note or "")
    assert not p.url_verified and p.last_reviewed is None  # nobody reviewed it yet


def test_merge_adds_then_changes_nothing_and_keeps_hand_edits(fake_pvog: FakePvog,
                                                              tmp_path: Path) -> None:
    fake_pvog.reply(LEIKAHIERARCHY, Reply.json(koeln_page()))
    target = tmp_path / "procedures" / "pvog.yaml"
    target.parent.mkdir()
    records, _ = fetch(fake_pvog)
    dry = merge_records(target, records)
    assert dry.changed and "+  title: Reisepass beantragen" in dry.diff()
    assert not target.exists()  # a dry run writes nothing
    write_merge(dry)
    assert [p.id for p in load_department_file(target)] == [f"pvog-{KEY}"]
    again = merge_records(target, fetch(fake_pvog)[0])
    assert not again.changed and again.diff() == "" and again.conflicts == []
    # an editor corrects the answer and removes the fees; the next import keeps the
    # correction (reported as a conflict) and fills the gap
    data = yaml.safe_load(target.read_text())
    data["procedures"][0]["short_answer"] = "Den Reisepass beantragen Sie bei Ihrer Gemeinde."
    del data["procedures"][0]["fees"]
    target.write_text(yaml.safe_dump(data, allow_unicode=True))
    third = merge_records(target, fetch(fake_pvog)[0])
    assert third.filled == [f"pvog-{KEY}.fees"]
    assert third.conflicts and third.conflicts[0].startswith(f"pvog-{KEY}.short_answer: kept")
    write_merge(third)
    [p] = load_department_file(target)
    assert p.short_answer == "Den Reisepass beantragen Sie bei Ihrer Gemeinde."
    assert p.fees == "37,50 Euro unter 24 Jahren" and "fees" in p.provenance


def test_a_key_another_file_has_is_skipped_for_review(fake_pvog: FakePvog,
                                                      tmp_path: Path) -> None:
    fake_pvog.reply(LEIKAHIERARCHY, Reply.json(koeln_page()))
    folder = tmp_path / "procedures"
    folder.mkdir()
    (folder / "buerger.yaml").write_text(
        "procedures:\n  - {id: reisepass, leika: '99085001012000', title: Reisepass,"
        " short_answer: Den Reisepass beantragen Sie bei der Gemeinde., category: Ausweise,"
        " department: Bürgerbüro, responsible_level: gemeinde, responsible: Gemeinde,"
        " info_url: 'https://www.muehldorf.de'}\n")
    result = merge_records(folder / "pvog.yaml", fetch(fake_pvog)[0])
    assert not result.changed and result.added == []
    assert "belongs to 'reisepass'" in result.skipped[0]
    assert "https://www.stadt-koeln.de/service/produkte/reisepass" in result.skipped[0]


def test_oauth2_token_is_fetched_once_and_sent(fake_pvog: FakePvog) -> None:
    fake_pvog.reply(TOKEN, Reply.json({"access_token": "test-token", "token_type": "bearer",
                                       "expires_in": 300}))
    fake_pvog.reply(LEIKAHIERARCHY, Reply.json(koeln_page()))
    options = ImportOptions(ars="091830000000", keys=(KEY, KEY[:-1] + "1"))
    with client_for(fake_pvog, token_url=f"{fake_pvog.url}{TOKEN}", client_id="wegweiser",
                    client_secret="s3cret") as client:
        records, notes = fetch_records(client, options, {KEY, KEY[:-1] + "1"}, TODAY)
    token_calls = [s for s in fake_pvog.seen if s.path == TOKEN]
    assert len(token_calls) == 1 and token_calls[0].method == "POST"
    assert "grant_type=client_credentials" in token_calls[0].body
    searches = [s for s in fake_pvog.seen if s.path == LEIKAHIERARCHY]
    assert len(searches) == 2
    assert all(s.headers["authorization"] == "Bearer test-token" for s in searches)
    assert all(s.headers["pvog-sud-api-client-id"] == "wegweiser" for s in searches)
    # the second key gets the same page, whose item does not name it: still the best
    assert len(records) == 2 and notes == []


def test_bereitstelldienst_pages_go_through_the_xzufi_parser(fake_pvog: FakePvog) -> None:
    second = f"{fake_pvog.url}{BEREITSTELL}?index=1&ars=091830000000"
    fake_pvog.reply(BEREITSTELL,
                    Reply.json({"xzufiObjekte": xzufi_sample(), "vollstaendig": False,
                                "naechsterIndex": 1, "naechsteAnfrageUrl": second}),
                    Reply.json({"xzufiObjekte": "", "vollstaendig": True, "naechsterIndex": 2}))
    options = ImportOptions(ars="091830000000", keys=(), service="bereitstelldienst",
                            department="Ausländerbehörde",
                            bereitstell_url=f"{fake_pvog.url}{BEREITSTELL}")
    records, notes = fetch(fake_pvog, options)
    assert [s.query.get("index") for s in fake_pvog.seen] == [["0"], ["1"]]
    assert {p.id for p in records} == {"beispiel-schueler-bafoeg", "beispiel-einbuergerung",
                                       "beispiel-waffenbesitzkarte",
                                       "beispiel-schwerlasttransport"}
    assert all(p.source == "PVOG Bereitstelldienst" and "title" in p.provenance
               for p in records)
    assert any("not imported" in note for note in notes)  # the parser's own report


def test_cli_dry_run_then_write_then_no_changes(fake_pvog: FakePvog, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from catalogue.cli import cli

    fake_pvog.reply(LEIKAHIERARCHY, Reply.json(koeln_page()))
    target = tmp_path / "procedures" / "pvog.yaml"
    target.parent.mkdir()
    args = ["pvog-import", "--ars", "091830000000", "--leika", KEY, "--to", str(target),
            "--base-url", f"{fake_pvog.url}/suchdienst/api"]
    runner = CliRunner()
    dry = runner.invoke(cli, [*args, "--dry-run"])
    assert dry.exit_code == 0 and "+  title: Reisepass beantragen" in dry.output
    assert "Dry run, nothing written (1 fetched; 1 new" in dry.output and not target.exists()
    wrote = runner.invoke(cli, args)
    assert wrote.exit_code == 0 and f"Wrote {target}" in wrote.output
    again = runner.invoke(cli, args)
    assert again.exit_code == 0 and f"No changes to {target}" in again.output
    bad = runner.invoke(cli, [*args[:4], "99999999999999", *args[5:]])
    assert bad.exit_code == 1 and "unknown LeiKa key(s) 99999999999999" in bad.output
