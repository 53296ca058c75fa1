"""A staff app on a generated tracker store and a fresh staff database (tmp SQLite),
with three accounts, and helpers to sign in and post forms with the CSRF token."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from benchmarks import tracker_data
from bot.app import create_app
from bot.settings import BotSettings
from bot.staff import accounts, deps
from bot.staff.settings import get_staff_settings

PASSWORD = "richtig-langes-passwort"
XSS = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=1">'
FORMULA = '=HYPERLINK("http://evil.example","klick")'


def clear_caches() -> None:
    for getter in (get_staff_settings, deps.get_staff_db, deps.get_conversation_index,
                   deps.get_login_limiter):
        getter.cache_clear()


@pytest.fixture(autouse=True)
def cheap_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    """argon2id with test-sized cost: the same code path, milliseconds instead of 0.1 s."""
    hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    monkeypatch.setattr(accounts, "_HASHER", hasher)


@pytest.fixture
def tracker(tmp_path: Path) -> Path:
    db = tmp_path / "tracker.db"
    tracker_data.generate(db, 30, now=1_780_000_000)
    events = tracker_data.conversation(__import__("random").Random(1), 1_780_000_100, 2)
    events.insert(1, tracker_data.user(1_780_000_101, XSS + " " + FORMULA))
    events.insert(2, tracker_data.user(1_780_000_102, FORMULA))
    events.append(tracker_data.bot(1_780_000_200, XSS))
    tracker_data.insert(db, "xss-" + XSS, events)
    return db


@pytest.fixture
def staff_env(tracker: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
              ) -> Iterator[Engine]:
    monkeypatch.setenv("WEGWEISER_TRACKER_DB_URL", f"sqlite:///{tracker}")
    monkeypatch.setenv("WEGWEISER_STAFF_DB_URL", f"sqlite:///{tmp_path / 'staff.db'}")
    monkeypatch.setenv("WEGWEISER_STAFF_COOKIE_SECURE", "never")
    monkeypatch.setenv("WEGWEISER_STAFF_LOGIN_ATTEMPTS_PER_IP", "1000")
    clear_caches()
    db = deps.get_staff_db()
    for role in ("admin", "editor", "viewer"):
        accounts.create(db, role, role, PASSWORD)
    yield db
    clear_caches()


@pytest.fixture
def client(staff_env: Engine) -> Iterator[TestClient]:
    app = create_app(BotSettings(preload_search=False))
    with TestClient(app, client=("127.0.0.1", 40000), follow_redirects=False) as test_client:
        yield test_client


def csrf_of(html: str) -> str:
    match = re.search(r'name="csrf" value="([^"]+)"', html)
    assert match, html[:500]
    return match.group(1)


def sign_in(client: TestClient, username: str, password: str = PASSWORD) -> int:
    page = client.get("/staff/login")
    response = client.post("/staff/login", data={"username": username, "password": password,
                                                 "csrf": csrf_of(page.text)})
    return response.status_code


@pytest.fixture
def signed_in(client: TestClient) -> Callable[[str], TestClient]:
    def as_role(role: str) -> TestClient:
        client.cookies.clear()
        assert sign_in(client, role) == 303
        return client
    return as_role
