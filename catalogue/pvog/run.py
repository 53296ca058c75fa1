"""One PVOG import run: fetch from the chosen service, map, and check the LeiKa keys.

Kept apart from the CLI so tests drive exactly what `catalogue pvog-import` does.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass

import httpx

from catalogue.errors import CatalogueError
from catalogue.formats.common import XZuFiDefaults
from catalogue.models import Procedure
from catalogue.pvog.bereitstelldienst import fetch_xzufi
from catalogue.pvog.client import PvogClient
from catalogue.pvog.mapping import Defaults, to_procedure
from catalogue.pvog.suchdienst import ARS, fetch_descriptions


@dataclass(frozen=True)
class ImportOptions:
    ars: str
    keys: tuple[str, ...]
    service: str = "suchdienst"  # or "bereitstelldienst"
    department: str = "Nationaler Katalog (PVOG)"
    category: str = "Querschnitt"
    responsible: str = "Landratsamt Mühldorf a. Inn"
    responsible_level: str = "landratsamt"
    bereitstell_url: str = ""


def fetch_records(client: PvogClient, options: ImportOptions, known_keys: Collection[str],
                  today: dt.date) -> tuple[list[Procedure], list[str]]:
    """Validated records and notes. LeiKa keys must be listed in leika.yaml (known_keys):
    asked-for keys are checked before any request; a Bereitstelldienst record with an
    unlisted key is left out with a note."""
    if not ARS.match(options.ars):
        raise CatalogueError("region key (ARS) must be 2 to 12 digits, e.g. 091830000000",
                             field="ars")
    unknown = [k for k in options.keys if k not in known_keys]
    if unknown:
        raise CatalogueError(f"unknown LeiKa key(s) {', '.join(unknown)}: list each in "
                             "leika.yaml with its source first", field="leika")
    if options.service == "suchdienst":
        if not options.keys:
            raise CatalogueError("the Suchdienst is asked per LeiKa key: name at least one",
                                 field="leika")
        descriptions, notes = fetch_descriptions(client, options.ars, list(options.keys))
        defaults = Defaults(options.department, options.category, options.responsible,
                            options.responsible_level)
        return [to_procedure(d, defaults, today) for d in descriptions], notes
    url = str(httpx.URL(options.bereitstell_url, params={"index": 0, "ars": options.ars}))
    xdefaults = XZuFiDefaults(responsible_level=options.responsible_level,
                              department=options.department, category=options.category,
                              responsible=options.responsible, source="PVOG Bereitstelldienst")
    records, notes = fetch_xzufi(client, url, xdefaults, list(options.keys), today)
    kept = [p for p in records if not p.leika or p.leika in known_keys]
    notes += [f"{p.id}: LeiKa {p.leika} is not listed in leika.yaml; left out"
              for p in records if p.leika and p.leika not in known_keys]
    return kept, notes
