"""Import and export formats of the catalogue: one module per format, each with read + write.

`read_file` / `write_procedures` dispatch on the format name so the CLI stays free of
format details.
"""

from __future__ import annotations

from pathlib import Path

from catalogue.formats.common import ImportResult, XZuFiDefaults, decode_bytes
from catalogue.models import Gemeinde, Procedure

FORMATS = ("csv", "json", "xzufi")


def guess_format(path: Path) -> str | None:
    """Format from the file extension (.csv, .json, .xml) or None."""
    return {".csv": "csv", ".json": "json", ".xml": "xzufi"}.get(path.suffix.lower())


def read_bytes(data: bytes, fmt: str, *, source: str,
               defaults: XZuFiDefaults | None = None) -> ImportResult:
    """Parse and validate every record; raises CatalogueError at the first bad one."""
    from catalogue.formats import csv_json, xzufi

    if fmt == "xzufi":
        return xzufi.read_xzufi(data, source=source, defaults=defaults or XZuFiDefaults())
    text = decode_bytes(data, source=source)
    if fmt == "csv":
        return csv_json.read_csv(text, source=source)
    if fmt == "json":
        return csv_json.read_json(text, source=source)
    raise ValueError(f"unknown format {fmt!r}")


def write_procedures(procedures: list[Procedure], fmt: str, *,
                     gemeinden: list[Gemeinde] | None = None) -> str:
    """Serialise procedures (and, for JSON, optionally the gemeinden) as text."""
    from catalogue.formats import csv_json, xzufi

    if fmt == "csv":
        return csv_json.write_csv(procedures)
    if fmt == "json":
        return csv_json.write_json(procedures, gemeinden=gemeinden)
    if fmt == "xzufi":
        return xzufi.write_xzufi(procedures)
    raise ValueError(f"unknown format {fmt!r}")


__all__ = ["FORMATS", "ImportResult", "XZuFiDefaults", "guess_format", "read_bytes",
           "write_procedures"]
