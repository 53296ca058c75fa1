"""Security of /staff: every route (enumerated from the app) refuses without a session,
forms need the session's CSRF token, a viewer changes nothing, login guessing is slowed
and locked out, cookies are HttpOnly/SameSite/Secure, outside networks see nothing."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from bot.app import create_app
from bot.settings import BotSettings
from bot.staff import accounts, reviews
from bot.staff.routers import login as login_router
from tests.bot.staff.conftest import PASSWORD, clear_caches, csrf_of, sign_in

SAMPLE = {"key": "per_day"}
OPEN = {("GET", "/staff/login"), ("POST", "/staff/login")}


def staff_routes(client: TestClient) -> list[tuple[str, str]]:
    """(method, path) of every /staff route, from the app's own routing table."""
    found: set[tuple[str, str]] = set()
    for route in client.app.routes:  # type: ignore[attr-defined]
        contexts = getattr(route, "effective_route_contexts", None)
        items = [(c.path, c.methods) for c in contexts()] if contexts else \
            [(route.path, route.methods)] if isinstance(route, APIRoute) else []
        for path, methods in items:
            if path.startswith("/staff"):
                concrete = re.sub(r"\{(\w+)\}", lambda m: SAMPLE[m.group(1)], path)
                found |= {(method, concrete) for method in methods or ()}
    assert len(found) >= 12, found
    return sorted(found)


def test_every_staff_route_refuses_without_a_session(client: TestClient):
    for method, path in staff_routes(client):
        if (method, path) in OPEN:
            continue
        response = client.request(method, path, params={"id": "gen-000001"},
                                  data={"csrf": "x", "status": "checked"})
        assert response.status_code in (303, 403), (method, path, response.status_code)
        if response.status_code == 303:
            assert response.headers["location"] in ("/staff/login", "/staff/conversations")
        assert "gen-000001" not in response.text and "Turn-Record" not in response.text
        assert "default-src 'self'" in response.headers["content-security-policy"]
        assert response.headers["x-content-type-options"] == "nosniff"


def test_login_page_and_login_without_csrf(client: TestClient):
    page = client.get("/staff/login")
    assert page.status_code == 200 and "gen-0000" not in page.text
    assert page.headers["cache-control"] == "no-store"
    assert "frame-ancestors 'none'" in page.headers["content-security-policy"]
    response = client.post("/staff/login", data={"username": "admin", "password": PASSWORD})
    assert response.status_code == 403
    assert sessions_of(client) == 0


def sessions_of(client: TestClient) -> int:
    return sum(1 for name in client.cookies if name == "wegweiser_staff")


def post_routes(client: TestClient) -> list[str]:
    return [path for method, path in staff_routes(client)
            if method == "POST" and (method, path) not in OPEN]


FORMS = {"/staff/transcript/review": {"id": "gen-000001", "status": "fix", "note": "x"},
         "/staff/users/state": {"username": "editor", "action": "disable"},
         "/staff/logout": {}}


def test_missing_or_foreign_csrf_token_is_403_and_changes_nothing(
        signed_in: Callable[[str], TestClient], staff_env: Engine):
    other = signed_in("editor")
    foreign = csrf_of(other.get("/staff/conversations").text)
    client = signed_in("admin")
    own = csrf_of(client.get("/staff/conversations").text)
    assert own != foreign
    for path in post_routes(client):
        for token in (None, "", foreign, own[:-1]):
            form = dict(FORMS[path]) | ({} if token is None else {"csrf": token})
            response = client.post(path, data=form)
            assert response.status_code == 403, (path, token)
    assert reviews.get(staff_env, "gen-000001") is None
    assert not accounts.find(staff_env, "editor").disabled  # type: ignore[union-attr]
    assert client.get("/staff/conversations").status_code == 200  # still signed in


def test_a_foreign_origin_is_refused_even_with_the_token(
        signed_in: Callable[[str], TestClient], staff_env: Engine):
    client = signed_in("editor")
    token = csrf_of(client.get("/staff/conversations").text)
    response = client.post("/staff/transcript/review", headers={"Origin": "https://evil.example"},
                           data={**FORMS["/staff/transcript/review"], "csrf": token})
    assert response.status_code == 403
    assert reviews.get(staff_env, "gen-000001") is None


def test_a_viewer_cannot_change_anything(signed_in: Callable[[str], TestClient],
                                         staff_env: Engine):
    client = signed_in("viewer")
    token = csrf_of(client.get("/staff/conversations").text)
    for path in post_routes(client):
        if path == "/staff/logout":
            continue
        response = client.post(path, data={**FORMS[path], "csrf": token})
        assert response.status_code == 403, path
    for path in ("/staff/users", "/staff/users.csv", "/staff/audit", "/staff/audit.csv"):
        assert client.get(path).status_code == 403, path
    assert reviews.get(staff_env, "gen-000001") is None
    assert not accounts.find(staff_env, "editor").disabled  # type: ignore[union-attr]
    page = client.get("/staff/transcript", params={"id": "gen-000001"})
    assert page.status_code == 200 and "/staff/transcript/review" not in page.text


