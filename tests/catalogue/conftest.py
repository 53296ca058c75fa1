"""Small catalogue fixtures: a YAML data dir, model objects and databases built from them."""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import sqlite_utils
from click.testing import CliRunner

from catalogue.build import build
from catalogue.db import open_db, replace_catalogue
from catalogue.models import Gemeinde, Procedure

DEPARTMENT_YAML = """\
# test department
department: Kfz-Zulassungsstelle
category: Mobilität & Reisen
responsible_level: landratsamt
responsible: Landratsamt Mühldorf a. Inn
contact:
  name: Kfz-Zulassungsstelle
  phone: "+49 8631 699-0"
last_reviewed: 2026-11-25

procedures:
  - id: kfz-abmeldung
    leika: "99036012104000"
    title: Fahrzeug abmelden
    title_en: Deregistering a vehicle
    short_answer: Sie melden Ihr Auto online über i-Kfz oder vor Ort ab.
    short_answer_en: Deregister your car online via i-Kfz or in person.
    search_terms: [Auto abmelden, Stilllegung; Kfz, deregister car]
    situations:
      - "Mein Auto ist nach dem Unfall ein Totalschaden und soll verschrottet werden."
    info_url: https://www.lra-mue.de/kfz
    online_url: https://i-kfz.example.org/abmeldung
    documents: [Zulassungsbescheinigung Teil I, "Kennzeichen, beide"]
    fees: ca. 12 €
    processing_time: sofort
    login: bayernid
    url_verified: true
    provenance:
      leika: {source: test fixture, checked: 2026-11-30, verified: true}
      online_url: {source: test fixture, checked: 2026-11-30}

  - id: kfz-zulassung
    title: Fahrzeug zulassen
    short_answer: Ein Fahrzeug lassen Sie bei der Zulassungsstelle zu, auch online.
    info_url: https://www.lra-mue.de/kfz
    url_verified: false
"""

GEMEINDE_YAML = """\
department: Bürgerbüro der Gemeinden
category: Ausweise & Meldewesen
responsible_level: gemeinde
responsible: Ihre Gemeinde (Bürgerbüro)

procedures:
  - id: personalausweis
    title: Personalausweis beantragen
    short_answer: Den Personalausweis beantragen Sie im Bürgerbüro Ihrer Gemeinde.
    info_url: https://www.muehldorf.de/buergerbuero
"""

GEMEINDEN_YAML = """\
gemeinden:
  - id: muehldorf
    name: Mühldorf a. Inn
    kind: Stadt
    website: https://www.muehldorf.de
    rathaus: {phone: "+49 8631 612-0"}
    aliases: [Mühldorf]
  - id: waldkraiburg
    name: Waldkraiburg
    kind: Stadt
    website: https://www.waldkraiburg.de
    rathaus: {}
"""


LEIKA_YAML = """\
keys:
  - {key: "99036012104000", title: Test key, source: test fixture, checked: 2026-11-30}
"""


def write_data_dir(root: Path) -> Path:
    (root / "procedures").mkdir(parents=True)
    (root / "leika.yaml").write_text(LEIKA_YAML, encoding="utf-8")
    (root / "procedures" / "kfz.yaml").write_text(DEPARTMENT_YAML, encoding="utf-8")
    (root / "procedures" / "gemeinde.yaml").write_text(GEMEINDE_YAML, encoding="utf-8")
    (root / "gemeinden.yaml").write_text(GEMEINDEN_YAML, encoding="utf-8")
    return root


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return write_data_dir(tmp_path / "data")


