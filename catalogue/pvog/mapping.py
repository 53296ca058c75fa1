"""A PVOG Suchdienst description -> a catalogue record, every field with its source.

Text modules (`details[].code`) as the published client reads them (crankbitCamel/
Testingthis scripts/pvog.mjs): 24 Kurzinfo, 06 Beschreibung, 08 Unterlagen, 98 Kosten,
95 Bearbeitungsdauer, 94 Ursprungsportal (links). Internal portal links
(`http://portal/…`) and anything that is not https are dropped. Wrong types or missing
required parts raise a PvogError naming the URL, the record and the field.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from catalogue.formats.xzufi.text import html_list, html_to_text, shorten
from catalogue.models import Procedure
from catalogue.pvog.client import PvogError
from catalogue.pvog.suchdienst import Description
from catalogue.sources import parse_procedures

MIN_SUMMARY = 40


@dataclass(frozen=True)
class Defaults:
    """Fields PVOG does not carry in our terms; set by the operator (CLI options)."""

    department: str
    category: str
    responsible: str
    responsible_level: str = "landratsamt"


def to_procedure(d: Description, defaults: Defaults, today: dt.date) -> Procedure:
    item = d.item
    record = str(item.get("id") or "?")

    def fail(message: str, field: str) -> PvogError:
        return PvogError(message, source=d.url, record=record, field=field)

    name = item.get("name")
    if not isinstance(item.get("id"), str) or not item["id"].strip():
        raise fail("missing or not a string", "id")
    if not isinstance(name, str) or not name.strip():
        raise fail("missing or not a string", "name")
    modules = _modules(item.get("details", []), fail)

    def text(code: str) -> str | None:
        value = modules.get(code, {}).get("text")
        if value is None or modules[code].get("placeholder") is True:
            return None
        if not isinstance(value, str):
            raise fail("text must be a string", f"details[code={code}].text")
        cleaned = html_to_text(value)
        return cleaned if cleaned and cleaned.lower() not in {"nicht angegeben", "-"} else None

    summary = text("24") or text("06")
    if summary is None:
        raise fail("no Kurzinfo (24) or Beschreibung (06) text", "details")
    if len(summary) < MIN_SUMMARY:  # a bare teaser reads as an answer only with its title
        summary = f"{name.strip()}: {summary}"
    online = _https(_links(item.get("onlineServiceLinks"), fail, "onlineServiceLinks"))
    portals = _links(item.get("sourcePortals"), fail, "sourcePortals") \
        + _links(modules.get("94", {}).get("links"), fail, "details[code=94].links")
    info = (_https(portals) or online)
    if info is None:
        raise fail("no https information page (sourcePortals, module 94 or "
                   "onlineServiceLinks)", "sourcePortals")
    raw: dict[str, Any] = {
        "id": f"pvog-{d.leika}", "leika": d.leika, "title": name.strip(),
        "short_answer": shorten(summary), "category": defaults.category,
        "department": defaults.department, "responsible": defaults.responsible,
        "responsible_level": defaults.responsible_level, "info_url": info,
        "source": f"PVOG Suchdienst (ARS {d.ars}, {record})", "url_verified": False,
    }
    if online:
        raw["online_url"] = online
    documents = modules.get("08", {}).get("text")
    if isinstance(documents, str) and html_list(documents):
        raw["documents"] = html_list(documents)
    if text("98"):
        raw["fees"] = shorten(text("98") or "", 500)
    if text("95"):
        raw["processing_time"] = shorten(text("95") or "", 300)
    stand = item.get("externalLastUpdate") or item.get("lastUpdate")
    note = f"PVOG {record}" + (f", Stand {stand}" if isinstance(stand, str) else "")
    raw["provenance"] = {
        field: {"source": d.url, "checked": today.isoformat(), "verified": True, "note": note}
        for field in ("leika", "title", "short_answer", "info_url", "online_url",
                      "documents", "fees", "processing_time") if field in raw}
    return next(parse_procedures([raw], source=d.url))


def _modules(details: Any, fail: Any) -> dict[str, dict[str, Any]]:
    if not isinstance(details, list):
        raise fail("must be a list", "details")
    modules: dict[str, dict[str, Any]] = {}
    for index, module in enumerate(details):
        if not isinstance(module, dict):
            raise fail("must be an object", f"details[{index}]")
        code = module.get("code")
        if isinstance(code, str | int):
            modules.setdefault(str(code).zfill(2), module)
    return modules


def _links(value: Any, fail: Any, field: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise fail("must be a list of links", field)
    uris = []
    for index, link in enumerate(value):
        if not isinstance(link, dict) or not isinstance(link.get("uri", ""), str):
            raise fail("each link must be an object with a string 'uri'", f"{field}[{index}]")
        if link.get("uri"):
            uris.append(link["uri"].strip())
    return uris


def _https(uris: list[str]) -> str | None:
    return next((u for u in uris if u.startswith("https://")), None)
