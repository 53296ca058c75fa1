"""Life events: ordered procedures; a deadline only with its law and the law's source."""

from __future__ import annotations

from pathlib import Path

import pytest

from catalogue.errors import CatalogueError
from catalogue.lebenslagen import load_lebenslagen
from catalogue.sources import DATA_DIR, load_procedures

GOOD = """\
lebenslagen:
  - id: umzug
    title: Umzug
    title_en: Moving
    source: test
    checked: 2026-11-30
    steps:
      - procedure: a
        deadline: {text: innerhalb von zwei Wochen, law: § 17 Abs. 1 BMG, checked: 2026-11-30,
                   source: "https://www.gesetze-im-internet.de/bmg/__17.html"}
      - procedure: b
"""


def test_life_event_with_cited_deadline(tmp_path: Path) -> None:
    path = tmp_path / "lebenslagen.yaml"
    path.write_text(GOOD)
    [event] = load_lebenslagen(path, known_ids={"a", "b"})
    assert [s.procedure for s in event.steps] == ["a", "b"]
    assert event.steps[0].deadline and event.steps[0].deadline.law == "§ 17 Abs. 1 BMG"


DEADLINE_SOURCE = ('checked: 2026-11-30,\n                   '
                   'source: "https://www.gesetze-im-internet.de/bmg/__17.html"}')


@pytest.mark.parametrize(("old", "new", "field"), [
    ("procedure: b", "procedure: c", "steps.1.procedure"),  # unknown procedure
    (DEADLINE_SOURCE, "checked: 2026-11-30}", "steps.0.deadline.source"),  # law not citable
    ("procedure: b", "procedure: a", None),  # the same step twice
])
def test_bad_life_events_are_named(tmp_path: Path, old: str, new: str,
                                   field: str | None) -> None:
    path = tmp_path / "lebenslagen.yaml"
    assert old in GOOD
    path.write_text(GOOD.replace(old, new, 1))
    with pytest.raises(CatalogueError) as caught:
        load_lebenslagen(path, known_ids={"a", "b"})
    assert caught.value.record == "umzug" and caught.value.source == str(path)
    if field:
        assert caught.value.field == field


def test_real_life_events_load() -> None:
    ids = {p.id for p in load_procedures(DATA_DIR / "procedures")}
    events = load_lebenslagen(DATA_DIR / "lebenslagen.yaml", known_ids=ids)
    assert len(events) >= 3
    deadlines = [s.deadline for e in events for s in e.steps if s.deadline]
    assert deadlines and all(d.source.startswith("https://") for d in deadlines)
