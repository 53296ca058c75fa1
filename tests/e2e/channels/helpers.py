"""Small helpers of the channel tests: send like a platform, read what was stored."""

from __future__ import annotations

import itertools
import shutil
import sqlite3
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

from conversations.pseudonym import pseudonymous_sender
from replies.payloads import offered_choices
from tests.e2e.channels import conftest as cfg
from tests.e2e.channels.drivers import Driver, Request

_ids = itertools.count(int(time.time()) % 1_000_000 * 1000)


def new_id() -> str:
    return str(next(_ids))


def new_sender(driver: Driver) -> str:
    number = next(_ids)
    if driver.name == "twilio":
        return f"+49170{number % 10**7:07d}"
    if driver.name == "whatsapp":
        return f"whatsapp:+49171{number % 10**7:07d}"
    if driver.name == "telegram":
        return str(7_000_000_000 + number % 10**9)
    return f"U{number}"


def post(cs: cfg.ChannelStack, request: Request) -> httpx.Response:
    path, body, headers = request
    return httpx.post(cs.base_url + path, content=body, headers=headers, timeout=60)


class Conversation:
    """One citizen on one channel."""

    def __init__(self, cs: cfg.ChannelStack, driver: Driver) -> None:
        self.cs, self.driver = cs, driver
        self.fake = driver.fake(cs.platforms)
        self.sender = new_sender(driver)

    def request(self, text: str, message_id: str | None = None) -> Request:
        return self.driver.request(self.cs.platforms, message_id or new_id(), self.sender, text)

    def send(self, request: Request) -> tuple[httpx.Response, list[dict[str, Any]]]:
        """The webhook's answer and the messages the fake received for this citizen."""
        mark = len(self.fake.calls)
        response = post(self.cs, request)
        if self.driver.background and response.status_code < 300:
            self.fake.wait_for(mark, lambda call: bool(self.driver.answers([call], self.sender)))
            time.sleep(0.5)  # the rest of the turn's messages
        return response, self.driver.answers(self.fake.since(mark), self.sender)

    def say(self, text: str) -> list[dict[str, Any]]:
        response, answers = self.send(self.request(text))
        assert response.status_code < 300, response.text
        assert answers, f"{self.driver.name}: no answer to {text!r} at the fake"
        return answers

    def tracker(self) -> dict[str, Any]:
        stack = self.cs.stack
        sender = self.driver.rasa_sender(self.sender)
        response = httpx.get(f"{stack.rasa_url}/conversations/{sender}/tracker",
                             params={"token": stack.rasa_token}, timeout=30)
        response.raise_for_status()
        tracker: dict[str, Any] = response.json()
        return tracker

    def offered(self) -> list[str]:
        return offered_choices(self.tracker()["events"], last_turn_only=True)

    @property
    def pseudonym(self) -> str:
        return pseudonymous_sender(self.driver.rasa_sender(self.sender), cfg.SENDER_SECRET)


def stored(db: Path) -> tuple[int, str, set[str]]:
    """(number of events, all stored bytes as text, sender ids) of a copy of the database."""
    with tempfile.TemporaryDirectory() as tmp:
        for attempt in range(3):
            copy = Path(tmp) / f"copy-{attempt}.db"
            shutil.copyfile(db, copy)
            wal = db.with_name(db.name + "-wal")
            if wal.exists():
                shutil.copyfile(wal, copy.with_name(copy.name + "-wal"))
            try:
                with sqlite3.connect(copy) as conn:
                    count = conn.execute("select count(*) from events").fetchone()[0]
                    senders = {row[0] for row in
                               conn.execute("select distinct sender_id from events")}
                raw = copy.read_bytes() + (copy.with_name(copy.name + "-wal").read_bytes()
                                           if copy.with_name(copy.name + "-wal").exists()
                                           else b"")
                return int(count), raw.decode("utf-8", errors="replace"), senders
            except sqlite3.DatabaseError:
                if attempt == 2:
                    raise
                time.sleep(1)
    raise AssertionError("unreachable")


def joined(answers: list[dict[str, Any]]) -> str:
    return "\n".join(str(answer["text"]) for answer in answers)
