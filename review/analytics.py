"""The figures of the analytics page, computed from the conversation summaries.

Each figure is a `Table` (headers and rows), so the page can draw it as a chart and
offer exactly the same numbers as CSV.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from review.summary import RESOLUTIONS, Summary

Cell = str | int | float


@dataclass(frozen=True)
class Table:
    key: str
    title: str
    headers: tuple[str, ...]
    rows: Sequence[tuple[Cell, ...]]


def _day(timestamp: float) -> str:
    return datetime.fromtimestamp(timestamp, UTC).strftime("%Y-%m-%d")


def per_day(items: Sequence[Summary]) -> Table:
    """Every day from the first to the last conversation, quiet days with 0."""
    counts = Counter(_day(item.started or item.last) for item in items)
    if not counts:
        return Table("per_day", "Gespräche pro Tag", ("Tag", "Gespräche"), [])
    first, last = date.fromisoformat(min(counts)), date.fromisoformat(max(counts))
    days = [(first + timedelta(days=n)).isoformat() for n in range((last - first).days + 1)]
    return Table("per_day", "Gespräche pro Tag", ("Tag", "Gespräche"),
                 [(day, counts[day]) for day in days])


def top_procedures(items: Sequence[Summary], limit: int = 15) -> Table:
    counts = Counter(proc for item in items for proc in item.procedures)
    return Table("top_procedures", "Häufigste Verfahren", ("Verfahren", "Gespräche"),
                 [(proc, n) for proc, n in counts.most_common(limit)])


def resolution_share(items: Sequence[Summary]) -> Table:
    counts: Counter[str] = Counter(item.resolution for item in items)
    total = max(len(items), 1)
    return Table("resolution", "Anteil beantwortet / andere Stelle / ungelöst",
                 ("Ergebnis", "Gespräche", "Anteil %"),
                 [(label, counts[key], round(100 * counts[key] / total, 1))
                  for key, label in RESOLUTIONS.items()])


def feedback_per_procedure(items: Iterable[Summary], limit: int = 20) -> Table:
    yes: Counter[str] = Counter()
    no: Counter[str] = Counter()
    for item in items:
        for procedure, helpful in item.feedback:
            (yes if helpful == "yes" else no)[procedure or "(ohne Verfahren)"] += 1
    procedures = sorted(set(yes) | set(no), key=lambda p: (-(yes[p] + no[p]), p))[:limit]
    return Table("feedback", "Rückmeldungen pro Verfahren",
                 ("Verfahren", "hilfreich", "nicht hilfreich", "Anteil hilfreich %"),
                 [(p, yes[p], no[p], round(100 * yes[p] / (yes[p] + no[p]), 1))
                  for p in procedures])


def channel_mix(items: Sequence[Summary]) -> Table:
    counts = Counter(item.channel_name for item in items)
    return Table("channels", "Kanäle", ("Kanal", "Gespräche"), counts.most_common())


def all_tables(items: Sequence[Summary]) -> list[Table]:
    return [per_day(items), top_procedures(items), resolution_share(items),
            feedback_per_procedure(items), channel_mix(items)]
