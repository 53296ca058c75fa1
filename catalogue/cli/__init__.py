"""`catalogue` command line: build, validate, import, export, search, stats, check-links,
pvog-import.

Commands only, grouped by job: `maintain.py` (sources -> database), `transfer.py`
(import/export), `lookup.py` (read the built catalogue), `pvog.py` (refresh a source
file from the national catalogue); `common.py` holds what they share. The work happens
in build.py, validate.py, formats/, pvog/, stats.py and links.py.
The console script `catalogue` is `catalogue.cli:cli`.
"""

from __future__ import annotations

import click

from catalogue.cli.lookup import check_links_command, search, stats
from catalogue.cli.maintain import build, validate
from catalogue.cli.pvog import pvog_import
from catalogue.cli.transfer import export, import_


@click.group()
@click.version_option("0.1.0", prog_name="catalogue")
def cli() -> None:
    """Maintain the Wegweiser procedure catalogue (YAML sources -> SQLite).

    Editors change catalogue/data/**/*.yaml, run `catalogue validate`, then
    `catalogue build`. See docs/catalogue.md.
    """


for _command in (build, validate, import_, export, search, stats, check_links_command,
                 pvog_import):
    cli.add_command(_command)

__all__ = ["cli"]
