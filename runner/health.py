"""Hung processes: a process that accepts connections but never answers is not alive.

Each watched service is probed over HTTP every few seconds once it has answered at
least once (start-up, e.g. Rasa loading its model, is not a hang). After several
failed probes in a row the process group is killed with SIGKILL, which also works on a
stopped (SIGSTOP) process; the supervisor then restarts it like any crashed process.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
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
    answered = False
    failures = 0
    while not stop.wait(check.interval):
        process = service.process
        if process is None or process.poll() is not None or service.stopping:
            continue
        if process.pid != pid:  # (re)started: wait until it answers once
            pid, answered, failures = process.pid, False, 0
        if probe(check.url, check.timeout):
            answered, failures = True, 0
            continue
        if not answered:
            continue
        failures += 1
        if failures >= check.failures_to_kill:
            say(f"{service.name} (pid {pid}) has not answered its health check "
                f"{failures} times in a row (hung?): killing it so it is restarted")
            with contextlib.suppress(ProcessLookupError):  # it died on its own meanwhile
                os.killpg(pid, signal.SIGKILL)
            failures = 0
