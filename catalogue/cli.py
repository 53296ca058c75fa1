"""`catalogue` command line: build, validate, import, export, search, stats, check-links.

Commands only; the work happens in build.py, validate.py, formats/, stats.py and links.py.
"""

from __future__ import annotations

import json
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click
import sqlite_utils

from catalogue.errors import CatalogueError
from catalogue.models import ResponsibleLevel
from catalogue.sources import DATA_DIR


def _default_db() -> Path:
    from catalogue.settings import get_catalogue_settings

    return get_catalogue_settings().db_path


db_option = click.option(
    "--db", "db_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
    help="Catalogue database (default: WEGWEISER_DB_PATH or var/catalogue.db).")


@contextmanager
def _operator_errors() -> Iterator[None]:
    """Input problems become one clear line and exit code 1, never a traceback."""
    try:
        yield
    except CatalogueError as exc:
        raise click.ClickException(str(exc)) from exc
    except sqlite3.Error as exc:
        raise click.ClickException(f"database error: {exc}") from exc


def _open_existing(db_path: Path | None) -> sqlite_utils.Database:
    from catalogue.db import open_db

    path = db_path or _default_db()
    if not path.exists():
        raise click.ClickException(f"no catalogue at {path}; run `catalogue build` first")
    return open_db(path)


@click.group()
@click.version_option("0.1.0", prog_name="catalogue")
def cli() -> None:
    """Maintain the Wegweiser procedure catalogue (YAML sources -> SQLite).

    Editors change catalogue/data/**/*.yaml, run `catalogue validate`, then
    `catalogue build`. See docs/catalogue.md.
    """


@cli.command()
@db_option
@click.option("--data-dir", type=click.Path(file_okay=False, exists=True, path_type=Path),
              default=DATA_DIR, show_default=True, help="Directory with the YAML sources.")
@click.option("--force", is_flag=True, help="Rebuild even if the sources are unchanged.")
@click.option("--no-embeddings", is_flag=True,
              help="Skip computing search embeddings (faster; semantic search degrades).")
def build(db_path: Path | None, data_dir: Path, force: bool, no_embeddings: bool) -> None:
    """Build the database from the YAML sources if they changed.

    The new database is written beside the old one and swapped in atomically.

    Example:

    \b
        catalogue build
        catalogue build --db /tmp/catalogue.db --force --no-embeddings
    """
    from catalogue.build import build as run_build
    from catalogue.db import open_db

    path = db_path or _default_db()
    with _operator_errors():
        changed = run_build(path, data_dir, force=force, embeddings=not no_embeddings)
        if not changed:
            click.echo(f"Up to date: {path} (sources unchanged; use --force to rebuild)")
            return
        db = open_db(path)
        procedures, gemeinden = db["procedures"].count, db["gemeinden"].count
        db.close()
    suffix = " without embeddings" if no_embeddings else ""
    click.echo(f"Built {path}{suffix}: {procedures} procedures, {gemeinden} gemeinden")


@cli.command()
@click.option("--data-dir", type=click.Path(file_okay=False, exists=True, path_type=Path),
              default=DATA_DIR, show_default=True, help="Directory with the YAML sources.")
@click.option("--expected-gemeinden", type=int, default=31, show_default=True,
              help="Number of gemeinden gemeinden.yaml must list (0 = don't check).")
def validate(data_dir: Path, expected_gemeinden: int) -> None:
    """Validate the YAML sources and list every problem with file, line, record and field.

    Beyond the model rules it checks unique ids, entries outside the Landratsamt
    (responsible + link), the number of gemeinden, and counts url_verified: false.
    Exit code 1 if there is any error.

    Example:

    \b
        catalogue validate
        catalogue validate --data-dir tests/fixtures/data --expected-gemeinden 2
    """
    from catalogue.validate import level_counts, validate_sources

    report = validate_sources(data_dir, expected_gemeinden=expected_gemeinden or None)
    for warning in report.warnings:
        click.echo(f"warning: {warning}", err=True)
    for error in report.errors:
        click.echo(f"error: {error}", err=True)
    if not report.ok:
        click.echo(f"{len(report.errors)} error(s)", err=True)
        sys.exit(1)
    levels = level_counts(report.procedures)
    click.echo(f"OK: {len(report.procedures)} procedures ({levels['landratsamt']} "
               f"Landratsamt, {levels['elsewhere']} elsewhere), "
               f"{len(report.gemeinden)} gemeinden")


@cli.command("import")
@click.argument("file", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["csv", "json", "xzufi"]), default=None,
              help="Input format (default: from the extension .csv/.json/.xml).")
@db_option
@click.option("--mode", type=click.Choice(["replace", "merge"]), default="replace",
              show_default=True,
              help="replace: procedures become exactly the file's; merge: add/overwrite by id.")
@click.option("--responsible-level", type=click.Choice([level.value for level in ResponsibleLevel]),
              default="landratsamt", show_default=True,
              help="XZuFi only: responsible_level for every imported leistung.")
