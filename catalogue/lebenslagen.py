"""Life events (Lebenslagen) as data: an ordered list of procedures across authorities.

"Ich ziehe in den Landkreis" means several procedures at the Gemeinde, the Landratsamt
and elsewhere, in an order. `catalogue/data/lebenslagen.yaml` lists them; a step may
carry a legal deadline only together with the law that sets it and a source for that
law, so the assistant never states a deadline nobody can look up. The chat will use
this in a later issue; `catalogue validate` and `catalogue build` check it now.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from catalogue.errors import CatalogueError
from catalogue.models import SLUG
from catalogue.sources import DATA_DIR, load_list_file, validation_error

LEBENSLAGEN_FILE = DATA_DIR / "lebenslagen.yaml"


class Deadline(BaseModel):
    """A deadline a law sets, in the law's words, with the law and where to read it."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=3, description="German, e.g. 'innerhalb von zwei Wochen'")
    law: str = Field(min_length=3, description="e.g. '§ 17 Abs. 1 BMG'")
    source: str = Field(description="https URL of the law's text")
    checked: dt.date

    @field_validator("source")
    @classmethod
    def _https(cls, value: str) -> str:
        if not value.startswith("https://"):
            raise ValueError("must be an https:// URL")
        return value


class Step(BaseModel):
    model_config = ConfigDict(extra="forbid")

    procedure: str
    note: str | None = Field(default=None, description="German hint for this step")
    deadline: Deadline | None = None


class Lebenslage(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    title: str = Field(min_length=3)
    title_en: str = Field(min_length=3)
    steps: list[Step] = Field(min_length=2)
    source: str = Field(min_length=3, description="what supports the order and the steps")
    checked: dt.date

    @field_validator("id")
    @classmethod
    def _id(cls, value: str) -> str:
        if not SLUG.match(value):
            raise ValueError("must be a lowercase slug like 'umzug-in-den-landkreis'")
        return value

    @model_validator(mode="after")
    def _distinct(self) -> Lebenslage:
        ids = [s.procedure for s in self.steps]
        if len(ids) != len(set(ids)):
            raise ValueError("a procedure appears twice in the steps")
        return self


def load_lebenslagen(path: Path = LEBENSLAGEN_FILE, *, known_ids: Iterable[str],
                     errors: list[CatalogueError] | None = None) -> list[Lebenslage]:
    """The life events in file order; unknown procedure ids are errors. A missing file
    means none. Raises at the first problem, or collects every problem in `errors`."""
    if not path.exists():
        return []
    known = set(known_ids)
    try:
        data, lines = load_list_file(path, "lebenslagen")
    except CatalogueError as exc:
        if errors is None:
            raise
        errors.append(exc)
        return []
    result: list[Lebenslage] = []
    seen: set[str] = set()
    for index, raw in enumerate(data["lebenslagen"]):
        line = lines[index] if index < len(lines) else None
        label = str(raw.get("id")) if isinstance(raw, dict) else f"#{index + 1}"
        try:
            try:
                event = Lebenslage.model_validate(raw)
            except ValidationError as exc:
                raise validation_error(exc, source=str(path), line=line, record=label) from exc
            if event.id in seen:
                raise CatalogueError("duplicate id", source=str(path), line=line, record=label,
                                     field="id")
            for number, step in enumerate(event.steps):
                if step.procedure not in known:
                    raise CatalogueError(f"unknown procedure id {step.procedure!r}",
                                         source=str(path), line=line, record=label,
                                         field=f"steps.{number}.procedure")
        except CatalogueError as exc:
            if errors is None:
                raise
            errors.append(exc)
            continue
        seen.add(event.id)
        result.append(event)
    return result
