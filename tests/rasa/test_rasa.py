"""Rasa-level checks: data validation and the end-to-end test stories.

Both are slow (Rasa loads TensorFlow; the stories need a trained model).
The stories run against the model `make test` has already trained (or taken from the
fingerprint cache; WEGWEISER_RASA_MODEL points elsewhere), else one trained here.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from runner.settings import get_runner_settings

ROOT = Path(__file__).resolve().parents[2]
RASA = ROOT / ".venv-rasa" / "bin" / "rasa"

# No skip when .venv-rasa is missing: `make test` creates it, and a silent skip would
# hide a broken install.
pytestmark = [pytest.mark.slow]


def rasa(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(RASA), *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=1800, check=False)


def test_data_validates_without_warnings():
    result = rasa("data", "validate", "--fail-on-warnings")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]


def test_test_stories_pass(tmp_path):
    trained_model = get_runner_settings().rasa_model  # what `make model` wrote
    model = str(trained_model) if trained_model.exists() else ""
    if not model:
        trained = rasa("train", "--out", str(tmp_path), "--fixed-model-name", "test")
        assert trained.returncode == 0, trained.stderr[-3000:]
        model = str(tmp_path / "test.tar.gz")
    result = rasa("test", "core", "--stories", "tests/rasa", "-m", model,
                  "--fail-on-prediction-errors", "--out", str(tmp_path / "results"))
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "None of the test stories failed" in (
        tmp_path / "results" / "failed_test_stories.yml").read_text(encoding="utf-8")
