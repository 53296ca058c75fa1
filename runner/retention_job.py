"""The scheduled retention job: delete old conversations at start and then daily.

Runs `python -m conversations.retention` as a child process (the runner does not
import the conversation log itself), so a failing clean-up is reported on the console
and never stops the assistant.
"""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

from runner.console import say
from runner.processes import ROOT

DAY_SECONDS = 24 * 3600


def run_retention(db: Path, days: int) -> bool:
    """One run; its report goes to the console. True if it succeeded."""
    result = subprocess.run([sys.executable, "-m", "conversations.retention",
                             "--days", str(days), "--db", str(db)], cwd=ROOT,
                            capture_output=True, text=True, timeout=600, check=False)
    output = (result.stdout + result.stderr).strip()
    for line in output.splitlines():
        say(f"retention: {line.removeprefix('retention: ')}")
    return result.returncode == 0


def start_retention_job(db: Path, days: int, stopping: threading.Event | None = None,
                        interval: float = DAY_SECONDS) -> threading.Thread:
    """Run the retention now and then every `interval` seconds, in a daemon thread."""
    stop = stopping or threading.Event()

    def loop() -> None:
        while True:
            if db.exists():
                run_retention(db, days)
            if stop.wait(interval):
                return

    thread = threading.Thread(target=loop, name="retention", daemon=True)
    thread.start()
    return thread
