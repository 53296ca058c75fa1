"""Thin sqlite-utils layer: open the catalogue, convert rows, replace contents atomically."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

import sqlite_utils

from catalogue.migrations import migrate
from catalogue.models import Contact, Gemeinde, Procedure
from catalogue.settings import get_catalogue_settings

JSON_FIELDS = ("search_terms", "documents", "contact", "apply_channels", "provenance",
               "documents_en", "situations", "facts", "facts_en")
JSON_OBJECTS = ("contact", "provenance")
# The catalogue entry with the Bürgerservice phone, e-mail and secure contact form: the
# human contact of every handoff and of the web app's outage reply (staff edit it once).
BUERGERSERVICE_ID = "buergerservice-kontakt"


def open_db(path: Path | str | None = None) -> sqlite_utils.Database:
    """Open (and migrate) a catalogue; `None` or ':memory:' gives an in-memory one."""
    if path is None or str(path) == ":memory:":
        conn = sqlite3.connect(":memory:", check_same_thread=False)
    else:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(path), check_same_thread=False)
    # Autocommit mode: transactions are explicit (see `transaction`), so a failed
    # import can roll back everything it did.
    conn.isolation_level = None
    db = sqlite_utils.Database(conn)
    migrate(db)
    return db


@lru_cache
def get_db() -> sqlite_utils.Database:
    """The process-wide catalogue named in the settings."""
    return open_db(get_catalogue_settings().db_path)


def procedure_to_row(procedure: Procedure) -> dict[str, Any]:
    row = procedure.model_dump(mode="json")
    for key in JSON_FIELDS:
        row[key] = json.dumps(row[key], ensure_ascii=False)
    row["url_verified"] = int(procedure.url_verified)
    return row


def row_to_procedure(row: dict[str, Any]) -> Procedure:
    data = dict(row)
    for key in JSON_FIELDS:
        data[key] = json.loads(data[key]) if data.get(key) else \
            ({} if key in JSON_OBJECTS else [])
    data["url_verified"] = bool(data.get("url_verified"))
    return Procedure.model_validate(data)


def gemeinde_to_row(gemeinde: Gemeinde) -> dict[str, Any]:
    row = gemeinde.model_dump(mode="json")
    row["rathaus"] = json.dumps(row["rathaus"], ensure_ascii=False)
    row["aliases"] = json.dumps(row["aliases"], ensure_ascii=False)
    return row


def row_to_gemeinde(row: dict[str, Any]) -> Gemeinde:
    data = dict(row)
    data["rathaus"] = Contact.model_validate(json.loads(data["rathaus"] or "{}"))
    data["aliases"] = json.loads(data["aliases"] or "[]")
    return Gemeinde.model_validate(data)


def replace_catalogue(db: sqlite_utils.Database, procedures: Iterable[Procedure],
                      gemeinden: Iterable[Gemeinde] | None = None) -> None:
    """Swap the whole catalogue in one transaction: on any error nothing changes."""
    proc_rows = [procedure_to_row(p) for p in procedures]
    gem_rows = [gemeinde_to_row(g) for g in gemeinden] if gemeinden is not None else None
    with transaction(db):
        _replace_rows(db, "procedures", proc_rows)
        # Vectors of procedures that no longer exist would otherwise linger as search hits.
        db.conn.execute("delete from embeddings where procedure_id not in "
                        "(select id from procedures)")
        if gem_rows is not None:
            _replace_rows(db, "gemeinden", gem_rows)


@contextmanager
def transaction(db: sqlite_utils.Database) -> Iterator[None]:
    """BEGIN … COMMIT, or ROLLBACK on any exception (sqlite-utils' helpers commit early)."""
    db.conn.execute("begin immediate")
    try:
        yield
    except BaseException:
        db.conn.execute("rollback")
        raise
    db.conn.execute("commit")


def _replace_rows(db: sqlite_utils.Database, table: str, rows: list[dict[str, Any]]) -> None:
    db.conn.execute(f"delete from [{table}]")
    insert_rows(db, table, rows)


def insert_rows(db: sqlite_utils.Database, table: str, rows: list[dict[str, Any]], *,
                upsert: bool = False) -> None:
    """Plain INSERT inside the caller's transaction (sqlite-utils' helpers commit early).

    `upsert` overwrites rows with the same id via ON CONFLICT … DO UPDATE, which fires the
    FTS update triggers; INSERT OR REPLACE would delete without firing them
    (recursive_triggers is off) and leave the index stale.
    """
    if not rows:
        return
    columns = list(rows[0])
    sql = (f"insert into [{table}] ({', '.join(f'[{c}]' for c in columns)}) "
           f"values ({', '.join('?' for _ in columns)})")
    if upsert:
        updates = ", ".join(f"[{c}] = excluded.[{c}]" for c in columns if c != "id")
        sql += f" on conflict(id) do update set {updates}"
    db.conn.executemany(sql, [[row.get(c) for c in columns] for row in rows])


def all_procedures(db: sqlite_utils.Database) -> list[Procedure]:
    return [row_to_procedure(row) for row in db["procedures"].rows_where(order_by="id")]


def get_procedure(db: sqlite_utils.Database, procedure_id: str) -> Procedure | None:
    rows = list(db["procedures"].rows_where("id = ?", [procedure_id]))
    return row_to_procedure(rows[0]) if rows else None


def all_gemeinden(db: sqlite_utils.Database) -> list[Gemeinde]:
    return [row_to_gemeinde(row) for row in db["gemeinden"].rows_where(order_by="name")]
