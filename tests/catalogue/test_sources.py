"""The YAML loader points editors at file, line, record and field."""

from __future__ import annotations

import pytest

from catalogue.errors import CatalogueError
from catalogue.sources import load_department_file, load_gemeinden, load_procedures
from tests.catalogue.conftest import DEPARTMENT_YAML


def test_defaults_are_inherited(data_dir):
    procedures = {p.id: p for p in load_procedures(data_dir / "procedures")}
    assert procedures["kfz-zulassung"].department == "Kfz-Zulassungsstelle"
    assert procedures["kfz-zulassung"].contact.phone == "+49 8631 699-0"
    assert procedures["personalausweis"].responsible_level == "gemeinde"


# `line` is the first line of the record (its "- id:" line)
@pytest.mark.parametrize(("replace", "line", "record", "field"), [
    (("id: kfz-zulassung", "id: Kfz Zulassung"), 32, "Kfz Zulassung", "id"),
    (("leika: \"99036012104000\"", "leika: \"123\""), 12, "kfz-abmeldung", "leika"),
    (("info_url: https://www.lra-mue.de/kfz\n    url_verified: false",
      "info_url: http://www.lra-mue.de/kfz\n    url_verified: false"), 32, "kfz-zulassung",
     "info_url"),
    (("    processing_time: sofort\n", "    processing_time: sofort\n    colour: red\n"), 12,
     "kfz-abmeldung", "colour"),
])
def test_record_errors_are_located(tmp_path, replace, line, record, field):
    path = tmp_path / "kfz.yaml"
    assert replace[0] in DEPARTMENT_YAML
    path.write_text(DEPARTMENT_YAML.replace(*replace), encoding="utf-8")
    with pytest.raises(CatalogueError) as caught:
        load_department_file(path)
    assert (caught.value.line, caught.value.record, caught.value.field) == (line, record, field)
    assert str(path) in str(caught.value)


def test_yaml_syntax_error_has_line(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text("procedures:\n  - id: a\n    title: [unclosed\n", encoding="utf-8")
    with pytest.raises(CatalogueError) as caught:
        load_department_file(path)
    assert "invalid YAML" in str(caught.value) and caught.value.line


def test_non_utf8_and_missing_files(tmp_path):
    path = tmp_path / "latin.yaml"
    path.write_bytes("procedures: [ä]".encode("latin-1"))
    with pytest.raises(CatalogueError, match="not UTF-8"):
        load_department_file(path)
    with pytest.raises(CatalogueError, match="file not found"):
        load_gemeinden(tmp_path / "nope.yaml")


def test_duplicate_ids_across_files(data_dir):
    (data_dir / "procedures" / "zz.yaml").write_text(
        DEPARTMENT_YAML.split("  - id: kfz-zulassung")[0], encoding="utf-8")
    with pytest.raises(CatalogueError) as caught:
        load_procedures(data_dir / "procedures")
    assert (caught.value.record, caught.value.field) == ("kfz-abmeldung", "id")
    assert "first defined in" in str(caught.value)


def test_gemeinde_errors_are_located(data_dir):
    path = data_dir / "gemeinden.yaml"
    path.write_text(path.read_text().replace("https://www.waldkraiburg.de", "www.wk.de"))
    with pytest.raises(CatalogueError) as caught:
        load_gemeinden(path)
    assert (caught.value.line, caught.value.record, caught.value.field) == \
        (8, "waldkraiburg", "website")


def test_parse_gemeinden_raises_or_collects(gemeinden):
    from catalogue.sources import parse_gemeinden

    good = gemeinden[0].model_dump(mode="json")
    records = [good, {**good, "website": "http://x.de"}, good]
    with pytest.raises(CatalogueError) as caught:
        parse_gemeinden(records, source="g.yaml", lines=[2, 9, 16])
    assert (caught.value.line, caught.value.field) == (9, "website")
    errors: list[CatalogueError] = []
    valid = parse_gemeinden(records, source="g.json", record_prefix="gemeinden ",
                            errors=errors)
    assert valid == [gemeinden[0]]
    assert [(e.record, e.field) for e in errors] == [
        (f"gemeinden #2 ({good['id']})", "website"), (f"gemeinden #3 ({good['id']})", "id")]
