"""Put imported records into the database: all of them in one transaction, or none."""

from __future__ import annotations

import sqlite_utils

from catalogue.db import (
    gemeinde_to_row,
    insert_rows,
    procedure_to_row,
    replace_catalogue,
    transaction,
)
from catalogue.formats.common import ImportResult

MODES = ("replace", "merge")


def store(db: sqlite_utils.Database, result: ImportResult, mode: str = "replace") -> dict[str, int]:
    """`replace`: the procedures become exactly the imported ones (gemeinden too, if the
    file has them); `merge`: imported records are added or overwrite same-id ones.
    Returns counts for the operator."""
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}")
    before = db["procedures"].count
    if mode == "replace":
        replace_catalogue(db, result.procedures, result.gemeinden)
        return {"before": before, "imported": len(result.procedures),
                "after": db["procedures"].count}
    proc_rows = [procedure_to_row(p) for p in result.procedures]
    gem_rows = [gemeinde_to_row(g) for g in result.gemeinden or []]
    with transaction(db):
        insert_rows(db, "procedures", proc_rows, upsert=True)
        insert_rows(db, "gemeinden", gem_rows, upsert=True)
    return {"before": before, "imported": len(result.procedures),
            "after": db["procedures"].count}
