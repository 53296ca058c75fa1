"""The assistant's three processes, how they are wired, and when they are ready.

Rasa (loopback only: its webhooks have no authentication), the action server
(loopback) and the web app (the only public ingress).
"""

from __future__ import annotations

import json
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from runner.console import important, say
from runner.health import HealthCheck
from runner.processes import ROOT, Service
from runner.settings import get_runner_settings

# Environment every process gets: nothing may be downloaded at run time.
OFFLINE = {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "TOKENIZERS_PARALLELISM": "false"}


@dataclass(frozen=True)
class Layout:
    """Addresses, files and the console mode of one run."""

    host: str
    port: int
    rasa_port: int
    actions_port: int
    rasa_bin: Path
    model: Path
    log_dir: Path
    tracker_db: Path | None = None
    verbose: bool = False
    # Rasa's credentials for this run (runner/channels.py): credentials.yml plus the
    # messenger channels that are on.
    credentials: Path = ROOT / "credentials.yml"


def project_endpoints() -> dict[str, Any]:
    """The project's endpoints.yml (Rasa's action server and tracker store settings)."""
    config = yaml.safe_load((ROOT / "endpoints.yml").read_text(encoding="utf-8")) or {}
    return dict(config)


def runtime_endpoints(actions_port: int, tracker_db: Path | None = None,
                      sender_secret: str = "") -> Path:
    """endpoints.yml with this run's action server URL (the file names 5055) and,
    if given, another conversation database (tests keep theirs apart from real logs)."""
    config = project_endpoints()
    config.setdefault("action_endpoint", {})["url"] = f"http://127.0.0.1:{actions_port}/webhook"
    if tracker_db is not None:
        config.setdefault("tracker_store", {})["db"] = str(tracker_db)
    if sender_secret:  # sender ids stored as keyed pseudonyms (docs/privacy.md)
        config.setdefault("tracker_store", {})["sender_secret"] = sender_secret
    path = ROOT / "var" / f"endpoints-{actions_port}.yml"
    path.parent.mkdir(exist_ok=True)
    path.touch(mode=0o600)
    path.chmod(0o600)  # may hold the pseudonym secret
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return path


def tracker_path(tracker_db: Path | None) -> Path:
    """The conversation database this run uses: the given one, else endpoints.yml's."""
    if tracker_db is not None:
        return tracker_db
    config = project_endpoints()
    return ROOT / str((config.get("tracker_store") or {}).get("db", "var/tracker.db"))


def staff_databases(tracker_db: Path | None) -> dict[str, str]:
    """The staff review reads the conversation database Rasa writes: when this run uses
    another one than endpoints.yml's (tests), the web app is told, and keeps its staff
    database beside it (not the checkout's var/staff.db)."""
    if tracker_db is None:
        return {}
    tracker = tracker_db.resolve()
    return {"WEGWEISER_TRACKER_DB_URL": f"sqlite:///{tracker}",
            "WEGWEISER_STAFF_DB_URL": f"sqlite:///{tracker.with_name('staff.db')}"}


