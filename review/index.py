"""The conversation list: summaries of every conversation, kept in memory and brought up
to date from the events added since the last look.

Filtering, full-text search and paging work on these summaries, so a list page costs
one small query (how many events, highest id) plus the new events, whatever the size of
the store. When events disappear (retention) the index is rebuilt. One index per web
app process; the first request after a start reads the whole store once.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import Engine

from review import events, store
from review.summary import Summary

BATCH = 5000


@dataclass(frozen=True)
class Filters:
    date_from: date | None = None
    date_to: date | None = None
    channel: str = ""
    outcome: str = ""
    procedure: str = ""
    text: str = ""

    def matches(self, item: Summary) -> bool:
        day = _day(item.last)
        if self.date_from and day < self.date_from:
            return False
        if self.date_to and day > self.date_to:
            return False
        if self.channel and item.channel_name != self.channel:
            return False
        if self.outcome and self.outcome not in item.outcomes and \
                self.outcome != item.resolution:
            return False
        if self.procedure and self.procedure not in item.procedures:
            return False
        return not self.text or self.text.casefold() in item.search_text


@dataclass(frozen=True)
class Page:
    items: list[Summary]
    total: int
    page: int
    pages: int


def _day(timestamp: float) -> date:
    return datetime.fromtimestamp(timestamp, UTC).date()


class ConversationIndex:
    """Summaries of every conversation in the tracker store at `engine`."""

    def __init__(self, engine: Engine, min_interval: float = 1.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.engine = engine
        self.min_interval = min_interval
        self.clock = clock
        self._lock = threading.Lock()
        self._by_sender: dict[str, Summary] = {}
        self._count = 0
        self._max_id = 0
        self._checked = float("-inf")
        self._dirty = False  # a catch-up failed half-way: rebuild before trusting it

    def refresh(self, force: bool = False) -> None:
        """Read what changed; raises store.StoreUnavailable (the index stays as it was)."""
        with self._lock:
            if not force and self.clock() - self._checked < self.min_interval:
                return
            current = store.state(self.engine)
            if self._dirty or current.count < self._count or current.max_id < self._max_id:
                self._rebuild()
            else:
                self._dirty = True
                self._catch_up(self._by_sender)
                self._dirty = False
                if self._count != store.state(self.engine).count and \
                        self._max_id >= current.max_id:
                    self._rebuild()  # deleted and added in between: start over
            self._checked = self.clock()

    def _rebuild(self) -> None:
        fresh: dict[str, Summary] = {}
        self._count, self._max_id = 0, 0
        try:
            self._catch_up(fresh)
        except store.StoreUnavailable:
            self._dirty = True
            raise
        self._by_sender, self._dirty = fresh, False

    def _catch_up(self, into: dict[str, Summary]) -> None:
        count, max_id = self._count, self._max_id
        while True:
            rows = store.events_after(self.engine, max_id, BATCH)
            for row in rows:
                summary = into.get(row.sender_id)
                if summary is None:
                    summary = into[row.sender_id] = Summary(row.sender_id)
                summary.add(events.parse(row))
            count += len(rows)
            if rows:
                max_id = rows[-1].id
            if len(rows) < BATCH:
                break
        self._count, self._max_id = count, max_id

    def all(self) -> list[Summary]:
        """Every conversation, most recent first."""
        with self._lock:
            items = list(self._by_sender.values())
        items.sort(key=lambda item: item.last, reverse=True)
        return items

    def get(self, sender_id: str) -> Summary | None:
        with self._lock:
            return self._by_sender.get(sender_id)

    def query(self, filters: Filters, page: int = 1, size: int = 50) -> Page:
        matching = [item for item in self.all() if filters.matches(item)]
        pages = max(1, -(-len(matching) // size))
        page = min(max(page, 1), pages)
        return Page(matching[(page - 1) * size: page * size], len(matching), page, pages)

    def channels(self) -> list[str]:
        return sorted({item.channel_name for item in self.all()})
