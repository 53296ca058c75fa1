"""Commands that turn the YAML sources into the database: `build` and `validate`."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from catalogue.cli.common import db_option, default_db, operator_errors
from catalogue.sources import DATA_DIR


@click.command()
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

    path = db_path or default_db()
    with operator_errors():
        changed = run_build(path, data_dir, force=force, embeddings=not no_embeddings)
        if not changed:
            click.echo(f"Up to date: {path} (sources unchanged; use --force to rebuild)")
            return
        db = open_db(path)
        procedures, gemeinden = db["procedures"].count, db["gemeinden"].count
        db.close()
    suffix = " without embeddings" if no_embeddings else ""
    click.echo(f"Built {path}{suffix}: {procedures} procedures, {gemeinden} gemeinden")


@click.command()
@click.option("--data-dir", type=click.Path(file_okay=False, exists=True, path_type=Path),
              default=DATA_DIR, show_default=True, help="Directory with the YAML sources.")
@click.option("--expected-gemeinden", type=int, default=31, show_default=True,
              help="Number of gemeinden gemeinden.yaml must list (0 = don't check).")
def validate(data_dir: Path, expected_gemeinden: int) -> None:
    """Validate the YAML sources and list every problem with file, line, record and field.

    Beyond the model rules it checks unique ids, entries outside the Landratsamt
    (responsible + link), the number of gemeinden, the clarification families
    (known procedure ids, short questions and labels), and counts url_verified: false.
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
               f"{len(report.gemeinden)} gemeinden, "
               f"{len(report.clarifications)} clarification families")
