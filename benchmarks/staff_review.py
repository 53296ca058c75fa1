"""Staff review latency on a large conversation log (issue 17's targets: list p95 < 300 ms,
analytics p95 < 1 s).

    .venv/bin/python -m benchmarks.staff_review [--conversations 10000] [--requests 40]

Generates the conversations (1–6 turns each, Rasa's event format with turn records and
feedback) into a temporary SQLite tracker store, signs in to the staff app in-process
(FastAPI TestClient: the full request path with session, CSRF-free GETs, audit writes and
HTML rendering, but no network) and times list pages (plain, filtered, full-text
search, deep page), transcripts of random conversations and the analytics page. The
first list request builds the in-memory index from the whole store; that cold start is
reported on its own.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from fastapi.testclient import TestClient

from benchmarks import tracker_data
from bot.staff import accounts, deps
from bot.staff.app import create_staff_app
from bot.staff.db import staff_engine
from review.index import ConversationIndex
from review.store import tracker_engine

PASSWORD = "benchmark-passwort-lang"
TARGETS = {"list": 0.300, "analytics": 1.0}


def timed(call: Callable[[], object], n: int) -> list[float]:
    seconds = []
    for _ in range(n):
        start = time.perf_counter()
        call()
        seconds.append(time.perf_counter() - start)
    return seconds


def p95(values: list[float]) -> float:
    return sorted(values)[max(round(0.95 * len(values)) - 1, 0)]


def run(conversations: int, requests: int) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        tracker = Path(tmp) / "tracker.db"
        start = time.perf_counter()
        events = tracker_data.generate(tracker, conversations)
        print(f"generated {conversations:,} conversations, {events:,} events, "
              f"{tracker.stat().st_size / 1e6:.0f} MB in {time.perf_counter() - start:.1f} s")
        staff = staff_engine(f"sqlite:///{Path(tmp) / 'staff.db'}")
        accounts.create(staff, "bench", "viewer", PASSWORD)
        index = ConversationIndex(tracker_engine(f"sqlite:///{tracker}"))
        app = create_staff_app()
        app.dependency_overrides[deps.get_staff_db] = lambda: staff
        app.dependency_overrides[deps.get_conversation_index] = lambda: index
        with TestClient(app, client=("127.0.0.1", 1), follow_redirects=False) as client:
            login = client.get("/staff/login").text
            csrf = login.split('name="csrf" value="')[1].split('"')[0]
            response = client.post("/staff/login", data={"username": "bench",
                                                          "password": PASSWORD, "csrf": csrf})
            assert response.status_code == 303, response.text
            cold = timed(lambda: client.get("/staff/conversations"), 1)[0]
            print(f"cold start (first list, builds the index): {cold * 1000:.0f} ms")
            rng = random.Random(3)
            senders = [f"gen-{rng.randrange(conversations):06d}" for _ in range(requests)]

            def get(path: str, **params: str | int) -> Callable[[], object]:
                def call() -> object:
                    reply = client.get(path, params=params)
                    assert reply.status_code == 200, (path, reply.status_code)
                    return reply
                return call

            cases = {
                "list": get("/staff/conversations"),
                "list, channel + outcome filter": get("/staff/conversations", kanal="rest",
                                                      ergebnis="negative"),
                "list, full-text search": get("/staff/conversations", q="wohngeld"),
                "list, page 100": get("/staff/conversations", seite=100),
                "transcript": lambda: get("/staff/transcript", id=senders.pop())(),
                "analytics": get("/staff/analytics"),
                "CSV of the whole list": get("/staff/conversations.csv"),
            }
            missed = 0
            print(f"\n{'request':34} {'p50 ms':>8} {'p95 ms':>8}  target")
            for name, call in cases.items():
                n = max(requests // 4, 5) if "CSV" in name else requests
                values = timed(call, n)
                target = TARGETS.get(name.split(",")[0]) if name != "transcript" else None
                verdict = "" if target is None else (
                    f"< {target * 1000:.0f} ms {'met' if p95(values) < target else 'MISSED'}")
                missed += bool(target and p95(values) >= target)
                print(f"{name:34} {statistics.median(values) * 1000:8.1f} "
                      f"{p95(values) * 1000:8.1f}  {verdict}")
    return 1 if missed else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--conversations", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=40)
    args = parser.parse_args()
    return run(args.conversations, args.requests)


if __name__ == "__main__":
    raise SystemExit(main())
