"""CSV and JSON: the formats editors use with spreadsheets and scripts.

CSV layout (one procedure per row, UTF-8, comma-separated, header row required):
- list fields (`search_terms`, `documents`) are written as JSON arrays (`["a", "b"]`) so
  items may contain any character; on import a cell that does not start with `[` is
  split at `;` instead, which is handier in hand-made spreadsheets;
- `contact` is flattened into `contact.name`, `contact.phone`, … columns;
- empty cells mean "not set"; `url_verified` accepts true/false/1/0/yes/no.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from catalogue.errors import CatalogueError
from catalogue.formats.common import ImportResult, check_unique, validate_record
from catalogue.models import Contact, Gemeinde, Procedure
from catalogue.sources import parse_gemeinden

LIST_FIELDS = ("search_terms", "documents", "apply_channels", "documents_en", "situations",
               "facts", "facts_en")
OBJECT_FIELDS = ("contact", "provenance")  # written and read as JSON objects
CONTACT_COLUMNS = tuple(f"contact.{name}" for name in Contact.model_fields)
CSV_COLUMNS = tuple(name for name in Procedure.model_fields if name != "contact") + CONTACT_COLUMNS
REQUIRED_COLUMNS = tuple(name for name, info in Procedure.model_fields.items()
                         if info.is_required())
TRUE, FALSE = {"true", "1", "yes", "ja", "y"}, {"false", "0", "no", "nein", "n"}


def write_csv(procedures: list[Procedure]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for procedure in procedures:
        data = procedure.model_dump(mode="json")
        contact = data.pop("contact")
        row: dict[str, str] = {}
        for key, value in data.items():
            if key in LIST_FIELDS or key in OBJECT_FIELDS:
                row[key] = json.dumps(value, ensure_ascii=False) if value else ""
            elif isinstance(value, bool):
                row[key] = "true" if value else "false"
            else:
                row[key] = "" if value is None else str(value)
        for key, value in contact.items():
            row[f"contact.{key}"] = value or ""
        writer.writerow(row)
    return out.getvalue()


def _cell_list(value: str, *, source: str, line: int, record: str, column: str) -> list[str]:
    if value.startswith("["):
        try:
            items = json.loads(value)
        except json.JSONDecodeError as exc:
            raise CatalogueError(f"not a JSON array ({exc.msg})", source=source, line=line,
                                 record=record, field=column) from exc
        if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
            raise CatalogueError("must be a JSON array of strings", source=source, line=line,
                                 record=record, field=column)
        return items
    return [item.strip() for item in value.split(";") if item.strip()]


def _row_to_raw(row: dict[str | None, Any], *, source: str, line: int,
                index: int) -> dict[str, Any]:
    record = (row.get("id") or "").strip() or f"#{index + 1}"
    if None in row:
        raise CatalogueError("the row has more cells than the header has columns",
                             source=source, line=line, record=record)
    raw: dict[str, Any] = {}
    contact: dict[str, str] = {}
    for column, cell in row.items():
        assert column is not None
        value = (cell or "").strip()
        if not value:
            continue
        if column in LIST_FIELDS:
            raw[column] = _cell_list(value, source=source, line=line, record=record,
                                     column=column)
        elif column.startswith("contact."):
            contact[column.removeprefix("contact.")] = value
        elif column in OBJECT_FIELDS:
            try:
                raw[column] = json.loads(value)
            except json.JSONDecodeError as exc:
                raise CatalogueError(f"not a JSON object ({exc.msg})", source=source,
                                     line=line, record=record, field=column) from exc
        elif column == "url_verified":
            if value.lower() not in TRUE | FALSE:
                raise CatalogueError("must be true or false", source=source, line=line,
                                     record=record, field=column)
            raw[column] = value.lower() in TRUE
        else:
            raw[column] = value
    if contact:
        raw["contact"] = {**raw.get("contact", {}), **contact}
    return raw


def read_csv(text: str, *, source: str) -> ImportResult:
    """Every row validated; errors name the CSV line, the record id and the column."""
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        header = reader.fieldnames or []
    except csv.Error as exc:
        raise CatalogueError(f"unreadable CSV header ({exc})", source=source, line=1) from exc
    header = [h.strip() for h in header]
    reader.fieldnames = header
    unknown = [h for h in header if h not in CSV_COLUMNS and h != "contact"]
    if unknown:
        raise CatalogueError(f"unknown column(s): {', '.join(unknown)}", source=source, line=1,
                             field=unknown[0])
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        raise CatalogueError(f"missing required column(s): {', '.join(missing)}",
                             source=source, line=1, field=missing[0])
    procedures: list[Procedure] = []
    lines: list[int | None] = []
    index = 0
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise CatalogueError(f"malformed CSV ({exc})", source=source,
                                 line=reader.line_num) from exc
        if not any((v or "").strip() for k, v in row.items() if k is not None):
            continue  # blank line
        raw = _row_to_raw(row, source=source, line=start, index=index)
        procedures.append(validate_record(raw, source=source, index=index, line=start))
        lines.append(start)
        index += 1
    if not procedures:
        raise CatalogueError("no records below the header row", source=source)
    check_unique(procedures, source=source, lines=lines)
    return ImportResult(procedures)


def write_json(procedures: list[Procedure], *, gemeinden: list[Gemeinde] | None = None) -> str:
    records = [p.model_dump(mode="json") for p in procedures]
    payload: Any = records
    if gemeinden is not None:
        payload = {"procedures": records,
                   "gemeinden": [g.model_dump(mode="json") for g in gemeinden]}
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def read_json(text: str, *, source: str) -> ImportResult:
    """A list of procedure objects, or {"procedures": [...], "gemeinden": [...]}."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CatalogueError(f"invalid JSON: {exc.msg} (column {exc.colno})", source=source,
                             line=exc.lineno) from exc
    gemeinden_raw = None
    if isinstance(data, dict):
        if not isinstance(data.get("procedures"), list):
            raise CatalogueError("expected a list of procedures or an object with a "
                                 "'procedures' list", source=source)
        unknown = sorted(set(data) - {"procedures", "gemeinden"})
        if unknown:
            raise CatalogueError(f"unknown top-level key(s): {', '.join(unknown)}",
                                 source=source, field=unknown[0])
        gemeinden_raw = data.get("gemeinden")
        data = data["procedures"]
    if not isinstance(data, list):
        raise CatalogueError("expected a list of procedures", source=source)
    if not data:
        raise CatalogueError("the list of procedures is empty", source=source)
    procedures = [validate_record(raw, source=source, index=i) for i, raw in enumerate(data)]
    check_unique(procedures, source=source)
    gemeinden = _read_gemeinden(gemeinden_raw, source=source) if gemeinden_raw is not None \
        else None
    return ImportResult(procedures, gemeinden)


def _read_gemeinden(raw_list: object, *, source: str) -> list[Gemeinde]:
    if not isinstance(raw_list, list):
        raise CatalogueError("'gemeinden' must be a list", source=source, field="gemeinden")
    return parse_gemeinden(raw_list, source=source, record_prefix="gemeinden ")