def test_an_editor_sets_a_review_note(signed_in: Callable[[str], TestClient],
                                      staff_env: Engine):
    client = signed_in("editor")
    token = csrf_of(client.get("/staff/conversations").text)
    response = client.post("/staff/transcript/review",
                           data={**FORMS["/staff/transcript/review"], "csrf": token})
    assert response.status_code == 303
    assert reviews.get(staff_env, "gen-000001").status == "fix"  # type: ignore[union-attr]


def test_brute_force_is_locked_out_and_slowed(client: TestClient, staff_env: Engine,
                                              monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(login_router, "FAILURE_DELAY_SECONDS", 0.01)
    for _ in range(5):
        assert sign_in(client, "editor", "falsch-falsch-falsch") == 401
    assert accounts.find(staff_env, "editor").locked_until > 0  # type: ignore[union-attr]
    assert sign_in(client, "editor") == 401  # the right password, but locked
    assert sign_in(client, "admin") == 303  # other accounts unaffected
    accounts.reset_password(staff_env, "editor", PASSWORD)  # the CLI unlocks
    assert sign_in(client, "editor") == 303


def test_login_attempts_per_ip_are_rate_limited(staff_env: Engine,
                                                monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("WEGWEISER_STAFF_LOGIN_ATTEMPTS_PER_IP", "3")
    monkeypatch.setattr(login_router, "FAILURE_DELAY_SECONDS", 0.01)
    from bot.staff import deps
    from bot.staff.settings import get_staff_settings
    get_staff_settings.cache_clear()
    deps.get_login_limiter.cache_clear()
    with TestClient(create_app(BotSettings(preload_search=False)),
                    client=("127.0.0.1", 1), follow_redirects=False) as client:
        codes = [sign_in(client, f"nobody{i}", "x" * 12) for i in range(4)]
        assert codes == [401, 401, 401, 429]
        assert sign_in(client, "admin") == 429  # even the right password waits
    clear_caches()


def test_session_cookie_flags(client: TestClient, monkeypatch: pytest.MonkeyPatch):
    page = client.get("/staff/login")
    response = client.post("/staff/login", data={"username": "viewer", "password": PASSWORD,
                                                 "csrf": csrf_of(page.text)})
    cookie = response.headers["set-cookie"].lower()
    assert "wegweiser_staff=" in cookie and "httponly" in cookie
    assert "samesite=strict" in cookie and "path=/staff" in cookie
    assert "secure" not in cookie.split("wegweiser_staff=")[1].split(",")[0]
    monkeypatch.setenv("WEGWEISER_STAFF_COOKIE_SECURE", "auto")  # Secure over HTTPS
    from bot.staff.settings import get_staff_settings
    get_staff_settings.cache_clear()
    page = client.get("https://testserver/staff/login")
    response = client.post("https://testserver/staff/login", data={
        "username": "viewer", "password": PASSWORD, "csrf": csrf_of(page.text)})
    assert response.status_code == 303
    assert "secure" in response.headers["set-cookie"].lower()


def test_logout_ends_the_session(signed_in: Callable[[str], TestClient]):
    client = signed_in("viewer")
    token = csrf_of(client.get("/staff/conversations").text)
    stolen = dict(client.cookies)
    assert client.post("/staff/logout", data={"csrf": token}).status_code == 303
    client.cookies.update(stolen)  # a copied cookie is worthless afterwards
    assert client.get("/staff/conversations").status_code == 303


def test_a_disabled_account_loses_its_session(signed_in: Callable[[str], TestClient],
                                              staff_env: Engine):
    client = signed_in("viewer")
    accounts.set_disabled(staff_env, "viewer", True)
    assert client.get("/staff/conversations").status_code == 303
    assert sign_in(client, "viewer") == 401


def test_a_request_through_an_unconfigured_proxy_is_refused(client: TestClient,
                                                            monkeypatch: pytest.MonkeyPatch):
    """Behind a reverse proxy on loopback, every internet client would look like
    127.0.0.1: unless the proxy is trusted (and names the client), /staff is hidden."""
    headers = {"X-Forwarded-For": "203.0.113.9"}
    assert client.get("/staff/login", headers=headers).status_code == 404
    monkeypatch.setenv("WEGWEISER_TRUSTED_PROXIES", "127.0.0.1")
    from bot.settings import get_settings
    get_settings.cache_clear()
    try:
        assert client.get("/staff/login", headers=headers).status_code == 404
        inside = {"X-Forwarded-For": "10.20.1.2"}
        assert client.get("/staff/login", headers=inside).status_code == 200
    finally:
        get_settings.cache_clear()


def test_outside_networks_do_not_see_staff(staff_env: Engine):
    with TestClient(create_app(BotSettings(preload_search=False)),
                    client=("203.0.113.9", 1), follow_redirects=False) as client:
        hidden = client.get("/staff/login")
        assert hidden.status_code == 404 and "default-src 'self'" in \
            hidden.headers["content-security-policy"]
        assert client.post("/staff/login", data={"username": "admin"}).status_code == 404
        assert client.get("/").status_code == 200  # the citizens' site is unaffected
