"""Build the SQLite catalogue from the YAML sources, only when they changed."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from catalogue.clarify import CLARIFICATIONS_FILE, load_families
from catalogue.db import open_db, replace_catalogue
from catalogue.lebenslagen import LEBENSLAGEN_FILE, load_lebenslagen
from catalogue.leika import LEIKA_FILE, load_leika
from catalogue.settings import get_catalogue_settings
from catalogue.sources import DATA_DIR, load_gemeinden, load_procedures, source_files

FINGERPRINT_KEY = "sources_fingerprint"


def sources_fingerprint(data_dir: Path = DATA_DIR) -> str:
    digest = hashlib.sha256()
    for path in source_files(data_dir):
        digest.update(str(path.relative_to(data_dir)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def build(db_path: Path, data_dir: Path = DATA_DIR, *, force: bool = False,
          embeddings: bool = True) -> bool:
    """(Re)build `db_path` from `data_dir`; returns False if it was already current.

    The new database is written next to the old one and swapped in with an atomic
    rename, so a failing build never leaves a half-written catalogue behind.
    """
    fingerprint = sources_fingerprint(data_dir)
    if embeddings:
        from catalogue.search.encoders import prepare_model

        fingerprint += ":" + prepare_model(get_catalogue_settings().embedding_model)
    if not force and db_path.exists():
        current = open_db(db_path)
        row = current.execute("select value from meta where key = ?", [FINGERPRINT_KEY]).fetchone()
        current.close()
        if row and row[0] == fingerprint:
            return False
    procedures = load_procedures(data_dir / "procedures",
                                 known_leika=load_leika(data_dir / LEIKA_FILE.name))
    gemeinden = load_gemeinden(data_dir / "gemeinden.yaml")
    # Not stored in the database (read by catalogue.clarify), but a family naming an
    # unknown procedure must stop the build like any other bad source.
    load_families(data_dir / CLARIFICATIONS_FILE.name, {p.id for p in procedures})
    load_lebenslagen(data_dir / LEBENSLAGEN_FILE.name, known_ids={p.id for p in procedures})
    tmp_path = db_path.with_name(db_path.name + ".building")
    tmp_path.unlink(missing_ok=True)
    db = open_db(tmp_path)
    try:
        replace_catalogue(db, procedures, gemeinden)
        if embeddings:
            from catalogue.search.index import update_embeddings

            update_embeddings(db)
        db.table("meta").upsert({"key": FINGERPRINT_KEY, "value": fingerprint}, pk="key")
    finally:
        db.close()
    os.replace(tmp_path, db_path)
    return True
