"""Evaluate the search on the dev sets (eval/search_devset.yaml, eval/hard_devset.yaml).

    python -m eval.evaluate                    # fused (the shipped configuration), both sets
    python -m eval.evaluate --devset hard      # one set (search | hard | both | a path)
    python -m eval.evaluate --signals all      # each signal alone + fused + RRF, side by side
    python -m eval.evaluate --model none       # lexical only
    python -m eval.evaluate --calibrate        # grid-search fusion weights / thresholds

Prints top-1, top-3 and MRR overall, per dev set and split (calibration / heldout) and
per category, the decision quality (answer / choose / rephrase) and every miss.
`--calibrate` fits on calibration items only (the whole older set and the calibration
half of the hard set); the held-out half is only ever evaluated. Vectors are cached in
var/search-eval.db (keyed by model + text fingerprint), so reruns are quick.
"""

from __future__ import annotations

import argparse
import itertools
import os
import sys
from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TypedDict

import numpy as np

from catalogue.db import open_db, replace_catalogue
from catalogue.search import fusion
from catalogue.search.calibration import Calibration, for_words
from catalogue.search.decision import decide
from catalogue.search.encoders import load_encoder
from catalogue.search.engine import SearchEngine
from catalogue.search.normalize import QueryError, normalize_query
from catalogue.settings import get_catalogue_settings
from catalogue.sources import PROCEDURE_DIR, load_gemeinden, load_procedures
from eval.devsets import DEVSETS, SPLITS, Case, check_ids, load_devset, load_devsets

ROOT = Path(__file__).resolve().parent.parent
DEVSET = DEVSETS["search"]
CACHE_DB = ROOT / "var" / "search-eval.db"

__all__ = ["Case", "check_ids", "evaluate", "load_devset", "make_engine", "precompute"]


@dataclass
class Metrics:
    top1: float
    top3: float
    mrr: float
    n: int


Signals = dict[str, np.ndarray] | None  # raw scores per signal; None: query rejected
Miss = tuple[Case, int | None, list[str]]  # case, rank of the expected id, top 3 got


class Result(TypedDict):
    metrics: dict[str, Metrics]  # "all" and one per category
    misses: list[Miss]
    decisions: dict[str, int]  # e.g. answer_right, choose_hit, oos_rephrase


def make_engine(model: str, procedure_dir: Path = PROCEDURE_DIR, threads: int = 2,
                cache: Path | None = CACHE_DB) -> SearchEngine:
    """Engine over the YAML catalogue; vectors cached in `cache` between runs."""
    procedures = load_procedures(procedure_dir)
    db = open_db(cache)
    replace_catalogue(db, procedures, load_gemeinden())  # place names: search/places.py
    return SearchEngine(db, load_encoder(model, threads))


def rank_of(ranked: list[str], expect: tuple[str, ...]) -> int | None:
    for i, pid in enumerate(ranked):
        if pid in expect:
            return i + 1
    return None


def metrics(ranks: list[int | None]) -> Metrics:
    n = len(ranks)
    if not n:
        return Metrics(0, 0, 0, 0)
    return Metrics(sum(r == 1 for r in ranks) / n, sum(r is not None and r <= 3 for r in ranks) / n,
                   sum(1 / r for r in ranks if r) / n, n)


def precompute(engine: SearchEngine, cases: list[Case]) -> list[Signals]:
    """Raw signal scores per case (None for queries the normaliser rejects)."""
    out: list[Signals] = []
    for case in cases:
        try:
            out.append(engine.signal_scores(normalize_query(case.query)))
        except QueryError:
            out.append(None)
    return out


def score_variant(signals: dict[str, np.ndarray], variant: str, cal: Calibration) -> np.ndarray:
    if variant == "fused":
        return fusion.weighted(signals, cal)
    if variant == "rrf":
        return fusion.reciprocal_rank(signals)
    return signals[variant]


def ranking(ids: list[str], signals: Signals, variant: str, cal: Calibration,
            depth: int = 10) -> tuple[list[str], list[float]]:
    """The best `depth` procedure ids with a positive score, and their scores."""
    if signals is None:
        return [], []
    fused = score_variant(signals, variant, cal)
    order = np.argsort(-fused, kind="stable")[:depth]
    return ([ids[i] for i in order if fused[i] > 0],
            [float(fused[i]) for i in order if fused[i] > 0])


