"""A fake PVOG on 127.0.0.1 (stdlib http.server): canned responses by path, every request
recorded. The response shapes and their public sources: fixtures/SOURCES.md."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).resolve().parents[3]
LEIKAHIERARCHY = "/suchdienst/api/v2/servicedescriptions/leikahierarchy"
BEREITSTELL = "/bereitstelldienst/api/v2/verwaltungsobjekte"
TOKEN = "/auth/realms/pvog/protocol/openid-connect/token"


@dataclass
class Reply:
    status: int = 200
    body: bytes | str = b""
    content_type: str = "application/json"
    delay: float = 0.0
    headers: dict[str, str] = field(default_factory=dict)

    @classmethod
    def json(cls, data: object, **kwargs: object) -> Reply:
        return cls(body=json.dumps(data, ensure_ascii=False), **kwargs)  # type: ignore[arg-type]


@dataclass
class Seen:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: str


class FakePvog:
    """`routes[path]` is a list of replies served in turn (the last one repeats)."""

    def __init__(self) -> None:
        self.routes: dict[str, list[Reply]] = {}
        self.seen: list[Seen] = []
        self.url = ""

    def reply(self, path: str, *replies: Reply) -> None:
        self.routes[path] = list(replies)

    def next_reply(self, path: str) -> Reply:
        queue = self.routes.get(path)
        if not queue:
            return Reply(404, "not found", "text/plain")
        return queue.pop(0) if len(queue) > 1 else queue[0]


@pytest.fixture
def fake_pvog() -> Iterator[FakePvog]:
    fake = FakePvog()

    class Handler(BaseHTTPRequestHandler):
        def _serve(self) -> None:
            parts = urlsplit(self.path)
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length).decode() if length else ""
            fake.seen.append(Seen(self.command, parts.path, parse_qs(parts.query),
                                  {k.lower(): v for k, v in self.headers.items()}, body))
            reply = fake.next_reply(parts.path)
            time.sleep(reply.delay)
            data = reply.body.encode() if isinstance(reply.body, str) else reply.body
            try:
                self.send_response(reply.status)
                self.send_header("Content-Type", reply.content_type)
                self.send_header("Content-Length", str(len(data)))
                for key, value in reply.headers.items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (timeout, size limit): that is the point

        do_GET = _serve
        do_POST = _serve

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    fake.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02},
                              daemon=True)
    thread.start()
    yield fake
    server.shutdown()
    server.server_close()


def koeln_page() -> dict[str, object]:
    data: dict[str, object] = json.loads(
        (FIXTURES / "suchdienst-leikahierarchy-reisepass-koeln.json").read_text())
    return data


def xzufi_sample() -> str:
    return (ROOT / "catalogue" / "samples" / "xzufi-sample.xml").read_text(encoding="utf-8")
