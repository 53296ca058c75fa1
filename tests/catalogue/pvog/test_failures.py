"""Every way PVOG can fail, in one table: a clear message naming URL/record/field, and
the YAML source file (and so the built database) untouched."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from dataclasses import field as dc_field
from pathlib import Path

import pytest

from catalogue.errors import CatalogueError
from catalogue.pvog.merge import merge_records, write_merge
from catalogue.pvog.run import ImportOptions
from tests.catalogue.pvog.conftest import BEREITSTELL, LEIKAHIERARCHY, FakePvog, Reply, koeln_page
from tests.catalogue.pvog.test_import import KEY, OPTIONS, fetch


def page_with(**changes: object) -> dict[str, object]:
    """The real Köln page with one field of its description changed (None: removed)."""
    page = copy.deepcopy(koeln_page())
    item = page["content"][0]  # type: ignore[index]
    for key, value in changes.items():
        if value is None:
            item.pop(key)
        else:
            item[key] = value
    return page


@dataclass
class Case:
    replies: list[Reply]
    message: str
    field: str | None = None
    record: str | None = None
    path: str = LEIKAHIERARCHY
    config: dict[str, object] = dc_field(default_factory=dict)
    options: ImportOptions = OPTIONS


BIG = "[" + "0," * 200_000 + "0]"
NEVER_LAST = {**koeln_page(), "last": False}

CASES = {
    "timeout": Case([Reply.json(koeln_page(), delay=1.5)], "timeout after 0.5 s",
                    config={"timeout": 0.5}),
    "http 503": Case([Reply(503, "upstream down", "text/plain")], "HTTP 503: upstream down"),
    "http 401 without token": Case([Reply(401, "", "application/json")], "HTTP 401"),
    "redirect": Case([Reply(302, "", headers={"Location": "https://login.example.org/"})],
                     "HTTP 302 -> https://login.example.org/"),
    "html instead of json": Case([Reply(200, "<!DOCTYPE html><html><body>Wartung</body></html>",
                                        "text/html; charset=utf-8")], "HTML instead of JSON"),
    "html labelled json": Case([Reply(200, "<html>Login</html>")], "HTML instead of JSON"),
    "malformed json": Case([Reply(200, '{"content": [{"id": "x",')], "malformed JSON"),
    "empty body": Case([Reply(200, "")], "empty response"),
    "huge response": Case([Reply(200, BIG)], "response larger than 100000 bytes",
                          config={"max_bytes": 100_000}),
    "pagination without end": Case([Reply.json(NEVER_LAST)], "more than 3 pages",
                                   config={"max_pages": 3}),
    "not a page": Case([Reply.json([koeln_page()])], "expected a JSON object (a page)"),
    "content not a list": Case([Reply.json({"content": {"id": 1}})], "no 'content' list",
                               field="content"),
    "missing name": Case([Reply.json(page_with(name=None))], "missing or not a string",
                         field="name", record="L100002.LB.121370768"),
    "name of wrong type": Case([Reply.json(page_with(name=["Reisepass"]))],
                               "missing or not a string", field="name"),
    "details not a list": Case([Reply.json(page_with(details="<p>Text</p>"))], "must be a list",
                               field="details"),
    "no text module": Case([Reply.json(page_with(details=[]))], "no Kurzinfo (24)",
                           field="details"),
    "link without uri string": Case([Reply.json(page_with(onlineServiceLinks=[{"uri": 5}]))],
                                    "string 'uri'", field="onlineServiceLinks[0]"),
    "no https page at all": Case([Reply.json(page_with(onlineServiceLinks=[
        {"uri": "http://www.stadt-koeln.de/"}]))], "no https information page",
        field="sourcePortals"),
    "bad ars": Case([], "2 to 12 digits", field="ars",
                    options=ImportOptions(ars="09183x", keys=(KEY,))),
    "unknown leika key": Case([], "unknown LeiKa key(s) 99999999999999", field="leika",
                              options=ImportOptions(ars="091830000000",
                                                    keys=("99999999999999",))),
    "xzufi page without flag": Case([Reply.json({"xzufiObjekte": ""})], "missing or not true",
                                    field="vollstaendig", path=BEREITSTELL),
    "xzufi next page elsewhere": Case(
        [Reply.json({"xzufiObjekte": "", "vollstaendig": False, "naechsterIndex": 1,
                     "naechsteAnfrageUrl": "https://evil.example.org/next"})],
        "another host", field="naechsteAnfrageUrl", path=BEREITSTELL),
    "xzufi not xml": Case([Reply.json({"xzufiObjekte": "kein XML", "vollstaendig": True})],
                          "", path=BEREITSTELL),
}


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_pvog_failures_are_named_and_change_nothing(case: Case, fake_pvog: FakePvog,
                                                    tmp_path: Path) -> None:
    target = tmp_path / "procedures" / "pvog.yaml"
    target.parent.mkdir()
    before = "# reviewed by hand\nprocedures: []\n"
    target.write_text(before)
    fake_pvog.reply(case.path, *case.replies)
    options = case.options
    if case.path == BEREITSTELL:
        options = ImportOptions(ars="091830000000", keys=(), service="bereitstelldienst",
                                bereitstell_url=f"{fake_pvog.url}{BEREITSTELL}")
    with pytest.raises(CatalogueError) as caught:
        records, _ = fetch(fake_pvog, options, **case.config)
        write_merge(merge_records(target, records))
    error = caught.value
    assert case.message in str(error)
    if case.field is not None:
        assert error.field == case.field
    if case.record is not None:
        assert error.record == case.record
    if case.replies:
        assert error.source and error.source.startswith(fake_pvog.url)  # names the URL
    assert target.read_text() == before
    assert sorted(p.name for p in target.parent.iterdir()) == ["pvog.yaml"]
