"""The LeiKa keys the catalogue may use, each with its source (catalogue/data/leika.yaml).

A 14-digit key that looks right can still name the wrong service; a key is only
accepted in a procedure when this registry lists it with the source that confirms it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from catalogue.errors import CatalogueError
from catalogue.models import LEIKA
from catalogue.sources import DATA_DIR, load_list_file, validation_error

LEIKA_FILE = DATA_DIR / "leika.yaml"


class LeikaKey(BaseModel):
    model_config = ConfigDict(extra="forbid")

    key: str
    title: str = Field(min_length=3, description="the service as the source names it")
    source: str = Field(min_length=3)
    checked: dt.date
    verified: bool = False

    @field_validator("key")
    @classmethod
    def _key(cls, value: str) -> str:
        if not LEIKA.match(value):
            raise ValueError("must be a 14-digit LeiKa key (quote it in YAML)")
        return value


def load_leika(path: Path = LEIKA_FILE,
               errors: list[CatalogueError] | None = None) -> dict[str, LeikaKey]:
    """Key -> entry. A missing file means no keys are known. Raises at the first bad
    entry, or, given `errors`, collects every problem there."""
    if not path.exists():
        return {}
    try:
        data, lines = load_list_file(path, "keys")
    except CatalogueError as exc:
        if errors is None:
            raise
        errors.append(exc)
        return {}
    known: dict[str, LeikaKey] = {}
    for index, raw in enumerate(data["keys"]):
        line = lines[index] if index < len(lines) else None
        label = str(raw.get("key")) if isinstance(raw, dict) else f"#{index + 1}"
        try:
            try:
                entry = LeikaKey.model_validate(raw)
            except ValidationError as exc:
                raise validation_error(exc, source=str(path), line=line, record=label) from exc
            if entry.key in known:
                raise CatalogueError("duplicate key", source=str(path), line=line,
                                     record=label, field="key")
        except CatalogueError as exc:
            if errors is None:
                raise
            errors.append(exc)
            continue
        known[entry.key] = entry
    return known