def evaluate(engine: SearchEngine, cases: list[Case], raw: list[Signals], variant: str,
             cal: Calibration) -> Result:
    ids = [p.id for p in engine.procedures]
    ranks: dict[str, list[int | None]] = defaultdict(list)
    misses: list[Miss] = []
    decisions: defaultdict[str, int] = defaultdict(int)
    for case, signals in zip(cases, raw, strict=True):
        ranked, scores = ranking(ids, signals, variant, cal)
        decision = decide(scores, for_words(cal, len(case.query.split()))) \
            if variant == "fused" else "-"
        if not case.expect:
            if decision == "-":
                continue
            decisions["oos_" + ("rephrase" if decision == "rephrase" else "not_rephrase")] += 1
            continue
        r = rank_of(ranked, case.expect)
        ranks["all"].append(r)
        ranks[case.category].append(r)
        if decision != "-":
            if decision == "answer":
                decisions["answer_right" if r == 1 else "answer_wrong"] += 1
            elif decision == "choose":
                decisions["choose_hit" if r is not None and r <= 3 else "choose_miss"] += 1
            else:
                decisions["rephrase_in_scope"] += 1
        if r != 1:
            misses.append((case, r, ranked[:3]))
    return {"metrics": {k: metrics(v) for k, v in ranks.items()}, "misses": misses,
            "decisions": dict(decisions)}


def decision_quality(d: dict[str, int]) -> float:
    """One number for calibration: reward right answers, punish confident wrong ones."""
    return (d.get("answer_right", 0) + 0.6 * d.get("choose_hit", 0)
            - 2.0 * d.get("answer_wrong", 0) + 1.0 * d.get("oos_rephrase", 0)
            - 1.0 * d.get("oos_not_rephrase", 0) - 0.5 * d.get("rephrase_in_scope", 0))


def calibration_part(cases: list[Case], raw: list[Signals]) -> tuple[list[Case], list[Signals]]:
    """The calibration items and their signals: held-out items never reach the fit."""
    pairs = [(c, r) for c, r in zip(cases, raw, strict=True) if c.split == "calibration"]
    return [c for c, _ in pairs], [r for _, r in pairs]


def calibrate(engine: SearchEngine, cases: list[Case], raw: list[Signals]) -> Calibration:
    """Grid search on the calibration items only: weights by MRR, then thresholds by
    decision quality."""
    cases, raw = calibration_part(cases, raw)
    print(f"calibrating on {len(cases)} calibration items (held-out items left out)")
    best, best_key = engine.calibration, (-1.0, -1.0)
    for we, wn, floor, span, k in itertools.product(
            (0.3, 0.4, 0.5, 0.6, 0.7), (0.1, 0.2, 0.3, 0.4), (0.72, 0.75, 0.78, 0.8),
            (0.12, 0.17, 0.22), (2.0, 4.0, 8.0)):
        wb = round(1.0 - we - wn, 2)
        if wb < 0:
            continue
        cal = replace(engine.calibration, w_embedding=we, w_ngram=wn, w_bm25=wb,
                      emb_floor=floor, emb_span=span, bm25_k=k)
        m = evaluate(engine, cases, raw, "fused", cal)["metrics"]["all"]
        key = (round(m.mrr, 4), m.top1)
        if key > best_key:
            best, best_key = cal, key
    print(f"best weights: {best} (MRR {best_key[0]:.3f})")
    best_q = -1e9
    tuned = best
    for amin, margin, reph in itertools.product(
            np.arange(0.3, 0.8, 0.05), np.arange(0.0, 0.2, 0.02), np.arange(0.1, 0.5, 0.05)):
        if reph >= amin:
            continue
        cal = replace(best, answer_min=round(float(amin), 2), answer_margin=round(float(margin), 2),
                      rephrase_below=round(float(reph), 2))
        q = decision_quality(evaluate(engine, cases, raw, "fused", cal)["decisions"])
        if q > best_q:
            best_q, tuned = q, cal
    print(f"best thresholds: answer_min={tuned.answer_min} margin={tuned.answer_margin} "
          f"rephrase_below={tuned.rephrase_below} (quality {best_q:.1f})")
    return tuned


