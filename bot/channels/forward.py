"""Forward a verified webhook to Rasa on loopback: raw body, original headers, Rasa's
answer unchanged; a platform's retry of a message already taken is answered at once.

Rasa answers most webhooks only after the whole turn; a platform that times out
meanwhile sends the same message again. The message id is remembered (in this
process's memory, for `WEGWEISER_CHANNEL_DEDUPE_SECONDS`) when the request arrives, and
forgotten again if Rasa did not take it (unreachable, 4xx, 5xx), so a real retry after
an outage still counts and a refused forgery cannot block the genuine message.
"""

from __future__ import annotations

import logging
import time
from collections import OrderedDict

import httpx
from fastapi import Response

log = logging.getLogger(__name__)
# Not forwarded: connection-level headers, and what httpx sets itself.
HOP_BY_HOP = frozenset({"host", "content-length", "connection", "keep-alive",
                        "transfer-encoding", "te", "trailer", "upgrade",
                        "proxy-authorization", "proxy-connection", "accept-encoding"})
# Answer headers worth passing back (Slack reads X-Slack-No-Retry).
ANSWER_HEADERS = ("content-type", "x-slack-no-retry")
MAX_REMEMBERED = 100_000
# Rasa answers a webhook after the whole turn (a normal turn ~0.1 s, custom actions are
# bounded at 7 s); platforms give up after 15 s (Twilio) to 20 s (Meta).
FORWARD_TIMEOUT_SECONDS = 14.0


class Deduplicator:
    """Message ids seen recently, per channel."""

    def __init__(self, window_seconds: float) -> None:
        self._window = window_seconds
        self._seen: OrderedDict[tuple[str, str], float] = OrderedDict()

    def first_time(self, channel: str, message_id: str, now: float | None = None) -> bool:
        """True (and remembered) the first time; False for a repeat within the window."""
        now = time.monotonic() if now is None else now
        while self._seen and (next(iter(self._seen.values())) < now - self._window
                              or len(self._seen) > MAX_REMEMBERED):
            self._seen.popitem(last=False)
        key = (channel, message_id)
        if key in self._seen:
            return False
        self._seen[key] = now
        return True

    def forget(self, channel: str, message_id: str) -> None:
        self._seen.pop((channel, message_id), None)


class ChannelForwarder:
    """One shared HTTP client to Rasa's webhooks."""

    def __init__(self, rasa_url: str, timeout: float, dedupe_seconds: float,
                 transport: httpx.AsyncBaseTransport | None = None) -> None:
        self._rasa_url = rasa_url.rstrip("/")
        self._http = httpx.AsyncClient(timeout=timeout, transport=transport)
        self.dedupe = Deduplicator(dedupe_seconds)

    async def close(self) -> None:
        await self._http.aclose()

    async def forward(self, channel: str, path: str, body: bytes,
                      headers: list[tuple[str, str]], query: str = "",
                      message_id: str | None = None, method: str = "POST") -> Response:
        """Rasa's answer to this webhook, or 200 at once for a repeated message id."""
        if message_id and not self.dedupe.first_time(channel, message_id):
            log.info("%s: repeated delivery acknowledged, not answered twice", channel)
            return Response("duplicate", status_code=200, media_type="text/plain")
        url = f"{self._rasa_url}/webhooks/{channel}/{path}" + (f"?{query}" if query else "")
        kept = [(name, value) for name, value in headers if name.lower() not in HOP_BY_HOP]
        try:
            answer = await self._http.request(method, url, content=body, headers=kept)
        except httpx.HTTPError as exc:
            log.warning("%s: Rasa not reachable (%s); the platform will retry",
                        channel, exc.__class__.__name__)
            if message_id:
                self.dedupe.forget(channel, message_id)
            return Response("assistant unavailable", status_code=503,
                            media_type="text/plain", headers={"Retry-After": "30"})
        if answer.status_code >= 400 and message_id:
            # Not taken (Rasa refused it, e.g. a Bot Framework token it could not verify,
            # or failed): a later delivery with this id must still be answered.
            self.dedupe.forget(channel, message_id)
        passed = {name: answer.headers[name] for name in ANSWER_HEADERS if name in answer.headers}
        return Response(answer.content, status_code=answer.status_code, headers=passed)
