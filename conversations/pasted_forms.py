"""Names and addresses in the fields of a document typed out or photographed.

Citizens copy what their card or form says: "Familienname: Schuster", the residence
permit's bilingual "NAME / NOM: AL-RASHID", the driving licence's numbered fields
("1. WAGNER / 2. CHRISTIAN / 3. 22.06.1985 …"), the registration certificate's holder
fields ("C.1.1 Hofbauer", "C.1.3 Graf-Toerring-Str. 9"). Text recognition of a photo
turns "m" into "rn" ("Vornarne"). The values are read from the whole line after the
label, also in capitals and as "Surname, First name".
"""

from __future__ import annotations

import re

from conversations.finding import Finding
from conversations.pii_patterns import LOW, UP, WORD

_CAPS = rf"[{UP}][{UP}'’-]*[{UP}]"
_VALUE = rf"(?:{WORD}|{_CAPS})(?:(?:,[ ]?|[ ])(?:{WORD}|{_CAPS})){{0,2}}"
# A name field on a line of its own; OCR's "rn" for "m" included.
_NAME_FIELD = re.compile(
    rf"(?m:^[ \t]*(?i:(?:familien|vor|nach|geburts|ruf)?na(?:m|rn)en?"
    rf"(?:[ ]*/[ ]*(?:nom|noms|name|surname|pr[ée]noms?|given[ ]names?))?)"
    rf"[ \t]*:[ \t]*({_VALUE})[ \t]*$)")
# The EU driving licence: 1. surname, 2. first names, 3. date (and place) of birth.
_LICENCE = re.compile(rf"(?m:^[ \t]*1\.[ \t]+({_CAPS}(?:[ ]{_CAPS})?)[ \t]*\n"
                      rf"[ \t]*2\.[ \t]+({_CAPS}(?:[ ]{_CAPS}){{0,2}})[ \t]*\n[ \t]*3\.[ \t]+\d)")
# The registration certificate (Zulassungsbescheinigung Teil I): C.1.1 surname or firm,
# C.1.2 first names, C.1.3 address (street line and the postcode line after it).
_HOLDER = re.compile(r"(?m:^[ \t]*C\.1\.[12][ \t]+([^\n]*\S)[ \t]*$)")
_HOLDER_ADDRESS = re.compile(r"(?m:^[ \t]*C\.1\.3[ \t]+([^\n]*\d[^\n]*?(?:\n[ \t]*\d{5}[ \t]+"
                             rf"[{UP}][{LOW}A-Za-z. -]+)?)[ \t]*$)")


def form_fields(text: str) -> list[Finding]:
    """Names and addresses in the labelled fields of a pasted form or card."""
    if ":" not in text and "\n" not in text:
        return []
    found = [Finding("name", m.start(1), m.end(1), m.group(1))
             for m in _NAME_FIELD.finditer(text)]
    for match in _LICENCE.finditer(text):
        found += [Finding("name", match.start(g), match.end(g), match.group(g)) for g in (1, 2)]
    if "C.1." in text:
        found += [Finding("name", m.start(1), m.end(1), m.group(1))
                  for m in _HOLDER.finditer(text)]
        found += [Finding("address", m.start(1), m.end(1), m.group(1))
                  for m in _HOLDER_ADDRESS.finditer(text)]
    return found
