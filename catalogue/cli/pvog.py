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
              help="LeiKa key to fetch (repeatable); must be listed in leika.yaml.")
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
    from catalogue.errors import CatalogueError
    from catalogue.leika import load_leika
    from catalogue.pvog.client import PvogClient, PvogConfig
    from catalogue.pvog.merge import merge_records, write_merge
    from catalogue.settings import get_catalogue_settings

    settings = get_catalogue_settings()
    today = dt.date.today()
    with operator_errors():
        known = load_leika()
        keys = list(dict.fromkeys([*leika_keys, *(sorted(known) if registered else [])]))
        if not keys:
            raise click.UsageError("name LeiKa keys with --leika KEY, or use --registered")
        unknown = [k for k in keys if k not in known]
        if unknown:
            raise CatalogueError(f"unknown LeiKa key(s) {', '.join(unknown)}: list each in "
                                 "leika.yaml with its source first", field="leika")
        config = PvogConfig(base_url=base_url or settings.pvog_base_url,
                            token_url=settings.pvog_token_url,
                            client_id=settings.pvog_client_id,
                            client_secret=settings.pvog_client_secret,
                            timeout=settings.pvog_timeout_seconds)
        with PvogClient(config) as client:
            if service == "suchdienst":
                procedures, notes = _suchdienst(client, ars, keys, department, category,
                                                responsible, responsible_level, today)
            else:
                procedures, notes = _bereitstelldienst(client, settings.pvog_bereitstell_url,
                                                       ars, keys, department, category,
                                                       responsible, responsible_level, today)
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


def _suchdienst(client: object, ars: str, keys: list[str], department: str, category: str,
                responsible: str, level: str, today: dt.date) -> tuple[list, list[str]]:
    from catalogue.pvog.mapping import Defaults, to_procedure
    from catalogue.pvog.suchdienst import fetch_descriptions

    descriptions, notes = fetch_descriptions(client, ars, keys)  # type: ignore[arg-type]
    defaults = Defaults(department, category, responsible, level)
    return [to_procedure(d, defaults, today) for d in descriptions], notes


def _bereitstelldienst(client: object, start: str, ars: str, keys: list[str],
                       department: str, category: str, responsible: str, level: str,
                       today: dt.date) -> tuple[list, list[str]]:
    import httpx

    from catalogue.formats.common import XZuFiDefaults
    from catalogue.pvog.bereitstelldienst import fetch_xzufi

    url = str(httpx.URL(start, params={"index": 0, "ars": ars}))
    defaults = XZuFiDefaults(responsible_level=level, department=department,
                             category=category, responsible=responsible,
                             source="PVOG Bereitstelldienst")
    return fetch_xzufi(client, url, defaults, keys, today)  # type: ignore[arg-type]
