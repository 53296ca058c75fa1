"""`catalogue pvog-import`: refresh a YAML source file from the national catalogue (PVOG)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from catalogue.cli.common import operator_errors
from catalogue.models import ResponsibleLevel
from catalogue.sources import PROCEDURE_DIR

DEFAULT_TARGET = PROCEDURE_DIR / "pvog.yaml"


@click.command("pvog-import")
@click.option("--ars", required=True,
              help="Region key (Amtlicher Regionalschlüssel, 12 digits), e.g. 091830000000.")
@click.option("--leika", "leika_keys", multiple=True,
              help="LeiKa key to fetch (repeatable); must be listed in leika.yaml. "
                   "Optional for the Bereitstelldienst (then: the whole region).")
@click.option("--registered", is_flag=True, help="Fetch every key listed in leika.yaml.")
@click.option("--service", type=click.Choice(["suchdienst", "bereitstelldienst"]),
              default="suchdienst", show_default=True,
              help="suchdienst: JSON search API; bereitstelldienst: XZuFi pages (OAuth2).")
@click.option("--to", "target", type=click.Path(dir_okay=False, path_type=Path),
              default=DEFAULT_TARGET, show_default=True, help="YAML source file to merge into.")
@click.option("--dry-run", is_flag=True, help="Show the diff; write nothing.")
@click.option("--base-url", default=None,
              help="Suchdienst base URL (default: WEGWEISER_PVOG_BASE_URL).")
@click.option("--department", default="Nationaler Katalog (PVOG)", show_default=True,
              help="department of imported records (review and correct it).")
@click.option("--category", default="Querschnitt", show_default=True,
              help="category of imported records.")
@click.option("--responsible", default="Landratsamt Mühldorf a. Inn", show_default=True,
              help="responsible of imported records.")
@click.option("--responsible-level", type=click.Choice([v.value for v in ResponsibleLevel]),
              default="landratsamt", show_default=True, help="responsible_level of records.")
def pvog_import(ars: str, leika_keys: tuple[str, ...], registered: bool, service: str,
                target: Path, dry_run: bool, base_url: str | None, department: str,
                category: str, responsible: str, responsible_level: str) -> None:
    """Fetch service descriptions for a region and LeiKa keys from PVOG into a YAML file.

    New records are added and empty fields filled; a value already in the file is
    never changed (a different PVOG value is listed as a conflict), so edits survive.
    Keys another source file already uses are skipped with a note for a manual check.
    The same import run twice changes nothing. Nothing is written on any error, and
    the database is not touched: review the file, then `catalogue build`.
    Operator guide: docs/pvog-import.md.

    Example:

    \b
        catalogue pvog-import --ars 091830000000 --leika 99107023037000 --dry-run
        catalogue pvog-import --ars 091830000000 --registered
        catalogue pvog-import --ars 091830000000 --registered --service bereitstelldienst
    """
    from catalogue.leika import load_leika
    from catalogue.pvog.client import PvogClient, PvogConfig
    from catalogue.pvog.merge import merge_records, write_merge
    from catalogue.pvog.run import ImportOptions, fetch_records
    from catalogue.settings import get_catalogue_settings

    settings = get_catalogue_settings()
    with operator_errors():
        known = load_leika()
        keys = tuple(dict.fromkeys([*leika_keys, *(sorted(known) if registered else [])]))
        options = ImportOptions(ars=ars, keys=keys, service=service, department=department,
                                category=category, responsible=responsible,
                                responsible_level=responsible_level,
                                bereitstell_url=settings.pvog_bereitstell_url)
        config = PvogConfig(base_url=base_url or settings.pvog_base_url,
                            token_url=settings.pvog_token_url,
                            client_id=settings.pvog_client_id,
                            client_secret=settings.pvog_client_secret,
                            timeout=settings.pvog_timeout_seconds)
        with PvogClient(config) as client:
            procedures, notes = fetch_records(client, options, known, dt.date.today())
        result = merge_records(target, procedures)
        for note in notes:
            click.echo(f"note: {note}", err=True)
        for line in result.skipped:
            click.echo(f"skipped: {line}", err=True)
        for line in result.conflicts:
            click.echo(f"conflict: {line}", err=True)
        summary = (f"{len(procedures)} fetched; {len(result.added)} new, "
                   f"{len(result.filled)} fields filled, {len(result.conflicts)} conflicts, "
                   f"{len(result.skipped)} skipped")
        if not result.changed:
            click.echo(f"No changes to {target} ({summary})")
            return
        if dry_run:
            click.echo(result.diff(), nl=False)
            click.echo(f"Dry run, nothing written ({summary})")
            return
        write_merge(result)
    click.echo(f"Wrote {target} ({summary}); review it, then `catalogue validate` and "
               "`catalogue build`")