@click.option("--department", default=None,
              help="XZuFi only: department (default: the organisationseinheit's name).")
@click.option("--category", default=None,
              help="XZuFi only: category where a leistung has no kategorie.")
@click.option("--responsible", default=None,
              help="XZuFi only: responsible where no organisationseinheit is linked.")
@click.option("--dry-run", is_flag=True, help="Validate only; do not touch the database.")
@click.option("--no-embeddings", is_flag=True, help="Do not update search embeddings.")
@click.option("--to-sources", "to_sources", default=None,
              type=click.Path(dir_okay=False, path_type=Path),
              help="Write the records to this YAML source file (in the procedures folder) "
                   "instead of the database, so they survive every `catalogue build`.")
def import_(file: Path, fmt: str | None, db_path: Path | None, mode: str,
            responsible_level: str, department: str | None, category: str | None,
            responsible: str | None, dry_run: bool, no_embeddings: bool,
            to_sources: Path | None) -> None:
    """Import procedures from CSV, JSON or XZuFi 2.2 XML, all or nothing.

    Every record is validated before the database is touched, and the write is one
    transaction: on any error the stored catalogue stays exactly as it was. XZuFi
    elements that are not imported are listed as warnings.

    `catalogue build` recreates the database from the YAML sources when they change,
    so records imported into the database only last until then. To keep them, import
    into a source file with --to-sources (then `catalogue build`).

    Example:

    \b
        catalogue import procedures.csv --mode merge
        catalogue import catalogue/samples/xzufi-sample.xml --department Ausländerbehörde
        catalogue import pvog.xml --to-sources catalogue/data/procedures/pvog.yaml
    """
    from catalogue.formats import XZuFiDefaults, guess_format, read_bytes
    from catalogue.formats.store import store

    fmt = fmt or guess_format(file)
    if fmt is None:
        raise click.UsageError("cannot tell the format from the extension; pass --format")
    defaults = XZuFiDefaults(responsible_level=responsible_level, department=department,
                             category=category, responsible=responsible)
    with _operator_errors():
        result = read_bytes(file.read_bytes(), fmt, source=str(file), defaults=defaults)
        for warning in result.warnings:
            click.echo(f"warning: {warning}", err=True)
        if dry_run:
            click.echo(f"Valid: {len(result.procedures)} procedures in {file} (dry run)")
            return
        if to_sources is not None:
            from catalogue.formats.sources_file import write_source_file

            count = write_source_file(to_sources, result.procedures, merge=mode == "merge",
                                      note=f"from {file.name}")
            click.echo(f"Wrote {count} procedures to {to_sources}; run `catalogue build` "
                       f"to load them")
            return
        db = _open_or_create(db_path)
        counts = store(db, result, mode)
        if not no_embeddings:
            _update_embeddings(db)
        db.close()
    gemeinden = f", {len(result.gemeinden)} gemeinden" if result.gemeinden else ""
    click.echo(f"Imported {counts['imported']} procedures{gemeinden} ({mode}): "
               f"{counts['before']} -> {counts['after']} procedures in the catalogue")


def _open_or_create(db_path: Path | None) -> sqlite_utils.Database:
    from catalogue.db import open_db

    return open_db(db_path or _default_db())


def _update_embeddings(db: sqlite_utils.Database) -> None:
    try:
        from catalogue.search.index import update_embeddings
    except ImportError as exc:
        click.echo(f"warning: embeddings not updated ({exc})", err=True)
        return
    update_embeddings(db)


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["csv", "json", "xzufi"]), default="json",
              show_default=True, help="Output format.")
@click.option("--output", "-o", default="-", show_default=True,
              help="File to write, or - for standard output.")
@click.option("--with-gemeinden", is_flag=True,
              help='JSON only: write {"procedures": [...], "gemeinden": [...]}.')
@db_option
def export(fmt: str, output: str, with_gemeinden: bool, db_path: Path | None) -> None:
    """Export all procedures as CSV, JSON or XZuFi 2.2 XML.

    Every format can be read back with `catalogue import`.

    Example:

    \b
        catalogue export --format csv --output procedures.csv
        catalogue export --format json --with-gemeinden > catalogue.json
        catalogue export --format xzufi -o xzufi.xml
    """
    from catalogue.db import all_gemeinden, all_procedures
    from catalogue.formats import write_procedures

    if with_gemeinden and fmt != "json":
        raise click.UsageError("--with-gemeinden only works with --format json")
    with _operator_errors():
        db = _open_existing(db_path)
        procedures = all_procedures(db)
        gemeinden = all_gemeinden(db) if with_gemeinden else None
        db.close()
    text = write_procedures(procedures, fmt, gemeinden=gemeinden)
    if output == "-":
        click.echo(text, nl=False)
    else:
        Path(output).write_text(text, encoding="utf-8")
        click.echo(f"Wrote {len(procedures)} procedures to {output}", err=True)


