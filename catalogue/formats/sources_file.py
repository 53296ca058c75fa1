"""Write imported records as a YAML source file, so they survive every rebuild.

The YAML files are the catalogue's source of truth (`catalogue build` recreates the
database from them); an import that should last therefore lands there, reviewable
in a diff like any editor's change.
"""

from __future__ import annotations

import os
from pathlib import Path

import yaml

from catalogue.errors import CatalogueError
from catalogue.models import Procedure
from catalogue.sources import load_department_file, load_procedures


def write_source_file(path: Path, procedures: list[Procedure], *, merge: bool = False,
                      note: str = "") -> int:
    """Write `procedures` to `path` (merged by id with its records if `merge`).

    Refuses ids that another source file already defines; the file is replaced
    atomically and only after the whole set validated. Returns the record count.
    """
    if path.suffix != ".yaml":
        raise CatalogueError("source files must end in .yaml", source=str(path))
    existing = load_department_file(path) if merge and path.exists() else []
    by_id = {p.id: p for p in existing}
    by_id.update({p.id: p for p in procedures})
    others = {p.id for p in load_procedures(path.parent, exclude=path)}
    clash = sorted(set(by_id) & others)
    if clash:
        raise CatalogueError(f"ids already defined in other source files: {', '.join(clash)}",
                             source=str(path), field="id")
    records = [p.model_dump(mode="json", exclude_none=True) for p in by_id.values()]
    header = f"# Imported with `catalogue import`{': ' + note if note else ''}.\n"
    text = header + yaml.safe_dump({"procedures": records}, allow_unicode=True,
                                   sort_keys=False, width=100)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    try:
        load_department_file(tmp)  # what we wrote must read back
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return len(records)

