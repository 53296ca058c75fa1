"""Local fakes of the messenger platforms' APIs, on loopback, recording every call.

Each fake answers what the platform's API answers, in the shape of its public
documentation (the minimum the client library parses; rasa-channels.md §5):
- Telegram Bot API, https://core.telegram.org/bots/api#making-requests — `POST
  /bot<token>/<method>`, answer `{"ok": true, "result": …}` (getMe: a User,
  sendMessage: the sent Message).
- Twilio Messages, https://www.twilio.com/docs/messaging/api/message-resource#create-a-message-resource
  — `POST /2010-04-01/Accounts/<sid>/Messages.json` (form `To`, `From`, `Body`), answer
  201 with the Message resource.
- Meta Send API, https://developers.facebook.com/docs/messenger-platform/reference/send-api/
  — `POST /v2.12/me/messages?access_token=…` (JSON), answer `{"recipient_id", "message_id"}`.
- Slack chat.postMessage, https://api.slack.com/methods/chat.postMessage — answer
  `{"ok": true, "channel", "ts"}`.
- Rocket.Chat REST, https://developer.rocket.chat/apidocs/login and
  https://developer.rocket.chat/apidocs/post-message — `POST /api/v1/login`,
  `POST /api/v1/chat.postMessage`.
- Bot Framework, https://learn.microsoft.com/en-us/azure/bot-service/rest-api/bot-framework-rest-connector-authentication
  — OpenID metadata with `jwks_uri`, the JWKS, the token endpoint
  `/<tenant>/oauth2/v2.0/token`, and `POST <serviceUrl>v3/conversations/<id>/activities`.

`down()` closes the port (connection refused, as for an unreachable platform), `up()`
opens it again on the same port; `delay` makes it hang before answering.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit


@dataclass
class Call:
    """One request the assistant made to a platform."""

    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes

    @property
    def form(self) -> dict[str, str]:
        return {k: v[0] for k, v in parse_qs(self.body.decode()).items()}

    @property
    def json(self) -> Any:
        return json.loads(self.body or b"null")

    @property
    def data(self) -> dict[str, Any]:
        """The body as a dict, whether sent as JSON or as a form."""
        if self.headers.get("content-type", "").startswith("application/json"):
            loaded = self.json
            return loaded if isinstance(loaded, dict) else {}
        return self.form


Answer = tuple[int, dict[str, Any]]
Responder = Callable[[Call], Answer]


@dataclass
class FakePlatform:
    name: str
    responder: Responder
    calls: list[Call] = field(default_factory=list)
    port: int = 0
    delay: float = 0.0  # seconds before answering: a platform that hangs
    _server: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def up(self) -> FakePlatform:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                parts = urlsplit(self.path)
                call = Call(self.command, parts.path, parse_qs(parts.query),
                            {k.lower(): v for k, v in self.headers.items()},
                            self.rfile.read(length))
                fake.calls.append(call)
                time.sleep(fake.delay)
                status, body = fake.responder(call)
                raw = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(raw)))
                self.end_headers()
                self.wfile.write(raw)

            do_GET = do_POST = _handle

            def log_message(self, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self.port = self._server.server_address[1]
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def down(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def since(self, mark: int) -> list[Call]:
        return self.calls[mark:]

    def wait_for(self, mark: int, predicate: Callable[[Call], bool],
                 timeout: float = 30) -> list[Call]:
        """The calls since `mark` once one of them matches (Slack answers in the background)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if any(predicate(call) for call in self.since(mark)):
                return self.since(mark)
            time.sleep(0.2)
        return self.since(mark)


# -- the platforms' answers --------------------------------------------------------------

def telegram(bot_name: str) -> Responder:
    def answer(call: Call) -> Answer:
        method = call.path.rsplit("/", 1)[-1]
        if method == "getMe":
            return 200, {"ok": True, "result": {"id": 123456, "is_bot": True,
                                                "first_name": "Wegweiser", "username": bot_name}}
        if method in ("sendMessage", "sendPhoto"):
            chat_id = int(call.data.get("chat_id") or 0)
            return 200, {"ok": True, "result": {
                "message_id": 100, "date": int(time.time()),
                "chat": {"id": chat_id, "type": "private"},
                "from": {"id": 123456, "is_bot": True, "first_name": "Wegweiser"},
                "text": call.data.get("text", "")}}
        return 200, {"ok": True, "result": True}
    return answer


def twilio(call: Call) -> Answer:
    form = call.form
    return 201, {"sid": "SM" + "0" * 32, "account_sid": call.path.split("/")[3],
                 "to": form.get("To"), "from": form.get("From"), "body": form.get("Body"),
                 "status": "queued", "num_segments": "1", "direction": "outbound-api",
                 "date_created": "Mon, 30 Nov 2026 06:00:00 +0000", "api_version": "2010-04-01",
                 "uri": call.path.replace(".json", "/SM" + "0" * 32 + ".json")}


def facebook(call: Call) -> Answer:
    recipient = (call.data.get("recipient") or {}).get("id", "")
    return 200, {"recipient_id": recipient, "message_id": "m_fake"}


def slack(call: Call) -> Answer:
    return 200, {"ok": True, "channel": call.data.get("channel", "D1"), "ts": "1700000000.000200"}


def rocketchat(call: Call) -> Answer:
    if call.path.endswith("/login"):
        return 200, {"status": "success", "data": {"authToken": "rc-auth", "userId": "bot-id"}}
    return 200, {"success": True}


def botframework(jwk: dict[str, Any]) -> Responder:
    def answer(call: Call) -> Answer:
        if call.path.endswith("/openid"):
            host = call.headers.get("host", "")
            return 200, {"jwks_uri": f"http://{host}/keys",
                         "issuer": "https://api.botframework.com"}
        if call.path.endswith("/keys"):
            return 200, {"keys": [jwk]}
        if call.path.endswith("/oauth2/v2.0/token"):
            return 200, {"token_type": "Bearer", "expires_in": 3600, "access_token": "bf-token"}
        return 200, {"id": "activity-1"}
    return answer