@pytest.fixture
def procedures() -> list[Procedure]:
    base = {"category": "Mobilität & Reisen", "department": "Kfz-Zulassungsstelle",
            "responsible_level": "landratsamt", "responsible": "Landratsamt Mühldorf a. Inn",
            "info_url": "https://www.lra-mue.de/kfz"}
    return [
        Procedure(id="kfz-abmeldung", leika="99036012104000", title="Fahrzeug abmelden",
                  short_answer="Sie melden Ihr Auto online über i-Kfz oder vor Ort ab.",
                  search_terms=["Auto abmelden", "Stilllegung; Kfz", "deregister car"],
                  situations=["Ich fahre mein altes Auto nicht mehr, es soll vom Hof.",
                              "I sold my car abroad and need to cancel it here."],
                  online_url="https://i-kfz.example.org/abmeldung",
                  documents=["Zulassungsbescheinigung Teil I", "Kennzeichen, beide"],
                  fees="ca. 12 € <bar>", processing_time="sofort", title_en="Deregistering",
                  short_answer_en="Deregister your car online or in person.",
                  contact={"name": "Kfz-Zulassungsstelle", "phone": "+49 8631 699-0"},
                  login="bayernid", url_verified=True, last_reviewed="2026-11-25",
                  source="test", **base),
        Procedure(id="kfz-zulassung", title="Fahrzeug zulassen",
                  short_answer="Ein Fahrzeug lassen Sie bei der Zulassungsstelle zu.", **base),
        Procedure(id="personalausweis", title="Personalausweis beantragen",
                  short_answer="Den Personalausweis beantragen Sie im Bürgerbüro.",
                  category="Ausweise", department="Bürgerbüro", responsible_level="gemeinde",
                  responsible="Ihre Gemeinde", info_url="https://www.muehldorf.de/buergerbuero"),
    ]


@pytest.fixture
def gemeinden() -> list[Gemeinde]:
    return [Gemeinde(id="muehldorf", name="Mühldorf a. Inn", kind="Stadt",
                     website="https://www.muehldorf.de", rathaus={"phone": "+49 8631 612-0"}),
            Gemeinde(id="waldkraiburg", name="Waldkraiburg", kind="Stadt",
                     website="https://www.waldkraiburg.de", rathaus={})]


@pytest.fixture
def memory_db(procedures: list[Procedure], gemeinden: list[Gemeinde]) -> sqlite_utils.Database:
    db = open_db(":memory:")
    replace_catalogue(db, procedures, gemeinden)
    return db


@pytest.fixture(scope="session")
def _built_once(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("built")
    data = write_data_dir(root / "data")
    path = root / "catalogue.db"
    build(path, data, embeddings=False)
    return path, data


@pytest.fixture
def db_file(tmp_path: Path, data_dir: Path, _built_once: tuple[Path, Path]) -> Path:
    """A catalogue file built from the fixture sources (no embeddings: fast, no model).

    Built once per session and copied, because each test may change it.
    """
    path = tmp_path / "catalogue.db"
    shutil.copyfile(_built_once[0], path)
    return path


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def snapshot(path: Path) -> tuple[list[dict], list[dict]]:
    """All rows of a catalogue file, to prove a failed operation changed nothing."""
    db = open_db(path)
    try:
        return (list(db["procedures"].rows_where(order_by="id")),
                list(db["gemeinden"].rows_where(order_by="id")))
    finally:
        db.close()


class _Handler(BaseHTTPRequestHandler):
    """200 /ok, 404 /missing, 301 /old -> /ok, 405-on-HEAD /get-only, 2 s /slow."""

    def _respond(self, head: bool) -> None:
        if self.path == "/ok":
            self._send(200)
        elif self.path == "/old":
            self._send(301, {"Location": "/ok"})
        elif self.path == "/get-only":
            self._send(405 if head else 200)
        elif self.path == "/slow":
            time.sleep(2)
            self._send(200)
        else:
            self._send(404)

    def _send(self, status: int, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_HEAD(self) -> None:
        self._respond(head=True)

    def do_GET(self) -> None:
        self._respond(head=False)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def local_server() -> Iterator[str]:
    """Base URL of a throwaway HTTP server on 127.0.0.1 (no traffic leaves the machine)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
