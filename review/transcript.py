"""One conversation turn by turn: what the citizen wrote (intent, confidence), what the
bot answered, the turn record behind it and the feedback.

Read a page of events at a time (`PAGE_EVENTS`), so a conversation with thousands of
turns neither loads whole nor renders as one giant page.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Engine

from conversations.turn_record import TurnRecord
from review import events, store

PAGE_EVENTS = 1000


@dataclass
class Turn:
    user: events.UserMessage | None
    replies: list[events.BotMessage] = field(default_factory=list)
    records: list[TurnRecord] = field(default_factory=list)
    record_errors: list[str] = field(default_factory=list)
    feedback: str | None = None
    malformed: list[str] = field(default_factory=list)

    @property
    def timestamp(self) -> float:
        if self.user:
            return self.user.timestamp
        return self.replies[0].timestamp if self.replies else 0.0


@dataclass(frozen=True)
class Transcript:
    sender_id: str
    turns: list[Turn]
    total_events: int
    offset: int
    page_events: int

    @property
    def has_more(self) -> bool:
        return self.offset + self.page_events < self.total_events

    @property
    def has_previous(self) -> bool:
        return self.offset > 0


def build_turns(parsed: list[events.Event]) -> list[Turn]:
    """Group events into turns: each user message opens one; what follows belongs to it."""
    turns: list[Turn] = []

    def current() -> Turn:
        if not turns:
            turns.append(Turn(None))
        return turns[-1]

    for event in parsed:
        if isinstance(event, events.UserMessage):
            turns.append(Turn(event))
        elif isinstance(event, events.BotMessage):
            current().replies.append(event)
        elif isinstance(event, events.RecordSet):
            if event.record is not None:
                current().records.append(event.record)
            else:
                current().record_errors.append(event.error or "unlesbar")
        elif isinstance(event, events.FeedbackSet):
            current().feedback = event.helpful
        elif isinstance(event, events.Malformed):
            current().malformed.append(event.reason)
    return turns


def read(engine: Engine, sender_id: str, offset: int = 0,
         page_events: int = PAGE_EVENTS) -> Transcript:
    """One page of a conversation; raises store.StoreUnavailable."""
    offset = max(offset, 0)
    rows, total = store.conversation(engine, sender_id, offset, page_events)
    turns = build_turns([events.parse(row) for row in rows])
    return Transcript(sender_id, turns, total, offset, page_events)