def services(layout: Layout, token: str) -> list[Service]:
    python = sys.executable
    shared = {**OFFLINE, "WEGWEISER_RASA_TOKEN": token,
              "WEGWEISER_RASA_URL": f"http://127.0.0.1:{layout.rasa_port}",
              "WEGWEISER_ACTION_SERVER_URL": f"http://127.0.0.1:{layout.actions_port}"}
    echo = (lambda _line: True) if layout.verbose else important
    local = "127.0.0.1" if layout.host in ("0.0.0.0", "::", "") else layout.host
    return [
        Service("rasa", [str(layout.rasa_bin), "run", "--enable-api", f"--auth-token={token}",
                         "--interface", "127.0.0.1", "--port", str(layout.rasa_port),
                         "--model", str(layout.model),
                         "--endpoints",
                         str(runtime_endpoints(layout.actions_port, layout.tracker_db,
                                               get_runner_settings().sender_secret)),
                         "--credentials", str(layout.credentials)],
                # PYTHONPATH: Rasa loads our tracker store and connectors (rasa_addons)
                # by name. No telemetry: nothing leaves the machine but platform replies.
                env={**shared, "TF_CPP_MIN_LOG_LEVEL": "2", "PYTHONPATH": str(ROOT),
                     "RASA_TELEMETRY_ENABLED": "false"},
                description=f"dialogue server on 127.0.0.1:{layout.rasa_port}, "
                            "loads its model (about a minute)",
                log_file=layout.log_dir / "rasa.log", echo=echo,
                health=HealthCheck(f"http://127.0.0.1:{layout.rasa_port}/")),
        Service("actions", [python, "-m", "rasa_sdk", "--actions", "actions",
                            "--port", str(layout.actions_port)],
                env={**shared, "SANIC_HOST": "127.0.0.1"},
                description=f"action server on 127.0.0.1:{layout.actions_port}",
                log_file=layout.log_dir / "actions.log", echo=echo,
                health=HealthCheck(f"http://127.0.0.1:{layout.actions_port}/health",
                                   start_timeout=120),
                after_start=lambda: warm_up_actions(layout.actions_port)),
        Service("web", [python, "-m", "uvicorn", "bot.app:create_app", "--factory",
                        "--host", layout.host, "--port", str(layout.port), "--no-access-log"],
                env={**shared, **staff_databases(layout.tracker_db)},
                description=f"web app on {layout.host}:{layout.port}",
                log_file=layout.log_dir / "web.log", echo=echo,
                health=HealthCheck(f"http://{local}:{layout.port}/livez", start_timeout=120)),
    ]


# One action call straight to the action server (Rasa and its conversation log are not
# involved): it loads the embedding model and catalogue, which otherwise made the first
# citizen's question after a start wait ~10 s.
WARM_UP_CALL: dict[str, Any] = {
    "next_action": "action_search_procedure", "sender_id": "runner-warm-up", "domain": {},
    "tracker": {"sender_id": "runner-warm-up", "slots": {}, "events": [], "paused": False,
                "followup_action": None, "active_loop": {}, "latest_action_name": None,
                "latest_message": {"text": "Auto abmelden", "entities": [],
                                   "intent": {"name": "search_procedure", "confidence": 1.0}}},
}


def wait_for(url: str, timeout: float, interval: float = 0.5) -> bool:
    """Poll `url` until it answers 2xx; False when `timeout` seconds pass first."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2).close()
            return True
        except OSError:
            time.sleep(interval)
    return False


def warm_up_actions(port: int, timeout: float = 180) -> bool:
    """Wait for the action server, then make it load its search engine; True if it did."""
    base = f"http://127.0.0.1:{port}"
    if not wait_for(f"{base}/health", timeout):
        return False
    request = urllib.request.Request(f"{base}/webhook", data=json.dumps(WARM_UP_CALL).encode(),
                                     headers={"Content-Type": "application/json"})
    try:
        urllib.request.urlopen(request, timeout=timeout).close()
    except OSError as exc:
        say(f"action server warm-up failed: {exc}")
        return False
    say("action server warmed up (search engine loaded)")
    return True


def announce_ready(layout: Layout, timeout: float = 600) -> bool:
    """Tell the person at the console where to go once everything answers."""
    started = time.monotonic()
    if not wait_for(f"http://127.0.0.1:{layout.port}/healthz", timeout):
        say(f"the assistant is not healthy after {timeout:.0f} s; "
            f"see the logs in {layout.log_dir}")
        return False
    shown = "localhost" if layout.host in ("0.0.0.0", "127.0.0.1", "::") else layout.host
    say(f"ready after {time.monotonic() - started:.0f} s: open http://{shown}:{layout.port}/ "
        f"(Ctrl-C stops everything; full logs in {layout.log_dir})")
    return True
