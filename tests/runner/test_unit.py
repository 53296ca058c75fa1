"""`python -m runner.unit`: one process under systemd, its output redacted, signals passed on."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from runner.processes import Service, shown_command
from runner.unit import main, run_foreground

ROOT = Path(__file__).resolve().parents[2]
PII = "Anfrage von max.mustermann@example.org, Tel. 0171 2345678, IBAN DE89 3704 0044 0532 0130 00"


def test_output_reaches_the_log_file_redacted_and_the_exit_code_is_kept(tmp_path: Path):
    log = tmp_path / "logs" / "actions.log"
    service = Service("actions", [sys.executable, "-c",
                                  f"import sys; print({PII!r}); sys.exit(3)"], log_file=log)
    assert run_foreground(service) == 3
    text = log.read_text(encoding="utf-8")
    assert "max.mustermann@example.org" not in text and "2345678" not in text
    assert "0532 0130" not in text
    assert "Anfrage von" in text  # the line itself is kept


def test_the_log_header_never_shows_rasas_token():
    shown = shown_command(["rasa", "run", "--auth-token=s3cret-token-value", "--port", "5005"])
    assert "s3cret" not in shown and "--auth-token=***" in shown


def test_sigterm_reaches_the_child_and_the_unit_exits_with_its_code(tmp_path: Path):
    child = ("import signal, sys, time\n"
             "signal.signal(signal.SIGTERM, lambda *_: (print('bye', flush=True), sys.exit(0)))\n"
             "print('up', flush=True)\n"
             "time.sleep(60)\n")
    script = tmp_path / "child.py"
    script.write_text(child, encoding="utf-8")
    log = tmp_path / "x.log"
    wrapper = (f"import sys; sys.path.insert(0, {str(ROOT)!r})\n"
               "from runner.processes import Service\nfrom runner.unit import run_foreground\n"
               f"sys.exit(run_foreground(Service('x', [sys.executable, {str(script)!r}], "
               f"log_file=__import__('pathlib').Path({str(log)!r}))))\n")
    proc = subprocess.Popen([sys.executable, "-c", wrapper])
    deadline = time.monotonic() + 20
    while "up" not in (log.read_text() if log.exists() else "") and time.monotonic() < deadline:
        time.sleep(0.05)
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=20) == 0
    assert "bye" in log.read_text()


def test_without_a_token_the_unit_refuses_with_a_clear_message(monkeypatch, capsys):
    from bot.settings import get_settings

    monkeypatch.setenv("WEGWEISER_RASA_TOKEN", "")
    get_settings.cache_clear()
    try:
        assert main(["web"]) == 2
    finally:
        get_settings.cache_clear()
    assert "WEGWEISER_RASA_TOKEN" in capsys.readouterr().out


def test_an_unknown_process_name_is_a_usage_error():
    with pytest.raises(SystemExit) as exc:
        main(["telegram"])
    assert exc.value.code == 2
