"""Commands that move procedures in and out: `import` and `export` (CSV, JSON, XZuFi)."""

from __future__ import annotations

from pathlib import Path

import click
import sqlite_utils

from catalogue.cli.common import db_option, existing_db, open_or_create, operator_errors
from catalogue.models import ResponsibleLevel


@click.command("import")
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
    with operator_errors():
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
        db = open_or_create(db_path)
        counts = store(db, result, mode)
        if not no_embeddings:
            _update_embeddings(db)
        db.close()
    gemeinden = f", {len(result.gemeinden)} gemeinden" if result.gemeinden else ""
    click.echo(f"Imported {counts['imported']} procedures{gemeinden} ({mode}): "
               f"{counts['before']} -> {counts['after']} procedures in the catalogue")


def _update_embeddings(db: sqlite_utils.Database) -> None:
    try:
        from catalogue.search.index import update_embeddings
    except ImportError as exc:
        click.echo(f"warning: embeddings not updated ({exc})", err=True)
        return
    update_embeddings(db)


@click.command()
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
    with existing_db(db_path) as db:
        procedures = all_procedures(db)
        gemeinden = all_gemeinden(db) if with_gemeinden else None
    text = write_procedures(procedures, fmt, gemeinden=gemeinden)
    if output == "-":
        click.echo(text, nl=False)
    else:
        Path(output).write_text(text, encoding="utf-8")
        click.echo(f"Wrote {len(procedures)} procedures to {output}", err=True)
