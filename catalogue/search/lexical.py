"""Lexical signals: FTS5 BM25 (word index) and an in-memory character n-gram TF-IDF.

User text never reaches MATCH raw: `fts_query` keeps only word characters and emits
each word as a quoted FTS5 string (a long word as a quoted prefix, a cheap stand-in
for German stemming: "abmelden" → "abmel"*) joined with OR, so `"`, `*`, `AND`,
`NEAR(` … typed by a citizen are plain text. The n-gram index folds umlauts on both
sides and tolerates typos and German compounds ("Kfz-Abmeldung" ~ "auto abmelden")
that word matching misses.
"""

from __future__ import annotations

import re

import numpy as np
import sqlite_utils
from scipy import sparse

from catalogue.folding import fold
from catalogue.models import Procedure

# Function words that would match almost every record.
_STOPWORD_TEXT = """
aber alle als also am an auch auf aus bei bin bis bitte da damit dann das dass dem den der
des die dies dir doch du ein eine einem einen einer es für fur gibt habe haben hab hat ich
ihr im in ist ja kann kann man mein meine meinen meiner mich mir mit muss muß nach nicht
noch nur ob oder sich sie sind so soll und uns von vom was weil wenn wer wie wo wir will zu
zum zur
a an and are can do does for from get have how i in is it me my need of on or the to what
where who with you your
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())
_FTS_WORD = re.compile(r"\w+", re.UNICODE)
_UMLAUT_BACK = (("ae", "ä"), ("oe", "ö"), ("ue", "ü"))
BM25_WEIGHTS = (4.0, 3.0, 1.0, 2.0)  # title, search_terms, short_answer, title_en


def _term(word: str) -> str:
    """A quoted FTS5 string; words of 7+ letters lose their last 3 as a prefix query."""
    if len(word) >= 7:
        return '"' + word[: len(word) - 3].replace('"', '""') + '"*'
    return '"' + word.replace('"', '""') + '"'


def fts_query(text: str, max_words: int = 6) -> str | None:
    """A safe FTS5 MATCH expression (OR of quoted words), or None if nothing is searchable.

    Only the `max_words` longest content words are used: long words are the specific
    ones, and every extra OR term costs a posting-list scan on large catalogues.
    """
    words: list[str] = []
    for word in _FTS_WORD.findall(text.lower()):
        word = word.replace("_", "")
        if len(word) >= 3 and word not in STOPWORDS and word not in words:
            words.append(word)
    if not words:
        return None
    words = sorted(words, key=len, reverse=True)[:max_words]
    terms: list[str] = []
    for word in words:
        variants = {word}
        for plain, umlaut in _UMLAUT_BACK:
            if plain in word:
                variants.add(word.replace(plain, umlaut))
        if "ss" in word:
            variants.add(word.replace("ss", "ß"))
        for variant in sorted(variants):
            quoted = _term(variant)
            if quoted not in terms:
                terms.append(quoted)
    return " OR ".join(terms)


def bm25_search(db: sqlite_utils.Database, text: str, limit: int = 50) -> list[tuple[str, float]]:
    """(procedure_id, score) best first; score = -bm25, higher is better."""
    match = fts_query(text)
    if match is None:
        return []
    weights = ", ".join(str(w) for w in BM25_WEIGHTS)
    sql = (f"select p.id, -bm25(procedures_fts, {weights}) as score "
           "from procedures_fts join procedures p on p.rowid = procedures_fts.rowid "
           "where procedures_fts match ? order by score desc limit ?")
    return [(pid, float(score)) for pid, score in db.execute(sql, [match, limit]).fetchall()]


# --- character n-grams --------------------------------------------------------------

N_BUCKETS = 1 << 20
NGRAM_SIZES = (3, 4, 5)
_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def ngram_text(text: str) -> str:
    """Folded, punctuation-free text padded with spaces so word starts/ends are n-grams."""
    return " " + _NON_ALNUM.sub(" ", fold(text)).strip() + " "


def _hash_ngrams(texts: list[str]) -> sparse.csr_matrix:
    """Count hashed character n-grams per text (vectorised over the whole corpus)."""
    encoded = [t.encode("ascii", "ignore") for t in texts]
    lengths = np.fromiter((len(e) for e in encoded), dtype=np.int64, count=len(encoded))
    data = np.frombuffer(b"".join(encoded), dtype=np.uint8).astype(np.int64)
    doc_of = np.repeat(np.arange(len(texts)), lengths)
    offsets = np.concatenate([[0], np.cumsum(lengths)])
    pos_in_doc = np.arange(len(data)) - np.repeat(offsets[:-1], lengths)
    rows, cols = [], []
    for n in NGRAM_SIZES:
        if len(data) < n:
            continue
        h = np.zeros(len(data) - n + 1, dtype=np.int64)
        for k in range(n):
            h = (h * 1000003 + data[k:len(data) - n + 1 + k]) & 0xFFFFFFFFFFF
        h = (h * 2654435761 + n) % N_BUCKETS
        valid = pos_in_doc[: len(h)] <= (lengths[doc_of[: len(h)]] - n)
        rows.append(doc_of[: len(h)][valid])
        cols.append(h[valid])
    if not rows:
        return sparse.csr_matrix((len(texts), N_BUCKETS), dtype=np.float32)
    r = np.concatenate(rows)
    c = np.concatenate(cols)
    m = sparse.coo_matrix((np.ones(len(r), dtype=np.float32), (r, c)),
                          shape=(len(texts), N_BUCKETS)).tocsr()
    m.sum_duplicates()
    return m


def _l2_rows(m: sparse.csr_matrix) -> sparse.csr_matrix:
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.diags(1.0 / norms).dot(m).tocsr().astype(np.float32)


def ngram_document(procedure: Procedure) -> str:
    """Text the n-gram index sees; the title counts twice (repetition = field weight)."""
    parts = [procedure.title, procedure.title, " ".join(procedure.search_terms),
             procedure.title_en or "", procedure.short_answer]
    return " | ".join(p for p in parts if p)


class NgramIndex:
    """TF-IDF (sublinear tf) over hashed 3–5 character n-grams, cosine scored."""

    def __init__(self, documents: list[str]) -> None:
        counts = _hash_ngrams([ngram_text(d) for d in documents])
        counts.data = 1.0 + np.log(counts.data)
        df = np.bincount(counts.indices, minlength=N_BUCKETS)
        self.idf = (np.log((1 + len(documents)) / (1 + df)) + 1.0).astype(np.float32)
        # Only the transposed (n-gram × document) matrix is kept: a query touches a few
        # dozen n-gram rows, and one copy halves the memory at 50k procedures.
        self.matrix_t = _l2_rows(counts.multiply(self.idf).tocsr()).T.tocsr()
        self.size = len(documents)

    def scores(self, text: str) -> np.ndarray:
        """Cosine similarity of `text` to every document."""
        q = _hash_ngrams([ngram_text(text)])
        if q.nnz == 0:
            return np.zeros(self.size, dtype=np.float32)
        # One row: weight and normalise its few values directly (the sparse-matrix
        # route costs more than the whole dot product on a 1,000-procedure catalogue).
        cols = q.indices
        weights = (1.0 + np.log(q.data)) * self.idf[cols]
        weights /= max(float(np.sqrt(weights @ weights)), 1e-12)
        # Only the query's n-gram columns matter: select them from the transposed matrix.
        sub = self.matrix_t[cols]
        return np.asarray(sub.T.dot(weights.astype(np.float32))).ravel().astype(np.float32)