def report(name: str, result: Result, show_misses: bool, *, categories: bool = True) -> None:
    m = result["metrics"]
    overall = m.get("all", Metrics(0, 0, 0, 0))
    print(f"\n== {name}: top-1 {overall.top1:.3f}  top-3 {overall.top3:.3f}  "
          f"MRR {overall.mrr:.3f}  (n={overall.n})")
    if categories:
        for cat in sorted(k for k in m if k != "all"):
            c = m[cat]
            print(f"   {cat:<14} top-1 {c.top1:.3f}  top-3 {c.top3:.3f}  MRR {c.mrr:.3f}  n={c.n}")
    if result["decisions"]:
        pairs = sorted(result["decisions"].items())
        print("   decisions:", ", ".join(f"{k}={v}" for k, v in pairs))
    if show_misses:
        print_misses(result)


def print_misses(result: Result) -> None:
    for case, r, top in result["misses"]:
        print(f"   MISS [{case.devset}/{case.split}/{case.category}] {case.query!r}: "
              f"want {list(case.expect)} rank {r or '-'}; got {top}")


def groups(cases: list[Case]) -> list[tuple[str, list[int]]]:
    """Indices of the cases per split, and per dev set and split (only non-empty groups)."""
    out: list[tuple[str, list[int]]] = []
    for split in SPLITS:
        out.append((f"split {split}", [i for i, c in enumerate(cases) if c.split == split]))
    for devset in dict.fromkeys(c.devset for c in cases):
        for split in SPLITS:
            out.append((f"{devset}/{split}", [i for i, c in enumerate(cases)
                                              if c.devset == devset and c.split == split]))
    return [(name, idx) for name, idx in out if idx]


def report_all(engine: SearchEngine, cases: list[Case], raw: list[Signals], variant: str,
               cal: Calibration, name: str, show_misses: bool) -> Result:
    """Overall, per split, per dev set and split (with categories), then the misses."""
    result = evaluate(engine, cases, raw, variant, cal)
    report(name, result, show_misses=False, categories=False)
    for group, idx in groups(cases):
        part = evaluate(engine, [cases[i] for i in idx], [raw[i] for i in idx], variant, cal)
        report(f"{name} — {group}", part, show_misses=False, categories="/" in group)
    if show_misses:
        print(f"\n== {name} — misses (expected id not first): {len(result['misses'])}")
        print_misses(result)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    settings = get_catalogue_settings()
    parser.add_argument("--model", default=settings.embedding_model,
                        help="embedding model (default: WEGWEISER_EMBEDDING_MODEL, see settings)")
    parser.add_argument("--signals", default="fused",
                        choices=["fused", "rrf", "embedding", "ngram", "bm25", "all"])
    parser.add_argument("--devset", action="append", default=None,
                        help="search | hard | both (default) | a YAML path; repeatable")
    parser.add_argument("--split", default="all", choices=["all", *SPLITS],
                        help="evaluate one split only (fitting always uses calibration items)")
    parser.add_argument("--calibrate", action="store_true")
    parser.add_argument("--no-misses", action="store_true")
    args = parser.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")

    cases = load_devsets(args.devset or ["both"])
    engine = make_engine(args.model, threads=settings.torch_threads)
    unknown = check_ids(cases, {p.id for p in engine.procedures})
    if unknown:
        print(f"dev set names unknown procedure ids: {unknown}", file=sys.stderr)
        return 2
    raw = precompute(engine, cases)
    cal = calibrate(engine, cases, raw) if args.calibrate else engine.calibration
    if args.split != "all":
        keep = [i for i, c in enumerate(cases) if c.split == args.split]
        cases, raw = [cases[i] for i in keep], [raw[i] for i in keep]
    available = set(engine.signals)
    variants = (["embedding", "ngram", "bm25", "rrf", "fused"] if args.signals == "all"
                else [args.signals])
    for variant in variants:
        if variant in SIGNAL_NAMES and variant not in available:
            continue
        report_all(engine, cases, raw, variant, cal, f"{variant} [{args.model}]",
                   show_misses=not args.no_misses and (variant == "fused" or len(variants) == 1))
    return 0


SIGNAL_NAMES = ("embedding", "ngram", "bm25")

if __name__ == "__main__":
    sys.exit(main())
