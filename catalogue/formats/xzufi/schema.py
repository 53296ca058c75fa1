"""What reader and writer agree on: the XZuFi 2.2 namespace, LeiKa text-module codes, slugs."""

from __future__ import annotations

import re

from catalogue.folding import fold

NS = "http://xoev.de/schemata/xzufi/2_2_0"
Q = f"{{{NS}}}"
TEXTMODUL_LIST_URI = "urn:de:xzufi:codeliste:leistungstextmodulleika"
TEXTMODUL_LIST_VERSION = "20240216"
# LeiKa text-module codes we read and write (code list above). On reading, codes are
# matched first; the `name` of the module is a fallback for files that only carry names.
TEXTMODUL = {
    "02": "Leistungsbezeichnung",
    "03": "Leistungsbezeichnung II",
    "05": "Kurztext",
    "06": "Volltext",
    "08": "Erforderliche Unterlagen",
    "24": "Teaser",
}
ROOT_NAME = "uebertragung"  # not validated on import; see docs/catalogue.md


def slugify(value: str) -> str:
    """XZuFi ids and names as catalogue slugs ("Landratsamt Mühldorf" → "landratsamt-muehldorf")."""
    return re.sub(r"[^a-z0-9]+", "-", fold(value)).strip("-")
