"""Checks before anything starts: the files the processes need are there and readable.

A missing or corrupt catalogue, or a conversation database that is no SQLite file,
would otherwise show up as a crash loop with a traceback; here it is one sentence that
says what to do. Nothing is repaired or deleted automatically: stored conversations
are never touched.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import tarfile
from pathlib import Path

import yaml


def catalogue_problem(path: Path) -> str | None:
    """Why the catalogue database at `path` cannot serve, or None if it can."""
    if not path.exists():
        return f"the catalogue database {path} is missing: build it with `make catalogue`"
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
            count = conn.execute("select count(*) from procedures").fetchone()[0]
    except sqlite3.Error as exc:
        return (f"the catalogue database {path} is not usable ({exc}); rebuild it with "
                f"`make catalogue` (the file is left as it is)")
    if not count:
        return f"the catalogue database {path} has no procedures: run `make catalogue`"
    return None


def prepare_tracker(path: Path) -> str | None:
    """Put the conversation database into WAL mode; a reason if it is unusable.

    WAL lets readers (staff review, evaluation, backups) work while Rasa writes, and
    is kept in the file once set.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with sqlite3.connect(path, timeout=20) as conn:
            conn.execute("pragma journal_mode=wal").fetchone()
    except sqlite3.Error as exc:
        return (f"the conversation database {path} is not usable ({exc}); move it away "
                f"and start again — it is never deleted automatically")
    return None


def model_problem(path: Path) -> str | None:
    """Why the trained dialogue model at `path` cannot load, or None if it looks whole.

    Rasa 3.6 does not exit on a broken model: it would serve without one (every turn
    failing), so a truncated or foreign file is caught here.
    """
    if not path.exists():
        return f"the dialogue model {path} is missing: train it with `make model`"
    try:
        with tarfile.open(path, "r:gz") as archive:
            names = {name.lstrip("/") for name in archive.getnames()}
    except (tarfile.TarError, OSError, EOFError) as exc:
        return (f"the dialogue model {path} is not a readable model archive ({exc}); "
                f"train it again with `make model`")
    if "metadata.json" not in names:
        return (f"the dialogue model {path} has no metadata.json: not a Rasa model; "
                f"train it again with `make model`")
    return None


def rasa_addons_problem(rasa_python: Path, root: Path) -> str | None:
    """Why Rasa could not import our tracker store, or None if it can.

    Rasa falls back to an in-memory tracker store with only a warning when the class in
    endpoints.yml does not import: every conversation would be lost at the next restart.
    """
    result = subprocess.run([str(rasa_python), "-c", "import rasa_addons.tracker_store"],
                            cwd=root, env={**os.environ, "PYTHONPATH": str(root)},
                            capture_output=True, text=True, timeout=300, check=False)
    if result.returncode == 0:
        return None
    last = (result.stderr.strip().splitlines() or ["no output"])[-1]
    return (f"Rasa ({rasa_python}) cannot import rasa_addons.tracker_store ({last}): "
            f"conversations would not be stored; run `make run` to repair the environments")


# Channels whose sender ids we create ourselves (random per conversation).
OWN_CHANNELS = frozenset({"rest", "socketio", "callback"})


def messenger_problem(credentials: Path, sender_secret: str) -> str | None:
    """Why a configured messenger channel may not start: its platform user ids (often
    phone numbers) would be stored without WEGWEISER_SENDER_SECRET to pseudonymise them."""
    config = yaml.safe_load(credentials.read_text(encoding="utf-8")) or {}
    messengers = sorted(set(config) - OWN_CHANNELS)
    if messengers and len(sender_secret) < 32:
        return (f"credentials.yml configures {', '.join(messengers)}, but "
                f"WEGWEISER_SENDER_SECRET (at least 32 random characters) is not set: "
                f"messenger user ids would be stored unpseudonymised (docs/privacy.md)")
    return None
