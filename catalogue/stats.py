"""Counts over a built catalogue, for `catalogue stats` and the acceptance checks."""

from __future__ import annotations

from typing import TypedDict

import sqlite_utils


class CatalogueStats(TypedDict):
    procedures: int
    landratsamt: int
    elsewhere: int
    by_level: dict[str, int]
    by_department: dict[str, int]
    gemeinden: int
    url_verified: dict[str, int]  # "true" / "false"
    online_url: dict[str, int]  # "with" / "without"


def catalogue_stats(db: sqlite_utils.Database) -> CatalogueStats:
    """Procedure counts by level, department, verification and online availability."""

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
    return {
        "procedures": total,
        "landratsamt": landratsamt,
        "elsewhere": total - landratsamt,
        "by_level": grouped("responsible_level"),
        "by_department": grouped("department"),
        "gemeinden": scalar("select count(*) from gemeinden"),
        "url_verified": {"true": verified, "false": total - verified},
        "online_url": {"with": online, "without": total - online},
    }
