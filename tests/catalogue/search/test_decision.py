from dataclasses import dataclass, replace

from catalogue.search.calibration import DEFAULT, LEXICAL_ONLY, Calibration, for_words
from catalogue.search.decision import choices, decide, decide_hits, margin

CAL = Calibration(answer_min=0.5, answer_margin=0.1, rephrase_below=0.2, choose_window=0.12)


@dataclass(frozen=True)
class Item:
    name: str
    score: float


def test_decision_thresholds():
    assert decide([0.8, 0.5], CAL) == "answer"
    assert decide([0.8, 0.75, 0.7], CAL) == "choose"
    assert decide([0.4, 0.1], CAL) == "choose"
    assert decide([0.1, 0.05], CAL) == "rephrase"
    assert decide([], CAL) == "rephrase"
    assert decide([0.4], CAL) == "answer"  # a single hit is never a choice


def test_choices_keep_the_close_ones_up_to_three():
    hits = [Item("a", 0.8), Item("b", 0.75), Item("c", 0.7), Item("d", 0.69)]
    assert [h.name for h in choices(hits, CAL)] == ["a", "b", "c"]
    far = [Item("a", 0.8), Item("b", 0.5), Item("c", 0.4)]
    assert [h.name for h in choices(far, CAL)] == ["a", "b"]  # always at least two


def test_decide_hits_trims_only_for_choose():
    close = [Item("a", 0.45), Item("b", 0.44), Item("c", 0.2), Item("d", 0.1)]
    assert decide_hits(close, CAL) == ("choose", close[:2])
    clear = [Item("a", 0.9), Item("b", 0.3), Item("c", 0.2)]
    assert decide_hits(clear, CAL) == ("answer", clear)
    assert decide_hits([], CAL) == ("rephrase", [])


def test_edge_cases():
    assert decide([0.6, 0.6, 0.2], CAL) == "choose"  # equal scores are never an answer
    assert decide([0.6, 0.6], CAL) == "choose"
    assert decide([0.25], CAL) == "answer"  # one hit above the floor: nothing to choose
    assert decide([0.15], CAL) == "rephrase"
    assert decide([0.2, 0.2], CAL) == "choose"  # the floor itself is relevant
    assert margin([]) == 0.0 and margin([0.3]) == 0.3
    assert abs(margin([0.5, 0.45, 0.1]) - 0.05) < 1e-9


def test_default_answers_a_long_question_with_low_but_clear_scores():
    # A wordy question dilutes every score (right top hit ~0.48 for 40+ words instead of
    # ~0.64): a clear lead must be enough, however low the top score, above the floor.
    floor, lead = DEFAULT.rephrase_below, DEFAULT.answer_margin
    top = DEFAULT.answer_min + 0.02
    long_story = [top, top - lead - 0.005, top - lead - 0.01, floor]
    assert decide(long_story, DEFAULT) == "answer"
    assert decide(long_story, replace(DEFAULT, answer_min=top + 0.01)) == "choose"  # old rule
    assert decide([top, top - lead / 2, top - lead], DEFAULT) == "choose"  # no clear lead
    assert decide([floor - 0.04, floor - 0.14], DEFAULT) == "rephrase"  # nothing relevant


def test_calibrations_answer_no_lower_than_the_floor():
    for cal in (DEFAULT, LEXICAL_ONLY):
        assert cal.answer_min >= cal.rephrase_below
        assert 0 < cal.answer_margin < cal.choose_window


def test_short_messages_use_their_own_floor():
    """Short messages are scored without the situation vectors, on the old scale."""
    score = (DEFAULT.short_floor + DEFAULT.rephrase_below) / 2
    assert decide([score, score - 0.2], for_words(DEFAULT, 3)) == "answer"
    assert decide([score, score - 0.2], for_words(DEFAULT, 12)) == "rephrase"
    assert for_words(LEXICAL_ONLY, 2) == LEXICAL_ONLY


def test_choose_shows_the_choices_whatever_the_limit():
    hits = [Item("a", 0.45), Item("b", 0.44), Item("c", 0.43), Item("d", 0.1)]
    assert decide_hits(hits, CAL, limit=1) == ("choose", hits[:3])
    clear = [Item("a", 0.9), Item("b", 0.3), Item("c", 0.2)]
    assert decide_hits(clear, CAL, limit=1) == ("answer", clear[:1])
