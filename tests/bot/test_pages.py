from __future__ import annotations

from fastapi.testclient import TestClient

from bot.app import create_app
from bot.settings import BotSettings


def test_homepage_embeds_the_chat_widget():
    with TestClient(create_app(BotSettings(preload_search=False))) as client:
        page = client.get("/")
        script = client.get("/static/chat.js")
    assert page.status_code == 200
    assert "text/html" in page.headers["content-type"]
    assert 'id="wegweiser-log"' in page.text and 'aria-live="polite"' in page.text
    assert script.status_code == 200 and "/api/chat" in script.text
