"""Hung processes: a process that accepts connections but never answers is not alive.

Each watched service is probed over HTTP: every second until it answers for the first
time (start-up, e.g. Rasa loading its model, is not a hang), then every few seconds.
After several failed probes in a row — or when it has not answered at all within its
start timeout — the process group is killed with SIGKILL, which also works on a stopped
(SIGSTOP) process; the supervisor then restarts it like any crashed process.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
import time
import urllib.request
from dataclasses import dataclass
from typing import TYPE_CHECKING

from runner.console import say

if TYPE_CHECKING:
    from runner.processes import Service


@dataclass(frozen=True)
class HealthCheck:
    url: str
    interval: float = 5.0
    timeout: float = 3.0
    failures_to_kill: int = 3
    # A process that never answers this long after starting (or after its warm-up
    # began, see Service.warming) is hung too.
    start_timeout: float = 300.0


def probe(url: str, timeout: float) -> bool:
    """True when `url` answers 2xx within `timeout` seconds."""
    try:
        urllib.request.urlopen(url, timeout=timeout).close()
    except OSError:  # refused, reset, timed out, HTTP error status
        return False
    return True


def watch(service: Service, check: HealthCheck, stop: threading.Event) -> None:
    """Probe `service` until `stop` is set; kill it when it stops answering."""
    pid: int | None = None
    started = time.monotonic()
    answered = False
    failures = 0
    while not stop.wait(check.interval if answered else 1.0):
        process = service.process
        if process is None or process.poll() is not None or service.stopping:
            continue
        if process.pid != pid:  # (re)started: wait until it answers once
            pid, started, answered, failures = process.pid, time.monotonic(), False, 0
        if probe(check.url, check.timeout):
            answered, failures = True, 0
            continue
        if answered and not service.warming:
            failures += 1
            hung = failures >= check.failures_to_kill
            why = f"has not answered its health check {failures} times in a row"
        else:
            hung = time.monotonic() - started > check.start_timeout
            why = f"has not answered within {check.start_timeout:.0f} s of starting"
        if hung:
            say(f"{service.name} (pid {pid}) {why} (hung?): killing it so it is restarted")
            with contextlib.suppress(ProcessLookupError):  # it died on its own meanwhile
                os.killpg(pid, signal.SIGKILL)
            failures = 0
