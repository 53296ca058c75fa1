from dataclasses import dataclass

from catalogue.search.calibration import Calibration
from catalogue.search.decision import choices, decide, decide_hits

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
