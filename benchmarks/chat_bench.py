"""Chat-turn latency and process memory of the real stack (`make bench-chat`).

Starts the stack exactly as `make run` does, then measures in the same run:
- a bare Rasa turn: greeting → NLU + policies + a template response, no custom action;
- a full turn: a procedure question → NLU + policies + custom action + catalogue search;
both straight at Rasa's REST webhook and through the web app's /api/chat.
Prints p50/p95/mean per kind, the ratio full/bare, start-up time and RSS per process.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
import uuid
from pathlib import Path

import httpx

from runner.stack import running_stack

BARE = ["Hallo", "Guten Tag", "Servus"]
FULL = ["Ich möchte mein Auto abmelden", "Wo verlängere ich meinen Aufenthaltstitel?",
        "Ich brauche einen neuen Führerschein"]


def rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants, in MB."""
    total = 0
    pids = [pid]
    while pids:
        current = pids.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += int(next(line.split()[1] for line in status.splitlines()
                              if line.startswith("VmRSS:")))
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
            pids.extend(int(child) for child in children)
        except (FileNotFoundError, StopIteration, ProcessLookupError):
            continue
    return total / 1024


def measure(client: httpx.Client, url: str, messages: list[str], rounds: int) -> list[float]:
    timings = []
    for index in range(rounds):
        # A fresh sender per turn: every turn starts from an empty conversation.
        body = {"sender": f"bench-{uuid.uuid4().hex[:12]}",
                "message": messages[index % len(messages)]}
        started = time.perf_counter()
        response = client.post(url, json=body)
        timings.append((time.perf_counter() - started) * 1000)
        response.raise_for_status()
    return timings


def summary(name: str, timings: list[float]) -> str:
    ordered = sorted(timings)
    p95 = ordered[max(0, int(len(ordered) * 0.95) - 1)]
    return (f"{name:<34} n={len(timings):<4} p50={statistics.median(ordered):7.1f} ms  "
            f"p95={p95:7.1f} ms  mean={statistics.fmean(ordered):7.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=60)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, \
            running_stack(Path(tmp) / "runner.log") as stack, httpx.Client(timeout=60) as client:
        print(f"start-up until /healthz is 200: {stack.startup_seconds:.1f} s")
        rasa_hook = f"{stack.rasa_url}/webhooks/rest/webhook"
        web_chat = f"{stack.base_url}/api/chat"
        for url in (rasa_hook, web_chat):  # warm-up: first turns load lazy parts
            measure(client, url, BARE + FULL, 6)
        # Interleave the kinds in blocks so drifting machine load hits both alike.
        results: dict[str, list[float]] = {"bare": [], "full": [], "bare_web": [], "full_web": []}
        block = 10
        for _ in range(max(1, args.rounds // block)):
            results["bare"] += measure(client, rasa_hook, BARE, block)
            results["full"] += measure(client, rasa_hook, FULL, block)
            results["bare_web"] += measure(client, web_chat, BARE, block)
            results["full_web"] += measure(client, web_chat, FULL, block)
        print(summary("bare Rasa turn (webhook)", results["bare"]))
        print(summary("full turn: NLU+action+search (webhook)", results["full"]))
        print(summary("bare Rasa turn via /api/chat", results["bare_web"]))
        print(summary("full turn via /api/chat", results["full_web"]))
        ratio = statistics.median(results["full"]) / statistics.median(results["bare"])
        print(f"ratio full/bare (p50, webhook): {ratio:.2f}  (target ≤ 1.20)")
        for name, pid in stack.child_pids().items():
            print(f"RSS {name:<8} {rss_mb(pid):8.0f} MB")


if __name__ == "__main__":
    main()
