"""Put imported records into the database: all of them in one transaction, or none."""

from __future__ import annotations

from typing import Any

import sqlite_utils

from catalogue.db import (
    gemeinde_to_row,
    procedure_to_row,
    replace_catalogue,
    transaction,
)
from catalogue.formats.common import ImportResult

MODES = ("replace", "merge")


def _upsert(db: sqlite_utils.Database, table: str, rows: list[dict[str, Any]]) -> None:
    # ON CONFLICT … DO UPDATE fires the FTS update triggers; INSERT OR REPLACE would
    # delete without firing them (recursive_triggers is off) and leave the index stale.
    if not rows:
        return
    columns = list(rows[0])
    updates = ", ".join(f"[{c}] = excluded.[{c}]" for c in columns if c != "id")
    sql = (f"insert into [{table}] ({', '.join(f'[{c}]' for c in columns)}) "
           f"values ({', '.join('?' for _ in columns)}) on conflict(id) do update set {updates}")
    db.conn.executemany(sql, [[row.get(c) for c in columns] for row in rows])


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
        _upsert(db, "procedures", proc_rows)
        _upsert(db, "gemeinden", gem_rows)
    return {"before": before, "imported": len(result.procedures),
            "after": db["procedures"].count}
