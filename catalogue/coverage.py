"""How complete and how well-sourced the catalogue is, for `stats` and `validate`.

Computed from `Procedure` records, so the same figures come out of the YAML sources
(`validate`) and the built database (`stats`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TypedDict

from catalogue.models import Procedure

# Fields that state numbers (amounts, durations) a citizen relies on.
NUMBERS = ("fees", "processing_time")


class ProvenanceCounts(TypedDict):
    procedures_with_sources: int
    fields: int  # fields with a recorded source
    verified: int  # ... read in the source itself
    unverified: int  # ... plausible, still to be checked
    confirmed: int  # ... re-checked by a second reviewer


class ReviewCounts(TypedDict):
    max_age_days: int
    stale: int  # last review older than max_age_days
    never: int  # no last_reviewed date
    stale_ids: list[str]


class Coverage(TypedDict):
    unsourced: dict[str, int]  # fees / processing_time stated without a source
    online_form: int
    leika: int
    verified_link: int
    consultation_url: int
    apply_channels: int
    provenance: ProvenanceCounts
    review: ReviewCounts


def coverage(procedures: Sequence[Procedure], *, max_age_days: int,
             today: dt.date | None = None) -> Coverage:
    """Counts over `procedures`; a review older than `max_age_days` counts as stale."""
    today = today or dt.date.today()
    cutoff = today - dt.timedelta(days=max_age_days)
    sources = [s for p in procedures for s in p.provenance.values()]
    stale = sorted(p.id for p in procedures
                   if p.last_reviewed is not None and p.last_reviewed < cutoff)
    return {
        "unsourced": {name: sum(bool(getattr(p, name)) and name not in p.provenance
                                for p in procedures) for name in NUMBERS},
        "online_form": sum(bool(p.online_url) for p in procedures),
        "leika": sum(bool(p.leika) for p in procedures),
        "verified_link": sum(p.url_verified for p in procedures),
        "consultation_url": sum(bool(p.consultation_url) for p in procedures),
        "apply_channels": sum(bool(p.apply_channels) for p in procedures),
        "provenance": {
            "procedures_with_sources": sum(bool(p.provenance) for p in procedures),
            "fields": len(sources),
            "verified": sum(s.verified for s in sources),
            "unverified": sum(not s.verified for s in sources),
            "confirmed": sum(s.confirmed_by is not None for s in sources),
        },
        "review": {"max_age_days": max_age_days, "stale": len(stale),
                   "never": sum(p.last_reviewed is None for p in procedures),
                   "stale_ids": stale},
    }
