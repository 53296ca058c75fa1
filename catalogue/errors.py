"""Errors that point an editor at the exact place of a problem."""

from __future__ import annotations


class CatalogueError(Exception):
    """A problem in catalogue input, located by file, line/record and field."""

    def __init__(self, message: str, *, source: str | None = None,
                 line: int | None = None, record: str | None = None,
                 field: str | None = None) -> None:
        self.message = message
        self.source = source
        self.line = line
        self.record = record
        self.field = field
        super().__init__(str(self))

    def __str__(self) -> str:
        where = []
        if self.source:
            where.append(self.source + (f":{self.line}" if self.line else ""))
        if self.record:
            where.append(f"record {self.record!r}")
        if self.field:
            where.append(f"field {self.field!r}")
        prefix = ", ".join(where)
        return f"{prefix}: {self.message}" if prefix else self.message
