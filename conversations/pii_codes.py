"""Identifier shapes without a label the file-number rules know.

"the number of my case at Ausländerbehörde is 421-ALB-2024-0912": a code of capitals
and digits in at least three parts, with four digits or more, is somebody's case,
customer or document number wherever it stands (plates have two parts and at most four
digits; dates and paragraphs have no letters). "Führerschein Nr. B072X1234562": a
document number after the document's name. Both are typed as file numbers.
"""

from __future__ import annotations

import re

CODE_PATTERNS: list[tuple[str, re.Pattern[str], int]] = [
    ("file_number", re.compile(
        r"\b(?=[A-Z0-9/-]*\d{4})(?=[A-Z0-9/-]*[A-Z]{2})[A-Z0-9]+(?:[-/][A-Z0-9]+){2,}\b"), 0),
    ("file_number", re.compile(
        r"(?i:\b(?:führerschein|fuehrerschein|ausweis|personalausweis|reisepass|pass|"
        r"aufenthaltstitel|licen[cs]e|passport|id card|residence card|document|dokument)"
        r"[- ]?(?:nr\.?|nummer|no\.?|number|#)[\s:.#]*(?:ist|lautet|is)?[\s:#]*)"
        r"([A-Za-z0-9]*\d[A-Za-z0-9]*(?:[ -]?[A-Za-z0-9]*\d[A-Za-z0-9]*)?)"
        r"(?<=\w{6})"), 1),
]
