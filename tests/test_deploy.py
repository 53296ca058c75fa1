"""The production examples in deploy/ match the code: modules, ports, settings."""

from __future__ import annotations

import configparser
import importlib
import re
from pathlib import Path

import pytest

from bot.settings import BotSettings
from runner.settings import RunnerSettings

DEPLOY = Path(__file__).resolve().parent.parent / "deploy"
UNITS = sorted(path for path in (DEPLOY / "systemd").glob("*.service")
               if path.stem != "wegweiser-retention")
RETENTION = DEPLOY / "systemd" / "wegweiser-retention.service"


def unit(path: Path) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(path.read_text(encoding="utf-8").replace("\\\n", " "))
    return parser


def test_there_is_a_unit_per_process():
    assert {path.stem for path in UNITS} == {"wegweiser-rasa", "wegweiser-actions",
                                             "wegweiser-web", "wegweiser-staff"}


@pytest.mark.parametrize("path", UNITS, ids=lambda p: p.stem)
def test_units_restart_with_a_crash_loop_limit_and_no_public_port(path: Path):
    config = unit(path)
    assert config["Service"]["Restart"] == "on-failure"
    assert int(config["Unit"]["StartLimitBurst"]) >= 3
    command = config["Service"]["ExecStart"]
    assert "0.0.0.0" not in command  # only the reverse proxy is public
    for module in re.findall(r"-m (\w+(?:\.\w+)*)", command) + \
            re.findall(r"([\w.]+):create_(?:staff_)?app", command):
        if module.startswith(("bot", "runner", "rasa_sdk", "uvicorn")):
            importlib.import_module(module)


def test_ports_are_the_defaults_of_the_settings():
    run, web = RunnerSettings(), BotSettings()
    text = {path.stem: path.read_text(encoding="utf-8") for path in UNITS}
    assert f"--port {run.rasa_port}" in text["wegweiser-rasa"]
    assert f"--port {run.actions_port}" in text["wegweiser-actions"]
    assert f"--port {web.port}" in text["wegweiser-web"]
    assert "--port 8100" in text["wegweiser-staff"]  # docs/staff.md
    assert f"proxy_pass http://127.0.0.1:{web.port};" in (
        DEPLOY / "nginx" / "wegweiser.conf").read_text(encoding="utf-8")


def test_the_warm_up_the_actions_unit_runs_exists():
    from runner.assistant import warm_up_actions

    assert "warm_up_actions(5055)" in (DEPLOY / "systemd" / "wegweiser-actions.service"
                                        ).read_text(encoding="utf-8")
    assert callable(warm_up_actions)


def test_retention_runs_daily_with_the_cli_that_exists():
    service, timer = unit(RETENTION), unit(RETENTION.with_suffix(".timer"))
    assert service["Service"]["Type"] == "oneshot"
    command = service["Service"]["ExecStart"]
    assert "-m conversations.retention" in command and "--days 90" in command
    importlib.import_module("conversations.retention")
    assert "-m bot.staff prune" in service["Service"]["ExecStartPost"]
    importlib.import_module("bot.staff.cli")
    assert timer["Timer"]["OnCalendar"] and timer["Timer"]["Persistent"] == "true"
