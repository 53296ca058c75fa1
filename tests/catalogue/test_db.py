"""Migrations and the all-or-nothing replace."""

from __future__ import annotations

import pytest

from catalogue.db import (
    all_gemeinden,
    all_procedures,
    get_procedure,
    open_db,
    replace_catalogue,
)
from catalogue.migrations import MIGRATIONS, migrate


def test_migrations_apply_once(tmp_path):
    path = tmp_path / "m.db"
    db = open_db(path)
    assert {row["name"] for row in db["_migrations"].rows} == {m.__name__ for m in MIGRATIONS}
    assert migrate(db) == []
    db.close()
    assert migrate(open_db(path)) == []
    assert {"procedures", "gemeinden", "embeddings", "meta", "procedures_fts"} <= \
        set(open_db(path).table_names())


def test_rows_round_trip(memory_db, procedures, gemeinden):
    assert all_procedures(memory_db) == sorted(procedures, key=lambda p: p.id)
    assert all_gemeinden(memory_db) == gemeinden
    assert get_procedure(memory_db, "kfz-abmeldung") == procedures[0]
    assert get_procedure(memory_db, "nope") is None


def test_replace_without_gemeinden_keeps_them(memory_db, procedures):
    replace_catalogue(memory_db, procedures[:1])
    assert memory_db["procedures"].count == 1 and memory_db["gemeinden"].count == 2


def test_replace_is_atomic(memory_db, procedures):
    before = list(memory_db["procedures"].rows_where(order_by="id"))
    duplicate = [procedures[0], procedures[0]]  # primary key violation on the 2nd insert
    with pytest.raises(Exception, match="UNIQUE"):
        replace_catalogue(memory_db, duplicate)
    assert list(memory_db["procedures"].rows_where(order_by="id")) == before


def test_replace_drops_embeddings_of_removed_procedures(memory_db, procedures):
    memory_db["embeddings"].insert_all(
        [{"procedure_id": p.id, "model": "m", "text_hash": "h", "dim": 1, "vector": b"x"}
         for p in procedures])
    replace_catalogue(memory_db, procedures[:1])
    assert [r["procedure_id"] for r in memory_db["embeddings"].rows] == ["kfz-abmeldung"]


def test_fts_follows_replace(memory_db, procedures):
    def hits(term: str) -> int:
        return memory_db.execute("select count(*) from procedures_fts where procedures_fts "
                                 "match ?", [term]).fetchone()[0]

    assert hits("abmelden") == 1
    replace_catalogue(memory_db, procedures[2:])
    assert hits("abmelden") == 0 and hits("Personalausweis") == 1
