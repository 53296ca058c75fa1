"""Pieces shared by the formats: decoding, record validation, duplicate detection."""

from __future__ import annotations

from dataclasses import dataclass, field

from catalogue.errors import CatalogueError
from catalogue.models import Gemeinde, Procedure
from catalogue.sources import parse_procedures


@dataclass
class ImportResult:
    """Validated records of one input file, plus what could not be imported."""

    procedures: list[Procedure]
    gemeinden: list[Gemeinde] | None = None
    warnings: list[str] = field(default_factory=list)


@dataclass
class XZuFiDefaults:
    """Values for fields XZuFi does not carry; set from CLI options (see docs/catalogue.md)."""

    responsible_level: str = "landratsamt"
    department: str | None = None
    category: str | None = None
    responsible: str | None = None
    source: str = "XZuFi 2.2 import"


def decode_bytes(data: bytes, *, source: str) -> str:
    """UTF-8 text of an input file (BOM tolerated); empty or non-UTF-8 input is an error."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise CatalogueError(f"not UTF-8 text (byte {exc.start}: {exc.reason}); "
                             "save the file as UTF-8", source=source, line=line) from exc
    if not text.strip():
        raise CatalogueError("the file is empty", source=source)
    return text


def validate_record(raw: object, *, source: str, index: int, line: int | None = None) -> Procedure:
    """One record through the same validation as the YAML sources (record index is 0-based)."""
    if not isinstance(raw, dict):
        raise CatalogueError("a procedure must be an object/mapping", source=source, line=line,
                             record=f"#{index + 1}")
    try:
        return next(parse_procedures([raw], source=source,
                                     lines=[line] if line else None, first=index))
    except CatalogueError as exc:
        position = f"#{index + 1}"
        if line is None and exc.record != position:  # JSON: the position as well as the id
            exc.record = f"{position} {exc.record}"
        raise


def check_unique(procedures: list[Procedure], *, source: str,
                 lines: list[int | None] | None = None) -> None:
    """Duplicate ids would silently overwrite each other; name both occurrences."""
    first: dict[str, int] = {}
    for index, procedure in enumerate(procedures):
        if procedure.id in first:
            line = lines[index] if lines else None
            raise CatalogueError(f"duplicate id (first used by record #{first[procedure.id] + 1})",
                                 source=source, line=line, record=procedure.id, field="id")
        first[procedure.id] = index
