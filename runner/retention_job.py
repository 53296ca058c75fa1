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


def staff_db_in_use(url: str) -> str | None:
    """The staff review's database URL if it exists (a SQLite file is never created here)."""
    if not url.startswith("sqlite:///"):
        return url or None
    path = Path(url.removeprefix("sqlite:///"))
    return url if (path if path.is_absolute() else ROOT / path).is_file() else None


def run_staff_prune(tracker: Path, staff_db_url: str) -> bool:
    """After retention: the staff review deletes its notes on deleted conversations and
    audit entries older than a year (`python -m bot.staff prune`, docs/staff.md)."""
    result = subprocess.run([sys.executable, "-m", "bot.staff", "--db", staff_db_url, "prune",
                             "--tracker", f"sqlite:///{tracker.resolve()}"], cwd=ROOT,
                            capture_output=True, text=True, timeout=600, check=False)
    for line in (result.stdout + result.stderr).strip().splitlines():
        say(f"staff review: {line.removeprefix('error: ')}")
    return result.returncode == 0


def start_retention_job(db: Path, days: int, stopping: threading.Event | None = None,
                        interval: float = DAY_SECONDS,
                        staff_db_url: str = "") -> threading.Thread:
    """Run the retention now and then every `interval` seconds, in a daemon thread; then
    the staff review's clean-up, if it has a database."""
    stop = stopping or threading.Event()

    def loop() -> None:
        while True:
            if db.exists():
                run_retention(db, days)
                staff = staff_db_in_use(staff_db_url)
                if staff:
                    run_staff_prune(db, staff)
            if stop.wait(interval):
                return

    thread = threading.Thread(target=loop, name="retention", daemon=True)
    thread.start()
    return thread
