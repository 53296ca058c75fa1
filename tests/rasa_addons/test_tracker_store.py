"""Our tracker store, loaded by Rasa itself from endpoints.yml, in Rasa's environment.

Slow: runs `.venv-rasa`'s Python (importing Rasa takes seconds). Checks what matters
in production: Rasa's own loader builds our class (not its in-memory fallback), the
conversations land in the SQLite file, and the action timeout is bounded.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from runner.preflight import rasa_addons_problem

ROOT = Path(__file__).resolve().parents[2]
RASA_PYTHON = ROOT / ".venv-rasa" / "bin" / "python"
pytestmark = [pytest.mark.slow]

LOAD = """
import json, sys, yaml
from rasa.core.tracker_store import TrackerStore
from rasa.utils.endpoints import EndpointConfig
import rasa.core.actions.action as action
config = yaml.safe_load(open("endpoints.yml"))["tracker_store"]
config.update(json.loads(sys.argv[1]))
store = TrackerStore.create(EndpointConfig.from_dict(config))
print(json.dumps({"class": type(store).__name__, "timeout": action.DEFAULT_REQUEST_TIMEOUT,
                  "url": str(store.engine.url)}))
"""


def load_in_rasa(**overrides: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(RASA_PYTHON), "-c", LOAD, json.dumps(overrides)], cwd=ROOT,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
                          capture_output=True, text=True, timeout=300, check=False)


def test_rasa_builds_our_store_with_a_bounded_action_timeout(tmp_path: Path):
    result = load_in_rasa(db=str(tmp_path / "t.db"))
    assert result.returncode == 0, result.stderr[-2000:]
    loaded = json.loads(result.stdout.strip().splitlines()[-1])
    assert loaded["class"] == "WegweiserTrackerStore"  # not Rasa's in-memory fallback
    assert loaded["timeout"] == 7.0
    assert loaded["url"].startswith("sqlite:///") and "timeout=20" in loaded["url"]


def test_a_bad_timeout_is_a_clear_error(tmp_path: Path):
    result = load_in_rasa(db=str(tmp_path / "t.db"), action_timeout_seconds=0)
    assert result.returncode != 0
    assert "action_timeout_seconds in endpoints.yml must be between 0 and 300" in result.stderr


def test_the_preflight_finds_it_in_rasas_environment_and_not_elsewhere():
    assert rasa_addons_problem(RASA_PYTHON, ROOT) is None
    problem = rasa_addons_problem(Path(sys.executable), ROOT)  # the app env has no Rasa
    assert problem is not None and "conversations would not be stored" in problem
