"""CSV and JSON: round trips, and bad input located by line/record and field."""

from __future__ import annotations

import json

import pytest

from catalogue.errors import CatalogueError
from catalogue.formats import read_bytes, write_procedures
from catalogue.formats.csv_json import CSV_COLUMNS


def read(text: str | bytes, fmt: str):
    data = text.encode("utf-8") if isinstance(text, str) else text
    return read_bytes(data, fmt, source=f"in.{fmt}")


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_round_trip_keeps_every_field(procedures, fmt):
    text = write_procedures(procedures, fmt)
    assert read(text, fmt).procedures == procedures


def test_csv_list_fields_are_json_arrays_and_contact_is_flattened(procedures):
    text = write_procedures(procedures[:1], "csv")
    header, row = text.splitlines()[:2]
    assert header.split(",") == list(CSV_COLUMNS)
    assert '"[""Auto abmelden"", ""Stilllegung; Kfz"", ""deregister car""]"' in row
    assert "contact.phone" in header and "+49 8631 699-0" in row


def test_csv_accepts_semicolon_lists_and_minimal_columns():
    text = ("id,title,short_answer,category,department,responsible_level,responsible,info_url,"
            "documents,url_verified\n"
            "test-eins,Test eins,Eine kurze Antwort hier.,Kat,Abt,landratsamt,LRA,"
            "https://x.example.org,Pass; Foto ;,yes\n")
    [procedure] = read(text, "csv").procedures
    assert procedure.documents == ["Pass", "Foto"]
    assert procedure.url_verified is True
    assert procedure.online_url is None


def test_json_with_gemeinden(procedures, gemeinden):
    result = read(write_procedures(procedures, "json", gemeinden=gemeinden), "json")
    assert result.procedures == procedures
    assert result.gemeinden == gemeinden


HEADER = "id,title,short_answer,category,department,responsible_level,responsible,info_url\n"
GOOD = "good-one,Gut eins,Eine kurze Antwort hier.,Kat,Abt,landratsamt,LRA,https://x.example.org\n"


@pytest.mark.parametrize(("text", "line", "record", "field", "message"), [
    # bad value in the third data row: line 4 of the file
    (HEADER + GOOD + GOOD.replace("good-one", "good-two")
     + "bad,Schlecht,Kurze Antwort hier.,Kat,Abt,landratsamt,LRA,http://insecure.example.org\n",
     4, "bad", "info_url", "https://"),
    (HEADER + GOOD + GOOD, 3, "good-one", "id", "duplicate id"),
    (HEADER.replace(",responsible,", ",") + "x\n", 1, None, "responsible", "missing required"),
    (HEADER.rstrip("\n") + ",colour\n" + GOOD, 1, None, "colour", "unknown column"),
    (HEADER + "no-title,,Kurze Antwort hier.,Kat,Abt,landratsamt,LRA,https://x.example.org\n",
     2, "no-title", "title", "required"),
    (HEADER + "x,Titel,Kurze Antwort hier.,Kat,Abt,nowhere,LRA,https://x.example.org\n",
     2, "x", "responsible_level", "landratsamt"),
    (HEADER + GOOD.rstrip("\n") + ",extra\n", 2, "good-one", None, "more cells"),
    (HEADER, None, None, None, "no records"),
])
def test_csv_errors_name_line_record_and_field(text, line, record, field, message):
    with pytest.raises(CatalogueError) as caught:
        read(text, "csv")
    error = caught.value
    assert (error.line, error.record, error.field) == (line, record, field)
    assert message in str(error)
    assert error.source == "in.csv"


def test_csv_multiline_cell_reports_the_records_first_line():
    text = HEADER + GOOD + ('bad,"Titel\nüber zwei Zeilen",Kurz,Kat,Abt,landratsamt,LRA,'
                            "https://x.example.org\n")
    with pytest.raises(CatalogueError) as caught:
        read(text, "csv")
    assert (caught.value.line, caught.value.field) == (3, "short_answer")


@pytest.mark.parametrize(("data", "message", "line"), [
    (b"", "empty", None),
    (b"  \n", "empty", None),
    (b"id,title\n\xff\xfe broken\n", "not UTF-8", 2),
])
@pytest.mark.parametrize("fmt", ["csv", "json", "xzufi"])
def test_empty_and_non_utf8_files(fmt, data, message, line):
    with pytest.raises(CatalogueError) as caught:
        read(data, fmt)
    assert message in str(caught.value)
    assert caught.value.line == line


def test_broken_json_names_line():
    with pytest.raises(CatalogueError) as caught:
        read('[\n  {"id": "a",\n  "title": }\n]', "json")
    assert caught.value.line == 3 and "invalid JSON" in str(caught.value)


def test_json_error_names_record_index_and_id(procedures):
    records = json.loads(write_procedures(procedures, "json"))
    del records[1]["responsible"]
    with pytest.raises(CatalogueError) as caught:
        read(json.dumps(records), "json")
    assert caught.value.record == "#2 kfz-zulassung"
    assert caught.value.field == "responsible"


@pytest.mark.parametrize(("payload", "message"), [
    ({"procedures": "nope"}, "'procedures' list"),
    ({"procedures": [], "extra": 1}, "unknown top-level"),
    ([], "empty"),
    (["just a string"], "object/mapping"),
    ("text", "list of procedures"),
])
def test_json_shape_errors(payload, message):
    with pytest.raises(CatalogueError, match=message):
        read(json.dumps(payload), "json")


def test_json_duplicate_ids(procedures):
    records = json.loads(write_procedures(procedures, "json"))
    with pytest.raises(CatalogueError) as caught:
        read(json.dumps([*records, records[0]]), "json")
    assert (caught.value.record, caught.value.field) == ("kfz-abmeldung", "id")


def test_json_gemeinde_errors_are_located(procedures, gemeinden):
    payload = json.loads(write_procedures(procedures, "json", gemeinden=gemeinden))
    payload["gemeinden"][1]["website"] = "http://waldkraiburg.de"
    with pytest.raises(CatalogueError) as caught:
        read(json.dumps(payload), "json")
    assert caught.value.field == "website"
    assert "gemeinden #2" in caught.value.record
