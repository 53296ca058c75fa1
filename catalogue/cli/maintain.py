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
@click.option("--max-age-days", type=click.IntRange(1), default=None,
              help="Reviews older than this are stale (default: WEGWEISER_REVIEW_MAX_AGE_DAYS).")
@click.option("--link-report", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Report of `catalogue check-links` to read (default: WEGWEISER_LINK_REPORT; "
                   "skipped if absent).")
def validate(data_dir: Path, expected_gemeinden: int, max_age_days: int | None,
             link_report: Path | None) -> None:
    """Validate the YAML sources and list every problem with file, line, record and field.

    Beyond the model rules it checks unique ids, entries outside the Landratsamt
    (responsible + link), the number of gemeinden, the clarification families and
    life events (known procedure ids), LeiKa keys (listed with a source in leika.yaml),
    that every LeiKa key and online form has a source (provenance), and reports the
    coverage: online forms, LeiKa keys, verified links, sourced fields, stale reviews,
    and broken or redirected links from the check-links report. Exit code 1 if there is
    any error.

    Example:

    \b
        catalogue validate
        catalogue validate --max-age-days 180 --link-report var/link-report.json
        catalogue validate --data-dir tests/fixtures/data --expected-gemeinden 2
    """
    from catalogue.settings import get_catalogue_settings
    from catalogue.validate import level_counts, validate_sources

    settings = get_catalogue_settings()
    report = validate_sources(data_dir, expected_gemeinden=expected_gemeinden or None,
                              max_age_days=max_age_days or settings.review_max_age_days,
                              link_report=link_report or settings.link_report)
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
    if report.coverage is not None:
        c = report.coverage
        n = len(report.procedures)
        click.echo(f"coverage: {c['online_form']}/{n} online form, {c['leika']}/{n} LeiKa key, "
                   f"{c['verified_link']}/{n} verified link, {c['provenance']['fields']} sourced "
                   f"fields ({c['provenance']['unverified']} unverified), "
                   f"{c['review']['stale']} stale reviews (> {c['review']['max_age_days']} days)")
