"""The supervisor: says which process died and why; Ctrl-C stops everything."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from bot.runner import Service, main, supervise

ROOT = Path(__file__).resolve().parents[2]


def test_a_dying_process_is_named_with_its_exit_code_and_output(capsys):
    services = [
        Service("sleeper", [sys.executable, "-c", "import time; time.sleep(60)"]),
        Service("crasher", [sys.executable, "-c",
                            "import sys; print('port already in use'); sys.exit(3)"]),
    ]
    assert supervise(services) == 1
    out = capsys.readouterr().out
    assert "crasher exited unexpectedly with code 3" in out
    assert "port already in use" in out
    assert services[0].process.poll() is not None  # the healthy one was stopped too


def test_ctrl_c_stops_all_processes_cleanly(tmp_path: Path):
    script = tmp_path / "run.py"
    script.write_text(textwrap.dedent(f"""
        import sys
        sys.path.insert(0, {str(ROOT)!r})
        from bot.runner import Service, supervise
        sleep = [sys.executable, "-c", "import time; print('up', flush=True); time.sleep(60)"]
        sys.exit(supervise([Service("a", sleep), Service("b", sleep)]))
    """))
    process = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True)
    time.sleep(2)
    process.send_signal(signal.SIGINT)
    out, _ = process.communicate(timeout=30)
    assert process.returncode == 0
    assert "[      a] up" in out and "[      b] up" in out
    assert "all processes stopped" in out


def test_missing_model_is_a_clear_message(tmp_path: Path, capsys):
    assert main(["--model", str(tmp_path / "none.tar.gz"),
                 "--rasa-bin", sys.executable]) == 2
    assert "make model" in capsys.readouterr().err


@pytest.mark.parametrize("name", ["rasa", "actions", "web"])
def test_internal_services_stay_on_loopback(name):
    from bot.runner import parse_args, services

    service = next(s for s in services(parse_args([]), "token") if s.name == name)
    command = " ".join(service.command)
    if name == "rasa":
        assert "--interface 127.0.0.1" in command and "--auth-token token" in command
    elif name == "actions":
        assert service.env["SANIC_HOST"] == "127.0.0.1"
    else:
        assert "--host 0.0.0.0" in command


def test_runtime_endpoints_point_at_this_runs_action_server_and_tracker(tmp_path: Path):
    import yaml

    from bot.runner import runtime_endpoints

    config = yaml.safe_load(runtime_endpoints(15999, tmp_path / "t.db").read_text())
    assert config["action_endpoint"]["url"] == "http://127.0.0.1:15999/webhook"
    assert config["tracker_store"]["db"] == str(tmp_path / "t.db")
    assert config["tracker_store"]["type"] == "SQL"  # the rest of endpoints.yml is kept


def test_warm_up_gives_up_cleanly_when_no_action_server_answers():
    from bot.runner import warm_up_actions

    assert warm_up_actions(9, timeout=1.5) is False
