"""Procedure vectors: what text is embedded, fingerprints, storage in the `embeddings` table.

Each procedure gets a few vectors (title + English title + search terms, the short
answer, and each of its situation sentences); a query is scored against its best one.
Several short texts match short citizen questions better than one long concatenation,
and a citizen's story matches one situation better than the procedure's own words. The
rows of the vector BLOB are float32, `dim` columns wide. `text_hash` fingerprints the
exact texts (and the recipe version), so vectors are recomputed only when the model or
the text changed.
"""

from __future__ import annotations

import hashlib
import logging

import numpy as np
import sqlite_utils

from catalogue.db import all_procedures
from catalogue.models import Procedure
from catalogue.search.encoders import Encoder, load_encoder

log = logging.getLogger(__name__)
RECIPE_VERSION = "3"


def document_texts(procedure: Procedure) -> list[str]:
    """The texts embedded for one procedure (one vector each)."""
    head = procedure.title
    if procedure.title_en:
        head += f" ({procedure.title_en})"
    texts = [head]
    if procedure.search_terms:
        texts.append(f"{procedure.title}: " + ", ".join(procedure.search_terms))
    texts.append(f"{procedure.title}. {procedure.short_answer}")
    if procedure.short_answer_en:
        texts.append(f"{procedure.title_en or procedure.title}. {procedure.short_answer_en}")
    # Each situation alone: a story matches one situation, not their average.
    texts.extend(procedure.situations)
    return texts


def text_hash(texts: list[str]) -> str:
    digest = hashlib.sha256(RECIPE_VERSION.encode())
    for text in texts:
        digest.update(b"\x1f" + text.encode("utf-8"))
    return digest.hexdigest()


def _stored(db: sqlite_utils.Database, model: str) -> dict[str, tuple[str, int, bytes]]:
    rows = db.execute("select procedure_id, text_hash, dim, vector from embeddings "
                      "where model = ?", [model]).fetchall()
    return {pid: (h, dim, blob) for pid, h, dim, blob in rows}


def procedure_vectors(db: sqlite_utils.Database, encoder: Encoder,
                      procedures: list[Procedure], *,
                      write: bool = True) -> list[np.ndarray]:
    """Vectors per procedure: stored ones when their fingerprint matches, else encoded now.

    With `write`, fresh vectors are saved (and rows of vanished procedures removed).
    """
    stored = _stored(db, encoder.name)
    result: list[np.ndarray | None] = []
    todo: list[tuple[int, str, list[str]]] = []
    for i, procedure in enumerate(procedures):
        texts = document_texts(procedure)
        digest = text_hash(texts)
        row = stored.get(procedure.id)
        if row and row[0] == digest and row[1] > 0:
            result.append(np.frombuffer(row[2], dtype=np.float32).reshape(-1, row[1]))
        else:
            result.append(None)
            todo.append((i, digest, texts))
    if todo:
        flat = [text for _, _, texts in todo for text in texts]
        vectors = encoder.encode_documents(flat)
        rows, start = [], 0
        for i, digest, texts in todo:
            block = vectors[start:start + len(texts)]
            start += len(texts)
            result[i] = block
            rows.append({"procedure_id": procedures[i].id, "model": encoder.name,
                         "text_hash": digest, "dim": int(block.shape[1]),
                         "vector": block.astype(np.float32).tobytes()})
        if write:
            try:
                db.table("embeddings").upsert_all(rows, pk=("procedure_id", "model"))
            except Exception as exc:  # read-only deployment: use the vectors, skip the cache
                log.warning("could not store embeddings: %s", exc)
    if write:
        ids = {p.id for p in procedures}
        gone = [pid for pid in stored if pid not in ids]
        if gone:
            try:
                db.conn.executemany("delete from embeddings where model = ? and procedure_id = ?",
                                    [(encoder.name, pid) for pid in gone])
            except Exception as exc:
                log.warning("could not prune embeddings: %s", exc)
    return [r for r in result if r is not None]


def update_embeddings(db: sqlite_utils.Database, encoder: Encoder | None = None) -> int:
    """Compute missing/stale vectors for the configured model; returns #procedures encoded.

    Called by `catalogue build`; a no-op when the model setting is "none".
    """
    if encoder is None:
        from catalogue.settings import get_catalogue_settings

        settings = get_catalogue_settings()
        encoder = load_encoder(settings.embedding_model, settings.torch_threads)
    if encoder is None:
        return 0
    procedures = all_procedures(db)
    before = _stored(db, encoder.name)
    procedure_vectors(db, encoder, procedures, write=True)
    return sum(1 for p in procedures
               if before.get(p.id, ("",))[0] != text_hash(document_texts(p)))
