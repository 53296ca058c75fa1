"""Rate limits of POST /api/chat: per conversation, and a high ceiling per client IP.

A sliding window per key, kept in this process's memory. That is enough for one web
app process (`make run`, the systemd unit); several processes or hosts behind a load
balancer each count on their own and need a shared store (Redis) later.

The client IP is the socket peer. Only when that peer is one of the configured trusted
proxies (`WEGWEISER_TRUSTED_PROXIES`) is X-Forwarded-For believed, read from the right:
the first address that is not a trusted proxy is the client. A header sent by anyone
else is ignored, so a citizen cannot reset their limit by inventing one.
"""

from __future__ import annotations

import ipaddress
import math
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from fastapi import Request

from bot import messages

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
# Keys not seen for this long are forgotten; bounds memory under many conversations.
_MAX_KEYS = 100_000


@dataclass
class SlidingWindow:
    """At most `limit` events per `window` seconds for each key."""

    limit: int
    window: float
    clock: Callable[[], float] = time.monotonic
    _events: dict[str, deque[float]] = field(default_factory=dict)

    def hit(self, key: str) -> float:
        """Count one event; 0 when allowed, else the seconds until the next one would be."""
        now = self.clock()
        events = self._events.get(key)
        if events is None:
            if len(self._events) >= _MAX_KEYS:
                self._forget_idle(now)
            events = self._events[key] = deque()
        while events and events[0] <= now - self.window:
            events.popleft()
        if len(events) >= self.limit:
            return max(events[0] + self.window - now, 0.001)
        events.append(now)
        return 0.0

    def unhit(self, key: str) -> None:
        """Take back the last counted event of `key` (the turn was refused elsewhere)."""
        events = self._events.get(key)
        if events:
            events.pop()

    def _forget_idle(self, now: float) -> None:
        idle = [key for key, events in self._events.items()
                if not events or events[-1] <= now - self.window]
        for key in idle:
            del self._events[key]
        if len(self._events) >= _MAX_KEYS:  # all active: drop the oldest half
            for key in list(self._events)[: _MAX_KEYS // 2]:
                del self._events[key]


def client_ip(request: Request, trusted: Sequence[Network]) -> str:
    """The citizen's IP: the peer, or behind trusted proxies the first untrusted hop."""
    peer = request.client.host if request.client else "unknown"
    if not trusted or not _is_trusted(peer, trusted):
        return peer
    hops = [hop.strip() for header in request.headers.getlist("x-forwarded-for")
            for hop in header.split(",") if hop.strip()]
    for hop in reversed(hops):
        if not _is_trusted(hop, trusted):
            return hop
    return hops[0] if hops else peer


def _is_trusted(address: str, trusted: Sequence[Network]) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False  # garbage in the header is never a trusted proxy
    return any(ip in network for network in trusted)


@dataclass(frozen=True)
class Refusal:
    retry_after: int
    scope: str  # "conversation" or "client"

    def body(self) -> dict[str, object]:
        text = messages.too_many_requests(self.retry_after)
        return {"detail": text, "status": "rate_limited", "scope": self.scope,
                "retry_after_seconds": self.retry_after,
                "messages": [{"text": text, "buttons": []}]}


# How long after its last turn a conversation's visible history is given back to the
# client IP that had it (POST /api/chat/history); a browser tab's session rarely idles longer.
OWNER_SECONDS = 2 * 3600


class ChatRateLimiter:
    """Both limits of a chat turn; a refused turn counts against neither.

    It also remembers, in memory and for OWNER_SECONDS only, which client IP a
    conversation's turns came from: the widget's history is given back to that IP only.
    """

    def __init__(self, per_conversation: int, per_client: int, window: float,
                 trusted_proxies: Sequence[str],
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.conversations = SlidingWindow(per_conversation, window, clock)
        self.clients = SlidingWindow(per_client, window, clock)
        self.trusted = [ipaddress.ip_network(p, strict=False) for p in trusted_proxies]
        self.clock = clock
        self._owners: dict[str, tuple[str, float]] = {}

    def check(self, request: Request, sender: str) -> Refusal | None:
        ip = client_ip(request, self.trusted)
        wait = self.clients.hit(ip)
        if wait:
            return Refusal(math.ceil(wait), "client")
        wait = self.conversations.hit(sender)
        if wait:
            self.clients.unhit(ip)
            return Refusal(math.ceil(wait), "conversation")
        self._remember_owner(sender, ip)
        return None

    def owns(self, request: Request, sender: str) -> bool:
        """Did this client IP send the conversation's turns, recently?"""
        owner = self._owners.get(sender)
        return (owner is not None and owner[0] == client_ip(request, self.trusted)
                and self.clock() - owner[1] < OWNER_SECONDS)

    def _remember_owner(self, sender: str, ip: str) -> None:
        self._owners.pop(sender, None)  # re-insert: dict order = last turn order
        self._owners[sender] = (ip, self.clock())
        if len(self._owners) > _MAX_KEYS:
            for key in list(self._owners)[: _MAX_KEYS // 2]:
                del self._owners[key]
