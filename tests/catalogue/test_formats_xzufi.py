"""XZuFi 2.2: the sample, round trips, the mapping rules, reporting and XML safety."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from catalogue.errors import CatalogueError
from catalogue.formats import XZuFiDefaults, read_bytes
from catalogue.formats.xzufi import html_list, shorten, write_xzufi

SAMPLE = Path(__file__).resolve().parents[2] / "catalogue" / "samples" / "xzufi-sample.xml"
NS = 'xmlns:xzufi="http://xoev.de/schemata/xzufi/2_2_0"'


def read(data: str | bytes, **defaults):
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return read_bytes(raw, "xzufi", source="in.xml", defaults=XZuFiDefaults(**defaults))


def doc(leistung_body: str, extra: str = "") -> str:
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<xzufi:uebertragung {NS}>'
            f"<xzufi:schreibe><xzufi:leistung>{leistung_body}</xzufi:leistung></xzufi:schreibe>"
            f"{extra}</xzufi:uebertragung>")


def modul(code: str, de: str, en: str | None = None, name: str = "") -> str:
    english = f'<xzufi:inhalt languageCode="en">{en}</xzufi:inhalt>' if en else ""
    return (f'<xzufi:modulText><xzufi:inhalt languageCode="de">{de}</xzufi:inhalt>{english}'
            f"<xzufi:leikaTextmodul><code>{code}</code><name>{name}</name>"
            f"</xzufi:leikaTextmodul></xzufi:modulText>")


MINIMAL = ("<xzufi:id>L 100.7</xzufi:id>" + modul("02", "Leistung Test")
           + modul("05", "Eine kurze Antwort für den Test.")
           + "<xzufi:modulUrsprungsportal><xzufi:uri>https://lra.example.org/x</xzufi:uri>"
           "</xzufi:modulUrsprungsportal>")


def test_sample_imports_with_all_mapped_parts():
    result = read(SAMPLE.read_bytes())
    by_id = {p.id: p for p in result.procedures}
    assert 3 <= len(by_id) <= 5
    bafoeg = by_id["beispiel-schueler-bafoeg"]
    assert bafoeg.online_url == "https://www.bafoeg-digital.de"
    assert bafoeg.responsible == "Landratsamt Mühldorf a. Inn"
    assert bafoeg.title_en and bafoeg.short_answer_en
    assert "student grant school" in bafoeg.search_terms
    assert bafoeg.documents[0] == "Formblatt 1 (Antrag auf Ausbildungsförderung)"
    assert bafoeg.fees == "gebührenfrei"
    assert str(bafoeg.last_reviewed) == "2026-11-25"
    assert by_id["beispiel-einbuergerung"].info_url.endswith("/einbuergerung")
    waffen = by_id["beispiel-waffenbesitzkarte"]
    assert len(waffen.short_answer) <= 300 and waffen.short_answer.endswith("…")
    assert all(p.url_verified is False for p in result.procedures)


def test_sample_reports_unknown_elements():
    warnings = read(SAMPLE.read_bytes()).warnings
    assert "not imported: schreibe/leistung/modulFrist" in warnings
    assert any("gebietID (4×)" in w for w in warnings)
    assert not any("modulText" in w or "leikaTextmodul" in w for w in warnings)


def test_sample_round_trips_import_export_import():
    first = read(SAMPLE.read_bytes()).procedures
    exported = write_xzufi(first)
    second = read(exported)
    assert second.procedures == first
    assert second.warnings == []  # the exporter writes only what the importer reads


def test_catalogue_round_trip_for_the_fields_xzufi_carries(procedures):
    carried = {"id", "leika", "title", "title_en", "short_answer", "short_answer_en",
               "search_terms", "documents", "fees", "processing_time", "online_url",
               "info_url", "responsible", "category", "last_reviewed"}
    back = read(write_xzufi(procedures), department="Abteilung").procedures
    assert [p.model_dump(include=carried) for p in back] == \
        [p.model_dump(include=carried) for p in procedures]
    assert {p.department for p in back} == {"Abteilung"}


def test_defaults_fill_fields_xzufi_lacks():
    [p] = read(doc(MINIMAL), responsible_level="gemeinde", department="Bürgerbüro",
               category="Ausweise", responsible="Ihre Gemeinde").procedures
    assert (p.id, p.responsible_level, p.department, p.category, p.responsible) == \
        ("l-100-7", "gemeinde", "Bürgerbüro", "Ausweise", "Ihre Gemeinde")


@pytest.mark.parametrize(("defaults", "field", "hint"), [
    ({}, "category", "--category"),
    ({"category": "K"}, "category", None),  # too short: model rule, no hint needed
    ({"category": "Kat"}, "department", "--department"),
    ({"category": "Kat", "department": "Abt", "responsible_level": "gemeinde"},
     "responsible", "--responsible"),
])
def test_missing_mappings_name_the_option(defaults, field, hint):
    with pytest.raises(CatalogueError) as caught:
        read(doc(MINIMAL), **defaults)
    assert caught.value.field == field
    assert caught.value.line == 2  # line of the <leistung>
    if hint:
        assert hint in str(caught.value)


def test_title_prefers_leistungsbezeichnung_ii_and_names_work_without_codes():
    body = (MINIMAL.replace(modul("02", "Leistung Test"), "")
            + modul("03", "Bürgernaher Titel") + modul("xx", "Formaler Titel",
                                                        name="Leistungsbezeichnung"))
    result = read(doc(body), category="Kat", department="Abteilung")
    assert result.procedures[0].title == "Bürgernaher Titel"
    assert any("modulText" in w for w in result.warnings)  # the unused 02 is reported


def test_invalid_leika_is_warned_and_dropped():
    body = MINIMAL + "<xzufi:referenzLeiKa><code>123</code></xzufi:referenzLeiKa>"
    result = read(doc(body), category="Kat", department="Abteilung")
    assert result.procedures[0].leika is None
    assert any("referenzLeiKa" in w for w in result.warnings)


def test_non_https_online_link_is_rejected_with_field():
    extra = ("<xzufi:schreibe><xzufi:onlinedienst><xzufi:id>o</xzufi:id><xzufi:link>"
             "<xzufi:link>http://insecure.example.org</xzufi:link></xzufi:link>"
             "<xzufi:zustaendigkeit><xzufi:leistungID>L 100.7</xzufi:leistungID>"
             "</xzufi:zustaendigkeit></xzufi:onlinedienst></xzufi:schreibe>")
    with pytest.raises(CatalogueError) as caught:
        read(doc(MINIMAL, extra), category="Kat", department="Abteilung")
    assert (caught.value.record, caught.value.field) == ("l-100-7", "online_url")


def test_duplicate_ids_are_rejected():
    text = doc(MINIMAL).replace("</xzufi:schreibe>",
                                f"</xzufi:schreibe><xzufi:schreibe><xzufi:leistung>{MINIMAL}"
                                "</xzufi:leistung></xzufi:schreibe>", 1)
    with pytest.raises(CatalogueError, match="duplicate id"):
        read(text, category="Kat", department="Abteilung")


@pytest.mark.parametrize(("text", "message", "line"), [
    ('<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">]>\n<a>&lol;</a>',
     "DOCTYPE/ENTITY", 2),
    (f"<xzufi:uebertragung {NS}>\n<xzufi:schreibe>\n</xzufi:uebertragung>", "malformed XML", 3),
    ("<other xmlns='urn:x'/>", "not an XZuFi 2.2 document", 1),
    (f"<xzufi:uebertragung {NS}/>", "no <leistung>", None),
    (doc("<xzufi:id/>"), "without <id>", 2),
])
def test_bad_xml(text, message, line):
    with pytest.raises(CatalogueError) as caught:
        read(text)
    assert message in str(caught.value)
    assert caught.value.line == line


def test_billion_laughs_is_refused_before_expansion():
    entities = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    bomb = f'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY l0 "lol">{entities}]><x>&l9;</x>'
    with pytest.raises(CatalogueError, match="DOCTYPE"):
        read(bomb)


def test_shorten_cuts_at_sentence_then_word():
    sentences = "Erster Satz ist hier. " * 20
    cut = shorten(sentences.strip(), 100)
    assert len(cut) <= 100 and cut.endswith("hier. …")
    words = "wort " * 100
    cut = shorten(words.strip(), 50)
    assert len(cut) <= 50 and cut.endswith("wort…")
    assert shorten("kurz", 50) == "kurz"


def test_html_list_items_and_lines():
    assert html_list("<ul><li>Pass &amp; Foto</li><li> </li><li>Antrag</li></ul>") == \
        ["Pass & Foto", "Antrag"]
    assert html_list("- Pass\n- Foto") == ["Pass", "Foto"]


def test_export_is_namespaced_and_escapes_text(procedures):
    xml = write_xzufi(procedures)
    assert 'xmlns:xzufi="http://xoev.de/schemata/xzufi/2_2_0"' in xml
    assert "ca. 12 € &amp;lt;bar&amp;gt;" in xml  # HTML-escaped text, then XML-escaped
    assert len(re.findall(r"<xzufi:leistung>", xml)) == len(procedures)
