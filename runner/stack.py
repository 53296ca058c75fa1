"""Start the whole assistant as a child process and wait until it is healthy.

Used by the end-to-end tests and the chat benchmark, so both measure exactly
what `make run` starts.
"""

from __future__ import annotations

import os
import re
import secrets
import signal
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from runner.processes import ROOT


class StackError(RuntimeError):
    """The stack did not come up; the message carries the runner's last output."""


@dataclass
class Stack:
    base_url: str
    rasa_url: str
    process: subprocess.Popen[str]
    log_path: Path
    rasa_token: str = ""
    startup_seconds: float = 0.0

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def child_pids(self) -> dict[str, int]:
        """PIDs of rasa / actions / web, read from the runner's 'started … (pid N)' lines."""
        return {match[1]: int(match[2]) for match in _STARTED.finditer(self.log())}


_STARTED = re.compile(r"\] started (\S+) \(pid (\d+)\)")


@contextmanager
def running_stack(log_path: Path, *, web_port: int = 18000, rasa_port: int = 15005,
                  actions_port: int = 15055, timeout: float = 420,
                  env: Mapping[str, str] | None = None) -> Iterator[Stack]:
    """The assistant on the given ports; `env` adds settings (e.g. messenger channels)."""
    token = secrets.token_hex(16)  # known to the caller: lets tests read trackers
    with log_path.open("w") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "runner", "--host", "127.0.0.1", "--port", str(web_port),
             "--rasa-port", str(rasa_port), "--actions-port", str(actions_port),
             "--tracker-db", str(log_path.with_name("tracker.db")),
             "--log-dir", str(log_path.with_name("logs")), "--verbose"],
            cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, text=True,
            env={**os.environ, **(env or {}), "HF_HUB_OFFLINE": "1",
                 "WEGWEISER_RASA_TOKEN": token})
        stack = Stack(f"http://127.0.0.1:{web_port}", f"http://127.0.0.1:{rasa_port}",
                      process, log_path, token)
        try:
            stack.startup_seconds = _wait_healthy(stack, timeout)
            yield stack
        finally:
            if process.poll() is None:
                process.send_signal(signal.SIGINT)
                try:
                    process.wait(60)
                except subprocess.TimeoutExpired:
                    process.kill()


def _wait_healthy(stack: Stack, timeout: float) -> float:
    started = time.monotonic()
    while True:
        if stack.process.poll() is not None:
            raise StackError(f"runner exited with {stack.process.returncode}:\n"
                             f"{stack.log()[-4000:]}")
        try:
            if httpx.get(f"{stack.base_url}/healthz", timeout=5).status_code == 200:
                return time.monotonic() - started
        except httpx.HTTPError:
            pass
        if time.monotonic() - started > timeout:
            raise StackError(f"stack not healthy after {timeout:.0f} s:\n{stack.log()[-4000:]}")
        time.sleep(1)
