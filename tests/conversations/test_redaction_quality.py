"""The redactor's measured quality on the calibration halves of the labelled sets
(`tests/conversations/fixtures/pii_cases.yaml`, `pii_cases_fresh.yaml`,
`pii_cases_third.yaml`, each written blind by someone who saw neither the rules nor
the other sets): recall ≥ 0.98 for pattern types, ≥ 0.85 for names, false positives
≤ 1 %. The third set (number formats, all calibration) still misses Austrian plates and
a few exotic spellings: its pattern floor is what it reaches now (0.85, a regression
guard; figures in docs/privacy.md). Held-out halves are only reported
(`python -m eval.redaction_eval`), never tuned on."""

from __future__ import annotations

from pathlib import Path

import pytest

from eval.redaction_eval import DEFAULT_CASES, NAME_TYPES, evaluate, load

FIXTURES = Path(__file__).parent / "fixtures"
FRESH_CASES = FIXTURES / "pii_cases_fresh.yaml"
THIRD_CASES = FIXTURES / "pii_cases_third.yaml"

PATTERN_RECALL, NAME_RECALL, MAX_FALSE_POSITIVES = 0.98, 0.85, 0.01
PATTERN_FLOOR = {THIRD_CASES: 0.85}


@pytest.fixture(scope="module", params=[DEFAULT_CASES, FRESH_CASES, THIRD_CASES],
                ids=lambda p: p.stem)
def calibration(request: pytest.FixtureRequest):
    splits = evaluate(load(request.param))
    assert "calibration" in splits, sorted(splits)
    return request.param, splits["calibration"]


def test_recall_per_type(calibration):
    path, calibration = calibration
    pattern_recall = PATTERN_FLOOR.get(path, PATTERN_RECALL)
    low = {kind: round(calibration.recall(kind), 3) for kind in calibration.total
           if calibration.recall(kind) < (NAME_RECALL if kind in NAME_TYPES
                                          else pattern_recall)}
    assert not low, {kind: (low[kind], calibration.missed[kind][:5]) for kind in low}


def test_false_positives_on_questions_without_personal_data(calibration):
    _, calibration = calibration
    assert calibration.clean_cases > 0
    assert calibration.fp_rate <= MAX_FALSE_POSITIVES, calibration.false_positives[:10]
