"""Situation sentences: one short sentence each, a bounded list, a clear editor error."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from catalogue.models import SITUATION_CHARS, SITUATIONS_MAX, Procedure
from catalogue.sources import load_department_file
from tests.catalogue.conftest import DEPARTMENT_YAML

BASE = {"id": "x", "title": "Titel", "short_answer": "Eine kurze Antwort hier.",
        "category": "Kategorie", "department": "Abteilung", "responsible_level": "landratsamt",
        "responsible": "LRA", "info_url": "https://www.lra-mue.de/x"}


def test_situations_are_cleaned_and_bounded() -> None:
    p = Procedure(**BASE, situations=["  Unser Hund hat gebissen.  ", "", "  "])
    assert p.situations == ["Unser Hund hat gebissen."]
    with pytest.raises(ValidationError, match="at most 12 situations"):
        Procedure(**BASE, situations=["Satz."] * (SITUATIONS_MAX + 1))
    with pytest.raises(ValidationError, match="one sentence of at most"):
        Procedure(**BASE, situations=["x" * (SITUATION_CHARS + 1)])


def test_situations_load_from_yaml(tmp_path) -> None:
    path = tmp_path / "kfz.yaml"
    path.write_text(DEPARTMENT_YAML, encoding="utf-8")
    procedures = {p.id: p for p in load_department_file(path)}
    assert procedures["kfz-abmeldung"].situations == [
        "Mein Auto ist nach dem Unfall ein Totalschaden und soll verschrottet werden."]
    assert procedures["kfz-zulassung"].situations == []


def test_facts_are_bounded() -> None:
    from catalogue.models import FACTS_MAX

    assert Procedure(**BASE, facts=["Ein Satz."]).facts == ["Ein Satz."]
    with pytest.raises(ValidationError, match="at most 8 facts"):
        Procedure(**BASE, facts=["Satz."] * (FACTS_MAX + 1))
    with pytest.raises(ValidationError, match="a fact is one sentence"):
        Procedure(**BASE, facts_en=["x" * 301])
