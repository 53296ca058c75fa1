"""eval.devsets: both dev sets load, splits are valid, fitting never sees held-out items."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from catalogue.sources import PROCEDURE_DIR, load_procedures
from eval.devsets import (
    DEVSETS,
    Case,
    DevsetError,
    calibration_cases,
    check_ids,
    load_devset,
    load_devsets,
    resolve,
    select,
)
from eval.evaluate import calibration_part


def test_both_sets_load_with_their_splits():
    search, hard = load_devset(DEVSETS["search"]), load_devset(DEVSETS["hard"])
    assert len(search) >= 269 and len(hard) == 210
    assert {c.split for c in search} == {"calibration"}  # the older set was fitted on
    assert {c.devset for c in search} == {"search"} and {c.devset for c in hard} == {"hard"}
    splits = Counter(c.split for c in hard)
    assert splits == {"calibration": 105, "heldout": 105}
    # Every category of the hard set has items on both sides.
    per_category = Counter((c.category, c.split) for c in hard)
    for category in {c.category for c in hard}:
        assert per_category[category, "calibration"] and per_category[category, "heldout"]


def test_every_expected_id_is_in_the_catalogue():
    known = {p.id for p in load_procedures(PROCEDURE_DIR)}
    assert check_ids(load_devsets(["both"]), known) == []


def test_out_of_scope_items_expect_nothing():
    for case in load_devsets(["both"]):
        assert case.in_scope == (case.category != "out_of_scope"), case


def test_names_paths_and_both_resolve_without_duplicates():
    assert [n for n, _ in resolve(["both"])] == ["search", "hard"]
    assert [n for n, _ in resolve(["hard", str(DEVSETS["hard"]), "both"])] == ["hard", "search"]


def test_select_and_calibration_cases():
    cases = load_devsets(["both"])
    heldout = select(cases, "heldout")
    assert heldout and all(c.devset == "hard" for c in heldout)
    assert len(select(cases, "all")) == len(cases)
    assert all(c.split == "calibration" for c in calibration_cases(cases))
    assert len(calibration_cases(cases)) + len(heldout) == len(cases)


def test_calibration_never_receives_heldout_items():
    cases = [Case("a", ("x",), "c", "calibration"), Case("b", ("y",), "c", "heldout"),
             Case("c", ("z",), "c", "calibration")]
    fit_cases, fit_raw = calibration_part(cases, [None, None, None])
    assert [c.query for c in fit_cases] == ["a", "c"] and len(fit_raw) == 2


def test_a_file_without_split_counts_as_calibration(tmp_path: Path):
    path = tmp_path / "mini.yaml"
    path.write_text('queries:\n- {q: "auto abmelden", expect: [kfz-abmeldung], category: x}\n'
                    '- {q: "Wetter", expect: [], category: out_of_scope, split: heldout}\n',
                    encoding="utf-8")
    cases = load_devset(path)
    assert [(c.split, c.devset) for c in cases] == [("calibration", "mini"), ("heldout", "mini")]


@pytest.mark.parametrize("text", [
    'queries:\n- {q: "x", expect: [], category: c, split: test}\n',
    'queries:\n- {q: "x", expect: []}\n',
    'items: []\n',
])
def test_bad_files_are_rejected(tmp_path: Path, text: str):
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DevsetError):
        load_devset(path)
