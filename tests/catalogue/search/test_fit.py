from pathlib import Path

from catalogue.search.calibration import DEFAULT
from catalogue.search.decision import decide
from catalogue.search.fit import Sample, Targets, fit_thresholds, load_queries, outcome, rates


def test_outcomes():
    right = Sample((0.6, 0.3), 1)
    assert outcome("answer", right) == "answer_right"
    assert outcome("answer", Sample((0.6, 0.3), 2)) == "answer_wrong"
    assert outcome("choose", Sample((0.6, 0.3), 3)) == "choose_hit"
    assert outcome("choose", Sample((0.6, 0.3), None)) == "choose_miss"
    assert outcome("rephrase", right) == "rephrase_in_scope"
    assert outcome("rephrase", Sample((0.2,), None, in_scope=False)) == "oos_rephrase"
    assert outcome("choose", Sample((0.4, 0.39), None, in_scope=False)) == "oos_not_rephrase"


def test_fit_finds_the_margin_that_separates_right_from_wrong():
    # right top hits lead by >= 0.05 (some with low scores, like long questions), wrong
    # ones by <= 0.02; out-of-scope queries stay below 0.3.
    samples = ([Sample((0.40 + i / 100, 0.34), 1) for i in range(30)]
               + [Sample((0.45, 0.44), 2), Sample((0.50, 0.48), 3)]
               + [Sample((0.25 + i / 100, 0.24), None, in_scope=False) for i in range(4)])
    cal = fit_thresholds(samples, DEFAULT)
    assert 0.02 < cal.answer_margin <= 0.06
    assert 0.28 < cal.rephrase_below <= 0.34 and cal.answer_min == cal.rephrase_below
    r = rates(samples, cal)
    assert r.counts["answer_right"] == 30 and r.counts.get("answer_wrong", 0) == 0
    assert r.counts["choose_hit"] == 2 and r.counts["oos_rephrase"] == 4
    assert all(decide(s.scores, cal) == "rephrase" for s in samples if not s.in_scope)


def test_fit_puts_the_wrong_answer_limit_first():
    # Every answer costs a wrong one 1 in 5 times; only choose keeps wrong <= 3 %.
    samples = [Sample((0.6, 0.5), 1 if i % 5 else 2) for i in range(50)]
    cal = fit_thresholds(samples, DEFAULT, Targets(max_choose=0.1))
    assert rates(samples, cal).counts.get("answer_wrong", 0) == 0


def test_load_queries_keeps_only_the_split(tmp_path: Path):
    path = tmp_path / "dev.yaml"
    path.write_text("queries:\n"
                    "- {q: eins, expect: [a], category: x, split: calibration}\n"
                    "- {q: zwei, expect: [b], category: x, split: heldout}\n"
                    "- {q: drei, expect: [], category: out_of_scope}\n", encoding="utf-8")
    assert [q.text for q in load_queries(path, "calibration")] == ["eins", "drei"]
    assert [q.expect for q in load_queries(path, "heldout")] == [("b",), ()]
