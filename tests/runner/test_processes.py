"""The supervisor: restarts what dies, gives up on a crash loop, Ctrl-C stops everything."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from runner.console import important
from runner.processes import RestartPolicy, Service, supervise

ROOT = Path(__file__).resolve().parents[2]


FAST = RestartPolicy(backoff_first=0.05, backoff_max=0.2, loop_restarts=4, loop_window=30)


def test_a_crash_loop_is_named_with_its_exit_code_and_output_and_stops_all(capsys):
    services = [
        Service("sleeper", [sys.executable, "-c", "import time; time.sleep(60)"]),
        Service("crasher", [sys.executable, "-c",
                            "import sys; print('model file broken'); sys.exit(3)"],
                restart=FAST),
    ]
    assert supervise(services) == 1
    out = capsys.readouterr().out
    assert "crasher exited unexpectedly with code 3" in out
    assert "model file broken" in out
    assert out.count("restarting crasher") == 3
    assert "crasher crashed 4 times within 30 s: giving up" in out
    assert services[0].process.poll() is not None  # the healthy one was stopped too


def test_a_crashed_process_is_restarted_while_the_others_keep_running(tmp_path: Path,
                                                                        capsys):
    marker = tmp_path / "crashed-once"
    # Crashes on its first start only, then runs; the sleeper must keep its first pid.
    flaky = (f"import pathlib, sys, time\nm = pathlib.Path({str(marker)!r})\n"
             "if not m.exists():\n    m.touch(); sys.exit(9)\n"
             "print('second life', flush=True); time.sleep(60)")
    sleeper = Service("sleeper", [sys.executable, "-c", "import time; time.sleep(60)"])
    flaky_service = Service("flaky", [sys.executable, "-c", flaky], restart=FAST)
    stopper = Service("stopper", [sys.executable, "-c",
                                  "import os, signal, time; time.sleep(3); "
                                  "os.kill(os.getppid(), signal.SIGTERM); time.sleep(60)"])
    first_sleeper_pid: list[int] = []
    assert supervise([sleeper, flaky_service, stopper],
                     after_start=lambda: first_sleeper_pid.append(sleeper.running().pid)) == 0
    out = capsys.readouterr().out
    assert "flaky exited unexpectedly with code 9" in out
    assert "restarting flaky" in out and "[  flaky] second life" in out
    assert sleeper.running().pid == first_sleeper_pid[0]


def test_backoff_doubles_up_to_its_maximum():
    policy = RestartPolicy(backoff_first=1, backoff_max=10)
    assert [policy.backoff(n) for n in (1, 2, 3, 4, 5)] == [1, 2, 4, 8, 10]


def test_ctrl_c_stops_all_processes_cleanly(tmp_path: Path):
    script = tmp_path / "run.py"
    script.write_text(textwrap.dedent(f"""
        import sys
        sys.path.insert(0, {str(ROOT)!r})
        from runner.processes import Service, supervise
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


def test_full_output_goes_to_the_log_file_and_only_errors_to_the_console(tmp_path: Path,
                                                                         capsys):
    noisy = ("import sys; print('DeprecationWarning: old API'); "
             "print('2026-11-30 ERROR rasa.core - model broken'); sys.exit(4)")
    service = Service("noisy", [sys.executable, "-c", noisy], log_file=tmp_path / "noisy.log",
                      echo=important, restart=FAST)
    assert supervise([service]) == 1
    console = capsys.readouterr().out
    log = (tmp_path / "noisy.log").read_text()
    assert "old API" in log and "model broken" in log
    shown = [line for line in console.splitlines() if line.startswith("[  noisy]")]
    assert set(shown) == {"[  noisy] 2026-11-30 ERROR rasa.core - model broken"}
    assert "old API" in console  # … but the crash report still shows the last lines
    assert str(tmp_path / "noisy.log") in console


@pytest.mark.parametrize(("line", "shown"), [
    ("2026-11-30 03:36:27 INFO     rasa.engine.training.hooks  - Starting", False),
    ("/x/site-packages/tf.py:12: DeprecationWarning: np.bool is deprecated", False),
    ("2026-11-30 03:36:27 ERROR    rasa.core.agent  - Could not load model", True),
    ("Traceback (most recent call last):", True),
    ("ValueError: bad value", True),
])
def test_console_filter_keeps_errors_and_drops_noise(line: str, shown: bool):
    assert important(line) is shown


def test_shutdown_noise_after_ctrl_c_stays_in_the_log(tmp_path: Path):
    script = tmp_path / "run.py"
    script.write_text(textwrap.dedent(f"""
        import sys
        sys.path.insert(0, {str(ROOT)!r})
        from runner.processes import Service, supervise
        noisy = ("import signal, sys, time\\n"
                 "def bye(*_):\\n"
                 "    print('Traceback (most recent call last):', flush=True); sys.exit(0)\\n"
                 "signal.signal(signal.SIGTERM, bye)\\n"
                 "print('up', flush=True)\\n"
                 "time.sleep(60)")
        log = {str(tmp_path / "noisy.log")!r}
        from pathlib import Path
        sys.exit(supervise([Service("noisy", [sys.executable, "-c", noisy], log_file=Path(log))]))
    """))
    process = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True)
    time.sleep(2)
    process.send_signal(signal.SIGINT)
    out, _ = process.communicate(timeout=30)
    assert "[  noisy] up" in out
    assert "Traceback" not in out
    assert "Traceback" in (tmp_path / "noisy.log").read_text()
