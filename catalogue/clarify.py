"""Clarifying questions for known ambiguity families (`data/clarifications.yaml`).

When the search offers a choice between close procedures that all belong to one
family (new / used / deregistered car; licence lost / expired / revoked …), the
assistant asks the family's one short question with short options instead of three
procedure titles:

    from catalogue.clarify import clarification_for

    result = engine.search(text)
    if result.decision == "choose":
        c = clarification_for([h.procedure.id for h in result.hits])
        if c is not None:
            ask(c.question, [o.label for o in c.options])   # c.question_en / o.label_en
            # each option's procedure_id is the procedure to answer with

`clarification_for` is a pure function of the candidate ids and the families; the
families are loaded once per process and validated against the procedure catalogue
(unknown ids stop with file, line, family and field, like every other source).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Annotated

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    field_validator,
    model_validator,
)

from catalogue.errors import CatalogueError
from catalogue.models import SLUG
from catalogue.sources import (
    DATA_DIR,
    load_list_file,
    load_procedures,
    load_yaml,
    validation_error,
)

CLARIFICATIONS_FILE = DATA_DIR / "clarifications.yaml"
QUESTION_MAX = 120
LABEL_MAX = 40
OPTIONS_MIN, OPTIONS_MAX = 2, 6

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class Option(BaseModel):
    """One answer button: the procedure it leads to and its short label."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    procedure: str
    label: Annotated[Text, StringConstraints(max_length=LABEL_MAX)]
    label_en: Annotated[Text, StringConstraints(max_length=LABEL_MAX)]

    @property
    def procedure_id(self) -> str:
        return self.procedure

    def text(self, language: str = "de") -> str:
        return self.label_en if language == "en" else self.label


