"""CSV cells a spreadsheet would run as formulas are defused; numbers stay numbers."""

from __future__ import annotations

import pytest

from review.csv_export import safe_cell, to_csv


@pytest.mark.parametrize("text", ["=1+1", "+49 170", "-2+3", "@SUM(A1)", "\t=cmd",
                                  "\r=cmd", "  =HYPERLINK(\"x\")", "＝1+1"])
def test_formula_triggers_get_an_apostrophe(text: str):
    assert safe_cell(text) == "'" + text


def test_plain_text_and_numbers_are_kept():
    assert safe_cell("Auto abmelden") == "Auto abmelden"
    assert safe_cell(-0.5) == -0.5 and safe_cell(3) == 3 and safe_cell(None) == ""
    out = to_csv(("a", "b"), [("=x", 1), ("ä;\"q\"", 2.5)])
    assert out.startswith("\ufeffa;b\r\n'=x;1\r\n") and '"ä;""q"""' in out
