"""Security headers on every response; CORS and framing only for the configured sites."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from bot.app import create_app
from bot.settings import BotSettings

HOST = "https://www.lra-mue.de"


def make_client(**overrides: object) -> TestClient:
    settings = BotSettings(rasa_url="http://127.0.0.1:9", action_server_url="http://127.0.0.1:9",
                           preload_search=False, rasa_timeout_seconds=1, **overrides)
    return TestClient(create_app(settings))


@pytest.fixture
def client() -> Iterator[TestClient]:
    with make_client(embed_origins=[HOST]) as test_client:
        yield test_client


def requests_for_every_route(client: TestClient) -> list[tuple[str, str]]:
    """(method, path) of every route of the app, enumerated from the app itself."""
    found = []
    for route in client.app.routes:  # type: ignore[attr-defined]
        # FastAPI 0.165 keeps included routers as one entry each: look inside them.
        contexts = getattr(route, "effective_route_contexts", None)
        items = [(c.path, c.methods) for c in contexts()] if contexts else \
            [(route.path, route.methods)] if isinstance(route, APIRoute) else []
        for path, methods in items:
            for method in methods or ():
                found.append((method, path))
    assert len(found) > 20, found
    found += [("GET", "/static/widget-app.js"), ("GET", "/widget.js"),
              ("GET", "/openapi.json"), ("GET", "/nowhere")]
    return found


def test_every_response_carries_the_security_headers(client: TestClient):
    for method, path in requests_for_every_route(client):
        response = client.request(method, path, json={"sender": "s", "message": "hallo"},
                                  params={"q": "auto"})
        csp = response.headers.get("content-security-policy", "")
        assert "default-src 'self'" in csp and "'unsafe-inline'" not in csp, (method, path)
        # Staff pages may not be framed by anyone (bot/staff/pages.py).
        assert f"frame-ancestors 'self' {HOST}" in csp or (
            path.startswith("/staff") and "frame-ancestors 'none'" in csp), (method, path)
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["referrer-policy"] == "no-referrer"


def test_without_embedding_sites_only_the_own_origin_may_frame(monkeypatch: pytest.MonkeyPatch):
    with make_client() as client:
        response = client.get("/livez")
    assert "frame-ancestors 'self';" in response.headers["content-security-policy"] + ";"
    assert response.headers["x-frame-options"] == "SAMEORIGIN"


def test_cors_only_for_the_configured_sites(client: TestClient):
    preflight = {"Access-Control-Request-Method": "POST",
                 "Access-Control-Request-Headers": "content-type"}
    allowed = client.options("/api/chat", headers={"Origin": HOST, **preflight})
    assert allowed.headers.get("access-control-allow-origin") == HOST
    refused = client.options("/api/chat", headers={"Origin": "https://evil.example",
                                                   **preflight})
    assert "access-control-allow-origin" not in refused.headers


def test_no_page_loads_anything_from_a_third_party_and_no_cdn_docs(client: TestClient):
    assert client.get("/docs").status_code == 404
    assert client.get("/redoc").status_code == 404
    page = client.get("/").text
    assert not re.search(r"<script(?![^>]*\bsrc=\"/)", page), "inline or foreign script"
    assert "<style" not in page and " style=" not in page
    assert not re.search(r"src=\"(https?:)?//", page)  # links (<a>) are no requests
    assert not re.search(r"<link[^>]*href=\"(https?:)?//", page)


@pytest.mark.parametrize("value", ["javascript:alert(1)", "www.lra-mue.de", "https://a.de/x"])
def test_a_bad_embedding_origin_is_a_clear_start_error(value: str,
                                                       monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("WEGWEISER_EMBED_ORIGINS", value)
    with pytest.raises(ValueError, match=re.escape("not an origin like https://www.example.de")):
        BotSettings()
