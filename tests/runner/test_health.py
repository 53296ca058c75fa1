"""Hang detection: a process that stops answering its health check is killed."""

from __future__ import annotations

import signal
import socket
import sys
import threading
import time

from runner.health import HealthCheck, probe, watch
from runner.processes import Service, start


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_probe_is_false_for_a_closed_port():
    assert probe(f"http://127.0.0.1:{free_port()}/", 0.5) is False


def test_a_stopped_process_is_killed_after_answering_once():
    port = free_port()
    server = Service("srv", [sys.executable, "-m", "http.server", str(port),
                             "--bind", "127.0.0.1"])
    start(server)
    process = server.running()
    stop = threading.Event()
    check = HealthCheck(f"http://127.0.0.1:{port}/", interval=0.3, timeout=0.5,
                        failures_to_kill=2)
    watcher = threading.Thread(target=watch, args=(server, check, stop), daemon=True)
    watcher.start()
    try:
        deadline = time.monotonic() + 15
        while not probe(check.url, 0.5) and time.monotonic() < deadline:
            time.sleep(0.2)
        time.sleep(1)  # the watcher has seen it answer
        process.send_signal(signal.SIGSTOP)  # accepts connections, never answers
        assert process.wait(timeout=15) == -signal.SIGKILL
    finally:
        stop.set()
        if process.poll() is None:
            process.kill()


def test_a_process_that_never_answers_is_killed_after_its_start_timeout():
    mute = Service("mute", [sys.executable, "-c", "import time; time.sleep(60)"])
    start(mute)
    process = mute.running()
    stop = threading.Event()
    check = HealthCheck(f"http://127.0.0.1:{free_port()}/", interval=0.3, timeout=0.3,
                        start_timeout=2)
    threading.Thread(target=watch, args=(mute, check, stop), daemon=True).start()
    try:
        assert process.wait(timeout=15) == -signal.SIGKILL
    finally:
        stop.set()
        if process.poll() is None:
            process.kill()


def test_a_process_busy_warming_up_is_not_killed_until_its_warm_up_ends():
    # The action server's warm-up loads the embedding model and may not answer health
    # checks meanwhile; a cold machine's first start had it killed as hung.
    port = free_port()
    server = Service("srv", [sys.executable, "-m", "http.server", str(port),
                             "--bind", "127.0.0.1"])
    start(server)
    process = server.running()
    stop = threading.Event()
    check = HealthCheck(f"http://127.0.0.1:{port}/", interval=0.3, timeout=0.3,
                        failures_to_kill=2, start_timeout=60)
    threading.Thread(target=watch, args=(server, check, stop), daemon=True).start()
    try:
        deadline = time.monotonic() + 15
        while not probe(check.url, 0.5) and time.monotonic() < deadline:
            time.sleep(0.2)
        time.sleep(1)
        server.warming = True
        process.send_signal(signal.SIGSTOP)
        time.sleep(3)  # ten failed probes: a hang, were it not warming up
        assert process.poll() is None
        server.warming = False
        assert process.wait(timeout=15) == -signal.SIGKILL
    finally:
        stop.set()
        if process.poll() is None:
            process.kill()


def test_warming_is_set_while_the_after_start_hook_runs():
    entered, release = threading.Event(), threading.Event()

    def warm_up() -> None:
        entered.set()
        release.wait(10)

    sleeper = Service("sleeper", [sys.executable, "-c", "import time; time.sleep(30)"],
                      after_start=warm_up)
    start(sleeper)
    try:
        assert entered.wait(10) and sleeper.warming
        release.set()
        deadline = time.monotonic() + 5
        while sleeper.warming and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not sleeper.warming
    finally:
        sleeper.running().kill()
