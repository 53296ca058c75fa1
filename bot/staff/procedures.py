"""What staff see of a procedure id: its catalogue title, and whether a link is verified.

Turn records store ids and URLs; staff need the title to read a transcript, and must
see which links nobody has checked yet (`Procedure.unverified_links`, issue #15) —
labelled, never hidden, because the citizen got the link as the best there was.
A missing catalogue or id shows the bare id: the review must work without it.
"""

from __future__ import annotations

import logging
from functools import lru_cache

from catalogue.db import get_db, get_procedure
from catalogue.models import Procedure

log = logging.getLogger(__name__)


@lru_cache(maxsize=2048)
def procedure(procedure_id: str) -> Procedure | None:
    """The catalogue entry, or None (unknown id, catalogue not built or unreadable)."""
    try:
        return get_procedure(get_db(), procedure_id)
    except Exception as exc:
        log.warning("catalogue lookup for %r failed: %s", procedure_id, exc)
        return None


def title(procedure_id: str) -> str:
    """'Titel (id)' for a known id, else the id itself."""
    found = procedure(procedure_id)
    return f"{found.title} ({procedure_id})" if found else procedure_id


def unverified(url: str, procedure_ids: list[str] | tuple[str, ...]) -> bool:
    """Is `url` a link of one of these procedures that nobody has verified yet?"""
    for procedure_id in procedure_ids:
        found = procedure(procedure_id)
        if found is not None and any(getattr(found, name) == url
                                     for name in found.unverified_links()):
            return True
    return False