def _jsonable(value: Any) -> Any:
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json")
    if hasattr(value, "__dataclass_fields__"):
        from dataclasses import asdict

        return _jsonable(asdict(value))
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if hasattr(value, "value") and not isinstance(value, str | int | float | bool):
        return _jsonable(value.value)  # enums
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


@cli.command()
@click.argument("query")
@click.option("--limit", "-n", type=click.IntRange(1, 50), default=5, show_default=True,
              help="Number of hits.")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
def search(query: str, limit: int, as_json: bool) -> None:
    """Search the catalogue the way the assistant does (hybrid semantic + lexical).

    Uses the database named by WEGWEISER_DB_PATH (default var/catalogue.db).

    Example:

    \b
        catalogue search "Auto abmelden"
        catalogue search "Führerschein verloren" --limit 3 --json
    """
    from catalogue.search import QueryError, get_search_engine

    try:
        result = get_search_engine().search(query, limit=limit)
    except QueryError as exc:
        raise click.ClickException(f"unusable query: {exc}") from exc
    if as_json:
        click.echo(json.dumps({
            "query": result.query,
            "decision": _jsonable(result.decision),
            "hits": [{"score": round(float(hit.score), 4), "id": hit.procedure.id,
                      "title": hit.procedure.title,
                      "responsible_level": hit.procedure.responsible_level,
                      "responsible": hit.procedure.responsible, "link": hit.procedure.link}
                     for hit in result.hits],
        }, ensure_ascii=False, indent=2))
        return
    click.echo(f"decision: {_jsonable(result.decision)}")
    if not result.hits:
        click.echo("no hits")
    for rank, hit in enumerate(result.hits, 1):
        p = hit.procedure
        click.echo(f"{rank}. [{float(hit.score):.3f}] {p.title} ({p.id})")
        click.echo(f"   {p.responsible} [{p.responsible_level}] {p.link}")


@cli.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
def stats(db_path: Path | None, as_json: bool) -> None:
    """Count procedures by responsible level and department, gemeinden, verified URLs.

    Example:

    \b
        catalogue stats
        catalogue stats --json
    """
    from catalogue.stats import catalogue_stats

    with _operator_errors():
        db = _open_existing(db_path)
        counts = catalogue_stats(db)
        db.close()
    if as_json:
        click.echo(json.dumps(counts, ensure_ascii=False, indent=2))
        return
    click.echo(f"procedures:     {counts['procedures']}")
    click.echo(f"  landratsamt:  {counts['landratsamt']}")
    click.echo(f"  elsewhere:    {counts['elsewhere']}")
    for level, n in counts["by_level"].items():
        click.echo(f"    {level}: {n}")
    click.echo("by department:")
    for department, n in counts["by_department"].items():
        click.echo(f"  {department}: {n}")
    click.echo(f"gemeinden:      {counts['gemeinden']}")
    click.echo(f"url_verified:   {counts['url_verified']['true']} true, "
               f"{counts['url_verified']['false']} false")
    click.echo(f"online_url:     {counts['online_url']['with']} with, "
               f"{counts['online_url']['without']} without")


@cli.command("check-links")
@db_option
@click.option("--concurrency", "-c", type=click.IntRange(1, 64), default=8, show_default=True,
              help="Requests in flight at once.")
@click.option("--timeout", "-t", type=click.FloatRange(0.1, 120), default=10.0,
              show_default=True, help="Seconds per request.")
@click.option("--only-unverified", is_flag=True,
              help="Skip procedures marked url_verified (gemeinde websites are always checked).")
def check_links_command(db_path: Path | None, concurrency: int, timeout: float,
                        only_unverified: bool) -> None:
    """Check every online_url, info_url, consultation_url and gemeinde website.

    Sends HEAD (GET where the server answers 405/501), follows redirects, and reports
    each URL. Exit code 1 if any link is broken (HTTP >= 400, timeout, network error).

    Example:

    \b
        catalogue check-links
        catalogue check-links --only-unverified --concurrency 4 --timeout 5
    """
    from catalogue.links import check_links, collect_targets

    with _operator_errors():
        db = _open_existing(db_path)
        targets = collect_targets(db, only_unverified=only_unverified)
        db.close()
    if not targets:
        click.echo("no links to check")
        return
    results = check_links(targets, concurrency=concurrency, timeout=timeout)
    broken = [r for r in results if not r.ok]
    for r in results:
        label = "ok    " if r.ok else "BROKEN"
        status = r.status if r.status is not None else r.error
        extra = f" -> {r.final_url}" if r.redirected else ""
        if r.ok and r.method == "GET":
            extra += " (GET; HEAD refused)"
        if r.status is not None and r.error is None and not r.ok:
            extra += f" HTTP {r.status}"
        click.echo(f"{label} {status} {r.target.url}{extra}  [{r.target.owner}.{r.target.field}]")
    distinct = len({r.target.url for r in results})
    click.echo(f"{len(results)} links ({distinct} distinct URLs): "
               f"{len(results) - len(broken)} ok, {len(broken)} broken")
    if broken:
        sys.exit(1)
