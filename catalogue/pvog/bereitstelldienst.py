"""Read the PVOG Bereitstelldienst, whose JSON pages wrap XZuFi XML, with the XZuFi parser.

Page shape as read by the published client rongem/pvog
(src/controller/data-import.controller.ts): `xzufiObjekte` (the XZuFi message as a
string), `vollstaendig` (true on the last page), `naechsterIndex` and
`naechsteAnfrageUrl` (the next page). The service needs an OAuth2 client-credentials
token. The XML goes through `catalogue.formats.xzufi.read_xzufi`, the same parser as
`catalogue import file.xml`, so both paths map XZuFi identically. That parser reads
XZuFi 2.2; a service answering in another XZuFi version is reported, not guessed at.
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import urlsplit

from catalogue.formats.common import XZuFiDefaults
from catalogue.formats.xzufi import read_xzufi
from catalogue.models import Procedure
from catalogue.pvog.client import PvogClient, PvogError

SOURCED = ("leika", "title", "short_answer", "info_url", "online_url", "documents", "fees",
           "processing_time")


def fetch_xzufi(client: PvogClient, start_url: str, defaults: XZuFiDefaults,
                leika_keys: list[str], today: dt.date) -> tuple[list[Procedure], list[str]]:
    """Every leistung of every page (those with one of `leika_keys`, if any given)."""
    procedures: dict[str, Procedure] = {}
    warnings: list[str] = []
    url = start_url
    origin = urlsplit(start_url)[:2]
    for _ in range(client.config.max_pages):
        data = client.get_json(url)
        xml, complete, next_url = _page(data, url)
        if xml.strip():
            result = read_xzufi(xml.encode("utf-8"), source=url, defaults=defaults)
            warnings += [f"{url}: {w}" for w in result.warnings]
            for p in result.procedures:
                if not leika_keys or p.leika in leika_keys:
                    procedures[p.id] = _with_provenance(p, url, today)
        if complete:
            return list(procedures.values()), warnings
        assert next_url is not None
        if urlsplit(next_url)[:2] != origin:
            raise PvogError(f"next page is on another host ({next_url}); refusing to send the "
                            "token there", source=url, field="naechsteAnfrageUrl")
        url = next_url
    raise PvogError(f"more than {client.config.max_pages} pages; stopped (a server that "
                    "never says 'vollstaendig'?)", source=url)


def _page(data: Any, url: str) -> tuple[str, bool, str | None]:
    if not isinstance(data, dict):
        raise PvogError(f"expected a JSON object, got {type(data).__name__}", source=url)
    xml = data.get("xzufiObjekte")
    complete = data.get("vollstaendig")
    if not isinstance(xml, str):
        raise PvogError("missing or not a string", source=url, field="xzufiObjekte")
    if not isinstance(complete, bool):
        raise PvogError("missing or not true/false", source=url, field="vollstaendig")
    next_url = data.get("naechsteAnfrageUrl")
    if not complete and not (isinstance(next_url, str) and next_url.startswith("http")):
        raise PvogError("not complete, but no next page URL", source=url,
                        field="naechsteAnfrageUrl")
    return xml, complete, next_url if isinstance(next_url, str) else None


def _with_provenance(p: Procedure, url: str, today: dt.date) -> Procedure:
    from catalogue.models import FieldSource

    sources = {name: FieldSource(source=url, checked=today, verified=True,
                                 note="PVOG Bereitstelldienst (XZuFi)")
               for name in SOURCED if getattr(p, name) not in (None, "", [])}
    return p.model_copy(update={"provenance": sources, "source": "PVOG Bereitstelldienst"})
