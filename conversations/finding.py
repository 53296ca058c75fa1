"""One piece of personal data found in a text (shared by the pattern and name rules)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Finding:
    """One piece of personal data: its type and where it is in the text."""

    type: str
    start: int
    end: int
    value: str
