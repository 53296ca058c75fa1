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
