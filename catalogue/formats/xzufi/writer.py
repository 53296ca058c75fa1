"""Write procedures as an XZuFi 2.2 document that `reader.py` reads back unchanged."""

from __future__ import annotations

import datetime as dt
import html
import xml.etree.ElementTree as ET

from catalogue.formats.xzufi.schema import (
    NS,
    ROOT_NAME,
    TEXTMODUL,
    TEXTMODUL_LIST_URI,
    TEXTMODUL_LIST_VERSION,
    Q,
    slugify,
)
from catalogue.models import Procedure


def _el(parent: ET.Element, name: str, text: str | None = None, *, qualified: bool = True,
        **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, (Q if qualified else "") + name, attrs)
    if text is not None:
        element.text = text
    return element


def _html(value: str | None) -> str | None:
    """Texts in XZuFi are HTML; escape plain text so the importer reads it back unchanged."""
    return html.escape(value, quote=False) if value else value


def _text_module(leistung: ET.Element, code: str, texts: dict[str, str | None]) -> None:
    if not any(texts.values()):
        return
    module = _el(leistung, "modulText")
    for lang, value in texts.items():
        if value:
            _el(module, "inhalt", value, languageCode=lang)
    kind = _el(module, "leikaTextmodul", listURI=TEXTMODUL_LIST_URI,
               listVersionID=TEXTMODUL_LIST_VERSION)
    _el(kind, "code", code, qualified=False)
    _el(kind, "name", TEXTMODUL[code], qualified=False)


def _leistung(parent: ET.Element, p: Procedure) -> None:
    leistung = _el(_el(parent, "schreibe"), "leistung")
    _el(leistung, "id", p.id, schemeAgencyID="wegweiser")
    if p.leika:
        _el(_el(leistung, "referenzLeiKa"), "code", p.leika, qualified=False)
    _text_module(leistung, "02", {"de": _html(p.title), "en": _html(p.title_en)})
    _text_module(leistung, "05", {"de": _html(p.short_answer), "en": _html(p.short_answer_en)})
    if p.documents:
        items = "".join(f"<li>{_html(d)}</li>" for d in p.documents)
        _text_module(leistung, "08", {"de": f"<ul>{items}</ul>"})
    for module_name, value in (("modulKosten", p.fees),
                               ("modulBearbeitungsdauer", p.processing_time)):
        if value:
            _el(_el(leistung, module_name), "beschreibung", _html(value), languageCode="de")
    if p.search_terms:
        module = _el(leistung, "modulBegriffImKontext")
        for term in p.search_terms:
            # no languageCode: search_terms mix German and English and we don't know which
            _el(_el(module, "begriffImKontext"), "begriff", term)
    if p.last_reviewed:
        _el(_el(leistung, "modulFachlicheFreigabe"), "fachlichFreigegebenAm",
            p.last_reviewed.isoformat())
    _el(_el(leistung, "modulUrsprungsportal"), "uri", p.info_url)
    _el(_el(leistung, "kategorie"), "bezeichnung", p.category, languageCode="de")


def write_xzufi(procedures: list[Procedure], *, created: dt.datetime | None = None) -> str:
    """One `schreibe` per object: leistungen, then organisationseinheiten, then onlinedienste."""
    ET.register_namespace("xzufi", NS)
    root = ET.Element(Q + ROOT_NAME, {"xzufiVersion": "2.2.0",
                                      "produktbezeichnung": "Wegweiser catalogue",
                                      "produkthersteller": "Wegweiser"})
    head = _el(root, "nachrichtenkopf")
    stamp = (created or dt.datetime.now(dt.UTC)).replace(microsecond=0).isoformat()
    _el(head, "erstellungszeitpunkt", stamp)
    for procedure in procedures:
        _leistung(root, procedure)
    by_responsible: dict[str, list[Procedure]] = {}
    for procedure in procedures:
        by_responsible.setdefault(procedure.responsible, []).append(procedure)
    for responsible, members in by_responsible.items():
        oe = _el(_el(root, "schreibe"), "organisationseinheit")
        _el(oe, "id", slugify(responsible), schemeAgencyID="wegweiser")
        _el(_el(oe, "name"), "name", responsible, languageCode="de")
        for procedure in members:
            _el(_el(oe, "zustaendigkeit"), "leistungID", procedure.id)
    for procedure in procedures:
        if procedure.online_url:
            dienst = _el(_el(root, "schreibe"), "onlinedienst")
            _el(dienst, "id", f"{procedure.id}-online", schemeAgencyID="wegweiser")
            _el(_el(dienst, "link"), "link", procedure.online_url)
            _el(_el(dienst, "zustaendigkeit"), "leistungID", procedure.id)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") \
        + "\n"
