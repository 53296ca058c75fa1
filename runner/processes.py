"""Generic process supervision: start, prefix output, keep full logs, stop cleanly.

Every line a process prints goes to its log file (when it has one) and to a short tail
kept for the crash report; the console shows only the lines `Service.echo` lets through,
so a newcomer sees what matters instead of pages of third-party warnings. If one process
dies, the runner says which and why and stops the others, so a half-working assistant
never stays up unnoticed.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TextIO

ROOT = Path(__file__).resolve().parent.parent
STOP_GRACE_SECONDS = 15
TAIL_LINES = 10

# What a person running the assistant must see: errors and crashes, not warnings.
_IMPORTANT = re.compile(r"\b(ERROR|CRITICAL|FATAL)\b|^Traceback|^\w*(Error|Exception)\b")


def important(line: str) -> bool:
    """True for error-level log lines and tracebacks (shown even in quiet mode)."""
    return bool(_IMPORTANT.search(line))


def say(message: str) -> None:
    """A line from the runner itself (always shown)."""
    print(f"[ runner] {message}", flush=True)


@dataclass
class Service:
    name: str
    command: list[str]
    env: dict[str, str] = field(default_factory=dict)
    # Shown when the process starts: which part of the assistant this is.
    description: str = ""
    # Full output goes here (appended); None keeps it only in the tail.
    log_file: Path | None = None
    # Which output lines reach the console; default: all of them.
    echo: Callable[[str], bool] = lambda _line: True
    process: subprocess.Popen[str] | None = None
    # Set when the runner stops it: shutdown noise (e.g. rasa_sdk's traceback on
    # SIGTERM) then goes to the log only, not to the console.
    stopping: bool = False
    tail: deque[str] = field(default_factory=lambda: deque(maxlen=20))

    def running(self) -> subprocess.Popen[str]:
        """The started process (a programming error if it was never started)."""
        if self.process is None:
            raise RuntimeError(f"{self.name} was not started")
        return self.process


def _pump(service: Service, log: TextIO | None) -> None:
    stdout = service.running().stdout
    assert stdout is not None  # started with stdout=PIPE
    for raw in stdout:
        line = raw.rstrip("\n")
        service.tail.append(line)
        if log is not None:
            log.write(raw)
            log.flush()
        if service.echo(line) and not service.stopping:
            print(f"[{service.name:>7}] {line}", flush=True)
    if log is not None:
        log.close()


def start(service: Service) -> None:
    env = {**os.environ, **service.env}
    log: TextIO | None = None
    if service.log_file is not None:
        service.log_file.parent.mkdir(parents=True, exist_ok=True)
        log = service.log_file.open("a", encoding="utf-8")
        log.write(f"===== {datetime.now().isoformat(timespec='seconds')} "
                  f"{' '.join(service.command)}\n")
    service.process = subprocess.Popen(service.command, cwd=ROOT, env=env, text=True,
                                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                       bufsize=1, errors="replace", start_new_session=True)
    threading.Thread(target=_pump, args=(service, log), daemon=True).start()
    where = f"; full log: {service.log_file}" if service.log_file else ""
    what = f" – {service.description}" if service.description else ""
    say(f"started {service.name} (pid {service.process.pid}){what}{where}")


def stop_all(all_services: list[Service]) -> None:
    running = [s for s in all_services if s.process and s.process.poll() is None]
    for service in running:
        service.stopping = True
        os.killpg(service.running().pid, signal.SIGTERM)
    deadline = time.monotonic() + STOP_GRACE_SECONDS
    for service in running:
        process = service.running()
        try:
            process.wait(max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            say(f"{service.name} did not stop in time; killing it")
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    say("all processes stopped")


def supervise(all_services: list[Service],
              after_start: Callable[[], object] | None = None) -> int:
    """Block until Ctrl-C/SIGTERM (exit 0) or until one process dies (exit 1).

    `after_start` runs in a background thread once every process was started
    (warm-up, readiness messages).
    """
    stopping = threading.Event()

    def on_signal(signum: int, _frame: object) -> None:
        print(flush=True)
        say(f"{signal.Signals(signum).name} received, stopping …")
        stopping.set()

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    for service in all_services:
        start(service)
    if after_start is not None:
        threading.Thread(target=after_start, daemon=True).start()
    while not stopping.wait(0.5):
        for service in all_services:
            code = service.running().poll()
            if code is not None:
                time.sleep(0.3)  # let the pump print the last lines
                say(f"{service.name} exited unexpectedly with code {code}; last output:")
                for line in list(service.tail)[-TAIL_LINES:]:
                    say(f"  {line}")
                if service.log_file is not None:
                    say(f"  (full output: {service.log_file})")
                stop_all(all_services)
                return 1
    stop_all(all_services)
    return 0
