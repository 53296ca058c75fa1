"""What kind of question a message is (actions/question_kinds.py)."""

import pytest

from actions.question_kinds import asks_about_it, asks_offline


@pytest.mark.parametrize("text", [
    "geht das auch für meine Frau?",
    # the same for another person of the family (eighth probe, during Einbürgerung)
    "Und für meine Frau und unsere zwei Kinder?",
    "and for my wife and children?",
    "what about my daughter?",
    # fifteenth probe: a plural pronoun, and "das" with one word before the verb
    "darf ich die selber abbauen oder brauch ich ne firma?",
    "Kann ich das anonym melden? Ich will keinen Streit mit dem.",
])
def test_questions_about_the_answer_in_context(text):
    assert asks_about_it(text)


@pytest.mark.parametrize("text", [
    "und für meinen Hund?",  # another thing: searched anew
    "Und mein Auto?",
    "ist das Landratsamt am Samstag offen?",
    "darf ich die Hecke im April schneiden?",
    "Kann ich das Auto online abmelden?",
])
def test_questions_about_something_else(text):
    assert not asks_about_it(text)


@pytest.mark.parametrize(("text", "offline"), [
    ("Geht das auch auf Papier?", True),
    ("Ich hab keinen Computer und keine BayernID", True),
    ("I do not have a computer, can I apply on paper?", True),
    ("kann ich das online machen?", False),
    ("Ich habe kein Auto, wie komme ich zum Landratsamt?", False),
])
def test_asking_for_a_way_without_the_internet(text, offline):
    """Fifteenth probe: "Geht das auch auf Papier?" got "Ja, … online erledigen"."""
    assert asks_offline(text) is offline



@pytest.mark.parametrize(("text", "received"), [
    ("gibts zuschuss für die gebühren? wir verdienen nicht viel", True),
    ("wie viel wohngeld bekomme ich", True), ("how much money do I get?", True),
    ("wer übernimmt die Kosten?", True),
    ("Was kostet das?", False), ("Wie viel kostet der Reisepass?", False),
    ("Muss ich etwas zahlen?", False),
])
def test_money_received_is_no_fee_question(text, received):
    from actions.question_kinds import asks_money_received

    assert asks_money_received(text) is received
