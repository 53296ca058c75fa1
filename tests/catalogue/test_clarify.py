"""Clarification families: loading, validation and matching candidates to a family."""

from __future__ import annotations

from pathlib import Path

import pytest

from catalogue.build import build
from catalogue.clarify import (
    LABEL_MAX,
    QUESTION_MAX,
    Family,
    clarification_for,
    default_families,
    load_families,
)
from catalogue.errors import CatalogueError
from catalogue.sources import load_procedures
from catalogue.validate import validate_sources

GOOD = """\
clarifications:
  - id: fahrzeug
    question: Möchten Sie Ihr Fahrzeug abmelden oder zulassen?
    question_en: Do you want to deregister or register your vehicle?
    options:
      - {procedure: kfz-abmeldung, label: Abmelden, label_en: Deregister}
      - {procedure: kfz-zulassung, label: Zulassen, label_en: Register}
"""
KNOWN = {"kfz-abmeldung", "kfz-zulassung", "personalausweis"}


def family(fid: str, *ids: str) -> Family:
    return Family.model_validate({
        "id": fid, "question": f"{fid}?", "question_en": f"{fid}?",
        "options": [{"procedure": i, "label": i.upper(), "label_en": i} for i in ids]})


FAMILIES = [family("zulassen", "neu", "gebraucht", "wieder"),
            family("an-ab", "neu", "gebraucht", "wieder", "ab"),
            family("ausweis", "perso", "pass")]


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "clarifications.yaml"
    path.write_text(text, encoding="utf-8")
    return path


# -- matching -----------------------------------------------------------------------------

def test_candidates_of_one_family_get_its_question_with_the_matches_first():
    c = clarification_for(["wieder", "neu"], FAMILIES)
    assert c is not None and c.family == "zulassen" and c.question == "zulassen?"
    assert [o.procedure_id for o in c.options] == ["wieder", "neu", "gebraucht"]
    assert c.matched == ("wieder", "neu") and c.others == ()


def test_the_family_covering_most_candidates_wins_then_the_first():
    c = clarification_for(["wieder", "ab", "neu"], FAMILIES)
    assert c is not None and c.family == "an-ab"
    assert [o.procedure_id for o in c.options] == ["wieder", "ab", "neu", "gebraucht"]
    first = clarification_for(["neu", "gebraucht"], FAMILIES)
    assert first is not None and first.family == "zulassen"  # both fit: file order


def test_a_stray_third_candidate_is_left_to_the_dialogue():
    c = clarification_for(["perso", "pass", "neu"], FAMILIES)
    assert c is not None and c.family == "ausweis" and c.others == ("neu",)
    # … but the two closest must share the family
    assert clarification_for(["perso", "neu", "pass"], FAMILIES) is None


def test_no_question_without_a_shared_family():
    assert clarification_for(["perso", "neu"], FAMILIES) is None
    assert clarification_for(["neu"], FAMILIES) is None  # one candidate: just answer
    assert clarification_for(["neu", "neu"], FAMILIES) is None  # duplicates count once
    assert clarification_for([], FAMILIES) is None
    assert clarification_for(["unknown", "other"], FAMILIES) is None
    assert clarification_for(["neu", "gebraucht"], []) is None


def test_language():
    c = clarification_for(["perso", "pass"], FAMILIES)
    assert c is not None and c.text("en") == "ausweis?" and c.options[0].text("en") == "perso"
    assert c.options[0].text() == "PERSO"


# -- the packaged families ----------------------------------------------------------------

def test_packaged_families_are_valid_and_name_known_procedures():
    families = default_families()
    known = {p.id for p in load_procedures()}
    assert len(families) >= 10
    for fam in families:
        assert set(fam.procedure_ids) <= known
        assert fam.question.endswith("?") and len(fam.question) <= QUESTION_MAX
        assert all(len(o.label) <= LABEL_MAX for o in fam.options)


@pytest.mark.parametrize(("candidates", "question", "first"), [
    (["kfz-zulassung-gebrauchtwagen", "kfz-neuzulassung"],
     "Geht es um ein neues, ein gebrauchtes oder ein abgemeldetes Fahrzeug?",
     "Gebrauchtes Fahrzeug (Halterwechsel)"),
    (["kfz-wiederzulassung", "kfz-abmeldung", "kfz-neuzulassung"],
     "Möchten Sie ein Fahrzeug anmelden oder abmelden?", "Abgemeldetes Fahrzeug wieder anmelden"),
    (["fuehrerschein-ersatz", "fuehrerschein-neuerteilung-nach-entzug"],
     "Ist Ihr Führerschein verloren, abgelaufen oder entzogen worden?", "Verloren oder gestohlen"),
    (["reisepass", "personalausweis", "ausweis-fuer-kinder"],
     "Welches Dokument brauchen Sie?", "Reisepass"),
])
def test_packaged_families_for_known_ambiguities(candidates, question, first):
    c = clarification_for(candidates)
    assert c is not None and c.question == question
    assert c.options[0].label == first
    assert {o.procedure_id for o in c.options} >= set(candidates)


