"""Real-browser tests of the chat widget: Playwright driving Debian's Chromium.

Three local servers on free loopback ports, started once per session in threads:
- a fake Rasa speaking Rasa's REST shape, whose behaviour a test switches (answer, outage,
  hang, slow);
- the web app (`bot.app`) pointed at the fake Rasa;
- a foreign site on another origin (`localhost` instead of `127.0.0.1`, own port) that
  embeds the widget with the one-tag embed, under a strict CSP and with hostile CSS.

Chromium is /usr/bin/chromium (`make browser` installs it with apt-get; Playwright never
downloads a browser). axe-core comes from the npm registry at install time
(var/axe-core/axe.min.js) and is injected by the tests. Screenshots go to var/screenshots/.
"""

from __future__ import annotations

import asyncio
import json
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from bot.app import create_app
from bot.settings import BotSettings

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
AXE = ROOT / "var" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "var" / "screenshots"
FORM = "https://www.lra-mue.de/kfz-abmelden"
CHOOSE = '/choose_option{"procedure_id": "wunschkennzeichen"}'


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class FakeRasa:
    """Rasa's REST webhook with switchable behaviour; records what reached it."""

    mode: str = "answer"  # answer | outage | hang | slow
    received: list[tuple[str, str]] = field(default_factory=list)
    events: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def replies(self, message: str) -> list[dict[str, Any]]:
        if message.startswith("/choose_option"):
            return [{"text": "Ein Wunschkennzeichen reservieren Sie online."},
                    {"text": "War das hilfreich?", "buttons": [
                        {"title": "Ja", "payload": '/feedback{"helpful": "yes"}'},
                        {"title": "Nein", "payload": '/feedback{"helpful": "no"}'}]}]
        if message.startswith("/feedback"):
            return [{"text": "Danke für Ihre Rückmeldung!"}]
        if "abmelden" in message.lower():
            return [{"text": f"Sie können Ihr Fahrzeug online abmelden: {FORM}. Sie brauchen "
                             "die Zulassungsbescheinigung Teil I.",
                     "buttons": [{"title": "Zum Online-Antrag", "url": FORM,
                                  "type": "web_url"}]},
                    {"text": "Oder meinten Sie:",
                     "buttons": [{"title": "Wunschkennzeichen", "payload": CHOOSE}]}]
        if "xss" in message:
            return [{"text": '<img src=x onerror="window.__pwned=1"> <b>fett</b> '
                             "javascript:alert(1)"}]
        return [{"text": f"Antwort auf: {message}"}]

    async def webhook(self, request: Request) -> Response:
        body = await request.json()
        self.received.append((str(body.get("sender")), str(body.get("message"))))
        if self.mode == "outage":
            return JSONResponse({"error": "boom"}, status_code=500)
        if self.mode == "hang":
            await asyncio.sleep(6)  # far past the web app's 2 s Rasa timeout
        if self.mode == "slow":
            await asyncio.sleep(1.5)
        replies = self.replies(str(body.get("message", "")))
        events = self.events.setdefault(str(body.get("sender")), [])
        events.append({"event": "user", "text": str(body.get("message"))})
        events += [{"event": "bot", "text": reply["text"],
                    "data": {"buttons": reply.get("buttons")}} for reply in replies]
        return JSONResponse(replies)

    async def tracker(self, request: Request) -> Response:
        sender = request.path_params["sender"]
        return JSONResponse({"sender_id": sender, "events": self.events.get(sender, [])})

    def app(self) -> Starlette:
        async def ok(request: Request) -> Response:
            return JSONResponse({"status": "ok", "model_file": "fake.tar.gz"})
        return Starlette(routes=[Route("/webhooks/rest/webhook", self.webhook, methods=["POST"]),
                                 Route("/conversations/{sender}/tracker", self.tracker),
                                 Route("/status", ok), Route("/health", ok)])


HOSTILE_CSS = """
* { all: unset !important; font-size: 40px !important; color: #ff0 !important; }
button, iframe, div { display: none !important; transform: rotate(180deg) !important; }
wegweiser-chat { display: none !important; }
body { background: #000 !important; }
"""


def host_page(app_origin: str, title: str, other: str) -> str:
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} – Gemeinde Musterdorf</title>
<link rel="stylesheet" href="/hostile.css"></head>
<body><main><h1>{title}</h1><p>A foreign municipality's website.</p>
<a href="/{other}">Other page</a></main>
<script src="{app_origin}/widget.js" data-title="Bürgerassistent" data-lang="de"
        data-color="#8a1538" data-position="left" defer></script>
</body></html>"""


class Server:
    """A uvicorn server in a thread, stopped at teardown."""

    def __init__(self, app: Any, port: int) -> None:
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port,
                                                    log_level="warning", lifespan="on",
                                                    timeout_graceful_shutdown=1))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> Server:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("test server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(10)


@dataclass
class Sites:
    app: str  # our web app (serves /widget.js, /widget, the demo site)
    host: str  # the foreign site embedding the widget
    rasa: FakeRasa


def host_app(app_origin: str, host_origin: str) -> Starlette:
    # The strictest CSP that still embeds us: our script and frame, nothing inline, and
    # no connection anywhere (the loader itself talks to nobody).
    csp = (f"default-src 'none'; script-src {app_origin}; frame-src {app_origin}; "
           "style-src 'self'; img-src 'self'; connect-src 'none'; base-uri 'none'")

    def page(title: str, other: str) -> Any:
        async def handler(request: Request) -> Response:
            return Response(host_page(app_origin, title, other), media_type="text/html",
                            headers={"Content-Security-Policy": csp})
        return handler

    async def css(request: Request) -> Response:
        return Response(HOSTILE_CSS, media_type="text/css")

    return Starlette(routes=[Route("/", page("Startseite", "page2")),
                             Route("/page2", page("Zweite Seite", "")),
                             Route("/hostile.css", css)])


@pytest.fixture(scope="session")
def sites() -> Iterator[Sites]:
    if not CHROMIUM.exists():
        pytest.fail("/usr/bin/chromium is missing: run `make browser` (apt-get install chromium)")
    rasa = FakeRasa()
    rasa_port, app_port, host_port = free_port(), free_port(), free_port()
    app_origin, host_origin = f"http://127.0.0.1:{app_port}", f"http://localhost:{host_port}"
    settings = BotSettings(rasa_url=f"http://127.0.0.1:{rasa_port}",
                           action_server_url=f"http://127.0.0.1:{rasa_port}",
                           preload_search=False, rasa_timeout_seconds=2,
                           embed_origins=[host_origin], rate_limit_conversation=1000,
                           rate_limit_client=10_000)
    with Server(rasa.app(), rasa_port), Server(create_app(settings), app_port), \
            Server(host_app(app_origin, host_origin), host_port):
        yield Sites(app_origin, host_origin, rasa)


# Per module, not per session: Playwright's sync API keeps an event loop running in the
# main thread while it is open, which would break later modules' asyncio tests.
@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def axe_source() -> str:
    if not AXE.exists():
        pytest.fail(f"{AXE.relative_to(ROOT)} is missing: run `make browser`")
    return AXE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def screenshots() -> Path:
    shutil.rmtree(SCREENSHOTS, ignore_errors=True)
    SCREENSHOTS.mkdir(parents=True)
    return SCREENSHOTS


def dump(data: object) -> str:
    return json.dumps(data, indent=1, ensure_ascii=False)[:4000]
