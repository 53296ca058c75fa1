"""The demo site, the embeddable widget's loader and chat page, and the legal pages."""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from bot.app import create_app
from bot.settings import BotSettings

STATIC = Path(__file__).resolve().parents[2] / "bot" / "static"
EMBED_TAG = re.compile(r'<script src="/widget.js" data-title="[^"]+" data-lang="de"')


@pytest.fixture
def client() -> Iterator[TestClient]:
    with TestClient(create_app(BotSettings(preload_search=False,
                                           embed_origins=["https://www.ampfing.de"]))) as c:
        yield c


@pytest.mark.parametrize("path", ["/", "/service/kfz"])
def test_demo_pages_embed_the_widget_like_any_outside_site(client: TestClient, path: str):
    page = client.get(path)
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert EMBED_TAG.search(page.text), "the same one-tag embed an outside site uses"
    assert 'href="/datenschutz"' in page.text and 'href="/barrierefreiheit"' in page.text


def test_the_loader_is_javascript_and_small(client: TestClient):
    loader = client.get("/widget.js")
    assert loader.status_code == 200
    assert loader.headers["content-type"].startswith("text/javascript")
    assert "attachShadow" in loader.text and '"/widget"' in loader.text
    assert "document.cookie" not in loader.text
    host_page_loads = len(gzip.compress(loader.content))
    assert host_page_loads <= 30_000
    iframe = sum(len(gzip.compress((STATIC / name).read_bytes()))
                 for name in ("widget-app.js", "widget.css"))
    assert host_page_loads + iframe <= 30_000


def test_the_chat_page_may_be_framed_by_the_embedding_sites_only(client: TestClient):
    page = client.get("/widget")
    assert page.status_code == 200
    csp = page.headers["content-security-policy"]
    assert "frame-ancestors 'self' https://www.ampfing.de" in csp
    assert 'role="log"' in page.text and 'aria-live="polite"' in page.text
    assert 'for="ww-input"' in page.text
    assert client.get("/static/widget-app.js").status_code == 200


def test_the_chat_page_sets_no_cookie_and_loads_nothing_foreign(client: TestClient):
    for path in ("/", "/widget", "/widget.js", "/static/widget-app.js", "/static/widget.css"):
        response = client.get(path)
        assert "set-cookie" not in response.headers, path
        if path in ("/", "/widget"):  # what the page head loads: only our own files
            head = response.text.split("<body", 1)[0]
            assert not re.search(r"(src|href)=\"(https?:)?//", head), path


def test_the_bot_text_is_only_ever_set_as_text():
    app_js = (STATIC / "widget-app.js").read_text(encoding="utf-8")
    assert "innerHTML" not in app_js and "insertAdjacentHTML" not in app_js
    assert 'rel = "noopener noreferrer"' in app_js


@pytest.mark.parametrize(("path", "needle"), [
    ("/datenschutz", "90 Tagen gelöscht"),
    ("/datenschutz", "https://www.lra-mue.de/datenschutz"),
    ("/barrierefreiheit", "Erklärung zur Barrierefreiheit"),
    ("/barrierefreiheit", "mailto:poststelle@lra-mue.de"),
])
def test_legal_pages(client: TestClient, path: str, needle: str):
    page = client.get(path)
    assert page.status_code == 200 and needle in page.text