def test_unrelated_real_candidates_get_no_question():
    assert clarification_for(["kfz-abmeldung", "sperrmuell"]) is None


# -- loading and validation -----------------------------------------------------------------

def test_load_good_file(tmp_path):
    families = load_families(write(tmp_path, GOOD), KNOWN)
    assert [f.id for f in families] == ["fahrzeug"]
    assert families[0].procedure_ids == ("kfz-abmeldung", "kfz-zulassung")


def test_missing_file_means_no_families(tmp_path):
    assert load_families(tmp_path / "nope.yaml", KNOWN) == []


def test_unknown_procedure_id_names_file_line_family_and_option(tmp_path):
    path = write(tmp_path, GOOD.replace("procedure: kfz-zulassung", "procedure: kfz-zulasung"))
    with pytest.raises(CatalogueError) as info:
        load_families(path, KNOWN)
    err = info.value
    assert err.source == str(path) and err.line == 7 and err.record == "fahrzeug"
    assert err.field == "options.1.procedure" and "kfz-zulasung" in err.message
    assert "clarifications.yaml:7, record 'fahrzeug', field 'options.1.procedure'" in str(err)
    assert load_families(path) != []  # ids are only checked against a known set


@pytest.mark.parametrize(("change", "field", "message"), [
    (("label: Abmelden,", f"label: {'x' * (LABEL_MAX + 1)},"), "options.0.label", "at most"),
    (("abmelden oder zulassen?", "abmelden oder zulassen."), "question", "ending with '?'"),
    (("id: fahrzeug", "id: Fahrzeug Zulassung"), "id", "slug"),
    (("label_en: Register}", "label_en: Register, extra: 1}"), "options.1.extra", "Extra"),
    (("label: Zulassen,", "label: Abmelden,"), None, "label repeated"),
    (("procedure: kfz-zulassung", "procedure: kfz-abmeldung"), None, "procedure repeated"),
])
def test_bad_records_are_reported_with_their_field(tmp_path, change, field, message):
    path = write(tmp_path, GOOD.replace(*change))
    with pytest.raises(CatalogueError) as info:
        load_families(path, KNOWN)
    assert info.value.record in ("fahrzeug", "Fahrzeug Zulassung")
    if field:
        assert info.value.field == field
        # an option's problem is reported at the option's line, others at the family's
        assert info.value.line == {"options.0": 6, "options.1": 7}.get(field[:9], 2)
    assert message in info.value.message


def test_single_option_is_not_a_question(tmp_path):
    text = GOOD.split("      - {procedure: kfz-zulassung")[0]
    with pytest.raises(CatalogueError, match="at least 2"):
        load_families(write(tmp_path, text), KNOWN)


def test_duplicate_family_id_and_file_shape(tmp_path):
    twice = GOOD + GOOD.split("clarifications:\n")[1]
    with pytest.raises(CatalogueError, match="duplicate id"):
        load_families(write(tmp_path, twice), KNOWN)
    with pytest.raises(CatalogueError, match="'clarifications' list"):
        load_families(write(tmp_path, "families: []\n"), KNOWN)
    with pytest.raises(CatalogueError, match="unknown top-level key"):
        load_families(write(tmp_path, GOOD + "extra: 1\n"), KNOWN)


def test_validate_collects_every_clarification_problem(data_dir):
    bad = GOOD.replace("procedure: kfz-zulassung", "procedure: nicht-da") + \
        GOOD.split("clarifications:\n")[1].replace("id: fahrzeug", "id: zwei").replace(
            "zulassen?", "zulassen")
    (data_dir / "clarifications.yaml").write_text(bad, encoding="utf-8")
    report = validate_sources(data_dir, expected_gemeinden=2)
    found = {(e.record, e.field) for e in report.errors}
    assert found == {("fahrzeug", "options.1.procedure"), ("zwei", "question")}
    (data_dir / "clarifications.yaml").write_text(GOOD, encoding="utf-8")
    report = validate_sources(data_dir, expected_gemeinden=2)
    assert report.ok and [f.id for f in report.clarifications] == ["fahrzeug"]


def test_build_stops_on_an_unknown_id(data_dir, tmp_path):
    (data_dir / "clarifications.yaml").write_text(
        GOOD.replace("procedure: kfz-zulassung", "procedure: nicht-da"), encoding="utf-8")
    db_path = tmp_path / "catalogue.db"
    with pytest.raises(CatalogueError, match="unknown procedure id 'nicht-da'"):
        build(db_path, data_dir, embeddings=False)
    assert not db_path.exists()
