"""Read the human-editable YAML sources (one file per department).

A department file may set defaults (department, responsible, contact …) that
every procedure in it inherits, so editors do not repeat the office address
in 15 places.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from catalogue.errors import CatalogueError
from catalogue.models import Gemeinde, Procedure

DATA_DIR = Path(__file__).parent / "data"
PROCEDURE_DIR = DATA_DIR / "procedures"
GEMEINDEN_FILE = DATA_DIR / "gemeinden.yaml"
INHERITED = ("department", "category", "responsible_level", "responsible", "contact",
             "consultation_url", "login", "source", "last_reviewed")


def load_yaml(path: Path) -> tuple[Any, yaml.Node | None]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise CatalogueError("file not found", source=str(path)) from exc
    except UnicodeDecodeError as exc:
        raise CatalogueError(f"not UTF-8 text ({exc.reason})", source=str(path)) from exc
    try:
        return yaml.safe_load(text), yaml.compose(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise CatalogueError(f"invalid YAML: {getattr(exc, 'problem', exc)}", source=str(path),
                             line=mark.line + 1 if mark else None) from exc


def load_list_file(path: Path, key: str) -> tuple[dict[str, Any], list[int]]:
    """A source file that must be a mapping with a `key` list: the mapping and the line
    of each list item (for error messages)."""
    data, root = load_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get(key), list):
        raise CatalogueError(f"expected a mapping with a '{key}' list", source=str(path))
    return data, item_lines(root, key)


def item_lines(root: yaml.Node | None, key: str) -> list[int]:
    """Line numbers of the items of the sequence under `key`, for error messages."""
    if not isinstance(root, yaml.MappingNode):
        return []
    for key_node, value in root.value:
        if key_node.value == key and isinstance(value, yaml.SequenceNode):
            return [item.start_mark.line + 1 for item in value.value]
    return []


def validation_error(exc: ValidationError, *, source: str, line: int | None,
                     record: str | None) -> CatalogueError:
    first = exc.errors()[0]
    field = ".".join(str(part) for part in first["loc"]) or None
    return CatalogueError(first["msg"], source=source, line=line, record=record, field=field)


def parse_procedures(records: Iterable[object], *, source: str,
                     lines: Sequence[int] | None = None,
                     defaults: dict[str, Any] | None = None,
                     first: int = 0) -> Iterator[Procedure]:
    """Validate raw records; raises CatalogueError naming the first bad field.

    `first` is the position of `records[0]` in its file, for callers that validate a
    file record by record (unnamed records are labelled by position, "#1" …).
    """
    for offset, raw in enumerate(records):
        index = first + offset
        line = lines[offset] if lines and offset < len(lines) else None
        label = raw.get("id") if isinstance(raw, dict) else None
        if not isinstance(raw, dict):
            raise CatalogueError("a procedure must be a mapping", source=source, line=line,
                                 record=f"#{index + 1}")
        merged = {**(defaults or {}), **raw}
        try:
            yield Procedure.model_validate(merged)
        except ValidationError as exc:
            raise validation_error(exc, source=source, line=line,
                                   record=str(label or f"#{index + 1}")) from exc


def load_department_file(path: Path) -> list[Procedure]:
    data, lines = load_list_file(path, "procedures")
    defaults = {key: data[key] for key in INHERITED if key in data}
    return list(parse_procedures(data["procedures"], source=str(path), lines=lines,
                                 defaults=defaults))


def load_procedures(directory: Path = PROCEDURE_DIR, exclude: Path | None = None, *,
                    known_leika: Collection[str] | None = None) -> list[Procedure]:
    """All procedures from every department file (but `exclude`); duplicate ids are an
    error, and so is a LeiKa key outside `known_leika` (if given; see catalogue.leika)."""
    seen: dict[str, str] = {}
    result: list[Procedure] = []
    skip = exclude.resolve() if exclude is not None else None
    for path in sorted(directory.glob("*.yaml")):
        if path.resolve() == skip:
            continue
        for procedure in load_department_file(path):
            if procedure.id in seen:
                raise CatalogueError(f"duplicate id (first defined in {seen[procedure.id]})",
                                     source=str(path), record=procedure.id, field="id")
            if known_leika is not None and procedure.leika \
                    and procedure.leika not in known_leika:
                raise CatalogueError(f"unknown LeiKa key {procedure.leika} (not listed with a "
                                     "source in leika.yaml)", source=str(path),
                                     record=procedure.id, field="leika")
            seen[procedure.id] = str(path)
            result.append(procedure)
    return result


def parse_gemeinden(records: Iterable[object], *, source: str, lines: Sequence[int] = (),
                    record_prefix: str = "",
                    errors: list[CatalogueError] | None = None) -> list[Gemeinde]:
    """Validate gemeinde records; a repeated id is an error.

    Raises at the first problem, or, given `errors`, appends every problem there and
    returns the valid records (what `catalogue validate` wants). Without line numbers
    (JSON) a record is named by its position and id.
    """
    result: list[Gemeinde] = []
    seen: set[str] = set()
    for index, raw in enumerate(records):
        line = lines[index] if index < len(lines) else None
        label = raw.get("id") if isinstance(raw, dict) else None
        position = f"#{index + 1}"
        record = record_prefix + (str(label or position) if lines else
                                  f"{position} ({label})" if label else position)
        try:
            try:
                gemeinde = Gemeinde.model_validate(raw)
            except ValidationError as exc:
                raise validation_error(exc, source=source, line=line, record=record) from exc
            if gemeinde.id in seen:
                raise CatalogueError("duplicate id", source=source, line=line, record=record,
                                     field="id")
        except CatalogueError as exc:
            if errors is None:
                raise
            errors.append(exc)
            continue
        seen.add(gemeinde.id)
        result.append(gemeinde)
    return result


def load_gemeinden(path: Path = GEMEINDEN_FILE) -> list[Gemeinde]:
    data, lines = load_list_file(path, "gemeinden")
    return parse_gemeinden(data["gemeinden"], source=str(path), lines=lines)


def source_files(directory: Path = DATA_DIR) -> list[Path]:
    """Every file the database is built from (used for the rebuild fingerprint)."""
    return sorted(p for p in directory.rglob("*.yaml") if p.is_file())
