"""Storage limitation: delete whole conversations whose last event is older than N days.

    python -m conversations.retention --days 90 --db var/tracker.db --dry-run
    python -m conversations.retention --days 90

A conversation is every event of one sender id in Rasa's SQL tracker store (table
`events`). Only conversations that are over as a whole are deleted (a citizen who
came back yesterday keeps the earlier turns of that conversation until it, too, is
quiet for N days). The deleted text is really gone from the file, not only unlinked:
the deleting connection sets `PRAGMA secure_delete=ON` (freed pages are overwritten
with zeros), the write-ahead log is checkpointed and truncated (it may still hold old
copies of the pages), and the file is vacuumed. `make run` runs this at start and
then daily (`WEGWEISER_RETENTION_DAYS`, default 90).
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

DEFAULT_DAYS = 90


class RetentionError(RuntimeError):
    """The database cannot be cleaned (missing, not a tracker store, locked)."""


class NothingStored(RetentionError):
    """An empty database file: nothing to delete (not an error)."""


@dataclass(frozen=True)
class Expired:
    sender_id: str
    last_event: float
    events: int


@dataclass(frozen=True)
class Result:
    cutoff: float
    expired: tuple[Expired, ...]
    dry_run: bool
    wal_truncated: bool = True

    @property
    def events(self) -> int:
        return sum(item.events for item in self.expired)


def _connect(db: Path) -> sqlite3.Connection:
    if not db.is_file():
        raise RetentionError(f"no conversation database at {db}")
    try:
        conn = sqlite3.connect(db, timeout=20, isolation_level=None)
        tables = {row[0] for row in conn.execute(
            "select name from sqlite_master where type = 'table'")}
    except sqlite3.Error as exc:
        raise RetentionError(f"{db} is not a readable SQLite database ({exc})") from exc
    if "events" not in tables:
        conn.close()
        if not tables:  # a fresh file: Rasa creates the table with the first turn
            raise NothingStored(f"no conversations stored in {db} yet")
        raise RetentionError(f"{db} has no table `events`: not Rasa's SQL tracker store")
    return conn


def expired(conn: sqlite3.Connection, cutoff: float) -> list[Expired]:
    rows = conn.execute("select sender_id, max(timestamp), count(*) from events "
                        "group by sender_id having max(timestamp) < ? order by 2",
                        (cutoff,)).fetchall()
    return [Expired(str(sender), float(last), int(count)) for sender, last, count in rows]


def apply_retention(db: Path, days: float, *, dry_run: bool = False,
                    now: float | None = None) -> Result:
    """Delete (or, dry run, only list) the conversations quiet for more than `days`."""
    if days <= 0:
        raise RetentionError(f"--days must be positive, got {days:g}")
    cutoff = (time.time() if now is None else now) - days * 86400
    conn = _connect(db)
    try:
        conn.execute("pragma secure_delete = on")
        items = tuple(expired(conn, cutoff))
        if dry_run or not items:
            return Result(cutoff, items, dry_run)
        try:
            conn.execute("begin immediate")
            conn.executemany("delete from events where sender_id = ?",
                             [(item.sender_id,) for item in items])
            conn.execute("commit")
        except sqlite3.Error as exc:
            raise RetentionError(f"could not delete from {db} ({exc}); nothing was "
                                 f"deleted") from exc
        truncated = _checkpoint(conn)
        conn.execute("vacuum")  # rebuilds the file: no stale copy in free pages
        truncated = _checkpoint(conn) and truncated
        return Result(cutoff, items, dry_run, truncated)
    finally:
        conn.close()


def _checkpoint(conn: sqlite3.Connection) -> bool:
    """Copy the WAL into the database and truncate it; False if a reader kept it."""
    row = conn.execute("pragma wal_checkpoint(truncate)").fetchone()
    return row is None or row[0] == 0


def _day(timestamp: float) -> str:
    return datetime.fromtimestamp(timestamp, UTC).strftime("%Y-%m-%d %H:%M UTC")


def report(result: Result, days: float) -> str:
    verb = "would delete" if result.dry_run else "deleted"
    lines = [f"{verb} {len(result.expired)} conversation(s) ({result.events} events) "
             f"whose last event is older than {days:g} days (before "
             f"{_day(result.cutoff)})"]
    lines += [f"  {item.sender_id}  last event {_day(item.last_event)}, "
              f"{item.events} events" for item in result.expired]
    if not result.wal_truncated:
        lines.append("warning: the write-ahead log could not be truncated (a reader held "
                     "it); old page copies stay there until the next checkpoint")
    return "\n".join(lines)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m conversations.retention",
        description="Delete whole conversations whose last event is older than --days "
                    "from Rasa's SQLite tracker store, overwriting the deleted text.",
        epilog="example: python -m conversations.retention --days 90 --db var/tracker.db "
               "--dry-run")
    parser.add_argument("--days", type=float, default=DEFAULT_DAYS,
                        help=f"keep conversations active within this many days "
                             f"(default {DEFAULT_DAYS})")
    parser.add_argument("--db", type=Path, default=Path("var/tracker.db"),
                        help="the tracker store's SQLite file (default var/tracker.db)")
    parser.add_argument("--dry-run", action="store_true",
                        help="only list what would be deleted")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        result = apply_retention(args.db, args.days, dry_run=args.dry_run)
    except NothingStored as exc:
        print(exc)
        return 0
    except RetentionError as exc:
        print(f"retention: {exc}", file=sys.stderr)
        return 2
    print(report(result, args.days))
    return 0


if __name__ == "__main__":
    sys.exit(main())
