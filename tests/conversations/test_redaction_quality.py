"""The redactor's measured quality on the calibration halves of the labelled sets
(`tests/conversations/fixtures/pii_cases.yaml`, `pii_cases_fresh.yaml`,
`pii_cases_third.yaml`, `pii_cases_fourth.yaml`, each written blind by someone who saw
neither the rules nor the other sets): recall ≥ 0.98 for pattern types, ≥ 0.85 for
names, false positives ≤ 1 %. Where a calibration half still misses a shape (third and
fourth sets: a rural address without a street suffix), its floor is what it reaches now
(a regression guard; figures in docs/privacy.md). Held-out halves are only reported
(`python -m eval.redaction_eval`), never tuned on before they were measured."""

from __future__ import annotations

from pathlib import Path

import pytest

from eval.redaction_eval import DEFAULT_CASES, NAME_TYPES, evaluate, load

FIXTURES = Path(__file__).parent / "fixtures"
FRESH_CASES = FIXTURES / "pii_cases_fresh.yaml"
THIRD_CASES = FIXTURES / "pii_cases_third.yaml"
FOURTH_CASES = FIXTURES / "pii_cases_fourth.yaml"

PATTERN_RECALL, NAME_RECALL, MAX_FALSE_POSITIVES = 0.98, 0.85, 0.01
# The fourth set's calibration half misses one rural address without a street suffix
# ("Hofmark 2 in Unterreit"); its floor is what it reaches now.
PATTERN_FLOOR = {THIRD_CASES: 0.85, FOURTH_CASES: 0.95}


