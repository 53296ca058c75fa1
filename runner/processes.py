"""Generic process supervision: start, prefix output, keep full logs, restart, stop.

Every line a process prints goes to its log file (when it has one) and to a short tail
kept for the crash report; the console shows only the lines `Service.echo` lets through,
so a newcomer sees what matters instead of pages of third-party warnings.

A process that dies is restarted with exponential backoff while the others keep
serving; a process that keeps dying (a crash loop, e.g. a port that another program holds)
stops the whole assistant with a message naming it and its last output, so a broken
deployment never flaps unnoticed. Hung processes are found by `runner.health`.
"""

from __future__ import annotations

import contextlib
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

from bot.log_privacy import redact_line
from runner.console import say
from runner.health import HealthCheck, watch

ROOT = Path(__file__).resolve().parent.parent
STOP_GRACE_SECONDS = 15
TAIL_LINES = 10


@dataclass(frozen=True)
class RestartPolicy:
    """Backoff between restarts, and what counts as a crash loop."""

    backoff_first: float = 1.0
    backoff_max: float = 30.0
    loop_restarts: int = 5  # this many restarts …
    loop_window: float = 120.0  # … within this many seconds: give up

    def backoff(self, recent_restarts: int) -> float:
        """Seconds to wait before the next start, doubling with each recent restart."""
        return min(self.backoff_max, self.backoff_first * 2.0 ** max(0, recent_restarts - 1))


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
    restart: RestartPolicy = RestartPolicy()
    # Probed once it answered; a process that stops answering is killed and restarted.
    health: HealthCheck | None = None
    # Runs in a thread after every (re)start, e.g. warming up a cache.
    after_start: Callable[[], object] | None = None
    # True while `after_start` runs: a warm-up that loads a model may keep the process
    # from answering its health check; that is start-up, not a hang.
    warming: bool = False
    # Set when the runner stops it: shutdown noise (e.g. rasa_sdk's traceback on
    # SIGTERM) then goes to the log only, not to the console.
    stopping: bool = False
    tail: deque[str] = field(default_factory=lambda: deque(maxlen=20))
    # Monotonic times of the restarts (for backoff and crash-loop detection).
    restarts: deque[float] = field(default_factory=lambda: deque(maxlen=50))
    # When a dead process is due to be started again (None: not waiting).
    restart_at: float | None = None

    def running(self) -> subprocess.Popen[str]:
        """The started process (a programming error if it was never started)."""
        if self.process is None:
            raise RuntimeError(f"{self.name} was not started")
        return self.process


def shown_command(command: list[str]) -> str:
    """The command line for a log header, with Rasa's API token masked (log files are
    readable by more people than the token should be)."""
    return " ".join(re.sub(r"^(--auth-token=).+", r"\1***", part) for part in command)


def _pump(service: Service, log: TextIO | None) -> None:
    stdout = service.running().stdout
    assert stdout is not None  # started with stdout=PIPE
    for output in stdout:
        raw = redact_line(output)  # no personal data in log files (docs/privacy.md)
        line = raw.rstrip("\n")
        service.tail.append(line)
        if log is not None:
            log.write(raw)
            log.flush()
        if service.echo(line) and not service.stopping:
            print(f"[{service.name:>7}] {line}", flush=True)
    stdout.close()
    if log is not None:
        log.close()


def start(service: Service) -> None:
    env = {**os.environ, **service.env}
    log: TextIO | None = None
    if service.log_file is not None:
        service.log_file.parent.mkdir(parents=True, exist_ok=True)
        log = service.log_file.open("a", encoding="utf-8")
        log.write(redact_line(f"===== {datetime.now().isoformat(timespec='seconds')} "
                              f"{shown_command(service.command)}\n"))
    service.process = subprocess.Popen(service.command, cwd=ROOT, env=env, text=True,
                                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                       bufsize=1, errors="replace", start_new_session=True)
    threading.Thread(target=_pump, args=(service, log), daemon=True).start()
    where = f"; full log: {service.log_file}" if service.log_file else ""
    what = f" – {service.description}" if service.description else ""
    say(f"started {service.name} (pid {service.process.pid}){what}{where}")
    if service.after_start is not None:
        service.warming = True
        threading.Thread(target=_warm_up, args=(service, service.after_start),
                         daemon=True).start()


def _warm_up(service: Service, warm_up: Callable[[], object]) -> None:
    try:
        warm_up()
    finally:
        service.warming = False


def recent_restarts(service: Service, now: float) -> int:
    return sum(1 for at in service.restarts if now - at <= service.restart.loop_window)


def report_exit(service: Service, code: int) -> None:
    say(f"{service.name} exited unexpectedly with code {code}; last output:")
    for line in list(service.tail)[-TAIL_LINES:]:
        say(f"  {line}")
    if service.log_file is not None:
        say(f"  (full output: {service.log_file})")


def kill_group(service: Service) -> None:
    """Kill what is left of a dead process's group: servers such as Sanic (the action
    server) run worker processes that would otherwise keep the port and block a restart."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(service.running().pid, signal.SIGKILL)


def handle_exit(service: Service, code: int, now: float) -> bool:
    """Schedule the restart of a dead process; False when it is in a crash loop."""
    kill_group(service)
    time.sleep(0.3)  # let the pump print the last lines
    report_exit(service, code)
    service.restarts.append(now)
    recent = recent_restarts(service, now)
    policy = service.restart
    if recent >= policy.loop_restarts:
        say(f"{service.name} crashed {recent} times within {policy.loop_window:.0f} s: "
            f"giving up and stopping the assistant. Fix the cause shown above, then start "
            f"it again.")
        return False
    delay = policy.backoff(recent)
    say(f"restarting {service.name} in {delay:.0f} s (restart {recent} of at most "
        f"{policy.loop_restarts - 1} within {policy.loop_window:.0f} s); "
        f"the other parts keep serving")
    service.restart_at = now + delay
    return True


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
    for service in all_services:
        if service.process is not None:
            kill_group(service)  # workers of a process that died on its own
    say("all processes stopped")


def supervise(all_services: list[Service],
              after_start: Callable[[], object] | None = None) -> int:
    """Block until Ctrl-C/SIGTERM (exit 0) or until a process is in a crash loop (exit 1).

    `after_start` runs in a background thread once every process was started
    (readiness message).
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
        if service.health is not None:
            threading.Thread(target=watch, args=(service, service.health, stopping),
                             daemon=True).start()
    if after_start is not None:
        threading.Thread(target=after_start, daemon=True).start()
    while not stopping.wait(0.2):
        now = time.monotonic()
        for service in all_services:
            if service.restart_at is not None:
                if now >= service.restart_at:
                    service.restart_at = None
                    start(service)
                continue
            code = service.running().poll()
            if code is not None and not handle_exit(service, code, now):
                stop_all(all_services)
                return 1
    stop_all(all_services)
    return 0
