"""What every command shares: the --db option, opening the catalogue, one-line errors."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click
import sqlite_utils

from catalogue.errors import CatalogueError


def default_db() -> Path:
    from catalogue.settings import get_catalogue_settings

    return get_catalogue_settings().db_path


db_option = click.option(
    "--db", "db_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
    help="Catalogue database (default: WEGWEISER_DB_PATH or var/catalogue.db).")


@contextmanager
def operator_errors() -> Iterator[None]:
    """Input problems become one clear line and exit code 1, never a traceback."""
    try:
        yield
    except CatalogueError as exc:
        raise click.ClickException(str(exc)) from exc
    except sqlite3.Error as exc:
        raise click.ClickException(f"database error: {exc}") from exc


@contextmanager
def existing_db(db_path: Path | None) -> Iterator[sqlite_utils.Database]:
    """The built catalogue, for commands that read it; closed afterwards, errors in one line."""
    from catalogue.db import open_db

    path = db_path or default_db()
    if not path.exists():
        raise click.ClickException(f"no catalogue at {path}; run `catalogue build` first")
    with operator_errors():
        db = open_db(path)
        try:
            yield db
        finally:
            db.close()


def open_or_create(db_path: Path | None) -> sqlite_utils.Database:
    from catalogue.db import open_db

    return open_db(db_path or default_db())
