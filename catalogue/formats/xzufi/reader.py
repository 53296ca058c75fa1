"""Read XZuFi 2.2 `leistung` objects into validated procedures.

Only what maps onto a `Procedure` is read; every element that is not imported is
reported by path (the caller prints these as warnings), never dropped silently.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from catalogue.errors import CatalogueError
from catalogue.formats.common import (
    ImportResult,
    XZuFiDefaults,
    check_unique,
    decode_bytes,
    validate_record,
)
from catalogue.formats.xmlsafe import parse_xml
from catalogue.formats.xzufi.schema import NS, TEXTMODUL, Q, slugify
from catalogue.formats.xzufi.text import html_list, html_to_text, shorten
from catalogue.models import Procedure

TEXTMODUL_BY_NAME = {name.lower(): code for code, name in TEXTMODUL.items()}
TITLE_CODES = ("03", "02")  # Leistungsbezeichnung II is the citizen-facing wording
ANSWER_CODES = ("05", "24", "06")  # Kurztext, else Teaser, else Volltext (shortened)
DOCUMENTS_CODE = "08"


def _lang(element: ET.Element) -> str:
    return (element.get("languageCode") or "de")[:2].lower()


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


@dataclass
class _Module:
    element: ET.Element
    texts: dict[str, tuple[ET.Element, str]] = field(default_factory=dict)  # lang -> inhalt


class _Reader:
    """Walks one document, remembering which elements went into a record."""

    def __init__(self, root: ET.Element, lines: dict[ET.Element, int], source: str,
                 defaults: XZuFiDefaults) -> None:
        self.root, self.lines, self.source, self.defaults = root, lines, source, defaults
        self.used: set[ET.Element] = set()
        self.warnings: list[str] = []

    # -- bookkeeping
    def take(self, element: ET.Element | None) -> None:
        """Mark an element and everything inside it as imported."""
        if element is not None:
            self.used.update(element.iter())

    def mark(self, *elements: ET.Element | None) -> None:
        self.used.update(e for e in elements if e is not None)

    def find(self, parent: ET.Element, name: str) -> ET.Element | None:
        """Child by local name; XÖV `code`/`name` children are unqualified, others qualified."""
        found = parent.find(Q + name)
        return found if found is not None else parent.find(name)

    def findall(self, parent: ET.Element, name: str) -> list[ET.Element]:
        return parent.findall(Q + name) + parent.findall(name)

    def text(self, element: ET.Element | None) -> str:
        return (element.text or "").strip() if element is not None else ""

    def ml(self, parent: ET.Element, name: str) -> dict[str, tuple[ET.Element, str]]:
        """Multilingual children (inhalt, beschreibung, …) by language, first one wins."""
        result: dict[str, tuple[ET.Element, str]] = {}
        for child in self.findall(parent, name):
            if self.text(child):
                result.setdefault(_lang(child), (child, self.text(child)))
        return result

    def pick(self, texts: dict[str, tuple[ET.Element, str]], lang: str = "de") -> str | None:
        if lang not in texts:
            return None
        element, value = texts[lang]
        self.mark(element)
        return value

    def unimported(self) -> list[str]:
        """Paths of the outermost elements nothing was taken from, with counts."""
        counts: Counter[str] = Counter()

        def walk(element: ET.Element, path: str) -> None:
            for child in element:
                name = _local(child.tag)
                if child.tag == Q + "inhalt" or child.get("languageCode"):
                    name += f"[{_lang(child)}]"
                child_path = f"{path}/{name}" if path else name
                if child in self.used or any(d in self.used for d in child.iter()):
                    walk(child, child_path)
                else:
                    counts[child_path] += 1

        walk(self.root, "")
        return [f"{path} ({n}×)" if n > 1 else path for path, n in sorted(counts.items())]

    # -- objects
    def objects(self, name: str) -> list[ET.Element]:
        direct = self.findall(self.root, name)
        for schreibe in self.findall(self.root, "schreibe"):
            direct += self.findall(schreibe, name)
        return direct

    def responsibility(self, kind: str) -> dict[str, list[tuple[ET.Element, ET.Element,
                                                                 ET.Element]]]:
        """leistung id -> [(object, zustaendigkeit, leistungID)] for OEs or onlinedienste."""
        result: dict[str, list[tuple[ET.Element, ET.Element, ET.Element]]] = {}
        for obj in self.objects(kind):
            for zust in self.findall(obj, "zustaendigkeit"):
                for lid in self.findall(zust, "leistungID"):
                    result.setdefault(self.text(lid), []).append((obj, zust, lid))
        return result

    def modules(self, leistung: ET.Element) -> dict[str, _Module]:
        result: dict[str, _Module] = {}
        for module in self.findall(leistung, "modulText"):
            kind = self.find(module, "leikaTextmodul")
            if kind is None:
                continue
            code = self.text(self.find(kind, "code"))
            if code not in TEXTMODUL:
                code = TEXTMODUL_BY_NAME.get(self.text(self.find(kind, "name")).lower(), "")
            if code and code not in result:
                result[code] = _Module(module, self.ml(module, "inhalt"))
        return result

    def use_module(self, module: _Module, lang: str) -> str | None:
        value = self.pick(module.texts, lang)
        if value is not None:
            self.mark(module.element)
            self.take(self.find(module.element, "leikaTextmodul"))
            self.take(self.find(module.element, "positionDarstellung"))
        return value

    def first_text(self, modules: dict[str, _Module], codes: tuple[str, ...],
                   lang: str) -> str | None:
        for code in codes:
            if code in modules and lang in modules[code].texts:
                return self.use_module(modules[code], lang)
        return None

    def leistung(self, element: ET.Element, index: int,
                 oes: dict[str, list[Any]], dienste: dict[str, list[Any]]) -> Procedure:
        line = self.lines.get(element)
        id_element = self.find(element, "id")
        xid = self.text(id_element)
        if not xid:
            raise CatalogueError("leistung without <id>", source=self.source, line=line,
                                 record=f"#{index + 1}", field="id")
        self.take(id_element)
        raw: dict[str, Any] = {"id": slugify(xid), "url_verified": False,
                               "responsible_level": self.defaults.responsible_level,
                               "source": self.defaults.source}
        leika = self.find(element, "referenzLeiKa")
        if leika is not None:
            code = self.text(self.find(leika, "code"))
            if re.fullmatch(r"\d{14}", code):
                raw["leika"] = code
                self.take(leika)
            else:
                self.warnings.append(f"{xid}: referenzLeiKa {code!r} is not a 14-digit key; "
                                     "leika left empty")

        modules = self.modules(element)
        for lang, suffix in (("de", ""), ("en", "_en")):
            title = self.first_text(modules, TITLE_CODES, lang)
            answer = self.first_text(modules, ANSWER_CODES, lang)
            if title:
                raw["title" + suffix] = html_to_text(title)
            if answer:
                raw["short_answer" + suffix] = shorten(html_to_text(answer))
        if DOCUMENTS_CODE in modules:
            documents = self.use_module(modules[DOCUMENTS_CODE], "de")
            if documents:
                raw["documents"] = html_list(documents)

        for module_name, key in (("modulKosten", "fees"),
                                 ("modulBearbeitungsdauer", "processing_time")):
            module = self.find(element, module_name)
            if module is not None and (value := self.pick(self.ml(module, "beschreibung"))):
                self.mark(module)
                raw[key] = html_to_text(value)

        terms: list[str] = []
        for module in self.findall(element, "modulBegriffImKontext"):
            for begriff_im_kontext in self.findall(module, "begriffImKontext"):
                for begriff in self.findall(begriff_im_kontext, "begriff"):
                    if self.text(begriff):
                        terms.append(self.text(begriff))
                        self.mark(module, begriff_im_kontext, begriff)
        if terms:
            raw["search_terms"] = list(dict.fromkeys(terms))

        raw["info_url"] = self.info_url(element)
        kategorie = self.find(element, "kategorie")
        category = self.pick(self.ml(kategorie, "bezeichnung")) if kategorie is not None else None
        if category:
            self.mark(kategorie)
        raw["category"] = category or self.defaults.category
        freigabe = self.find(element, "modulFachlicheFreigabe")
        if freigabe is not None and (date := self.find(freigabe, "fachlichFreigegebenAm")) \
                is not None:
            try:
                raw["last_reviewed"] = dt.date.fromisoformat(self.text(date)[:10])
                self.mark(freigabe, date)
            except ValueError:
                self.warnings.append(f"{xid}: fachlichFreigegebenAm {self.text(date)!r} "
                                     "is not a date")

        org_name = None
        for oe, zust, lid in oes.get(xid, []):
            name = self.find(oe, "name")
            names = self.ml(name, "name") if name is not None else {}
            if "de" in names:
                org_name = self.pick(names)
                self.mark(oe, name, zust)
                self.take(lid)
                self.take(self.find(oe, "id"))
                break
        raw["responsible"] = org_name or self.defaults.responsible or (
            "Landratsamt Mühldorf a. Inn" if self.defaults.responsible_level == "landratsamt"
            else None)
        raw["department"] = self.defaults.department or org_name
        for dienst, zust, lid in dienste.get(xid, []):
            for link in self.findall(dienst, "link"):
                url = self.text(self.find(link, "link"))
                if url:
                    raw["online_url"] = url
                    self.mark(dienst, zust, link)
                    self.take(self.find(link, "link"))
                    self.take(lid)
                    self.take(self.find(dienst, "id"))
                    break
            if "online_url" in raw:
                break
        raw = {k: v for k, v in raw.items() if v is not None}
        try:
            return validate_record(raw, source=self.source, index=index, line=line)
        except CatalogueError as exc:
            exc.message += _hint(exc.field)
            raise

    def info_url(self, element: ET.Element) -> str | None:
        for portal in self.findall(element, "modulUrsprungsportal"):
            uri = self.find(portal, "uri")
            if self.text(uri):
                self.mark(portal)
                self.take(uri)
                self.take(self.find(portal, "titel"))
                return self.text(uri)
        for module in self.findall(element, "modulText"):
            for link in self.findall(module, "weiterfuehrenderLink"):
                uri = self.find(link, "uri")
                if self.text(uri):
                    self.mark(module)
                    self.take(link)
                    return self.text(uri)
        return None


def _hint(field_name: str | None) -> str:
    hints = {
        "department": " (XZuFi has no department: pass --department)",
        "category": " (no kategorie/bezeichnung in the file: pass --category)",
        "responsible": " (no organisationseinheit with a zustaendigkeit for this leistung: "
                       "pass --responsible)",
        "info_url": " (needs modulUrsprungsportal/uri or a weiterfuehrenderLink)",
        "title": " (needs a modulText with leikaTextmodul 02 or 03)",
        "short_answer": " (needs a modulText Kurztext 05, Teaser 24 or Volltext 06)",
    }
    return hints.get(field_name or "", "")


def read_xzufi(data: bytes, *, source: str, defaults: XZuFiDefaults) -> ImportResult:
    """All `leistung` objects of an XZuFi 2.2 document as validated procedures."""
    text = decode_bytes(data, source=source)
    root, lines = parse_xml(text, source=source)
    if not root.tag.startswith(Q):
        namespace = root.tag[1:].split("}")[0] if root.tag.startswith("{") else "none"
        raise CatalogueError(f"not an XZuFi 2.2 document: root namespace is {namespace!r}, "
                             f"expected {NS!r}", source=source, line=1)
    reader = _Reader(root, lines, source, defaults)
    reader.take(reader.find(root, "nachrichtenkopf"))
    leistungen = reader.objects("leistung")
    if not leistungen:
        raise CatalogueError("no <leistung> objects found", source=source)
    oes, dienste = reader.responsibility("organisationseinheit"), \
        reader.responsibility("onlinedienst")
    procedures = [reader.leistung(el, i, oes, dienste) for i, el in enumerate(leistungen)]
    check_unique(procedures, source=source, lines=[lines.get(el) for el in leistungen])
    if reader.findall(root, "loesche"):
        reader.warnings.append("<loesche> operations are not applied by an import")
    warnings = reader.warnings + [f"not imported: {path}" for path in reader.unimported()]
    return ImportResult(procedures, warnings=warnings)
