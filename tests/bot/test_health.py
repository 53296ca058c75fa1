from __future__ import annotations

from fastapi.testclient import TestClient

from bot.app import create_app
from bot.settings import BotSettings


def test_healthz_names_the_failing_components():
    settings = BotSettings(rasa_url="http://127.0.0.1:9", action_server_url="http://127.0.0.1:9",
                           preload_search=False,
                           health_timeout_seconds=1)
    with TestClient(create_app(settings)) as client:
        response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["failing"] == ["rasa", "action_server"]
    assert body["components"]["web"]["status"] == "ok"
    assert "ConnectError" in body["components"]["rasa"]["error"]