class Family(BaseModel):
    """A group of procedures a citizen often cannot tell apart, and the one question
    that tells them apart."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    question: Annotated[Text, StringConstraints(max_length=QUESTION_MAX)]
    question_en: Annotated[Text, StringConstraints(max_length=QUESTION_MAX)]
    options: tuple[Option, ...] = Field(min_length=OPTIONS_MIN, max_length=OPTIONS_MAX)

    @field_validator("id")
    @classmethod
    def _slug(cls, value: str) -> str:
        if not SLUG.match(value):
            raise ValueError("must be a lowercase slug like 'fahrzeug-zulassen'")
        return value

    @field_validator("question", "question_en")
    @classmethod
    def _is_question(cls, value: str) -> str:
        if not value.endswith("?"):
            raise ValueError("must be a question ending with '?'")
        return value

    @model_validator(mode="after")
    def _distinct_options(self) -> Family:
        ids = [o.procedure for o in self.options]
        for name, values in (("procedure", ids), ("label", [o.label for o in self.options]),
                             ("label_en", [o.label_en for o in self.options])):
            repeated = sorted({v for v in values if values.count(v) > 1})
            if repeated:
                raise ValueError(f"option {name} repeated: {', '.join(repeated)}")
        return self

    @property
    def procedure_ids(self) -> tuple[str, ...]:
        return tuple(o.procedure for o in self.options)


@dataclass(frozen=True)
class Clarification:
    """The question to ask for a set of candidates.

    `options`: every option of the family, those among the candidates first (in the
    candidates' order), then the others in the family's order. `matched`: the
    candidate ids the family covers; `others`: candidates it does not cover (at most
    one, the least close; the dialogue may offer it as an extra button).
    """

    family: str
    question: str
    question_en: str
    options: tuple[Option, ...]
    matched: tuple[str, ...]
    others: tuple[str, ...] = ()

    def text(self, language: str = "de") -> str:
        return self.question_en if language == "en" else self.question


# -- loading and validation -------------------------------------------------------------

def option_lines(root: yaml.Node | None) -> list[list[int]]:
    """Line of each option of each family (for error messages)."""
    result: list[list[int]] = []
    if not isinstance(root, yaml.MappingNode):
        return result
    for key, value in root.value:
        if key.value != "clarifications" or not isinstance(value, yaml.SequenceNode):
            continue
        for item in value.value:
            lines: list[int] = []
            if isinstance(item, yaml.MappingNode):
                for k, v in item.value:
                    if k.value == "options" and isinstance(v, yaml.SequenceNode):
                        lines = [o.start_mark.line + 1 for o in v.value]
            result.append(lines)
    return result


def _line(lines: Sequence[int], n: int, default: int | None) -> int | None:
    return lines[n] if 0 <= n < len(lines) else default


def parse_families(records: Iterable[object], *, source: str, lines: Sequence[int] = (),
                   options: Sequence[Sequence[int]] = (),
                   known_ids: set[str] | None = None,
                   errors: list[CatalogueError] | None = None) -> list[Family]:
    """Validate family records (model rules, unique ids, option ids in `known_ids`).

    `lines`: line of each family, `options`: line of each family's options; a problem
    in an option is reported at the option's line. Raises CatalogueError at the first
    problem, or, given `errors`, collects every problem there and returns the valid
    families (for `catalogue validate`).
    """
    result: list[Family] = []
    seen: set[str] = set()
    for index, raw in enumerate(records):
        line = lines[index] if index < len(lines) else None
        at = options[index] if index < len(options) else ()
        label = raw.get("id") if isinstance(raw, dict) else None
        record = str(label or f"#{index + 1}")
        try:
            if not isinstance(raw, dict):
                raise CatalogueError("a clarification must be a mapping", source=source,
                                     line=line, record=record)
            try:
                family = Family.model_validate(raw)
            except ValidationError as exc:
                loc = exc.errors()[0]["loc"]
                where = line
                if len(loc) > 1 and loc[0] == "options" and isinstance(loc[1], int):
                    where = _line(at, loc[1], line)
                raise validation_error(exc, source=source, line=where, record=record) from exc
            if family.id in seen:
                raise CatalogueError("duplicate id", source=source, line=line, record=record,
                                     field="id")
            if known_ids is not None:
                for n, option in enumerate(family.options):
                    if option.procedure not in known_ids:
                        raise CatalogueError(
                            f"unknown procedure id {option.procedure!r}", source=source,
                            line=_line(at, n, line), record=record,
                            field=f"options.{n}.procedure")
        except CatalogueError as exc:
            if errors is None:
                raise
            errors.append(exc)
            continue
        seen.add(family.id)
        result.append(family)
    return result


def load_families(path: Path = CLARIFICATIONS_FILE, known_ids: set[str] | None = None,
                  errors: list[CatalogueError] | None = None) -> list[Family]:
    """The families of `path`, checked against `known_ids` (procedure ids) if given.
    A missing file means no families."""
    if not path.exists():
        return []
    try:
        data, lines = load_list_file(path, "clarifications")
    except CatalogueError as exc:
        if errors is None:
            raise
        errors.append(exc)
        return []
    _, root = load_yaml(path)
    unknown = sorted(set(data) - {"clarifications"})
    if unknown:
        problem = CatalogueError(f"unknown top-level key(s): {', '.join(unknown)}",
                                 source=str(path), field=unknown[0])
        if errors is None:
            raise problem
        errors.append(problem)
    return parse_families(data["clarifications"], source=str(path), lines=lines,
                          options=option_lines(root), known_ids=known_ids, errors=errors)


@cache
def default_families() -> tuple[Family, ...]:
    """The packaged families, checked against the packaged procedures (once per process)."""
    known = {p.id for p in load_procedures()}
    return tuple(load_families(CLARIFICATIONS_FILE, known))


# -- matching ---------------------------------------------------------------------------

def clarification_for(candidate_ids: Sequence[str],
                      families: Sequence[Family] | None = None) -> Clarification | None:
    """The family question for the choice candidates (ids best first, usually the 2–3
    close hits of a "choose"), or None when they do not share a family.

    A family fits when it contains all candidates, or all but the last of three or more
    (the least close hit may be noise; a family question offered again lists the
    family's options and then that hit). Among fitting families the one covering most
    candidates wins, then the first in the file. Fewer than two distinct candidates
    never need a question.
    """
    families = default_families() if families is None else families
    candidates = list(dict.fromkeys(candidate_ids))
    if len(candidates) < 2:
        return None
    best: tuple[int, Family] | None = None
    for family in families:
        ids = set(family.procedure_ids)
        covered = sum(c in ids for c in candidates)
        fits = covered == len(candidates) or (
            len(candidates) >= 3 and all(c in ids for c in candidates[:-1]))
        if fits and (best is None or covered > best[0]):
            best = (covered, family)
    if best is None:
        return None
    family = best[1]
    by_id = {o.procedure: o for o in family.options}
    matched = tuple(c for c in candidates if c in by_id)
    options = tuple(by_id[c] for c in matched) + tuple(
        o for o in family.options if o.procedure not in matched)
    others = tuple(c for c in candidates if c not in by_id)
    return Clarification(family.id, family.question, family.question_en, options,
                         matched, others)
