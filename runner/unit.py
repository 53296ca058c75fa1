"""`python -m runner.unit rasa|actions|web`: one process of the assistant under systemd.

Production runs each process as its own systemd unit (deploy/systemd/), without the
runner's supervisor. The units still need two of the runner's duties, and this module
gives them the same ones, built from the same `services()` definition:

* **redacted logs**: every output line passes `bot.log_privacy.redact_line` before it
  is appended to the process's log file — Rasa and the action server log message texts
  in some warnings and tracebacks, and journald would otherwise keep them verbatim;
* **the run's endpoints and credentials files** for Rasa: `WEGWEISER_SENDER_SECRET`
  (keyed sender pseudonyms, docs/privacy.md) in a mode-0600 copy of endpoints.yml, and
  the messenger channels whose variables are set (runner/channels.py) in a mode-0600
  credentials file — refused without the sender secret — so the operator never edits a
  secret into a file in the checkout.

systemd keeps the restarts, the crash-loop limit and the stop signal: SIGTERM/SIGINT
are passed to the child's process group and the unit exits with the child's code.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import subprocess
import sys
import threading
from datetime import datetime
from pathlib import Path
from types import FrameType

from bot.channels.settings import get_channel_settings
from bot.log_privacy import redact_line
from bot.settings import get_settings
from runner.assistant import Layout, services
from runner.channels import channel_report, runtime_credentials
from runner.console import say
from runner.preflight import messenger_problem
from runner.processes import ROOT, Service, shown_command
from runner.settings import get_runner_settings

NAMES = ("rasa", "actions", "web")
MIN_TOKEN_LENGTH = 16


class UnitError(Exception):
    """A setting the unit cannot start without (said to the operator, exit code 2)."""


def layout_from_settings(log_dir: Path | None = None,
                         credentials: Path = ROOT / "credentials.yml") -> Layout:
    """The run's addresses and files from the WEGWEISER_* settings (/etc/wegweiser/env)."""
    web, run = get_settings(), get_runner_settings()
    return Layout(host=web.host, port=web.port, rasa_port=run.rasa_port,
                  actions_port=run.actions_port, rasa_bin=ROOT / ".venv-rasa" / "bin" / "rasa",
                  model=run.rasa_model, log_dir=log_dir or run.log_dir, credentials=credentials)


def rasa_credentials() -> Path:
    """Rasa's credentials for this run: the messenger channels whose variables are set
    (runner/channels.py, as `make run` writes them); refuses a messenger without the
    sender secret (its user ids would be stored unpseudonymised)."""
    channels = get_channel_settings()
    for line in channel_report(channels):
        say(line)
    path = runtime_credentials(channels, get_runner_settings().rasa_port)
    problem = messenger_problem(path, get_runner_settings().sender_secret)
    if problem:
        raise UnitError(problem)
    return path


def service_named(name: str, log_dir: Path | None = None) -> Service:
    """The runner's definition of one process, with the fixed token of the deployment."""
    token = get_settings().rasa_token
    if len(token) < MIN_TOKEN_LENGTH:
        raise UnitError(f"WEGWEISER_RASA_TOKEN must be set to at least {MIN_TOKEN_LENGTH} "
                        "random characters for the units (all three share it); see "
                        "deploy/systemd/env.example")
    credentials = rasa_credentials() if name == "rasa" else ROOT / "credentials.yml"
    for service in services(layout_from_settings(log_dir, credentials), token):
        if service.name == name:
            return service
    raise UnitError(f"unknown process {name!r}; one of {', '.join(NAMES)}")


def run_foreground(service: Service) -> int:
    """Run `service` until it exits; its output, redacted, goes to its log file
    (or stdout). Returns the child's exit code (128 + signal number if killed)."""
    if service.log_file is not None:
        service.log_file.parent.mkdir(parents=True, exist_ok=True)
    out = (service.log_file.open("a", encoding="utf-8") if service.log_file is not None
           else sys.stdout)
    out.write(redact_line(f"===== {datetime.now().isoformat(timespec='seconds')} "
                          f"{shown_command(service.command)}\n"))
    out.flush()
    child = subprocess.Popen(service.command, cwd=ROOT, env={**os.environ, **service.env},
                             text=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                             bufsize=1, errors="replace", start_new_session=True)
    service.process = child

    def forward(signum: int, _frame: FrameType | None) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(child.pid, signum)

    previous = {sig: signal.signal(sig, forward) for sig in (signal.SIGTERM, signal.SIGINT)}
    if service.after_start is not None:
        threading.Thread(target=service.after_start, daemon=True).start()
    try:
        assert child.stdout is not None
        for line in child.stdout:
            out.write(redact_line(line))
            out.flush()
        code = child.wait()
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        if out is not sys.stdout:
            out.close()
    return code if code >= 0 else 128 - code


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m runner.unit",
        description="Run one process of the assistant in the foreground for systemd, "
                    "with redacted logs (see deploy/systemd/).",
        epilog="example: python -m runner.unit rasa --log-dir /var/log/wegweiser")
    parser.add_argument("name", choices=NAMES, help="which process")
    parser.add_argument("--log-dir", type=Path, default=None,
                        help="where <name>.log is appended (default WEGWEISER_LOG_DIR)")
    args = parser.parse_args(argv)
    try:
        service = service_named(args.name, args.log_dir)
    except UnitError as exc:
        say(str(exc))
        return 2
    say(f"starting {service.name}: {service.description}; log: {service.log_file}")
    return run_foreground(service)


if __name__ == "__main__":
    sys.exit(main())
