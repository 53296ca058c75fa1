"""The redactor's measured quality on the calibration halves of the labelled sets
(`tests/conversations/fixtures/pii_cases.yaml` and `pii_cases_fresh.yaml`, each written
blind by someone who saw neither the rules nor the other set):
recall ≥ 0.98 for pattern types, ≥ 0.85 for names, false positives ≤ 1 %.
The held-out half is only reported (`python -m eval.redaction_eval`), never tuned on."""

from __future__ import annotations

from pathlib import Path

import pytest

from eval.redaction_eval import DEFAULT_CASES, NAME_TYPES, evaluate, load

FRESH_CASES = Path(__file__).parent / "fixtures" / "pii_cases_fresh.yaml"

PATTERN_RECALL, NAME_RECALL, MAX_FALSE_POSITIVES = 0.98, 0.85, 0.01


@pytest.fixture(scope="module", params=[DEFAULT_CASES, FRESH_CASES], ids=lambda p: p.stem)
def calibration(request: pytest.FixtureRequest):
    splits = evaluate(load(request.param))
    assert "calibration" in splits, sorted(splits)
    return splits["calibration"]


def test_recall_per_type(calibration):
    low = {kind: round(calibration.recall(kind), 3) for kind in calibration.total
           if calibration.recall(kind) < (NAME_RECALL if kind in NAME_TYPES
                                          else PATTERN_RECALL)}
    assert not low, {kind: (low[kind], calibration.missed[kind][:5]) for kind in low}


def test_false_positives_on_questions_without_personal_data(calibration):
    assert calibration.clean_cases > 0
    assert calibration.fp_rate <= MAX_FALSE_POSITIVES, calibration.false_positives[:10]
