"""Bad input on POST /api/chat never reaches Rasa and never gives a 500."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from bot.app import create_app
from bot.settings import BotSettings


@pytest.fixture
def client() -> TestClient:
    # Nothing listens on port 9: a turn that reaches "Rasa" fails like a real outage.
    settings = BotSettings(rasa_url="http://127.0.0.1:9", action_server_url="http://127.0.0.1:9",
                           preload_search=False,
                           rasa_timeout_seconds=2, max_message_chars=2000)
    with TestClient(create_app(settings)) as test_client:
        yield test_client


@pytest.mark.parametrize("message", ["", "   ", "\n\t ", "\x00\x01\x02"])
def test_blank_message_is_rejected_with_a_readable_message(client: TestClient, message: str):
    response = client.post("/api/chat", json={"sender": "t1", "message": message})
    assert response.status_code == 422
    assert "Bitte geben Sie eine Frage ein" in response.json()["detail"]


def test_too_long_message_is_rejected(client: TestClient):
    response = client.post("/api/chat", json={"sender": "t1", "message": "a" * 10_000})
    assert response.status_code == 422
    assert "zu lang" in response.json()["detail"]


def test_broken_json_is_rejected(client: TestClient):
    response = client.post("/api/chat", content=b'{"sender": "t1", "message": ',
                           headers={"content-type": "application/json"})
    assert response.status_code == 422
    assert "JSON" in response.json()["detail"]


def test_non_utf8_body_is_rejected(client: TestClient):
    response = client.post("/api/chat", content=b'{"sender": "t1", "message": "\xff\xfe"}',
                           headers={"content-type": "application/json"})
    assert response.status_code == 400
    assert "UTF-8" in response.json()["detail"]


@pytest.mark.parametrize("body", [{"message": "hallo"}, {"sender": "t1"},
                                  {"sender": "bad sender!", "message": "x"},
                                  {"sender": "t1", "message": 5}, [1, 2]])
def test_malformed_fields_name_the_field(client: TestClient, body):
    response = client.post("/api/chat", json=body)
    assert response.status_code == 422
    assert response.json()["detail"]


def test_rasa_down_gives_503_with_a_polite_message(client: TestClient):
    response = client.post("/api/chat", json={"sender": "t1", "message": "Auto abmelden"})
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "degraded" and body["failing"] == ["rasa"]
    assert body["messages"][0]["text"] == body["detail"]
    assert "Bürgerservice" in body["detail"] or "nicht erreichbar" in body["detail"]
