"""Re-fit the decision thresholds (answer / choose / rephrase) on labelled queries.

    python -m catalogue.search.fit eval/search_devset.yaml more_queries.yaml
    python -m catalogue.search.fit --model none eval/search_devset.yaml   # lexical only

Each file is a dev set (`queries:` with `q`, `expect` (ids; empty = out of scope),
`category` and optionally `split`). Only items whose `split` is `--split` (default
`calibration`) or that have no `split` are used, so held-out items never reach the fit.

The fit is a grid search over `answer_margin` and `rephrase_below` (with `answer_min`
tied to `rephrase_below`, see calibration.py) that maximises right direct answers
subject to the limits in `Targets`; `fit_thresholds` is a pure function of the ranked
scores, so tests and other tools can use it without an engine.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import yaml

from catalogue.search.calibration import Calibration, for_encoder, for_words
from catalogue.search.decision import Decision, decide

OUTCOMES = ("answer_right", "answer_wrong", "choose_hit", "choose_miss",
            "rephrase_in_scope", "oos_rephrase", "oos_not_rephrase")
SCORE_DEPTH = 10  # ranked scores kept per query


@dataclass(frozen=True)
class Sample:
    """One labelled query: its best fused scores (sorted, best first) and the rank of
    the first acceptable procedure among them (None: not among them). `in_scope`
    False: no procedure is right, the right outcome is "rephrase"."""

    scores: tuple[float, ...]
    rank: int | None
    in_scope: bool = True
    words: int = 99  # message length: short ones are decided with `short_floor`


@dataclass(frozen=True)
class Targets:
    """Limits the fit must respect, as shares of the in-scope (or out-of-scope) queries."""

    max_wrong: float = 0.03  # wrong direct answers
    max_choose: float = 0.10  # choices offered
    min_oos_rephrase: float = 0.75  # out-of-scope queries sent to rephrase
    max_in_scope_rephrase: float = 0.02


@dataclass(frozen=True)
class Rates:
    counts: dict[str, int]
    in_scope: int
    out_of_scope: int

    def share(self, *names: str) -> float:
        total = self.out_of_scope if names[0].startswith("oos") else self.in_scope
        return sum(self.counts.get(n, 0) for n in names) / total if total else 0.0

    def summary(self) -> str:
        return (f"answer right {self.share('answer_right'):.3f}, "
                f"wrong {self.share('answer_wrong'):.3f}; "
                f"choose {self.share('choose_hit', 'choose_miss'):.3f} "
                f"(with the right one {self.share('choose_hit'):.3f}, "
                f"without {self.share('choose_miss'):.3f}); "
                f"rephrase {self.share('rephrase_in_scope'):.3f} "
                f"(n = {self.in_scope}); out of scope rephrased "
                f"{self.counts.get('oos_rephrase', 0)}/{self.out_of_scope}")


def outcome(decision: Decision, sample: Sample) -> str:
    """Which of OUTCOMES a decision is for this sample ("choose" counts as a hit when the
    right procedure is among the first three)."""
    if not sample.in_scope:
        return "oos_rephrase" if decision == "rephrase" else "oos_not_rephrase"
    if decision == "answer":
        return "answer_right" if sample.rank == 1 else "answer_wrong"
    if decision == "choose":
        return "choose_hit" if sample.rank is not None and sample.rank <= 3 else "choose_miss"
    return "rephrase_in_scope"


def rates(samples: Sequence[Sample], cal: Calibration) -> Rates:
    counts = Counter(outcome(decide(s.scores, for_words(cal, s.words)), s) for s in samples)
    in_scope = sum(s.in_scope for s in samples)
    return Rates(dict(counts), in_scope, len(samples) - in_scope)


def meets(r: Rates, t: Targets) -> tuple[bool, bool, bool, bool]:
    """Which targets are met, in order of priority: wrong answers, in-scope questions
    sent to rephrase, out-of-scope ones not sent there, choices (a choice still
    reaches the citizen; a wrong answer or "please rephrase" does not)."""
    return (r.share("answer_wrong") <= t.max_wrong + 1e-9,
            r.share("rephrase_in_scope") <= t.max_in_scope_rephrase + 1e-9,
            r.out_of_scope == 0 or r.share("oos_rephrase") >= t.min_oos_rephrase - 1e-9,
            r.share("choose_hit", "choose_miss") <= t.max_choose + 1e-9)


def fit_thresholds(samples: Sequence[Sample], base: Calibration,
                   targets: Targets = Targets(), *,
                   margins: Iterable[float] = np.arange(0.0, 0.1001, 0.005),
                   floors: Iterable[float] = np.arange(0.0, 0.5001, 0.01)) -> Calibration:
    """`base` with `answer_margin`, `rephrase_below` and `answer_min` (= rephrase_below)
    chosen to meet the targets (the most important first if not all can be met) with
    the most right answers; ties go to fewer wrong answers, then fewer choices."""
    best: tuple[tuple[object, ...], Calibration] | None = None
    margin_list = [round(float(m), 4) for m in margins]
    for floor in (round(float(f), 4) for f in floors):
        for margin in margin_list:
            cal = replace(base, answer_margin=margin, rephrase_below=floor, answer_min=floor)
            r = rates(samples, cal)
            key = (meets(r, targets), r.counts.get("answer_right", 0),
                   -r.counts.get("answer_wrong", 0),
                   -(r.counts.get("choose_hit", 0) + r.counts.get("choose_miss", 0)),
                   r.counts.get("oos_rephrase", 0), -r.counts.get("rephrase_in_scope", 0))
            if best is None or key > best[0]:
                best = (key, cal)
    assert best is not None, "empty grid"
    return best[1]


# -- command line -----------------------------------------------------------------------

@dataclass(frozen=True)
class Query:
    text: str
    expect: tuple[str, ...]
    source: str


def load_queries(path: Path, split: str) -> list[Query]:
    """Items of a dev-set file whose `split` is `split` or that have none."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [Query(str(item["q"]), tuple(item.get("expect") or ()), path.name)
            for item in data["queries"] if item.get("split", split) == split]


