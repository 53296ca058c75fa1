"""`python -m runner`: the assistant's processes, their addresses and their start."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

from runner.__main__ import layout_of, main, parse_args
from runner.assistant import runtime_endpoints, services, warm_up_actions


def test_missing_model_is_a_clear_message(tmp_path: Path, capsys):
    assert main(["--model", str(tmp_path / "none.tar.gz"),
                 "--rasa-bin", sys.executable]) == 2
    assert "make model" in capsys.readouterr().err


@pytest.mark.parametrize("name", ["rasa", "actions", "web"])
def test_internal_services_stay_on_loopback(name):
    service = next(s for s in services(layout_of(parse_args([])), "token") if s.name == name)
    command = " ".join(service.command)
    if name == "rasa":
        assert "--interface 127.0.0.1" in command and "--auth-token=token" in command
    elif name == "actions":
        assert service.env["SANIC_HOST"] == "127.0.0.1"
    else:
        assert "--host 0.0.0.0" in command


def test_runtime_endpoints_point_at_this_runs_action_server_and_tracker(tmp_path: Path):
    config = yaml.safe_load(runtime_endpoints(15999, tmp_path / "t.db").read_text())
    assert config["action_endpoint"]["url"] == "http://127.0.0.1:15999/webhook"
    assert config["tracker_store"]["db"] == str(tmp_path / "t.db")
    # The rest of endpoints.yml is kept.
    assert config["tracker_store"]["type"] == "rasa_addons.tracker_store.WegweiserTrackerStore"
    assert config["tracker_store"]["query"] == {"timeout": "20"}


def test_warm_up_gives_up_cleanly_when_no_action_server_answers():
    assert warm_up_actions(9, timeout=1.5) is False


def test_each_process_logs_to_its_own_file_and_stays_quiet_unless_verbose(tmp_path: Path):
    quiet = services(layout_of(parse_args(["--log-dir", str(tmp_path)])), "t")
    names = ("rasa", "actions", "web")
    assert {s.log_file for s in quiet} == {tmp_path / f"{n}.log" for n in names}
    assert not any(s.echo("INFO rasa.core - loading") for s in quiet)
    verbose = services(layout_of(parse_args(["--verbose"])), "t")
    assert all(s.echo("INFO rasa.core - loading") for s in verbose)


def test_addresses_come_from_the_settings(monkeypatch: pytest.MonkeyPatch):
    from bot.settings import get_settings
    from runner.settings import get_runner_settings

    monkeypatch.setenv("WEGWEISER_PORT", "8123")
    monkeypatch.setenv("WEGWEISER_RASA_PORT", "6005")
    get_settings.cache_clear()
    get_runner_settings.cache_clear()
    try:
        args = parse_args([])
    finally:
        get_settings.cache_clear()
        get_runner_settings.cache_clear()
    assert (args.port, args.rasa_port) == (8123, 6005)


def test_a_token_that_starts_with_a_dash_stays_one_argument():
    # "--auth-token -abc" would make Rasa's argument parser read "-abc" as an option.
    rasa = services(layout_of(parse_args([])), "-abc")[0]
    assert "--auth-token=-abc" in rasa.command
