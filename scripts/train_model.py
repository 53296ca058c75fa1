"""Train the Rasa model only when its inputs changed (fingerprint cache).

The fingerprint covers config.yml, domain.yml, everything under data/ and the
pinned Rasa environment. Trained models are kept in a cache folder outside the
clone (WEGWEISER_CACHE_DIR, default ~/.cache/wegweiser/rasa-models), so a fresh
clone with unchanged data — CI, a second checkout — reuses the model instead of
spending minutes on training.

Rasa's own output (pages of TensorFlow and deprecation warnings) goes to
var/log/train.log; the console shows which component is training and, if training
fails, the last lines of that log.

Usage: python scripts/train_model.py [--rasa PATH] [--output models/wegweiser.tar.gz]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script: make the project's packages importable

from catalogue.settings import get_catalogue_settings  # noqa: E402

_COMPONENT = re.compile(r"Starting to train component '([^']+)'")
INPUTS = ["config.yml", "domain.yml", "data", "requirements/rasa-constraints.txt"]


def fingerprint(root: Path = ROOT) -> str:
    digest = hashlib.sha256()
    for name in INPUTS:
        path = root / name
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            digest.update(str(file.relative_to(root)).encode())
            digest.update(b"\0")
            digest.update(file.read_bytes())
            digest.update(b"\0")
    return digest.hexdigest()[:16]


def cache_dir() -> Path:
    return get_catalogue_settings().cache_dir / "rasa-models"


def run_quietly(command: list[str], log_path: Path) -> int:
    """Run `rasa train`, full output to `log_path`, one console line per component."""
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with log_path.open("w", encoding="utf-8") as log:
        process = subprocess.Popen(command, cwd=ROOT, text=True, errors="replace",
                                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                   env={**os.environ, "TF_CPP_MIN_LOG_LEVEL": "2"})
        assert process.stdout is not None
        for line in process.stdout:
            log.write(line)
            component = _COMPONENT.search(line)
            if component:
                print(f"train_model:   training {component[1]} …", flush=True)
        code = process.wait()
    if code != 0:
        tail = log_path.read_text(encoding="utf-8", errors="replace").splitlines()[-25:]
        print("\n".join(["train_model: last lines of the training log:", *tail]),
              file=sys.stderr)
    return code


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Train the Rasa model if its inputs changed.")
    parser.add_argument("--rasa", type=Path, default=ROOT / ".venv-rasa" / "bin" / "rasa")
    parser.add_argument("--output", type=Path, default=ROOT / "models" / "wegweiser.tar.gz")
    args = parser.parse_args(argv)

    missing = [name for name in INPUTS if not (ROOT / name).exists()]
    if missing:
        print(f"train_model: missing inputs {missing}", file=sys.stderr)
        return 2
    fp = fingerprint()
    cached = cache_dir() / f"wegweiser-{fp}.tar.gz"
    args.output.parent.mkdir(parents=True, exist_ok=True)
    if cached.exists():
        shutil.copyfile(cached, args.output)
        print(f"train_model: inputs unchanged (fingerprint {fp}); using cached model {cached}")
        return 0

    log_path = ROOT / "var" / "log" / "train.log"
    print(f"train_model: training the dialogue model (fingerprint {fp}; a few minutes; "
          f"full log: {log_path}) …", flush=True)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="wegweiser-train-") as tmp:
        code = run_quietly(
            [str(args.rasa), "train", "--config", "config.yml", "--domain", "domain.yml",
             "--data", "data", "--out", tmp, "--fixed-model-name", "wegweiser"], log_path)
        if code != 0:
            print(f"train_model: rasa train failed with exit code {code}", file=sys.stderr)
            return code
        model = Path(tmp) / "wegweiser.tar.gz"
        cached.parent.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(".partial")
        shutil.copyfile(model, partial)
        os.replace(partial, cached)  # a crashed copy never looks like a finished model
    shutil.copyfile(cached, args.output)
    print(f"train_model: trained in {time.monotonic() - started:.0f} s; cached as {cached}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
