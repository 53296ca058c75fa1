"""Review notes on a conversation (editors and admins): a status and a short note."""

from __future__ import annotations

import time
from dataclasses import dataclass

from sqlalchemy import Engine, delete, insert, select

from bot.staff.db import REVIEWS

STATUSES: dict[str, str] = {"open": "offen", "checked": "geprüft – in Ordnung",
                            "fix": "Nachbesserung nötig"}
MAX_NOTE = 1000


@dataclass(frozen=True)
class Review:
    status: str
    note: str
    username: str
    at: float


def get(engine: Engine, sender_id: str) -> Review | None:
    with engine.connect() as conn:
        row = conn.execute(select(REVIEWS).where(REVIEWS.c.sender_id == sender_id)).first()
    return Review(str(row.status), str(row.note), str(row.username), float(row.at)) \
        if row else None


def prune(engine: Engine, existing: set[str]) -> int:
    """Delete the notes of conversations that retention has deleted; how many."""
    with engine.begin() as conn:
        gone = [row.sender_id for row in conn.execute(select(REVIEWS.c.sender_id))
                if row.sender_id not in existing]
        for sender_id in gone:
            conn.execute(delete(REVIEWS).where(REVIEWS.c.sender_id == sender_id))
    return len(gone)


def save(engine: Engine, sender_id: str, status: str, note: str, username: str) -> Review:
    if status not in STATUSES:
        raise ValueError(f"Unbekannter Status {status[:30]!r}.")
    review = Review(status, note[:MAX_NOTE], username, time.time())
    with engine.begin() as conn:
        conn.execute(delete(REVIEWS).where(REVIEWS.c.sender_id == sender_id))
        conn.execute(insert(REVIEWS).values(sender_id=sender_id, status=review.status,
                                            note=review.note, username=username,
                                            at=review.at))
    return review
