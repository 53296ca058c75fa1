"""Start the real stack once (Rasa, action server, web app) for the end-to-end tests."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
STARTUP_TIMEOUT_SECONDS = 420


@dataclass
class Stack:
    base_url: str
    rasa_url: str
    process: subprocess.Popen[str]
    log_path: Path

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")


@pytest.fixture(scope="session")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    model = ROOT / "models" / "wegweiser.tar.gz"
    if not model.exists():
        pytest.fail("models/wegweiser.tar.gz is missing: run the tests with `make test`")
    # Ports apart from `make run`'s, so a developer's running assistant does not interfere.
    web, rasa, actions = 18000, 15005, 15055
    log_path = tmp_path_factory.mktemp("stack") / "runner.log"
    log = log_path.open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "bot.runner", "--host", "127.0.0.1", "--port", str(web),
         "--rasa-port", str(rasa), "--actions-port", str(actions)],
        cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, text=True,
        env={**os.environ, "HF_HUB_OFFLINE": "1"})
    stack = Stack(f"http://127.0.0.1:{web}", f"http://127.0.0.1:{rasa}", process, log_path)
    deadline = time.monotonic() + STARTUP_TIMEOUT_SECONDS
    started = time.monotonic()
    while True:
        if process.poll() is not None:
            pytest.fail(f"runner exited with {process.returncode}:\n{stack.log()[-4000:]}")
        try:
            if httpx.get(f"{stack.base_url}/healthz", timeout=5).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        if time.monotonic() > deadline:
            process.send_signal(signal.SIGINT)
            process.wait(30)
            pytest.fail(f"stack not healthy after {STARTUP_TIMEOUT_SECONDS} s:\n"
                        f"{stack.log()[-4000:]}")
        time.sleep(2)
    print(f"\nstack healthy after {time.monotonic() - started:.0f} s")
    yield stack
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(60)
        except subprocess.TimeoutExpired:
            process.kill()
    log.close()