@pytest.fixture(scope="module", params=[DEFAULT_CASES, FRESH_CASES, THIRD_CASES, FOURTH_CASES],
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


@pytest.mark.parametrize("name", ["pii_cases_fifth.yaml", "pii_cases_sixth.yaml",
                                  "pii_cases_seventh.yaml", "pii_cases_ninth.yaml",
                                  "pii_cases_tenth.yaml"])
def test_the_all_held_out_sets_as_regression_guards(name):
    """The fifth to seventh, the ninth and the tenth blind sets were all held-out and each
    measured once before anything was changed for it (eval/redaction_fifth.txt …
    tenth.txt); since
    their misses were fixed they guard them."""
    [result] = evaluate(load(FIXTURES / name)).values()
    low = {kind: round(result.recall(kind), 3) for kind in result.total
           if result.recall(kind) < (NAME_RECALL if kind in NAME_TYPES else PATTERN_RECALL)}
    assert not low, low
    assert result.fp_rate <= MAX_FALSE_POSITIVES, result.false_positives[:10]


def test_the_eighth_blind_set_as_a_regression_guard():
    """Measured once before its fixes (eval/redaction_eighth.txt); one file number after
    "the file number you gave me on the phone was" is still missed (0.976), so its floor
    for pattern types is 0.97."""
    [result] = evaluate(load(FIXTURES / "pii_cases_eighth.yaml")).values()
    low = {kind: round(result.recall(kind), 3) for kind in result.total
           if result.recall(kind) < (NAME_RECALL if kind in NAME_TYPES else 0.97)}
    assert not low, low
    assert result.fp_rate <= MAX_FALSE_POSITIVES, result.false_positives[:10]


def test_the_eleventh_blind_set_as_a_regression_guard():
    """Written to try formats a filter might not expect, measured once before its fixes
    (eval/redaction_eleventh.txt: patterns 0.843, names 0.871). Two pattern values stay
    missed on purpose: a tax id in a format that does not exist (the writer's own mistake,
    "67/131/154/285") and a hamlet with a house number but no street word or postcode
    ("vor Mößling 27"); nothing else may be missed again."""
    [result] = evaluate(load(FIXTURES / "pii_cases_eleventh.yaml")).values()
    missed = {kind: texts for kind, texts in result.missed.items()
              if texts and kind not in NAME_TYPES}
    assert set(missed) <= {"tax_id", "address"}, missed
    assert all(len(texts) == 1 for texts in missed.values()), missed
    assert result.recall("name") >= NAME_RECALL
    assert result.fp_rate <= MAX_FALSE_POSITIVES, result.false_positives[:10]


def test_the_twelfth_blind_set_as_a_regression_guard():
    """Ordinary messages, measured once before its fixes (eval/redaction_twelfth.txt:
    patterns 0.990 with file numbers 0.923, names 0.877). Every pattern value is found;
    one name stays missed ("der Wolfi da", a nickname with "da" for "here")."""
    [result] = evaluate(load(FIXTURES / "pii_cases_twelfth.yaml")).values()
    missed = {kind: texts for kind, texts in result.missed.items()
              if texts and kind not in NAME_TYPES}
    assert not missed, missed
    assert result.recall("name") >= 0.99
    assert result.fp_rate <= MAX_FALSE_POSITIVES, result.false_positives[:10]


def test_the_thirteenth_blind_set_as_a_regression_guard():
    """Messenger-style messages (voice input, pasted letters, other scripts), measured
    once before its fixes (eval/redaction_thirteenth.txt: patterns 0.938, names 0.927).
    Left: an e-mail read out in words ("… neunzehn achtzig at t minus online punkt de")
    and two names ("Tommy" after "Forwarded from", a spelling doubt in brackets); the
    Polish address and plate are found since the fourteenth set's foreign shapes."""
    [result] = evaluate(load(FIXTURES / "pii_cases_thirteenth.yaml")).values()
    for kind in ("address", "date_of_birth", "file_number", "health_insurance", "iban",
                 "phone", "plate", "social_insurance", "tax_id"):
        assert result.recall(kind) == 1.0, (kind, result.missed.get(kind))
    assert result.recall("email") >= 0.95, result.missed.get("email")
    assert result.recall("name") >= 0.98
    assert result.fp_rate <= MAX_FALSE_POSITIVES, result.false_positives[:10]


def test_the_fourteenth_blind_set_as_a_regression_guard():
    """Web-chat messages from citizens of many backgrounds (introductions in French,
    Romanian, Vietnamese; foreign plates, passport numbers, scanned letters, tables),
    measured once before its fixes (eval/redaction_fourteenth.txt: patterns 0.922, names
    0.934, one false positive and seven words to keep destroyed). The office's own
    mailbox stays, a staff member's address is redacted. Left, by choice: its writer
    kept the switchboard number 08631 699-0 (one false positive), the office's street
    address in a letterhead and a firm's "accounts@" mailbox, while the earlier sets label
    such numbers, that street and role mailboxes as personal data, which we follow."""
    [result] = evaluate(load(FIXTURES / "pii_cases_fourteenth.yaml")).values()
    missed = {kind: texts for kind, texts in result.missed.items() if texts}
    assert not missed, missed
    assert len(result.false_positives) <= 1, result.false_positives
    assert sorted(word for word, _ in result.keep_broken) == [
        "08631 699-0", "08631 699-0", "Töginger Str. 18", "accounts@inn-logistics-gmbh.de"]


def test_the_fifteenth_blind_set_as_a_regression_guard():
    """A random week of messages, measured once before its fixes
    (eval/redaction_fifteenth.txt: patterns 0.959, names 0.911, two false positives).
    Left: a bare surname as the last word ("… nicht wahrnehmen. Leitner"); and, by choice
    as in the fourteenth set, the office's street address is redacted where its writer
    kept it (two false positives, two words to keep)."""
    [result] = evaluate(load(FIXTURES / "pii_cases_fifteenth.yaml")).values()
    missed = {kind: texts for kind, texts in result.missed.items()
              if texts and kind not in NAME_TYPES}
    assert not missed, missed
    assert result.recall("name") >= 0.99
    assert len(result.false_positives) <= 2, result.false_positives
    assert all("Töginger Straße 18" in word for word, _ in result.keep_broken), \
        result.keep_broken


def test_the_sixteenth_blind_set_as_a_regression_guard():
    """Messenger messages: dictation, photos of documents typed out (O for 0, l for 1,
    "rn" for "m"), German as a second language, measured once before its fixes
    (eval/redaction_sixteenth.txt: patterns 0.901, names 0.829, no false positive).
    Left: Bavarian number words ("zwoa", "fünfasiebzg"), a plate spelled letter by letter
    ("M Ü Bindestrich T R"), a birth date as "14 2 1990", names in Arabic and Cyrillic
    script and bare first names after a dash."""
    [result] = evaluate(load(FIXTURES / "pii_cases_sixteenth.yaml")).values()
    floors = {"address": 1.0, "email": 1.0, "iban": 1.0, "tax_id": 1.0,
              "health_insurance": 1.0, "date_of_birth": 0.9, "file_number": 0.94,
              "phone": 0.94, "plate": 0.92, "social_insurance": 0.875, "name": 0.9}
    low = {kind: result.recall(kind) for kind, floor in floors.items()
           if result.recall(kind) < floor}
    assert not low, low
    assert not result.false_positives, result.false_positives
    assert not result.keep_broken, result.keep_broken
