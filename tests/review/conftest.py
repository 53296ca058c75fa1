"""A throw-away PostgreSQL server on loopback for the reader's PostgreSQL test.

`make test` installs Debian's `postgresql` package (Makefile target `postgres`); this
fixture starts its own cluster in a temporary folder on a free port, trusts only local
connections, and stops it afterwards. TEST_POSTGRES_URL points the test at an existing
server instead. Without either (a developer's pytest without `make`), the test skips.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest


def _binaries() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _as_server_user(command: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: as root, run it as the package's user."""
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    if os.environ.get("TEST_POSTGRES_URL"):
        yield os.environ["TEST_POSTGRES_URL"]
        return
    binaries = _binaries()
    if binaries is None:
        pytest.skip("PostgreSQL not installed (make test installs Debian's postgresql)")
    folder = Path(tempfile.mkdtemp(prefix="wegweiser-pg-"))
    data = folder / "data"
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
    port = _free_port()
    subprocess.run(_as_server_user([str(binaries / "initdb"), "-D", str(data), "-U", "postgres",
                                    "-A", "trust", "--no-sync", "-E", "UTF8"]),
                   check=True, capture_output=True)
    ctl = [str(binaries / "pg_ctl"), "-D", str(data), "-w", "-l", str(folder / "server.log")]
    subprocess.run(_as_server_user([*ctl, "-o", f"-h 127.0.0.1 -p {port} -k {folder} -F",
                                    "start"]), check=True, capture_output=True)
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(_as_server_user([*ctl, "-m", "fast", "stop"]), capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)
