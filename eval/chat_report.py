"""Aggregate chat-evaluation outcomes: rates per group, the issue's targets, the printout.

Rates of in-scope verdicts are over in-scope queries; "direct wrong" and "prompts"
(choose + clarify) are over all queries of the group, out-of-scope ones included
(answering an off-topic question is a wrong direct answer too).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from eval.chat_scoring import IN_SCOPE_VERDICTS, OOS_VERDICTS, Score, rank_in
from eval.devsets import SPLITS, Case

# Issue 11's targets, measured on the held-out half.
TOP1_SLACK = 0.02
MAX_WRONG = 0.03
MAX_PROMPTS = 0.10
MAX_DROP = 0.03


@dataclass(frozen=True)
class Outcome:
    """One dev-set query in one variant, sent as the first message of a conversation."""

    case: Case
    variant: str
    message: str
    score: Score
    search_ranked: tuple[str, ...] | None = None  # the engine's top 10, None: not computed
    seconds: float = 0.0
    error: str | None = None
    failed: bool = False  # the HTTP exchange itself failed (not a dialogue result)

    @property
    def search_rank(self) -> int | None:
        return rank_in(self.search_ranked or (), self.case.expect)

    @property
    def record_rank(self) -> int | None:
        return rank_in(self.score.candidates, self.case.expect)

    def to_dict(self) -> dict[str, Any]:
        return {"query": self.case.query, "message": self.message, "variant": self.variant,
                "devset": self.case.devset, "split": self.case.split,
                "category": self.case.category, "expect": list(self.case.expect),
                **self.score.to_dict(),
                "search_top": list(self.search_ranked or ())[:3],
                "search_rank": self.search_rank, "seconds": round(self.seconds, 3),
                "error": self.error, "failed": self.failed}


def summarize(outcomes: Sequence[Outcome]) -> dict[str, Any]:
    """Counts and rates of one group of outcomes (see the module docstring)."""
    inscope = [o for o in outcomes if o.case.in_scope]
    oos = [o for o in outcomes if not o.case.in_scope]
    counts = Counter(o.score.verdict for o in inscope)
    oos_counts = Counter(o.score.verdict for o in oos)
    n, total = len(inscope), len(outcomes)
    searched = [o for o in inscope if o.search_ranked is not None]
    return {
        "n": total, "n_in_scope": n, "n_out_of_scope": len(oos),
        "counts": {v: counts[v] for v in IN_SCOPE_VERDICTS},
        "rates": {v: _rate(counts[v], n) for v in IN_SCOPE_VERDICTS},
        "oos_counts": {v: oos_counts[v] for v in OOS_VERDICTS},
        "oos_declined_rate": _rate(oos_counts["oos_declined"], len(oos)),
        "direct_wrong_rate": _rate(counts["wrong_answer"] + oos_counts["oos_answered"], total),
        "prompt_rate": _rate(counts["choice_with_right"] + counts["choice_without_right"]
                             + oos_counts["oos_choice"], total),
        "search_top1": _rate(sum(o.search_rank == 1 for o in searched), len(searched))
        if searched else None,
        "search_top3": _rate(sum((o.search_rank or 99) <= 3 for o in searched), len(searched))
        if searched else None,
        # The ranking as the chat saw it; 0 where no search ran (smalltalk, out_of_scope).
        "record_top1": _rate(sum(o.record_rank == 1 for o in inscope), n),
        "record_top3": _rate(sum((o.record_rank or 99) <= 3 for o in inscope), n),
        "record_searched": sum(bool(o.score.candidates) for o in inscope),
    }


def _rate(count: int, n: int) -> float:
    return round(count / n, 4) if n else 0.0


Grouper = Callable[[Outcome], list[str]]


def group_keys(outcome: Outcome) -> list[str]:
    case = outcome.case
    return ["all", f"split {case.split}", f"{case.devset}/{case.split}",
            f"{case.devset}: {case.category}"]


def summaries(outcomes: Sequence[Outcome], keys: Grouper = group_keys) -> dict[str, Any]:
    """Summary per group key, in a stable order (all, splits, sets, categories)."""
    grouped: dict[str, list[Outcome]] = {}
    for outcome in outcomes:
        for key in keys(outcome):
            grouped.setdefault(key, []).append(outcome)
    order = sorted(grouped, key=lambda k: (k != "all", not k.startswith("split"), ":" in k, k))
    return {key: summarize(grouped[key]) for key in order}


@dataclass(frozen=True)
class Target:
    name: str
    measured: float
    limit: float
    passed: bool

    def line(self) -> str:
        return (f"{'PASS' if self.passed else 'FAIL'}  {self.name}: "
                f"{self.measured:.4f} (target {self.limit:.4f})")


def targets(by_variant: dict[str, dict[str, Any]], group: str = "split heldout") -> list[Target]:
    """Issue 11's targets on `group` (default: the held-out half), measured."""
    base = by_variant.get("original", {}).get(group)
    if base is None:
        return []
    out: list[Target] = []
    correct = _correct(base)
    if base["search_top1"] is not None:
        floor = base["search_top1"] - TOP1_SLACK
        out.append(Target("correct direct answers >= search top-1 - 0.02", round(correct, 4),
                          round(floor, 4), correct >= floor))
    out.append(Target("wrong direct answers <= 3 %", base["direct_wrong_rate"], MAX_WRONG,
                      base["direct_wrong_rate"] <= MAX_WRONG))
    out.append(Target("clarifying + choice prompts <= 10 %", base["prompt_rate"], MAX_PROMPTS,
                      base["prompt_rate"] <= MAX_PROMPTS))
    for variant, groups in by_variant.items():
        if variant == "original" or group not in groups:
            continue
        drop = round(correct - _correct(groups[group]), 4)
        out.append(Target(f"robustness drop ({variant}) <= 0.03", drop, MAX_DROP,
                          drop <= MAX_DROP))
    return out


