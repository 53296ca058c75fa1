"""The dev sets and their splits, shared by the search and the chat evaluation.

Two sets, both written from the citizen's side (not from the catalogue's search terms):

* `search` — eval/search_devset.yaml (269 queries, the older set). The search calibration
  was fitted on it, so all of it counts as split `calibration`.
* `hard` — eval/hard_devset.yaml (210 queries: long stories, e-mails, lower case,
  indirect, may/must, several questions at once, English, dialect, elsewhere, out of
  scope), written by someone who never saw the search terms. Each query is
  `calibration` or `heldout`; the held-out half is never used for fitting anything.

Seven more files, eval/fresh_devset.yaml (130 queries), eval/sixth_devset.yaml,
eval/seventh_devset.yaml, eval/eighth_devset.yaml, eval/ninth_devset.yaml,
eval/tenth_devset.yaml and eval/eleventh_devset.yaml (160 each),
all held out and written blind from the procedure titles only, are read by path
(`--devset eval/sixth_devset.yaml`): each was measured once before the changes of the
session that got it (docs/evaluation.md).

A query's `expect` lists every procedure id that counts as right; empty means out of
scope (the right outcome is not to answer).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
DEVSETS: dict[str, Path] = {"search": HERE / "search_devset.yaml",
                            "hard": HERE / "hard_devset.yaml"}
SPLITS = ("calibration", "heldout")


class DevsetError(ValueError):
    """A dev-set file this code cannot read (missing field, unknown split)."""


@dataclass(frozen=True)
class Case:
    query: str
    expect: tuple[str, ...]  # empty: out of scope, the right outcome is not to answer
    category: str
    split: str = "calibration"  # calibration | heldout
    devset: str = "search"  # which file: search | hard (or the file's stem)

    @property
    def in_scope(self) -> bool:
        return bool(self.expect)


def load_devset(path: Path = DEVSETS["search"], name: str | None = None) -> list[Case]:
    """The queries of one dev-set file; items without `split` count as calibration."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not isinstance(data.get("queries"), list):
        raise DevsetError(f"{path}: expected a mapping with a list `queries`")
    devset = name or _name_of(path)
    return [_case(item, devset, path) for item in data["queries"]]


def _name_of(path: Path) -> str:
    for name, known in DEVSETS.items():
        if path.resolve() == known:
            return name
    return path.stem


def _case(item: Any, devset: str, path: Path) -> Case:
    if not isinstance(item, dict) or "q" not in item or "category" not in item:
        raise DevsetError(f"{path}: every query needs `q` and `category`, got {item!r}")
    split = str(item.get("split", "calibration"))
    if split not in SPLITS:
        raise DevsetError(f"{path}: unknown split {split!r} for {item['q']!r} "
                          f"(one of {', '.join(SPLITS)})")
    return Case(str(item["q"]), tuple(str(pid) for pid in item.get("expect") or ()),
                str(item["category"]), split, devset)


def resolve(names: Iterable[str]) -> list[tuple[str, Path]]:
    """Dev-set names (`search`, `hard`, `both`) or file paths → (name, path) pairs."""
    out: list[tuple[str, Path]] = []
    for name in names:
        if name == "both":
            out.extend(DEVSETS.items())
        elif name in DEVSETS:
            out.append((name, DEVSETS[name]))
        else:
            path = Path(name)
            out.append((_name_of(path), path))
    unique: dict[Path, tuple[str, Path]] = {}
    for name, path in out:
        unique.setdefault(path.resolve(), (name, path))
    return list(unique.values())


def load_devsets(names: Iterable[str] = ("both",)) -> list[Case]:
    return [case for name, path in resolve(names) for case in load_devset(path, name)]


def select(cases: Iterable[Case], split: str = "all") -> list[Case]:
    """The cases of one split (`all`: every case)."""
    return [c for c in cases if split == "all" or c.split == split]


def calibration_cases(cases: Iterable[Case]) -> list[Case]:
    """What fitting may use: never a held-out item."""
    return [c for c in cases if c.split == "calibration"]


def check_ids(cases: Iterable[Case], known: set[str]) -> list[str]:
    """Expected ids that are not in the catalogue."""
    return sorted({pid for case in cases for pid in case.expect if pid not in known})
