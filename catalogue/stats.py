"""Counts over a built catalogue, for `catalogue stats` and the acceptance checks."""

from __future__ import annotations

from typing import TypedDict

import sqlite_utils

from catalogue.coverage import Coverage, coverage
from catalogue.db import all_procedures


class CatalogueStats(TypedDict):
    procedures: int
    landratsamt: int
    elsewhere: int
    by_level: dict[str, int]
    by_department: dict[str, int]
    gemeinden: int
    url_verified: dict[str, int]  # "true" / "false"
    online_url: dict[str, int]  # "with" / "without"
    leika: dict[str, int]  # "with" / "without"
    coverage: Coverage


def catalogue_stats(db: sqlite_utils.Database, *, max_age_days: int = 365) -> CatalogueStats:
    """Procedure counts by level, department, verification, online availability, LeiKa
    key and sources; reviews older than `max_age_days` count as stale."""

    def scalar(sql: str) -> int:
        return int(db.execute(sql).fetchone()[0])

    def grouped(column: str) -> dict[str, int]:
        rows = db.execute(f"select [{column}], count(*) from procedures group by [{column}] "
                          f"order by count(*) desc, [{column}]").fetchall()
        return {str(key): count for key, count in rows}

    total = scalar("select count(*) from procedures")
    landratsamt = scalar("select count(*) from procedures where responsible_level = 'landratsamt'")
    online = scalar("select count(*) from procedures where coalesce(online_url, '') != ''")
    verified = scalar("select count(*) from procedures where url_verified = 1")
    leika = scalar("select count(*) from procedures where coalesce(leika, '') != ''")
    return {
        "procedures": total,
        "landratsamt": landratsamt,
        "elsewhere": total - landratsamt,
        "by_level": grouped("responsible_level"),
        "by_department": grouped("department"),
        "gemeinden": scalar("select count(*) from gemeinden"),
        "url_verified": {"true": verified, "false": total - verified},
        "online_url": {"with": online, "without": total - online},
        "leika": {"with": leika, "without": total - leika},
        "coverage": coverage(all_procedures(db), max_age_days=max_age_days),
    }
