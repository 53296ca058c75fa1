"""Redaction: personal data in a citizen's message replaced by typed placeholders.

Standard library only (it runs inside Rasa's environment, in the web app and in the
runner) and regular expressions only (a few microseconds per message, no model).
`redact("Meine IBAN ist DE89 3704 0044 0532 0130 00")` → `"Meine IBAN ist [IBAN]"`.

What is found (type → placeholder): e-mail, phone numbers (German and international),
IBAN (with or without spaces), German licence plates, dates of birth (a full date
with a birth year, or any date after "geboren"/"born"), street addresses with house
number (and the postcode + town after them), file numbers after their label
(Aktenzeichen, Az., Vorgangsnummer …), tax id (11 digits) and tax number, pension
insurance number, health insurance number, and names introduced as such ("ich bin
Max Mustermann", "mein Name ist …", "Herr/Frau …", a greeting line followed by a
name). Procedure questions stay intact: "Kennzeichen reservieren", "Hausnummer",
"Ich bin neu in Deutschland", "Ich bin Rentner".
"""

from __future__ import annotations

import re

from conversations.finding import Finding
from conversations.name_cues import cue_names
from conversations.names import names
from conversations.pasted_forms import form_fields
from conversations.pii_patterns import (
    BIRTH_HINT,
    CHECKS,
    DATE_AFTER_NAME,
    DIGIT,
    EMAIL_HINT,
    PATTERNS,
    PRECHECK,
    SPOKEN_HINT,
    SPOKEN_PHONE,
)
from conversations.public_contacts import is_public
from conversations.spoken_numbers import spelled_digits

PLACEHOLDERS: dict[str, str] = {
    "email": "[E-MAIL]", "phone": "[TELEFON]", "iban": "[IBAN]", "plate": "[KENNZEICHEN]",
    "birthdate": "[GEBURTSDATUM]", "address": "[ADRESSE]", "file_number": "[AKTENZEICHEN]",
    "tax_id": "[STEUER-ID]", "social_insurance": "[SV-NUMMER]",
    "health_insurance": "[KV-NUMMER]", "name": "[NAME]",
}
# A placeholder already in the text is never redacted again (idempotent).
_PLACEHOLDER = re.compile("|".join(re.escape(p) for p in PLACEHOLDERS.values()))


_PRIORITY = {kind: rank for rank, kind in enumerate(
    ("email", "iban", "social_insurance", "health_insurance", "file_number", "birthdate",
     "tax_id", "phone", "plate", "address", "name"))}


def find(text: str) -> list[Finding]:
    """Every piece of personal data in `text`, non-overlapping, in text order."""
    blocked = [m.span() for m in _PLACEHOLDER.finditer(text)]
    candidates = _candidates(text)
    # The office's own contacts and role mailboxes stay, and nothing inside them is read.
    blocked += [(f.start, f.end) for f in candidates if is_public(f)]
    chosen = _choose([f for f in candidates if not is_public(f)], blocked)
    spelled = spelled_digits(text)
    if spelled is not None:
        # Numbers written as words (voice input): read again with digits; what touches
        # a converted number counts at its original place, after what was found above.
        spoken = []
        for finding in _candidates(spelled.text, with_names=False):
            span = spelled.original_span(finding.start, finding.end)
            if span is not None:
                spoken.append(Finding(finding.type, *span, text[span[0]:span[1]]))
        chosen += _choose(spoken, blocked + [(f.start, f.end) for f in chosen])
    return sorted(chosen, key=lambda f: f.start)


def _choose(candidates: list[Finding], taken: list[tuple[int, int]]) -> list[Finding]:
    """Non-overlapping findings, the surest type first (`_PRIORITY`), none in `taken`."""
    chosen: list[Finding] = []
    taken = list(taken)
    for finding in sorted(candidates, key=lambda f: (_PRIORITY[f.type], f.start,
                                                     f.start - f.end)):
        if any(finding.start < end and start < finding.end for start, end in taken):
            continue
        chosen.append(finding)
        taken.append((finding.start, finding.end))
    return chosen


def _candidates(text: str, *, with_names: bool = True) -> list[Finding]:
    """Every finding of every rule, overlapping (`with_names`: the name rules too)."""
    candidates: list[Finding] = []
    # Every pattern type needs a digit (e-mail: an "@"); most questions have neither.
    has_digit = DIGIT.search(text) is not None
    for kind, pattern, group in PATTERNS:
        if not (has_digit or (kind == "email" and EMAIL_HINT.search(text))
                or (pattern is SPOKEN_PHONE and SPOKEN_HINT.search(text))
                or (kind == "birthdate" and BIRTH_HINT.search(text))):
            continue
        # The spelled-out e-mail patterns backtrack on long runs of word characters:
        # run them only when their "at" is there at all.
        precheck = PRECHECK.get(pattern)
        if precheck is not None and precheck.search(text) is None:
            continue
        check = CHECKS.get(pattern)
        for match in pattern.finditer(text):
            if check is not None and not check(match):
                continue
            start, end = match.span(group)
            candidates.append(Finding(kind, start, end, match.group(group)))
    # Form fields may hold an address too; only names are followed by a birth date.
    people = names(text) + cue_names(text) + form_fields(text) if with_names else []
    candidates.extend(people)
    if has_digit:
        candidates.extend(_dates_after_names(text, [p for p in people if p.type == "name"]))
        if "|" in text or "\t" in text:
            candidates.extend(_table_birthdates(text))
    return candidates


_BIRTH_COLUMN = re.compile(r"(?i:^\W*(?:geburtsdatum|geb\.?(?:-?datum)?|geboren|gebdat|"
                           r"date of birth|dob|birthday|born)\W*$)")
_CELL_DATE = re.compile(r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2}")


def _table_birthdates(text: str) -> list[Finding]:
    """The dates in a pasted table's birth-date column ("Kind | Geburtsdatum | Schule")."""
    found: list[Finding] = []
    column: int | None = None
    position = 0
    for line in text.split("\n"):
        separator = "|" if "|" in line else "\t" if "\t" in line else None
        cells = line.split(separator) if separator else []
        if column is None:
            column = next((i for i, cell in enumerate(cells) if _BIRTH_COLUMN.match(cell)),
                          None)
        elif len(cells) > column:
            offset = position + sum(len(cell) + 1 for cell in cells[:column])
            match = _CELL_DATE.search(cells[column])
            if match is not None:
                found.append(Finding("birthdate", offset + match.start(),
                                     offset + match.end(), match.group()))
        position += len(line) + 1
    return found


def _dates_after_names(text: str, people: list[Finding]) -> list[Finding]:
    """A full date right after a name is that person's date of birth."""
    found = []
    for person in people:
        match = DATE_AFTER_NAME.match(text, person.end)
        if match is not None:
            found.append(Finding("birthdate", match.start(1), match.end(1), match.group(1)))
    return found


def redact(text: str) -> str:
    """`text` with every finding replaced by its placeholder, e.g. `[E-MAIL]`."""
    if not text:
        return text
    parts: list[str] = []
    position = 0
    for finding in find(text):
        parts.append(text[position:finding.start])
        parts.append(PLACEHOLDERS[finding.type])
        position = finding.end
    parts.append(text[position:])
    return "".join(parts)
