"""While Rasa or the action server fails, /api/chat answers at once with the Bürgerservice."""

from __future__ import annotations

import time
from collections.abc import Iterator

import httpx
import pytest
from fastapi.testclient import TestClient

import bot.outage as outage
from bot.app import create_app
from bot.rasa_client import RasaClient, UpstreamError
from bot.settings import BotSettings
from catalogue.db import BUERGERSERVICE_ID, open_db, replace_catalogue
from catalogue.models import Contact, Procedure

FORM = "https://www.lra-mue.de/kontakt"


@pytest.fixture
def catalogue_with_contact(monkeypatch: pytest.MonkeyPatch) -> None:
    db = open_db(None)
    service = Procedure(id=BUERGERSERVICE_ID, title="Kontakt zum Landratsamt",
                        short_answer="Zentrale und sicheres Kontaktformular.", info_url=FORM,
                        responsible="Landratsamt Mühldorf a. Inn",
                        responsible_level="landratsamt", category="Bürgerservice",
                        department="Bürgerservice",
                        contact=Contact(phone="+49 8631 699-0", email="poststelle@lra-mue.de"))
    replace_catalogue(db, [service], [])
    monkeypatch.setattr(outage, "get_db", lambda: db)


def app_client(**overrides: object) -> TestClient:
    settings = BotSettings(rasa_url="http://127.0.0.1:9", action_server_url="http://127.0.0.1:9",
                           preload_search=False, rasa_timeout_seconds=1, **overrides)
    return TestClient(create_app(settings))


@pytest.fixture
def client(catalogue_with_contact: None) -> Iterator[TestClient]:
    with app_client() as test_client:
        yield test_client


def test_rasa_down_gives_the_buergerservice_contact_and_a_status(client: TestClient):
    started = time.monotonic()
    response = client.post("/api/chat", json={"sender": "t1", "message": "Auto abmelden"})
    assert time.monotonic() - started < 5
    assert response.status_code == 503
    assert response.headers["retry-after"] == str(outage.RETRY_AFTER_SECONDS)
    body = response.json()
    assert body["status"] == "degraded" and body["failing"] == ["rasa"]
    text = body["messages"][0]["text"]
    assert "+49 8631 699-0" in text and "poststelle@lra-mue.de" in text and FORM in text
    assert "gestört" in text and "problem" in text  # German and English
    assert body["messages"][0]["buttons"] == [{"title": "Zum Kontaktformular / Contact form",
                                               "url": FORM, "type": "web_url"}]


def test_a_missing_catalogue_entry_still_gives_a_polite_message(
        monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(outage, "get_db", lambda: open_db(None))
    with app_client() as client:
        body = client.post("/api/chat", json={"sender": "t1", "message": "hallo"}).json()
    assert "nicht erreichbar" in body["detail"] and body["messages"][0]["buttons"] == []


def test_an_unreadable_catalogue_does_not_stop_the_web_app(monkeypatch: pytest.MonkeyPatch):
    def broken() -> None:
        raise OSError("disk gone")

    monkeypatch.setattr(outage, "get_db", broken)
    with app_client() as client:
        assert client.get("/livez").json() == {"status": "ok"}
        assert client.post("/api/chat", json={"sender": "t", "message": "x"}).status_code == 503


@pytest.mark.parametrize(("status", "answer", "failing"), [
    (200, [], "action_server"),  # Rasa ran no action: the action server failed
    (500, {"error": "x"}, "rasa"),
    (200, {"not": "a list"}, "rasa"),
])
async def test_an_unusable_rasa_answer_names_the_failing_part(status: int, answer: object,
                                                              failing: str):
    def rasa(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, json=answer)

    client = RasaClient("http://rasa", "http://actions", "", 1, 1,
                        transport=httpx.MockTransport(rasa))
    with pytest.raises(UpstreamError) as raised:
        await client.send_message("t", "Auto abmelden")
    await client.close()
    assert raised.value.part == failing
