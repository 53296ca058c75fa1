"""How well the redactor finds personal data, measured on a labelled set.

    .venv/bin/python -m eval.redaction_eval [tests/conversations/fixtures/pii_cases.yaml]

Each case has `text`, `pii: [{type, value}]` (the personal data in it), `keep` (words
that must survive: procedure vocabulary), `language` and `split` (`calibration` for
tuning, `heldout` for the honest figure). A labelled value counts as found when it no
longer appears in the redacted text. Reported per split: recall per type, false
positives (cases without personal data whose text changed), `keep` words destroyed,
and the cost per message.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from conversations.redaction import redact

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CASES = ROOT / "tests" / "conversations" / "fixtures" / "pii_cases.yaml"
# Pattern types (regular structure) must reach 0.98 recall, names 0.85.
NAME_TYPES = frozenset({"name", "person", "NAME", "PERSON"})


@dataclass
class Split:
    found: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    total: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    missed: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    clean_cases: int = 0
    false_positives: list[tuple[str, str]] = field(default_factory=list)
    keep_broken: list[tuple[str, str]] = field(default_factory=list)

    def recall(self, kind: str) -> float:
        return self.found[kind] / self.total[kind] if self.total[kind] else 1.0

    @property
    def fp_rate(self) -> float:
        return len(self.false_positives) / self.clean_cases if self.clean_cases else 0.0


def load(path: Path) -> list[dict[str, Any]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    cases = data.get("cases", data) if isinstance(data, dict) else data
    if not isinstance(cases, list):
        raise SystemExit(f"{path}: expected a list of cases")
    return [case for case in cases if isinstance(case, dict)]


def _keep_words(case: Mapping[str, Any]) -> list[str]:
    keep = case.get("keep")
    if isinstance(keep, str):
        return [keep]
    if isinstance(keep, list):
        return [str(item) for item in keep]
    return []


def evaluate(cases: Iterable[Mapping[str, Any]]) -> dict[str, Split]:
    splits: dict[str, Split] = defaultdict(Split)
    for case in cases:
        text = str(case["text"])
        split = splits[str(case.get("split", "all"))]
        redacted = redact(text)
        pii = case.get("pii") or []
        for item in pii:
            kind, value = str(item["type"]), str(item["value"])
            split.total[kind] += 1
            if value not in redacted:
                split.found[kind] += 1
            else:
                split.missed[kind].append(text)
        if not pii:
            split.clean_cases += 1
            if redacted != text:
                split.false_positives.append((text, redacted))
        for word in _keep_words(case):
            if word in text and word not in redacted:
                split.keep_broken.append((word, redacted))
    return dict(splits)


def cost_us(texts: list[str], rounds: int = 20) -> float:
    started = time.perf_counter()
    for _ in range(rounds):
        for text in texts:
            redact(text)
    return (time.perf_counter() - started) / (rounds * len(texts)) * 1e6


def report(splits: Mapping[str, Split], verbose: bool = False,
           only: str | None = None) -> str:
    lines = []
    for name in sorted(splits):
        if only is not None and name != only:
            continue
        split = splits[name]
        lines.append(f"== {name}")
        for kind in sorted(split.total):
            lines.append(f"  {kind:<20} recall {split.recall(kind):.3f} "
                         f"({split.found[kind]}/{split.total[kind]})")
            if verbose:
                lines += [f"      missed: {text!r}" for text in split.missed[kind]]
        lines.append(f"  false positives      {len(split.false_positives)}/"
                     f"{split.clean_cases} = {split.fp_rate:.1%}")
        if verbose:
            lines += [f"      {text!r} -> {red!r}" for text, red in split.false_positives]
        lines.append(f"  keep words destroyed {len(split.keep_broken)}")
        if verbose:
            lines += [f"      {word!r}: {red!r}" for word, red in split.keep_broken]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.redaction_eval",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("cases", nargs="?", type=Path, default=DEFAULT_CASES)
    parser.add_argument("--verbose", "-v", action="store_true",
                        help="list every miss and false positive")
    parser.add_argument("--split", default=None,
                        help="report only this split (tune on calibration: -v --split "
                             "calibration; never look at the held-out misses)")
    args = parser.parse_args(argv)
    cases = load(args.cases)
    print(report(evaluate(cases), args.verbose, args.split))
    print(f"cost: {cost_us([str(c['text']) for c in cases]):.1f} µs per message "
          f"({len(cases)} messages)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
