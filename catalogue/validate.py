"""Check the YAML sources beyond what the models enforce, collecting every problem.

The loader in `sources.py` stops at the first error, which is right for `build`; an
editor running `catalogue validate` wants the whole list in one go.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from catalogue.clarify import CLARIFICATIONS_FILE, Family, load_families
from catalogue.coverage import Coverage, coverage
from catalogue.errors import CatalogueError
from catalogue.gemeinden import find_gemeinde, name_variants, normalize_name
from catalogue.leika import LEIKA_FILE, load_leika
from catalogue.models import SHORT_ANSWER_MAX, Gemeinde, Procedure, ResponsibleLevel
from catalogue.neighbours import DATA as NEIGHBOURS_FILE
from catalogue.neighbours import NeighbourDataError, parse_neighbours
from catalogue.sources import (
    DATA_DIR,
    INHERITED,
    load_list_file,
    parse_gemeinden,
    parse_procedures,
)

EXPECTED_GEMEINDEN = 31  # Landkreis Mühldorf a. Inn: 31 Städte, Märkte und Gemeinden
# Facts that must never appear without a recorded source (models.FieldSource).
MUST_BE_SOURCED = ("leika", "online_url")
URL_FIELDS = ("online_url", "info_url", "consultation_url")


@dataclass
class Report:
    errors: list[CatalogueError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    procedures: list[Procedure] = field(default_factory=list)
    gemeinden: list[Gemeinde] = field(default_factory=list)
    clarifications: list[Family] = field(default_factory=list)
    coverage: Coverage | None = None
    known_leika: set[str] = field(default_factory=set)

    @property
    def ok(self) -> bool:
        return not self.errors


def _check_procedure(p: Procedure, *, source: str, line: int | None, report: Report) -> None:
    def error(message: str, field_name: str) -> None:
        report.errors.append(CatalogueError(message, source=source, line=line, record=p.id,
                                            field=field_name))

    if p.leika and p.leika not in report.known_leika:
        error(f"unknown LeiKa key {p.leika} (not listed with a source in "
              f"{LEIKA_FILE.name})", "leika")
    for name in MUST_BE_SOURCED:
        if getattr(p, name) and name not in p.provenance:
            error("set without a source: add provenance." + name + " (source, checked, "
                  "verified)", name)
    for name in ("short_answer", "short_answer_en"):
        value = getattr(p, name)
        if value and len(value) > SHORT_ANSWER_MAX:
            error(f"longer than {SHORT_ANSWER_MAX} characters ({len(value)})", name)
    if p.responsible_level != "landratsamt":
        if not p.responsible.strip():
            error("entries outside the Landratsamt must name who is responsible", "responsible")
        if not (p.online_url or p.info_url):
            error("entries outside the Landratsamt must link to the responsible office",
                  "info_url")
        if "landratsamt" in p.responsible.lower():
            report.warnings.append(
                f"{source}:{line or '?'}: record {p.id!r}: responsible_level is "
                f"{p.responsible_level!r} but responsible names a Landratsamt")
    # https-only URLs and unique ids are enforced by the model and `_check_file`.


def _load_list_file(path: Path, key: str,
                    report: Report) -> tuple[dict[str, Any], list[int]] | None:
    """`sources.load_list_file`, its error recorded instead of raised."""
    try:
        return load_list_file(path, key)
    except CatalogueError as exc:
        report.errors.append(exc)
        return None


def _check_file(path: Path, seen: dict[str, str], report: Report) -> None:
    loaded = _load_list_file(path, "procedures", report)
    if loaded is None:
        return
    data, lines = loaded
    unknown = sorted(set(data) - set(INHERITED) - {"procedures"})
    if unknown:
        report.errors.append(CatalogueError(
            f"unknown file-level key(s): {', '.join(unknown)} (allowed: {', '.join(INHERITED)})",
            source=str(path), field=unknown[0]))
    defaults = {key: data[key] for key in INHERITED if key in data}
    for index, raw in enumerate(data["procedures"]):
        line = lines[index] if index < len(lines) else None
        try:
            procedure = next(parse_procedures([raw], source=str(path),
                                              lines=[line] if line else None,
                                              defaults=defaults, first=index))
        except CatalogueError as exc:
            report.errors.append(exc)
            continue
        if procedure.id in seen:
            report.errors.append(CatalogueError(f"duplicate id (first defined in "
                                                f"{seen[procedure.id]})", source=str(path),
                                                line=line, record=procedure.id, field="id"))
            continue
        seen[procedure.id] = str(path)
        _check_procedure(procedure, source=str(path), line=line, report=report)
        report.procedures.append(procedure)


def _check_gemeinden(path: Path, expected: int | None, report: Report) -> None:
    loaded = _load_list_file(path, "gemeinden", report)
    if loaded is None:
        return
    data, lines = loaded
    report.gemeinden += parse_gemeinden(data["gemeinden"], source=str(path), lines=lines,
                                        errors=report.errors)
    if expected is not None and len(data["gemeinden"]) != expected:
        report.errors.append(CatalogueError(
            f"{len(data['gemeinden'])} gemeinden, expected {expected}", source=str(path)))


def validate_sources(data_dir: Path = DATA_DIR, *,
                     expected_gemeinden: int | None = EXPECTED_GEMEINDEN,
                     max_age_days: int = 365, link_report: Path | None = None) -> Report:
    """Every problem in `data_dir` (procedures/*.yaml, gemeinden.yaml and, if present,
    clarifications.yaml, leika.yaml, lebenslagen.yaml), plus coverage figures and, given
    a `link_report` of `catalogue check-links`, warnings about broken links."""
    report = Report()
    report.known_leika = set(load_leika(data_dir / LEIKA_FILE.name, errors=report.errors))
    procedure_dir = data_dir / "procedures"
    files = sorted(procedure_dir.glob("*.yaml"))
    if not files:
        report.errors.append(CatalogueError("no procedure files (*.yaml)",
                                            source=str(procedure_dir)))
    seen: dict[str, str] = {}
    for path in files:
        _check_file(path, seen, report)
    _check_gemeinden(data_dir / "gemeinden.yaml", expected_gemeinden, report)
    _check_neighbours(data_dir / NEIGHBOURS_FILE.name, report)
    report.clarifications = load_families(data_dir / CLARIFICATIONS_FILE.name,
                                          known_ids={p.id for p in report.procedures},
                                          errors=report.errors)
    from catalogue.lebenslagen import LEBENSLAGEN_FILE, load_lebenslagen

    load_lebenslagen(data_dir / LEBENSLAGEN_FILE.name, known_ids={p.id for p in report.procedures},
                     errors=report.errors)
    unverified = sum(not p.url_verified for p in report.procedures)
    if unverified:
        report.warnings.append(f"{unverified} of {len(report.procedures)} procedures have "
                               "url_verified: false (run `catalogue check-links`)")
    report.coverage = coverage(report.procedures, max_age_days=max_age_days)
    unsourced = report.coverage["unsourced"]
    if any(unsourced.values()):
        report.warnings.append("stated without a source (add provenance, or remove the "
                               "number): " + ", ".join(f"{n} {name}" for name, n
                                                       in unsourced.items()))
    review = report.coverage["review"]
    if review["stale"]:
        report.warnings.append(f"{review['stale']} procedures were last reviewed more than "
                               f"{max_age_days} days ago: {', '.join(review['stale_ids'])}")
    if link_report is not None:
        _check_links(link_report, report)
    return report


def _check_neighbours(path: Path, report: Report) -> None:
    """nachbarorte.yaml parses, and none of its towns is a Gemeinde of the district."""
    if not path.exists():
        return
    try:
        neighbours = parse_neighbours(path.read_text(encoding="utf-8"), str(path))
    except (NeighbourDataError, yaml.YAMLError) as exc:
        report.errors.append(CatalogueError(str(exc), source=str(path)))
        return
    for neighbour in neighbours:
        inside = find_gemeinde(report.gemeinden, neighbour.place)
        if inside is not None and normalize_name(neighbour.place) in name_variants(inside):
            report.errors.append(CatalogueError(
                f"{neighbour.place!r} is a Gemeinde of the district ({inside.name})",
                source=str(path)))


def _check_links(path: Path, report: Report) -> None:
    from catalogue.link_report import link_problems, read_report

    try:
        entries = read_report(path)
    except CatalogueError as exc:
        report.errors.append(exc)
        return
    urls: dict[str, list[str]] = {}
    for p in report.procedures:
        for name in URL_FIELDS:
            url = getattr(p, name)
            if url:
                urls.setdefault(url, []).append(f"{p.id}.{name}")
    report.warnings += link_problems(entries, urls)


def level_counts(procedures: list[Procedure]) -> dict[str, int]:
    counts = Counter(p.responsible_level for p in procedures)
    return {"landratsamt": counts.get(ResponsibleLevel.landratsamt, 0),
            "elsewhere": sum(v for k, v in counts.items() if k != "landratsamt")}
