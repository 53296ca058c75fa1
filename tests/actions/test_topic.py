"""actions.topic: which words of a follow-up question name a topic."""

from __future__ import annotations

from actions.topic import topic_words


def test_topic_words_ignore_the_question_itself():
    assert topic_words("Was kostet das?") == []
    assert topic_words("Welche Unterlagen brauche ich?") == []
    assert topic_words("Wann habt ihr am Samstag offen?") == []
    assert topic_words("How much does it cost?") == []
    assert topic_words("Was kostet ein Reisepass?") == ["reisepass"]
    assert topic_words("Welche Unterlagen für die Einbürgerung?") == ["einbuergerung"]


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
