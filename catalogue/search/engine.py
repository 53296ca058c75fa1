"""The search engine: normalise → lexical + embedding signals → fusion → decision.

The engine owns the in-memory indexes and turns a query into fused scores; the
answer/choose/rephrase rule itself is the pure function in `decision.py`.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

import numpy as np
import sqlite_utils

from catalogue.db import all_gemeinden, all_procedures
from catalogue.folding import fold
from catalogue.gemeinden import lookup_names
from catalogue.language import detect_language
from catalogue.models import Procedure
from catalogue.search import fusion
from catalogue.search.calibration import Calibration, for_encoder, for_words
from catalogue.search.contrast import Contrast
from catalogue.search.decision import DECISION_DEPTH, Decision, choices, decide_hits
from catalogue.search.dialect import Standardizer
from catalogue.search.encoders import Encoder, load_encoder
from catalogue.search.index import procedure_vectors
from catalogue.search.lexical import NgramIndex, bm25_search, ngram_document
from catalogue.search.normalize import QueryError, normalize_query
from catalogue.search.places import PlaceNames
from catalogue.search.separable import SeparableVerbs
from catalogue.search.truecase import TrueCaser

log = logging.getLogger(__name__)
SIGNALS = ("embedding", "ngram", "bm25")
# Above this many procedures the vector search is two-stage (centroid prefilter, exact
# max-sim on candidates) and BM25 is skipped: ranking every FTS5 match took 25–70 ms
# at 50,000 procedures, for ~1 point of dev-set top-1 (see docs/search.md).
EXACT_LIMIT = 5_000
BM25_LIMIT = 20_000
CANDIDATES = 300
SHORT_QUERY_WORDS = 2


@dataclass(frozen=True)
class Hit:
    procedure: Procedure
    score: float


@dataclass(frozen=True)
class SearchResult:
    """`decision`: answer = confident top-1; choose = 2–3 close options; rephrase = nothing good."""

    query: str
    hits: list[Hit] = field(default_factory=list)
    decision: Decision = "rephrase"


class SearchEngine:
    """Holds the catalogue, the n-gram index and the vector matrix in memory.

    Build cost is paid once per process (see `get_search_engine`); a query is a few
    sparse/dense products plus one FTS5 lookup.
    """

    def __init__(self, db: sqlite_utils.Database, encoder: Encoder | None = None, *,
                 calibration: Calibration | None = None,
                 procedures: list[Procedure] | None = None,
                 vectors: list[np.ndarray] | None = None) -> None:
        self.db = db
        self.encoder = encoder
        self.calibration = calibration or for_encoder(encoder is not None)
        self.signals = tuple(s for s in SIGNALS if s != "embedding" or encoder is not None)
        self.procedures = procedures if procedures is not None else all_procedures(db)
        self._position = {p.id: i for i, p in enumerate(self.procedures)}
        self.ngrams = NgramIndex([ngram_document(p) for p in self.procedures])
        # Dialect rewrites are checked against the German words of the catalogue.
        texts = [" ".join([p.title, p.short_answer, *p.search_terms, *p.documents])
                 for p in self.procedures]
        self.standardize = Standardizer.from_texts(texts)
        # All-lower-case German messages get the catalogue's noun casing back.
        self.truecase = TrueCaser.from_texts(texts)
        # Split separable verbs ("melde … ab") get their joined form ("abmelden") appended
        # when the catalogue uses it.
        self.join_verbs = SeparableVerbs.from_texts(texts)
        # Opposite actions (register / deregister, buy / sell, lost / found; contrast.py).
        self.contrast = Contrast.from_titles([f"{p.title} {p.title_en or ''}"
                                              for p in self.procedures])
        # Gemeinde names are no evidence for a procedure (see places.py).
        self.strip_places = PlaceNames.from_names(lookup_names(all_gemeinden(db)))
        self._vectors: np.ndarray | None = None
        self._starts: np.ndarray | None = None
        self._counts: np.ndarray | None = None
        self._centroids: np.ndarray | None = None
        self._query_cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._situation_rows: np.ndarray | None = None
        if encoder is not None and "embedding" in self.signals and self.procedures:
            blocks = vectors if vectors is not None else procedure_vectors(
                db, encoder, self.procedures)
            counts = np.array([len(b) for b in blocks])
            self._counts = counts.astype(np.int64)
            self._starts = np.concatenate([[0], np.cumsum(counts)[:-1]]).astype(np.int64)
            self._vectors = np.ascontiguousarray(np.vstack(blocks), dtype=np.float32)
            # The situation rows close each block (index.document_texts).
            self._situation_rows = np.concatenate([
                np.arange(len(block)) >= len(block) - len(p.situations)
                for p, block in zip(self.procedures, blocks, strict=True)])
            del blocks
            if len(self.procedures) > EXACT_LIMIT:
                sums = np.add.reduceat(self._vectors, self._starts)
                norms = np.maximum(np.linalg.norm(sums, axis=1, keepdims=True), 1e-9)
                self._centroids = np.ascontiguousarray(sums / norms, dtype=np.float32)

    # -- signals ---------------------------------------------------------------------

    def _embed_query(self, text: str) -> np.ndarray:
        cached = self._query_cache.get(text)
        if cached is None:
            assert self.encoder is not None
            cached = self.encoder.encode_queries([text])[0]
            self._query_cache[text] = cached
            if len(self._query_cache) > 512:
                self._query_cache.popitem(last=False)
        else:
            self._query_cache.move_to_end(text)
        return cached

    def prepared(self, text: str) -> str:
        """The text every signal sees: dialect rewritten to standard German, nouns of an
        all-lower-case message capitalised and split separable verbs joined ("Wie melde
        ich mein Auto ab? abmelden"); not for English. Gemeinde names are dropped."""
        text = self.strip_places(text)
        if detect_language(text) == "en":
            return text
        return self.join_verbs(self.standardize(self.truecase(text)))

    def query_vectors(self, queries: list[str], *, cached: bool = True) -> np.ndarray | None:
        """Embeddings of `queries` exactly as the search embeds them (normalised, dialect
        rewritten; cached), so another check of the same message — the crisis check —
        costs no second encoding. None without an embedding model; an unusable query
        (QueryError) gets a zero vector."""
        if self.encoder is None or self._vectors is None:
            return None
        dim = self._vectors.shape[1]
        rows = []
        for query in queries:
            try:
                text = self.prepared(normalize_query(query))
            except QueryError:
                rows.append(np.zeros(dim, dtype=np.float32))
                continue
            # Bulk callers (reference examples) bypass the cache: they would evict the
            # citizens' recent messages.
            rows.append(self._embed_query(text) if cached
                        else self.encoder.encode_queries([text])[0])
        return np.vstack(rows) if rows else np.zeros((0, dim), dtype=np.float32)

    def signal_scores(self, text: str, prepared: str | None = None) -> dict[str, np.ndarray]:
        """Raw score per procedure for each active signal (higher is better); `prepared`:
        `self.prepared(text)` if the caller has it already."""
        # Situation sentences describe stories; a message shorter than
        # `situation_min_words` is a request, and first-person sentences would match its
        # small talk ("wie spät ist es", "Ich hab Hunger"): they are left out (and the
        # decision uses the short messages' floor, calibration.for_words).
        words = len(text.split())  # as the citizen wrote it
        text = prepared if prepared is not None else self.prepared(text)
        n = len(self.procedures)
        out: dict[str, np.ndarray] = {}
        if "ngram" in self.signals:
            out["ngram"] = self.ngrams.scores(text)
        if "bm25" in self.signals and n <= BM25_LIMIT:
            bm25 = np.zeros(n, dtype=np.float32)
            for pid, score in bm25_search(self.db, text, limit=50):
                pos = self._position.get(pid)
                if pos is not None:
                    bm25[pos] = score
            out["bm25"] = bm25
        if "embedding" in self.signals and self._vectors is not None:
            out["embedding"] = self._embedding_scores(
                self._embed_query(text), out.get("ngram"),
                situations=words >= self.calibration.situation_min_words)
        return out

    def _embedding_scores(self, q: np.ndarray, ngram: np.ndarray | None, *,
                          situations: bool = True) -> np.ndarray:
        """Best cosine over each procedure's vectors (exact up to EXACT_LIMIT procedures);
        without `situations`, the situation sentences do not count."""
        assert self._vectors is not None and self._starts is not None
        skip = None if situations else self._situation_rows
        penalty = self.calibration.situation_penalty
        if self._centroids is None:
            sims = self._vectors @ q
            if skip is not None:
                sims[skip] = -1.0
            elif self._situation_rows is not None and penalty:
                sims[self._situation_rows] -= penalty
            return np.maximum.reduceat(sims, self._starts)
        # Two-stage: centroid similarity for all, exact max-sim for the candidates of
        # both the centroid and the n-gram ranking.
        scores: np.ndarray = self._centroids @ q
        k = min(CANDIDATES, len(scores) - 1)
        cand = np.argpartition(-scores, k)[:k]
        if ngram is not None:
            cand = np.union1d(cand, np.argpartition(-ngram, k)[:k])
        assert self._counts is not None
        counts = self._counts[cand]
        rows = np.repeat(self._starts[cand] - np.concatenate([[0], np.cumsum(counts)[:-1]]),
                         counts) + np.arange(int(counts.sum()))
        sims = self._vectors[rows] @ q
        if skip is not None:
            sims[skip[rows]] = -1.0
        elif self._situation_rows is not None and penalty:
            sims[self._situation_rows[rows]] -= penalty
        exact = np.maximum.reduceat(sims, np.concatenate([[0], np.cumsum(counts)[:-1]]))
        scores[cand] = exact
        return scores

    def fused_scores(self, text: str) -> np.ndarray:
        return fusion.weighted(self.signal_scores(text), self.calibration)

    # -- public ----------------------------------------------------------------------

    def search(self, query: str, limit: int = 5, *,
               exclude: frozenset[str] = frozenset()) -> SearchResult:
        """Best procedures for `query`; raises QueryError for unusable input. `exclude`:
        ids the citizen has just rejected ("nein, nicht Elterngeld"), ranked as if absent."""
        text = normalize_query(query)
        limit = max(1, min(int(limit), 50))
        if not self.procedures:
            return SearchResult(text, [], "rephrase")
        prepared = self.prepared(text)
        signals = self.signal_scores(text, prepared)
        scores = self.contrast.apply(prepared, fusion.weighted(signals, self.calibration))
        for pid in exclude:
            if (position := self._position.get(pid)) is not None:
                scores[position] = 0.0
        # Rank at least DECISION_DEPTH hits so the decision does not depend on `limit`.
        k = min(max(limit, DECISION_DEPTH), len(scores))
        top = np.argpartition(-scores, k - 1)[:k] if k < len(scores) else np.arange(len(scores))
        top = top[np.argsort(-scores[top], kind="stable")]
        ranked = [Hit(self.procedures[i], round(float(scores[i]), 4)) for i in top
                  if scores[i] > 0]
        decision, hits = decide_hits(ranked, for_words(self.calibration, len(text.split())),
                                     limit)
        if decision == "answer" and not self._lexical_evidence(text, signals, top):
            decision = "rephrase"
        elif decision == "answer" and (not self._some_words_shared(signals, top)
                                       or self._names_many(text, top)):
            # Meaning alone, or a family's name ("Führerschein"): the close options.
            decision, hits = "choose", choices(ranked, self.calibration)
        return SearchResult(text, hits, decision)

    def _names_many(self, text: str, ranked: np.ndarray) -> bool:
        """A one-word query that two or more of the best hits carry in their title
        ("Führerschein", "Kennzeichen") names a family, not one procedure: a choice."""
        words = text.split()
        if len(words) != 1 or len(ranked) < 2:
            return False
        word = fold(words[0]).strip(".,!?;:")
        titles = [fold(self.procedures[i].title) for i in ranked[:DECISION_DEPTH]]
        return len(word) >= 4 and sum(word in title for title in titles) >= 2

    def _lexical_evidence(self, text: str, signals: dict[str, np.ndarray],
                          ranked: np.ndarray) -> bool:
        """A one- or two-word query is answered only if the top hit shares letters with
        it: the embedding alone puts a bare place name ("München", "Passau") near some
        procedure. Longer questions carry enough meaning for the embedding."""
        ngram = signals.get("ngram")
        if ngram is None or not len(ranked) or len(text.split()) > SHORT_QUERY_WORDS:
            return True
        return self._evident(float(ngram[ranked[0]]))

    def _some_words_shared(self, signals: dict[str, np.ndarray], ranked: np.ndarray) -> bool:
        """Does the top hit share at least a little wording with the message (see
        `Calibration.long_lexical_min`)? True without the n-gram signal."""
        ngram = signals.get("ngram")
        if ngram is None or not len(ranked):
            return True
        return float(ngram[ranked[0]]) >= self.calibration.long_lexical_min

    def _evident(self, ngram_score: float) -> bool:
        """Is this n-gram similarity lexical evidence (the bar of `_lexical_evidence`)?"""
        return ngram_score >= self.calibration.short_lexical_min

    def shares_words(self, words: Sequence[str], procedure_id: str) -> bool:
        """Does one of `words`, searched alone, have lexical evidence for the procedure —
        the n-gram similarity a one-word query needs to be answered? Whether a message
        *names* the procedure, not only resembles it in meaning (the crisis safety line
        lets an answer follow only then). `words`: content words, no function words."""
        position = self._position.get(procedure_id)
        if position is None or "ngram" not in self.signals:
            return False
        return any(self._evident(float(self.ngrams.scores(self.prepared(word))[position]))
                   for word in words if word.strip())


@cache
def get_search_engine() -> SearchEngine:
    """The process-wide engine: catalogue db and embedding model are loaded once."""
    from catalogue.db import get_db
    from catalogue.settings import get_catalogue_settings

    settings = get_catalogue_settings()
    encoder = load_encoder(settings.embedding_model, settings.torch_threads)
    engine = SearchEngine(get_db(), encoder)
    if not engine.procedures:
        log.warning("catalogue %s is empty: run `catalogue build`", settings.db_path)
    return engine
