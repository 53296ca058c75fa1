"""Train the Rasa model only when its inputs changed (fingerprint cache).

The fingerprint covers config.yml, domain.yml, everything under data/ and the
pinned Rasa environment. Trained models are kept in a cache folder outside the
clone (WEGWEISER_CACHE_DIR, default ~/.cache/wegweiser/rasa-models), so a fresh
clone with unchanged data — CI, a second checkout — reuses the model instead of
spending minutes on training.

Usage: python scripts/train_model.py [--rasa PATH] [--output models/wegweiser.tar.gz]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
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
    default = Path.home() / ".cache" / "wegweiser"
    return Path(os.environ.get("WEGWEISER_CACHE_DIR", default)) / "rasa-models"


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

    print(f"train_model: training (fingerprint {fp}) …", flush=True)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="wegweiser-train-") as tmp:
        result = subprocess.run(
            [str(args.rasa), "train", "--config", "config.yml", "--domain", "domain.yml",
             "--data", "data", "--out", tmp, "--fixed-model-name", "wegweiser"],
            cwd=ROOT, env={**os.environ, "TF_CPP_MIN_LOG_LEVEL": "2"}, check=False)
        if result.returncode != 0:
            print(f"train_model: rasa train failed with exit code {result.returncode}",
                  file=sys.stderr)
            return result.returncode
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
