"""POST /api/chat/history: the widget's visible conversation, for our own page only."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from fastapi.testclient import TestClient

from bot.app import create_app
from bot.settings import BotSettings
from bot.transcript import transcript

CHOICE = '/choose_option{"procedure_id": "x"}'
EVENTS = [{"event": "action", "name": "action_listen"},
          {"event": "user", "text": "Auto abmelden"},
          {"event": "bot", "text": "Meinten Sie:",
           "data": {"buttons": [{"title": "Abmeldung", "payload": CHOICE}]}},
          {"event": "user", "text": CHOICE},
          {"event": "bot", "text": "Hier: https://a.de", "data": {}}]


def test_the_transcript_shows_button_titles_instead_of_payloads():
    assert transcript(EVENTS) == [
        {"role": "user", "text": "Auto abmelden", "buttons": []},
        {"role": "bot", "text": "Meinten Sie:",
         "buttons": [{"title": "Abmeldung", "payload": CHOICE}]},
        {"role": "user", "text": "Abmeldung", "buttons": []},
        {"role": "bot", "text": "Hier: https://a.de", "buttons": []}]


@pytest.fixture
def client(monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    def rasa(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/webhooks/rest/webhook":
            return httpx.Response(200, json=[{"text": "Hallo"}])
        assert request.url.path == "/conversations/web-1/tracker"
        assert request.url.params["token"] == "secret"
        return httpx.Response(200, json={"events": EVENTS})

    original = httpx.AsyncClient.__init__

    def init(self: httpx.AsyncClient, *args: object, **kwargs: object) -> None:
        kwargs["transport"] = httpx.MockTransport(rasa)
        original(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(httpx.AsyncClient, "__init__", init)
    app = create_app(BotSettings(preload_search=False, rasa_token="secret"))
    with TestClient(app, client=("198.51.100.7", 5000)) as c:
        assert c.post("/api/chat", json={"sender": "web-1", "message": "hallo"}).status_code == 200
        yield c


def test_our_own_page_gets_the_conversation(client: TestClient):
    response = client.post("/api/chat/history", json={"sender": "web-1"},
                           headers={"Sec-Fetch-Site": "same-origin"})
    assert response.status_code == 200
    assert response.json()["entries"][2]["text"] == "Abmeldung"


@pytest.mark.parametrize("site", [None, "cross-site", "same-site"])
def test_the_embedding_sites_scripts_do_not(client: TestClient, site: str | None):
    headers = {"Origin": "https://www.ampfing.de", **({"Sec-Fetch-Site": site} if site else {})}
    response = client.post("/api/chat/history", json={"sender": "web-1"}, headers=headers)
    assert response.status_code == 403
    assert "Auto" not in response.text


def test_a_copy_of_the_id_used_from_elsewhere_gets_nothing(client: TestClient):
    elsewhere = TestClient(client.app, client=("203.0.113.66", 5000))
    response = elsewhere.post("/api/chat/history", json={"sender": "web-1"},
                              headers={"Sec-Fetch-Site": "same-origin"})
    assert response.status_code == 403


def test_a_conversation_nobody_had_gets_nothing(client: TestClient):
    response = client.post("/api/chat/history", json={"sender": "web-2"},
                           headers={"Sec-Fetch-Site": "same-origin"})
    assert response.status_code == 403
