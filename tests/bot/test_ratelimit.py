"""Rate limits of /api/chat: per conversation, a high ceiling per client IP, 429 + Retry-After."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from fastapi.testclient import TestClient

from bot.app import create_app
from bot.ratelimit import SlidingWindow
from bot.settings import BotSettings


def rasa_ok(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, json=[{"text": "Hallo"}])


def make_client(**overrides: object) -> TestClient:
    settings = BotSettings(preload_search=False, rate_limit_window_seconds=60, **overrides)
    app = create_app(settings)
    client = TestClient(app, client=("203.0.113.7", 5000))
    return client


@pytest.fixture
def fake_rasa(monkeypatch: pytest.MonkeyPatch) -> None:
    original = httpx.AsyncClient.__init__

    def init(self: httpx.AsyncClient, *args: object, **kwargs: object) -> None:
        kwargs["transport"] = httpx.MockTransport(rasa_ok)
        original(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(httpx.AsyncClient, "__init__", init)


def turn(client: TestClient, sender: str, **headers: str) -> httpx.Response:
    return client.post("/api/chat", json={"sender": sender, "message": "hallo"},
                       headers=headers)


@pytest.fixture
def client(fake_rasa: None) -> Iterator[TestClient]:
    with make_client(rate_limit_conversation=3, rate_limit_client=5) as test_client:
        yield test_client


def test_a_conversation_gets_a_clear_429_after_its_limit(client: TestClient):
    assert [turn(client, "c1").status_code for _ in range(3)] == [200, 200, 200]
    refused = turn(client, "c1")
    assert refused.status_code == 429
    assert 1 <= int(refused.headers["retry-after"]) <= 60
    body = refused.json()
    assert body["scope"] == "conversation" and body["status"] == "rate_limited"
    assert "Bitte warten Sie" in body["detail"] and "Please wait" in body["detail"]
    assert body["messages"][0]["text"] == body["detail"]
    assert turn(client, "c2").status_code == 200  # another conversation is not affected


def test_the_client_ceiling_counts_all_conversations_of_one_ip(client: TestClient):
    codes = [turn(client, f"s{i}").status_code for i in range(6)]
    assert codes == [200] * 5 + [429]
    assert turn(client, "s9").json()["scope"] == "client"


def test_a_spoofed_forwarded_header_does_not_reset_the_ip_limit(client: TestClient):
    codes = [turn(client, f"s{i}", **{"X-Forwarded-For": f"198.51.100.{i}"}).status_code
             for i in range(7)]
    assert codes[5:] == [429, 429]


def test_behind_a_trusted_proxy_the_forwarded_client_counts(fake_rasa: None):
    with make_client(rate_limit_conversation=100, rate_limit_client=2,
                     trusted_proxies=["203.0.113.0/24"]) as client:
        first = [turn(client, f"a{i}", **{"X-Forwarded-For": "198.51.100.1"}).status_code
                 for i in range(3)]
        # A client's own forged entry stays to the left of what the proxy appended.
        forged = turn(client, "b1", **{"X-Forwarded-For": "10.9.9.9, 198.51.100.1"})
        other = turn(client, "c1", **{"X-Forwarded-For": "198.51.100.2"})
    assert first == [200, 200, 429]
    assert forged.status_code == 429
    assert other.status_code == 200


def test_a_bad_trusted_proxy_is_a_clear_start_error(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("WEGWEISER_TRUSTED_PROXIES", "nginx.local")
    with pytest.raises(ValueError, match="not an IP address or network"):
        BotSettings()


def test_the_window_slides():
    now = [0.0]
    window = SlidingWindow(2, 10, clock=lambda: now[0])
    assert window.hit("k") == 0 and window.hit("k") == 0
    assert window.hit("k") == pytest.approx(10)
    now[0] = 10.5
    assert window.hit("k") == 0


def test_the_owner_of_a_conversation_is_remembered_for_a_while(fake_rasa: None):
    from bot.ratelimit import OWNER_SECONDS, ChatRateLimiter

    now = [0.0]
    limiter = ChatRateLimiter(5, 50, 60, [], clock=lambda: now[0])
    with make_client() as client:
        client.app.state.rate_limiter = limiter  # type: ignore[attr-defined]
        assert turn(client, "mine").status_code == 200
        request = type("R", (), {"client": type("C", (), {"host": "203.0.113.7"})(),
                                 "headers": {}})()
        assert limiter.owns(request, "mine")  # type: ignore[arg-type]
        assert not limiter.owns(request, "other")  # type: ignore[arg-type]
        now[0] = OWNER_SECONDS + 1
        assert not limiter.owns(request, "mine")  # type: ignore[arg-type]
