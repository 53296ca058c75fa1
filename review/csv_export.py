"""CSV that is safe to open in a spreadsheet.

Citizen text can start with `=`, `+`, `-`, `@` (or a tab / carriage return before one):
a spreadsheet would run it as a formula (`=HYPERLINK(...)`, DDE). Such text cells get a
leading apostrophe (OWASP's advice), numbers stay numbers. The output starts with a
UTF-8 byte order mark so Excel reads the umlauts, and uses `;` as German Excel expects.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")


def safe_cell(value: object) -> str | int | float:
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        return value
    text = "" if value is None else str(value)
    if text.lstrip(" ").startswith(_TRIGGERS):
        return "'" + text
    return text


def to_csv(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow([safe_cell(h) for h in headers])
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])
    return out.getvalue()
