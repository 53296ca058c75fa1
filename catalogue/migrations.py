"""Schema migrations as plain functions, applied in order and recorded once.

Tables are reached with `db.table(name)`, which sqlite-utils types as `Table`; `db[name]`
is typed `Table | View` and has no schema methods.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlite_utils

Migration = Callable[[sqlite_utils.Database], None]


def m001_procedures(db: sqlite_utils.Database) -> None:
    db.table("procedures").create(
        {
            "id": str, "leika": str, "title": str, "short_answer": str,
            "search_terms": str, "category": str, "department": str,
            "responsible_level": str, "responsible": str, "online_url": str,
            "info_url": str, "login": str, "documents": str, "fees": str,
            "processing_time": str, "contact": str, "consultation_url": str,
            "title_en": str, "short_answer_en": str, "url_verified": int,
            "last_reviewed": str, "source": str,
        },
        pk="id",
        not_null={"title", "short_answer", "responsible_level", "responsible", "info_url"},
    )
    db.table("procedures").create_index(["responsible_level"])
    db.table("procedures").create_index(["department"])


def m002_gemeinden(db: sqlite_utils.Database) -> None:
    db.table("gemeinden").create(
        {"id": str, "name": str, "kind": str, "official_key": str, "website": str,
         "rathaus": str, "aliases": str},
        pk="id", not_null={"name", "website"},
    )


def m003_fts(db: sqlite_utils.Database) -> None:
    # German compounds: FTS5 trigram tokenizer matches inside words ("abmeldung" in
    # "Kfz-Außerbetriebsetzung/Abmeldung"), which unicode61 cannot.
    db.table("procedures").enable_fts(["title", "search_terms", "short_answer", "title_en"],
                                tokenize="trigram", create_triggers=True)


def m004_embeddings(db: sqlite_utils.Database) -> None:
    db.table("embeddings").create(
        {"procedure_id": str, "model": str, "text_hash": str, "dim": int, "vector": bytes},
        pk=("procedure_id", "model"),
    )


def m005_meta(db: sqlite_utils.Database) -> None:
    db.table("meta").create({"key": str, "value": str}, pk="key")


def m006_fts_words(db: sqlite_utils.Database) -> None:
    # Replaces m003's trigram index: phrase-matching a long word as a dozen trigrams
    # made one BM25 query cost 1.5–12 ms at 1,000 procedures; a word index with
    # diacritics folded answers in 0.1–1.5 ms. Inside-word matches ("kennzeichen" in
    # "Wunschkennzeichen") are the character n-gram signal's job (see lexical.py).
    db.table("procedures").disable_fts()
    db.table("procedures").enable_fts(["title", "search_terms", "short_answer", "title_en"],
                                tokenize="unicode61 remove_diacritics 2", create_triggers=True)
    db.table("procedures").rebuild_fts()


def m007_provenance(db: sqlite_utils.Database) -> None:
    # Per-field sources (JSON object) and the ways to apply without an online form
    # (JSON list); see models.FieldSource and models.ApplyChannel.
    db.table("procedures").add_column("apply_channels", str)
    db.table("procedures").add_column("provenance", str)


def m008_depends_on(db: sqlite_utils.Database) -> None:
    # What responsibility depends on (road / school type); see models.DependsOn.
    db.table("procedures").add_column("depends_on", str)


def m009_english_details(db: sqlite_utils.Database) -> None:
    # Fees, processing time and documents in English (documents: JSON list), so that
    # English answers are English throughout.
    for column in ("fees_en", "processing_time_en", "documents_en"):
        db.table("procedures").add_column(column, str)


def m010_situations(db: sqlite_utils.Database) -> None:
    # Citizens' situations per procedure (JSON list), embedded for the search only.
    db.table("procedures").add_column("situations", str)


def m011_facts(db: sqlite_utils.Database) -> None:
    # Checked facts per procedure, German and English (JSON lists), quoted by the chat's
    # passage answers.
    for column in ("facts", "facts_en"):
        db.table("procedures").add_column(column, str)


MIGRATIONS: list[Migration] = [m001_procedures, m002_gemeinden, m003_fts, m004_embeddings,
                               m005_meta, m006_fts_words, m007_provenance, m008_depends_on,
                               m009_english_details, m010_situations, m011_facts]


def migrate(db: sqlite_utils.Database) -> list[str]:
    """Apply pending migrations; returns the names applied now."""
    db.table("_migrations").create({"name": str, "applied_at": str}, pk="name", if_not_exists=True)
    done = {row["name"] for row in db["_migrations"].rows}
    applied = []
    for migration in MIGRATIONS:
        if migration.__name__ in done:
            continue
        migration(db)
        db.table("_migrations").insert({"name": migration.__name__,
                                  "applied_at": db.execute("select datetime('now')").fetchone()[0]})
        applied.append(migration.__name__)
    return applied
