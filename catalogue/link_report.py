"""The report `catalogue check-links` writes and `catalogue validate` reads.

The checker needs network access and `validate` must run without it, so the link
health travels as a small JSON file: one entry per checked link with its status,
redirect target and date.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Any, TypedDict

from catalogue.errors import CatalogueError
from catalogue.links import LinkResult


class LinkEntry(TypedDict):
    url: str
    owner: str
    field: str
    ok: bool
    status: int | None
    final_url: str | None
    error: str | None
    checked: str  # ISO date


def write_report(path: Path, results: list[LinkResult], *,
                 today: dt.date | None = None) -> None:
    """Replace the report at `path` (atomically) with `results`."""
    day = (today or dt.date.today()).isoformat()
    entries: list[LinkEntry] = [
        {"url": r.target.url, "owner": r.target.owner, "field": r.target.field, "ok": r.ok,
         "status": r.status, "final_url": r.final_url if r.redirected else None,
         "error": r.error, "checked": day} for r in results]
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps({"checked": day, "links": entries}, ensure_ascii=False,
                              indent=1) + "\n", encoding="utf-8")
    os.replace(tmp, path)


def read_report(path: Path) -> dict[str, LinkEntry]:
    """URL -> its latest entry; an absent report is empty, a broken one an error."""
    if not path.exists():
        return {}
    try:
        data: Any = json.loads(path.read_text(encoding="utf-8"))
        links = data["links"]
        result: dict[str, LinkEntry] = {}
        for entry in links:
            if not isinstance(entry.get("url"), str) or not isinstance(entry.get("ok"), bool):
                raise TypeError("each link needs 'url' (string) and 'ok' (true/false)")
            result[entry["url"]] = entry
        return result
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise CatalogueError(f"unreadable link report ({exc}); run `catalogue check-links` "
                             "again", source=str(path)) from exc


def link_problems(report: dict[str, LinkEntry], urls: dict[str, list[str]]) -> list[str]:
    """Warnings for `urls` (url -> the owner.field places using it): broken in the
    report, redirected, or never checked."""
    problems: list[str] = []
    unchecked = 0
    for url, places in sorted(urls.items()):
        entry = report.get(url)
        where = ", ".join(places)
        if entry is None:
            unchecked += 1
        elif not entry["ok"]:
            status = entry["status"] if entry["status"] is not None else entry["error"]
            problems.append(f"broken link ({status}, checked {entry['checked']}): {url} "
                            f"[{where}]")
        elif entry["final_url"]:
            problems.append(f"link redirects to {entry['final_url']} (checked "
                            f"{entry['checked']}): {url} [{where}]")
    if report and unchecked:
        problems.append(f"{unchecked} link(s) not in the link report (run `catalogue "
                        "check-links`)")
    return problems
