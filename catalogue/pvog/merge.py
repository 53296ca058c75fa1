"""Merge imported records into a YAML source file: add, fill gaps, never overwrite.

An editor reviews the imported file and may correct any value. A later import must
not undo that, so a field that already has a value is never changed: a different
value from PVOG is reported as a conflict for a person to decide. New records are
added, empty fields are filled (with their provenance). Running the same import
twice changes nothing the second time. Records whose id or LeiKa key another source
file already has are skipped with a note (that entry is the one to review by hand).
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from catalogue.errors import CatalogueError
from catalogue.models import Procedure
from catalogue.sources import load_department_file, load_list_file, load_procedures

HEADER = ("# Imported from the national catalogue (PVOG) with `catalogue pvog-import`.\n"
          "# Review before `catalogue build`; edited values are kept by later imports\n"
          "# (see docs/pvog-import.md). Comments in this file are not kept.\n")


@dataclass
class MergeResult:
    path: Path
    before: str
    after: str
    added: list[str] = field(default_factory=list)
    filled: list[str] = field(default_factory=list)  # "id.field"
    conflicts: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.before != self.after

    def diff(self) -> str:
        return "".join(difflib.unified_diff(self.before.splitlines(keepends=True),
                                            self.after.splitlines(keepends=True),
                                            fromfile=f"{self.path} (now)",
                                            tofile=f"{self.path} (after import)"))


def _plain(value: Any) -> Any:
    """YAML values compared as JSON would see them (dates as ISO strings)."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _empty(value: Any) -> bool:
    return value in (None, "", [], {})


def merge_records(path: Path, imported: list[Procedure]) -> MergeResult:
    """What importing `imported` into `path` would do (nothing is written)."""
    if path.suffix != ".yaml":
        raise CatalogueError("source files must end in .yaml", source=str(path))
    before = path.read_text(encoding="utf-8") if path.exists() else ""
    data: dict[str, Any] = load_list_file(path, "procedures")[0] if path.exists() \
        else {"procedures": []}
    records: list[dict[str, Any]] = data["procedures"]
    by_id = {r.get("id"): r for r in records if isinstance(r, dict)}
    others = load_procedures(path.parent, exclude=path) if path.parent.is_dir() else []
    other_ids = {p.id for p in others}
    other_keys = {p.leika: p.id for p in others if p.leika}
    result = MergeResult(path, before, before)
    for p in imported:
        new = p.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
        new["url_verified"] = p.url_verified
        if p.id in other_ids:
            result.skipped.append(f"{p.id}: id already defined in another source file")
            continue
        if p.leika and p.leika in other_keys:
            hint = f"; PVOG's online form: {p.online_url}" if p.online_url else ""
            result.skipped.append(f"{p.id}: LeiKa {p.leika} belongs to "
                                  f"{other_keys[p.leika]!r} in another file - compare by "
                                  f"hand (PVOG page: {p.info_url}{hint})")
            continue
        existing = by_id.get(p.id)
        if existing is None:
            records.append(new)
            by_id[p.id] = new
            result.added.append(p.id)
            continue
        _fill(existing, new, p.id, result)
    text = HEADER + yaml.safe_dump(_plain(data), allow_unicode=True, sort_keys=False, width=100)
    if result.added or result.filled:
        result.after = text
    return result


def _fill(existing: dict[str, Any], new: dict[str, Any], pid: str, result: MergeResult) -> None:
    sources = new.get("provenance", {})
    for name, value in new.items():
        if name in ("id", "provenance", "url_verified"):
            continue
        if _empty(existing.get(name)):
            existing[name] = value
            if name in sources:
                existing.setdefault("provenance", {})[name] = sources[name]
            result.filled.append(f"{pid}.{name}")
        elif _plain(existing[name]) != _plain(value):
            shown = str(value if not isinstance(value, str) else value[:80])
            result.conflicts.append(f"{pid}.{name}: kept the file's value; PVOG now says "
                                    f"{shown!r}")


def write_merge(result: MergeResult) -> None:
    """Write `result.after` atomically, after checking that it reads back as a valid file."""
    tmp = result.path.with_name(result.path.name + ".tmp")
    tmp.write_text(result.after, encoding="utf-8")
    try:
        load_department_file(tmp)
        os.replace(tmp, result.path)
    finally:
        tmp.unlink(missing_ok=True)