def _samples(queries: Sequence[Query], model: str, threads: int) -> list[Sample]:
    from catalogue.db import open_db, replace_catalogue
    from catalogue.search.encoders import load_encoder
    from catalogue.search.engine import SearchEngine
    from catalogue.search.normalize import QueryError, normalize_query
    from catalogue.sources import load_procedures

    cache = Path(__file__).resolve().parents[2] / "var" / "search-fit.db"
    cache.parent.mkdir(exist_ok=True)
    db = open_db(cache)
    replace_catalogue(db, load_procedures(), None)
    engine = SearchEngine(db, load_encoder(model, threads))
    ids = [p.id for p in engine.procedures]
    known = set(ids)
    unknown = sorted({pid for q in queries for pid in q.expect if pid not in known})
    if unknown:
        raise SystemExit(f"dev set names unknown procedure ids: {unknown}")
    out = []
    for q in queries:
        try:
            fused = engine.fused_scores(normalize_query(q.text))
        except QueryError:
            out.append(Sample((), None, bool(q.expect)))
            continue
        order = [i for i in np.argsort(-fused, kind="stable")[:SCORE_DEPTH] if fused[i] > 0]
        ranked = [ids[i] for i in order]
        rank = next((n + 1 for n, pid in enumerate(ranked) if pid in q.expect), None)
        out.append(Sample(tuple(float(fused[i]) for i in order), rank, bool(q.expect),
                          len(normalize_query(q.text).split())))
    return out


def main(argv: list[str] | None = None) -> int:
    from catalogue.settings import get_catalogue_settings

    settings = get_catalogue_settings()
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("devsets", nargs="+", type=Path)
    parser.add_argument("--split", default="calibration",
                        help="use items with this split (and items without one)")
    parser.add_argument("--model", default=settings.embedding_model)
    args = parser.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    queries = [q for path in args.devsets for q in load_queries(path, args.split)]
    samples = _samples(queries, args.model, settings.torch_threads)
    base = for_encoder(args.model != "none")
    fitted = fit_thresholds(samples, base)
    for name, cal in (("current", base), ("fitted", fitted)):
        print(f"{name}: answer_min={cal.answer_min} answer_margin={cal.answer_margin} "
              f"rephrase_below={cal.rephrase_below}")
        for source in sorted({q.source for q in queries}):
            part = [s for s, q in zip(samples, queries, strict=True) if q.source == source]
            print(f"   {source}: {rates(part, cal).summary()}")
        print(f"   all: {rates(samples, cal).summary()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
