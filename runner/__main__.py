"""`python -m runner`: start and supervise the whole assistant (what `make run` runs)."""

from __future__ import annotations

import argparse
import secrets
import sys
from pathlib import Path

from bot.channels.settings import get_channel_settings
from bot.settings import get_settings
from bot.staff.settings import get_staff_settings
from catalogue.settings import get_catalogue_settings
from runner.assistant import Layout, announce_ready, services, staff_databases, tracker_path
from runner.channels import channel_report, runtime_credentials
from runner.console import say
from runner.preflight import (
    catalogue_problem,
    messenger_problem,
    model_problem,
    prepare_tracker,
    rasa_addons_problem,
)
from runner.processes import ROOT, supervise
from runner.retention_job import start_retention_job
from runner.settings import get_runner_settings


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    web, run = get_settings(), get_runner_settings()
    parser = argparse.ArgumentParser(
        prog="python -m runner",
        description="Start Rasa, the action server and the web app; Ctrl-C stops all three.")
    parser.add_argument("--host", default=web.host, help=f"web app interface ({web.host})")
    parser.add_argument("--port", type=int, default=web.port, help=f"web app port ({web.port})")
    parser.add_argument("--rasa-port", type=int, default=run.rasa_port)
    parser.add_argument("--actions-port", type=int, default=run.actions_port)
    parser.add_argument("--rasa-bin", type=Path, default=ROOT / ".venv-rasa" / "bin" / "rasa")
    parser.add_argument("--model", type=Path, default=run.rasa_model)
    parser.add_argument("--log-dir", type=Path, default=run.log_dir,
                        help="one full log file per process")
    parser.add_argument("--tracker-db", type=Path, default=None,
                        help="SQLite file for conversations (default: endpoints.yml's)")
    parser.add_argument("--verbose", action="store_true",
                        help="show every output line of every process, not only errors")
    return parser.parse_args(argv)


def layout_of(args: argparse.Namespace, credentials: Path = ROOT / "credentials.yml"
              ) -> Layout:
    return Layout(host=args.host, port=args.port, rasa_port=args.rasa_port,
                  actions_port=args.actions_port, rasa_bin=args.rasa_bin, model=args.model,
                  log_dir=args.log_dir, tracker_db=args.tracker_db, verbose=args.verbose,
                  credentials=credentials)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    (ROOT / "var").mkdir(exist_ok=True)  # Rasa's SQLite tracker store lives there
    # Messenger channels: on when their secrets are set in the environment, else off.
    channels = get_channel_settings()
    for line in channel_report(channels):
        say(line)
    layout = layout_of(args, runtime_credentials(channels, args.rasa_port))
    if not layout.rasa_bin.exists():
        print(f"[ runner] missing {layout.rasa_bin}: run `make run` to create the "
              f"environments", file=sys.stderr)
        return 2
    problems = [model_problem(layout.model),
                rasa_addons_problem(layout.rasa_bin.parent / "python", ROOT),
                catalogue_problem(get_catalogue_settings().db_path),
                prepare_tracker(tracker_path(layout.tracker_db)),
                messenger_problem(layout.credentials, get_runner_settings().sender_secret)]
    for problem in filter(None, problems):
        print(f"[ runner] cannot start: {problem}", file=sys.stderr)
    if any(problems):
        return 2
    token = get_settings().rasa_token or secrets.token_hex(24)
    staff_db = staff_databases(layout.tracker_db).get("WEGWEISER_STAFF_DB_URL",
                                                      get_staff_settings().staff_db_url)
    start_retention_job(tracker_path(layout.tracker_db), get_runner_settings().retention_days,
                        staff_db_url=staff_db)
    return supervise(services(layout, token), after_start=lambda: announce_ready(layout))


if __name__ == "__main__":
    sys.exit(main())
