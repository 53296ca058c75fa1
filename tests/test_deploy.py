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


def test_each_unit_runs_the_runners_definition_of_its_process(monkeypatch):
    """The units start `python -m runner.unit <name>`: the same command, ports and
    environment as `make run`, so the two cannot drift apart."""
    from runner.unit import service_named

    monkeypatch.setenv("WEGWEISER_RASA_TOKEN", "x" * 32)
    monkeypatch.setenv("WEGWEISER_LOG_DIR", "/tmp/wegweiser-test-logs")
    from bot.settings import get_settings
    from runner.settings import get_runner_settings
    get_settings.cache_clear()
    get_runner_settings.cache_clear()
    try:
        run, web = RunnerSettings(), BotSettings()
        ports = {"rasa": run.rasa_port, "actions": run.actions_port, "web": web.port}
        for path in UNITS:
            name = path.stem.removeprefix("wegweiser-")
            if name == "staff":  # the staff review alone: not one of the runner's processes
                assert "--port 8100" in path.read_text(encoding="utf-8")  # docs/staff.md
                continue
            assert unit(path)["Service"]["ExecStart"].endswith(f"-m runner.unit {name}")
            service = service_named(name)
            assert str(ports[name]) in service.command
            assert service.log_file == Path("/tmp/wegweiser-test-logs") / f"{name}.log"
        assert service_named("actions").after_start is not None  # the warm-up
    finally:
        get_settings.cache_clear()
        get_runner_settings.cache_clear()
    assert f"proxy_pass http://127.0.0.1:{web.port};" in (
        DEPLOY / "nginx" / "wegweiser.conf").read_text(encoding="utf-8")


def test_retention_runs_daily_with_the_cli_that_exists():
    service, timer = unit(RETENTION), unit(RETENTION.with_suffix(".timer"))
    assert service["Service"]["Type"] == "oneshot"
    command = service["Service"]["ExecStart"]
    assert "-m conversations.retention" in command and "--days 90" in command
    importlib.import_module("conversations.retention")
    assert "-m bot.staff prune" in service["Service"]["ExecStartPost"]
    importlib.import_module("bot.staff.cli")
    assert timer["Timer"]["OnCalendar"] and timer["Timer"]["Persistent"] == "true"
