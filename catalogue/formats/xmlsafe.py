"""A small, safe XML reader: stdlib expat, no DTDs, no entities, line numbers kept.

`xml.etree` does not fetch external entities but does expand internal ones, so a
"billion laughs" document can exhaust memory. Catalogue files never need a DTD, so
any DOCTYPE or ENTITY declaration is refused outright.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import NoReturn
from xml.parsers import expat

from catalogue.errors import CatalogueError


def _qname(name: str) -> str:
    uri, sep, local = name.rpartition(" ")
    return f"{{{uri}}}{local}" if sep else name


def parse_xml(text: str, *, source: str) -> tuple[ET.Element, dict[ET.Element, int]]:
    """Parse `text`; returns the root and the start line of every element."""
    if "<!DOCTYPE" in text or "<!ENTITY" in text:
        raise CatalogueError("DOCTYPE/ENTITY declarations are not accepted (they can be "
                             "used for entity-expansion attacks); remove them",
                             source=source, line=_line_of(text, "<!"))
    builder = ET.TreeBuilder()
    lines: dict[ET.Element, int] = {}
    # The text was already decoded as UTF-8, so override any encoding declaration.
    parser = expat.ParserCreate(encoding="UTF-8", namespace_separator=" ")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)

    def start(name: str, attrs: dict[str, str]) -> None:
        element = builder.start(_qname(name), {_qname(k): v for k, v in attrs.items()})
        lines[element] = parser.CurrentLineNumber

    def refuse(*_args: object) -> NoReturn:
        raise CatalogueError("DTD or entity declarations are not accepted", source=source,
                             line=parser.CurrentLineNumber)

    parser.StartElementHandler = start
    parser.EndElementHandler = lambda name: builder.end(_qname(name))
    parser.CharacterDataHandler = builder.data
    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse
    try:
        parser.Parse(text.encode("utf-8"), True)
    except expat.ExpatError as exc:
        raise CatalogueError(f"malformed XML: {expat.ErrorString(exc.code)} "
                             f"(column {exc.offset + 1})", source=source,
                             line=exc.lineno) from exc
    return builder.close(), lines


def _line_of(text: str, needle: str) -> int:
    return text[: text.find(needle)].count("\n") + 1
