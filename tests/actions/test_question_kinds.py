"""What kind of question a message is (actions/question_kinds.py)."""

import pytest

from actions.question_kinds import asks_about_it


@pytest.mark.parametrize("text", [
    "geht das auch für meine Frau?",
    # the same for another person of the family (eighth probe, during Einbürgerung)
    "Und für meine Frau und unsere zwei Kinder?",
    "and for my wife and children?",
    "what about my daughter?",
])
def test_questions_about_the_answer_in_context(text):
    assert asks_about_it(text)


@pytest.mark.parametrize("text", [
    "und für meinen Hund?",  # another thing: searched anew
    "Und mein Auto?",
    "ist das Landratsamt am Samstag offen?",
])
def test_questions_about_something_else(text):
    assert not asks_about_it(text)
