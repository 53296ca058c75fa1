"""The staff pages on a generated tracker store: list with filters and search, transcript
with turn records and feedback, analytics, CSV; citizen text inert everywhere; bad data
and unreachable databases give a clear page, never a 500, and change nothing."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from benchmarks import tracker_data
from bot.staff import deps
from tests.bot.staff.conftest import FORMULA, XSS

Client = Callable[[str], TestClient]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_list_filters_search_and_pages(signed_in: Client):
    client = signed_in("viewer")
    page = client.get("/staff/conversations")
    assert page.status_code == 200
    assert "31 Gespräche" in page.text and "gen-000029" in page.text
    only_tg = client.get("/staff/conversations", params={"kanal": "telegram"}).text
    assert "rest</td>" not in only_tg
    found = client.get("/staff/conversations", params={"q": "beantrage ich WOHNGELD"}).text
    assert "Gespräche" in found and "<p>0 Gespräche" not in found
    none = client.get("/staff/conversations", params={"q": "gibt es sicher nicht"}).text
    assert "<p>0 Gespräche" in none and "Keine Gespräche" in none
    answered = client.get("/staff/conversations", params={"ergebnis": "answered"}).text
    assert "ungelöst</td>" not in answered
    for bad in ({"seite": "0"}, {"seite": "x"}, {"von": "gestern"}, {"ergebnis": "<b>"}):
        assert client.get("/staff/conversations", params=bad).status_code in (200, 422)


def test_pagination(signed_in: Client, tracker: Path):
    for n in range(60):
        tracker_data.insert(tracker, f"page-{n:03d}",
                            [tracker_data.user(1_790_000_000 + n, f"Frage {n}")])
    client = signed_in("viewer")
    first = client.get("/staff/conversations").text
    assert "Seite 1 von 2" in first and "seite=2" in first
    second = client.get("/staff/conversations", params={"seite": 2}).text
    assert "Seite 2 von 2" in second and "page-059" not in second


def test_transcript_shows_turns_records_and_feedback(signed_in: Client, tracker: Path):
    with sqlite3.connect(tracker) as conn:
        sender = conn.execute("select sender_id from events where data like "
                              "'%\"name\": \"feedback\"%' limit 1").fetchone()[0]
    conn.close()
    client = signed_in("viewer")
    page = client.get("/staff/transcript", params={"id": sender})
    assert page.status_code == 200
    text = page.text
    assert "Turn-Record" in text and "Suchtreffer" in text and "Konfidenz" in text
    assert "Rückmeldung:" in text and "search_procedure" in text
    rows = list(csv.reader(io.StringIO(client.get("/staff/transcript.csv",
                                                  params={"id": sender}).text.lstrip("\ufeff")),
                           delimiter=";"))
    assert rows[0][:3] == ["Zeit", "Bürger", "Intent"] and len(rows) > 1
    assert client.get("/staff/transcript", params={"id": "nobody"}).status_code == 404


def test_citizen_text_is_inert_in_every_page_and_export(signed_in: Client):
    client = signed_in("admin")
    pages = [client.get("/staff/conversations"),
             client.get("/staff/conversations", params={"q": "script"}),
             client.get("/staff/transcript", params={"id": "xss-" + XSS}),
             client.get("/staff/analytics"), client.get("/staff/audit")]
    for page in pages:
        assert page.status_code == 200, page.text[:300]
        assert "<script>window.__pwned" not in page.text
        assert "<img src=x" not in page.text
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in pages[2].text
    exported = client.get("/staff/transcript.csv", params={"id": "xss-" + XSS}).text
    cells = [cell for row in csv.reader(io.StringIO(exported.lstrip("\ufeff")), delimiter=";")
             for cell in row]
    assert "'" + FORMULA in cells
    assert not any(cell.lstrip().startswith(("=", "+", "-", "@")) for cell in cells)
    listing = client.get("/staff/conversations.csv").text
    assert not any(cell.lstrip().startswith(("=", "+", "-", "@"))
                   for row in csv.reader(io.StringIO(listing.lstrip("\ufeff")), delimiter=";")
                   for cell in row)


def test_analytics_are_drawn_without_third_parties(signed_in: Client):
    client = signed_in("viewer")
    page = client.get("/staff/analytics")
    assert page.status_code == 200
    assert page.text.count("<svg") == 5
    assert "<script" not in page.text and "http://" not in page.text.replace(
        'xmlns="http://www.w3.org/2000/svg"', "")
    for key in ("per_day", "top_procedures", "resolution", "feedback", "channels"):
        exported = client.get(f"/staff/analytics/{key}.csv")
        assert exported.status_code == 200 and exported.text.startswith("\ufeff"), key
    assert client.get("/staff/analytics/nope.csv").status_code == 404


def test_the_audit_log_names_who_viewed_what(signed_in: Client):
    client = signed_in("viewer")
    client.get("/staff/transcript", params={"id": "gen-000003"})
    client.get("/staff/conversations.csv")
    admin = signed_in("admin")
    text = admin.get("/staff/audit").text
    assert "Gespräch angesehen" in text and "gen-000003" in text and "CSV exportiert" in text
    assert "Anmeldung" in text
    users = admin.get("/staff/users.csv").text
    assert "viewer;viewer;nein;0" in users and "$argon2" not in users


def test_malformed_events_huge_and_long_conversations(signed_in: Client, tracker: Path):
    bad = [(1, "bad", "user", "{not json"), (2, "bad", "user", '["a list"]'),
           (3, "bad", "bot", json.dumps({"event": "user", "text": "mismatch"})),
           (4, "bad", "slot", json.dumps({"event": "slot", "name": "turn_record",
                                          "value": {"version": 99}})),
           (5, "bad", "user", json.dumps({"event": "user", "text": 12,
                                          "parse_data": {"intent": "x"}})),
           (6, "bad", "user", None)]
    with sqlite3.connect(tracker) as conn:
        conn.executemany("insert into events (sender_id, type_name, timestamp, data) "
                         "values (?, ?, ?, ?)", [(s, t, 1_780_000_000 + i, d)
                                                 for i, s, t, d in bad])
    conn.close()
    huge = tracker_data.user(1_780_000_500, "ä" * 1_000_000)
    tracker_data.insert(tracker, "huge", [huge])
    long = [e for n in range(3000) for e in (tracker_data.user(1_780_000_000 + n, f"Frage {n}"),
                                              tracker_data.bot(1_780_000_000 + n, "Antwort"))]
    tracker_data.insert(tracker, "long", long)
    before = digest(tracker)
    client = signed_in("viewer")
    listing = client.get("/staff/conversations")
    assert listing.status_code == 200 and "fehlerhaft" in listing.text
    page = client.get("/staff/transcript", params={"id": "bad"})
    assert page.status_code == 200
    assert "Fehlerhaftes Ereignis" in page.text and "Turn-Record unlesbar" in page.text
    huge_page = client.get("/staff/transcript", params={"id": "huge"})
    assert huge_page.status_code == 200 and len(huge_page.text) < 100_000
    long_page = client.get("/staff/transcript", params={"id": "long"})
    assert long_page.status_code == 200 and "spätere" in long_page.text
    assert "Frage 499" in long_page.text and "Frage 500<" not in long_page.text
    later = client.get("/staff/transcript", params={"id": "long", "ab": 1000})
    assert "Frage 500" in later.text and "frühere" in later.text
    assert digest(tracker) == before  # read-only: nothing changed


@pytest.mark.parametrize("url", ["sqlite:////nonexistent/dir/tracker.db",
                                 "postgresql://reader@127.0.0.1:1/rasa", "not a url",
                                 "sqlite://"])
def test_an_unreachable_tracker_store_is_a_clear_page(signed_in: Client, url: str,
                                                      monkeypatch: pytest.MonkeyPatch):
    client = signed_in("viewer")
    monkeypatch.setenv("WEGWEISER_TRACKER_DB_URL", url)
    from bot.staff.settings import get_staff_settings
    get_staff_settings.cache_clear()
    deps.get_conversation_index.cache_clear()
    for path in ("/staff/conversations", "/staff/analytics", "/staff/conversations.csv"):
        response = client.get(path)
        assert response.status_code == 503, (url, path)
        assert "Gesprächsdatenbank" in response.text
    response = client.get("/staff/transcript", params={"id": "x"})
    assert response.status_code == 503


def test_a_fresh_tracker_store_without_table_is_empty(signed_in: Client, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch):
    empty = tmp_path / "fresh.db"
    sqlite3.connect(empty).close()
    client = signed_in("viewer")
    monkeypatch.setenv("WEGWEISER_TRACKER_DB_URL", f"sqlite:///{empty}")
    from bot.staff.settings import get_staff_settings
    get_staff_settings.cache_clear()
    deps.get_conversation_index.cache_clear()
    page = client.get("/staff/conversations")
    assert page.status_code == 200 and "<p>0 Gespräche" in page.text
    assert client.get("/staff/analytics").status_code == 200


def test_an_unreachable_staff_database_is_a_clear_page(client: TestClient, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("WEGWEISER_STAFF_DB_URL", f"sqlite:///{blocker / 'staff.db'}")
    from bot.staff.settings import get_staff_settings
    get_staff_settings.cache_clear()
    deps.get_staff_db.cache_clear()
    client.cookies.set("wegweiser_staff", "x" * 40)
    response = client.get("/staff/conversations")
    assert response.status_code == 503 and "Mitarbeiterdatenbank" in response.text
    page = client.get("/staff/login")
    response = client.post("/staff/login", data={
        "username": "admin", "password": "x" * 12,
        "csrf": page.text.split('name="csrf" value="')[1].split('"')[0]})
    assert response.status_code == 503


def test_transcript_names_procedures_and_labels_unverified_links(
        signed_in: Client, tracker: Path, monkeypatch: pytest.MonkeyPatch):
    from bot.staff import procedures
    from catalogue.db import open_db, replace_catalogue
    from catalogue.models import Procedure

    entry = Procedure(id="wohngeld", title="Wohngeld beantragen", short_answer="Zuschuss zur "
                      "Miete.", category="Soziales", department="Soziales",
                      responsible_level="landratsamt", responsible="Landratsamt",
                      info_url="https://www.lra-mue.de/wohngeld", url_verified=False)
    db = open_db(None)
    replace_catalogue(db, [entry], [])
    monkeypatch.setattr(procedures, "get_db", lambda: db)
    procedures.procedure.cache_clear()
    record = tracker_data.record("wohngeld", "answer", "link_given", 0.9)
    record["safety_note"] = "suicide"
    tracker_data.insert(tracker, "titled", [
        tracker_data.user(1_790_000_000, "Wohngeld?"),
        tracker_data.slot(1_790_000_001, "turn_record", record)])
    try:
        text = signed_in("viewer").get("/staff/transcript", params={"id": "titled"}).text
    finally:
        procedures.procedure.cache_clear()
    assert "Wohngeld beantragen (wohngeld)" in text
    assert "https://www.lra-mue.de/wohngeld</code> <span class=\"unverified\">(nicht geprüft)" \
        in text
    assert "mögliche Krise (suicide)" in text