def _correct(summary: dict[str, Any]) -> float:
    """The exact correct-answer rate (the stored rates are rounded)."""
    n = summary["n_in_scope"]
    return summary["counts"]["correct_answer"] / n if n else 0.0


# --- printing ---------------------------------------------------------------------------

HEADER = (f"{'group':<28}{'n':>5} {'correct':>8}{'wrong':>7}{'ch+':>6}{'ch-':>6}"
          f"{'reph':>6}{'hand':>6}{'oos':>6} | {'s.top1':>6}{'s.top3':>7} {'r.top1':>7}"
          f" | {'OOS decl.':>9}  {'d.wrong':>7}{'prompts':>8}")


def row(name: str, s: dict[str, Any]) -> str:
    r = s["rates"]
    top1 = "-" if s["search_top1"] is None else f"{s['search_top1']:.3f}"
    top3 = "-" if s["search_top3"] is None else f"{s['search_top3']:.3f}"
    oos = f"{s['oos_counts']['oos_declined']}/{s['n_out_of_scope']}" if s["n_out_of_scope"] \
        else "-"
    return (f"{name[:28]:<28}{s['n_in_scope']:>5} {r['correct_answer']:>8.3f}"
            f"{r['wrong_answer']:>7.3f}{r['choice_with_right']:>6.3f}"
            f"{r['choice_without_right']:>6.3f}{r['rephrase']:>6.3f}{r['handoff']:>6.3f}"
            f"{r['out_of_scope']:>6.3f} | {top1:>6}{top3:>7} {s['record_top1']:>7.3f}"
            f" | {oos:>9}  {s['direct_wrong_rate']:>7.3f}{s['prompt_rate']:>8.3f}")


def print_table(title: str, groups: dict[str, Any]) -> None:
    print(f"\n== {title}")
    print("   rates over in-scope queries (n); s.top = search engine ranking, r.top1 = first "
          "record candidate;\n   OOS decl. = out-of-scope queries not answered; d.wrong, "
          "prompts = over all queries")
    print("   " + HEADER)
    for name, summary in groups.items():
        print("   " + row(name, summary))
    if "all" in groups:
        counts = groups["all"]["counts"]
        extra = {v: counts[v] for v in ("answer_no_link", "no_record") if counts[v]}
        if extra:
            print("   also (in-scope): " + ", ".join(f"{k}={v}" for k, v in extra.items()))


def describe(outcome: Outcome) -> str:
    s, case = outcome.score, outcome.case
    rec = s.record
    said = (f"{rec.decision} by {rec.action} (intent {rec.intent} {rec.intent_confidence:.2f}"
            f"{', ' + rec.reason if rec.reason else ''}) presented {list(rec.procedure_ids)}"
            if rec else f"no record{' (' + outcome.error + ')' if outcome.error else ''}")
    query = case.query if outcome.variant == "original" else outcome.message
    query = query.replace("\n", " / ")
    search = "" if outcome.search_ranked is None else \
        f"; search rank {outcome.search_rank or '-'} top {list(outcome.search_ranked[:3])}"
    return (f"[{case.devset}/{case.split}/{case.category}] {s.verdict}: {query[:160]!r}\n"
            f"        want {list(case.expect) or 'no answer'}; record: {said}; "
            f"candidates {list(s.candidates[:3])}{search}")


def is_miss(outcome: Outcome) -> bool:
    return outcome.score.verdict not in ("correct_answer", "oos_declined")


def print_misses(outcomes: Sequence[Outcome], title: str) -> None:
    misses = [o for o in outcomes if is_miss(o)]
    print(f"\n== {title}: {len(misses)}")
    key = {split: i for i, split in enumerate(SPLITS)}
    for outcome in sorted(misses, key=lambda o: (o.case.devset, key.get(o.case.split, 9),
                                                 o.case.category, o.score.verdict)):
        print("   " + describe(outcome))
