"""Start and supervise the three processes of the assistant (`make run`).

Rasa server (loopback only: its webhooks have no authentication), the action
server (loopback) and the web app (public). Output is prefixed per process;
Ctrl-C stops all of them; if one dies, the runner says which and why and stops
the others, so a half-working assistant never stays up unnoticed.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STOP_GRACE_SECONDS = 15


@dataclass
class Service:
    name: str
    command: list[str]
    env: dict[str, str] = field(default_factory=dict)
    process: subprocess.Popen[str] | None = None
    tail: deque[str] = field(default_factory=lambda: deque(maxlen=20))


def runtime_endpoints(actions_port: int, tracker_db: Path | None = None) -> Path:
    """endpoints.yml with this run's action server URL (the file names 5055) and,
    if given, another conversation database (tests keep theirs apart from real logs)."""
    import yaml

    config = yaml.safe_load((ROOT / "endpoints.yml").read_text(encoding="utf-8")) or {}
    config.setdefault("action_endpoint", {})["url"] = f"http://127.0.0.1:{actions_port}/webhook"
    if tracker_db is not None:
        config.setdefault("tracker_store", {})["db"] = str(tracker_db)
    path = ROOT / "var" / f"endpoints-{actions_port}.yml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return path


def services(args: argparse.Namespace, token: str) -> list[Service]:
    python = sys.executable
    shared = {"WEGWEISER_RASA_TOKEN": token,
              "WEGWEISER_RASA_URL": f"http://127.0.0.1:{args.rasa_port}",
              "WEGWEISER_ACTION_SERVER_URL": f"http://127.0.0.1:{args.actions_port}",
              "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1",
              "TOKENIZERS_PARALLELISM": "false"}
    return [
        Service("rasa", [str(args.rasa_bin), "run", "--enable-api", "--auth-token", token,
                         "--interface", "127.0.0.1", "--port", str(args.rasa_port),
                         "--model", str(args.model),
                         "--endpoints",
                         str(runtime_endpoints(args.actions_port, args.tracker_db)),
                         "--credentials", "credentials.yml"],
                env={**shared, "TF_CPP_MIN_LOG_LEVEL": "2"}),
        Service("actions", [python, "-m", "rasa_sdk", "--actions", "actions",
                            "--port", str(args.actions_port)],
                env={**shared, "SANIC_HOST": "127.0.0.1"}),
        Service("web", [python, "-m", "uvicorn", "bot.app:create_app", "--factory",
                        "--host", args.host, "--port", str(args.port), "--no-access-log"],
                env=shared),
    ]


# One action call straight to the action server (Rasa and its conversation log are not
# involved): it loads the embedding model and catalogue, which otherwise made the first
# citizen's question after a start wait ~10 s.
WARM_UP_CALL = {
    "next_action": "action_search_procedure", "sender_id": "runner-warm-up", "domain": {},
    "tracker": {"sender_id": "runner-warm-up", "slots": {}, "events": [], "paused": False,
                "followup_action": None, "active_loop": {}, "latest_action_name": None,
                "latest_message": {"text": "Auto abmelden", "entities": [],
                                   "intent": {"name": "search_procedure", "confidence": 1.0}}},
}


def warm_up_actions(port: int, timeout: float = 180) -> bool:
    """Wait for the action server, then make it load its search engine; True if it did."""
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"{base}/health", timeout=2).close()
            break
        except OSError:
            time.sleep(0.5)
    else:
        return False
    request = urllib.request.Request(f"{base}/webhook", data=json.dumps(WARM_UP_CALL).encode(),
                                     headers={"Content-Type": "application/json"})
    try:
        urllib.request.urlopen(request, timeout=timeout).close()
    except OSError as exc:
        print(f"[ runner] action server warm-up failed: {exc}", flush=True)
        return False
    print("[ runner] action server warmed up (search engine loaded)", flush=True)
    return True


def _pump(service: Service) -> None:
    assert service.process and service.process.stdout
    for line in service.process.stdout:
        line = line.rstrip("\n")
        service.tail.append(line)
        print(f"[{service.name:>7}] {line}", flush=True)


def start(service: Service) -> None:
    env = {**os.environ, **service.env}
    service.process = subprocess.Popen(service.command, cwd=ROOT, env=env, text=True,
                                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                       bufsize=1, errors="replace", start_new_session=True)
    threading.Thread(target=_pump, args=(service,), daemon=True).start()
    print(f"[ runner] started {service.name} (pid {service.process.pid})", flush=True)


def stop_all(all_services: list[Service]) -> None:
    running = [s for s in all_services if s.process and s.process.poll() is None]
    for service in running:
        os.killpg(service.process.pid, signal.SIGTERM)  # type: ignore[union-attr]
    deadline = time.monotonic() + STOP_GRACE_SECONDS
    for service in running:
        try:
            service.process.wait(max(0.1, deadline - time.monotonic()))  # type: ignore[union-attr]
        except subprocess.TimeoutExpired:
            print(f"[ runner] {service.name} did not stop in time; killing it", flush=True)
            os.killpg(service.process.pid, signal.SIGKILL)  # type: ignore[union-attr]
            service.process.wait()  # type: ignore[union-attr]
    print("[ runner] all processes stopped", flush=True)


def supervise(all_services: list[Service], warm_up_port: int | None = None) -> int:
    """Block until Ctrl-C/SIGTERM (exit 0) or until one process dies (exit 1)."""
    stopping = threading.Event()

    def on_signal(signum: int, _frame: object) -> None:
        print(f"\n[ runner] {signal.Signals(signum).name} received, stopping …", flush=True)
        stopping.set()

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    for service in all_services:
        start(service)
    if warm_up_port is not None:  # runs while Rasa loads its model (about a minute)
        threading.Thread(target=warm_up_actions, args=(warm_up_port,), daemon=True).start()
    while not stopping.wait(0.5):
        for service in all_services:
            code = service.process.poll()  # type: ignore[union-attr]
            if code is not None:
                time.sleep(0.3)  # let the pump print the last lines
                print(f"[ runner] {service.name} exited unexpectedly with code {code}; "
                      f"last output:", flush=True)
                for line in list(service.tail)[-10:]:
                    print(f"[ runner]   {line}", flush=True)
                stop_all(all_services)
                return 1
    stop_all(all_services)
    return 0


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default=os.environ.get("WEGWEISER_HOST", "0.0.0.0"),
                        help="interface of the web app (default 0.0.0.0)")
    parser.add_argument("--port", type=int, default=int(os.environ.get("WEGWEISER_PORT", 8000)))
    parser.add_argument("--rasa-port", type=int, default=5005)
    parser.add_argument("--actions-port", type=int, default=5055)
    parser.add_argument("--rasa-bin", type=Path, default=ROOT / ".venv-rasa" / "bin" / "rasa")
    parser.add_argument("--model", type=Path, default=ROOT / "models" / "wegweiser.tar.gz")
    parser.add_argument("--tracker-db", type=Path, default=None,
                        help="SQLite file for conversations (default: endpoints.yml's)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    for path, hint in ((args.rasa_bin, "run `make run` to create the environments"),
                       (args.model, "run `make model` to train it")):
        if not path.exists():
            print(f"[ runner] missing {path}: {hint}", file=sys.stderr)
            return 2
    (ROOT / "var").mkdir(exist_ok=True)  # Rasa's SQLite tracker store lives there
    token = os.environ.get("WEGWEISER_RASA_TOKEN") or secrets.token_urlsafe(24)
    return supervise(services(args, token), warm_up_port=args.actions_port)


if __name__ == "__main__":
    sys.exit(main())
