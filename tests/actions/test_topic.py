"""actions.topic: which words of a follow-up question name a topic."""

from __future__ import annotations

import pytest

from actions.topic import asked_segments, topic_words


def test_topic_words_ignore_the_question_itself():
    assert topic_words("Was kostet das?") == []
    assert topic_words("Welche Unterlagen brauche ich?") == []
    assert topic_words("Wann habt ihr am Samstag offen?") == []
    assert topic_words("How much does it cost?") == []
    assert topic_words("Was kostet ein Reisepass?") == ["reisepass"]
    assert topic_words("Welche Unterlagen für die Einbürgerung?") == ["einbuergerung"]
    # fifteenth probe: asking for the address names no road
    assert topic_words("Adresse? Straße?") == []
    assert topic_words("Straße gesperrt") == ["strasse", "gesperrt"]


def test_the_clause_that_opens_a_question_is_the_one_asked():
    """A statement is background; a later clause of a question is an add-on."""
    assert asked_segments("Mein Arbeitslosengeld läuft aus. Kann ich dann Bürgergeld "
                          "beantragen?") == [("Mein Arbeitslosengeld läuft aus", False),
                                             ("Kann ich dann Bürgergeld beantragen", True)]
    assert [q for _, q in asked_segments("Was müssen wir beantragen, und gibt es dafür "
                                         "Förderung?")] == [True, False]


def test_a_new_topic_must_be_named_in_its_own_words(catalogue):
    """A stray word ("ungefähr") must not switch the topic whatever the search made of it;
    a follow-up about something the answer in context speaks of stays with it."""
    from actions.common import load_procedure
    from actions.topic import names_procedure, topic_words

    passport = load_procedure("personalausweis")
    assert passport is not None
    assert names_procedure(topic_words("Was kostet ein Personalausweis?"), passport)
    assert not names_procedure(topic_words("was kostet das ungefähr?"), passport)
    assert not names_procedure(topic_words("kann ich das anonym melden?"), passport)


@pytest.mark.parametrize(("text", "expected"), [
    ("und was kostet die Zulassung?", "kfz-zulassung"),   # an aspect of the named thing
    ("brauche ich dafür die Zulassung?", "kfz-abmeldung"),  # something the answer speaks of
])
def test_what_does_x_cost_asks_about_x_even_if_the_answer_speaks_of_it(
        fake_search, make_tracker, text, expected):
    """"was kostet ein Reisepass?" after the ID card (whose answer mentions the passport)
    is about the passport; "brauche ich eine ärztliche Untersuchung?" after the lorry
    licence stays with it."""
    from actions.sdk import read_turn
    from actions.topic import resolve_topic

    fake_search.set("answer", "kfz-zulassung")
    tracker = make_tracker("after_answer.json", text=text, intent="ask_fees")

    assert resolve_topic(read_turn(tracker)).procedure.id == expected


@pytest.mark.parametrize(("whole_score", "expected"), [(0.9, "elterngeld"),
                                                       (0.5, "kfz-zulassung")])
def test_without_context_the_surer_of_topic_and_whole_question(
        scripted, make_tracker, whole_score, expected):
    """Tenth blind set: "wann kommt die tonne" is the collection calendar, while "tonne"
    alone is the bin and its fees; "wie lange dauert eine Zulassung" searched whole leans
    towards "verlängern", so the topic alone wins unless the whole is surer."""
    from actions.sdk import read_turn
    from actions.topic import resolve_topic

    scripted.on("wann kommt", "answer", "elterngeld", top=whole_score)
    scripted.on("zulassung", "answer", "kfz-zulassung", top=0.8)
    tracker = make_tracker(text="wann kommt die Zulassung", intent="ask_contact")

    assert resolve_topic(read_turn(tracker)).procedure.id == expected
    assert scripted.queries[0] != "wann kommt die Zulassung"  # the topic first
