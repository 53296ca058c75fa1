"""What one message asks for (actions.needs): the first need, the others as next steps."""

from __future__ import annotations

import pytest

from actions.needs import find_needs, question_units


@pytest.mark.parametrize("text, units", [
    # each question with the statements before it
    ("Wir sind aus Charkiw geflohen. Wie bekommen wir einen Aufenthalt? Und wo kann ich "
     "einen Deutschkurs machen?",
     ["Wir sind aus Charkiw geflohen. Wie bekommen wir einen Aufenthalt?",
      "Und wo kann ich einen Deutschkurs machen?"]),
    # a numbered list: its items, without the announcement
    ("hallo ich hab 2 fragen: 1. wie melde ich mein motorrad ab und 2. brauche ich für "
     "meinen anhänger eine zulassung?",
     ["wie melde ich mein motorrad ab", "brauche ich für meinen anhänger eine zulassung?"]),
    # one question, a closing word after it: one unit, so none
    ("Mein Vater ist gestorben. Was muss ich tun? Danke!", []),
    # a sentence adding a need, after the question or before it
    ("Die Pferde stehen im Matsch, wem kann ich das melden? Außerdem will ich Schafe halten.",
     ["Die Pferde stehen im Matsch, wem kann ich das melden?",
      "Außerdem will ich Schafe halten."]),
    ("Ich will mein Auto abmelden. Außerdem brauche ich einen Ausweis.",
     ["Ich will mein Auto abmelden.", "Außerdem brauche ich einen Ausweis."]),
    # abbreviations and numbers stay inside their sentence
    ("Wie geht das z. B. bei Nr. 3? Und was kostet es?",
     ["Wie geht das z. B. bei Nr. 3?", "Und was kostet es?"]),
    ("Ich möchte mein Auto abmelden.", []),
    # typed without punctuation: "und" before a question word (the lower-case variant of
    # a held-out question lost its first need)
    ("kann sie geld vom amt bekommen und sollte sie einen ausweis beantragen",
     ["kann sie geld vom amt bekommen", "sollte sie einen ausweis beantragen"]),
    ("auto abmelden und wohngeld", []),
    ("ich trete meine stelle an und soll verbeamtet werden wie vereinbare ich einen termin",
     []),  # "und soll verbeamtet werden" goes on with a statement
])
def test_question_units(text, units):
    assert question_units(text) == units


async def test_the_first_question_is_answered_though_the_whole_ranks_the_second(
        scripted, catalogue):
    """Eighth blind set: "Mein C-Führerschein läuft ab, wie verlängere ich den? Und brauche
    ich dann auch eine neue Fahrerkarte?" answered the Fahrerkarte only."""
    text = "Mein Auto ist alt, wie melde ich das ab? Und bekomme ich Elterngeld?"
    scripted.on(text, "answer", "elterngeld", "kfz-abmeldung")  # the whole: the second
    scripted.on("melde ich das ab", "choose", "kfz-abmeldung", "elterngeld")
    scripted.on("elterngeld", "answer", "elterngeld")

    needs = find_needs(text)

    assert needs.primary is not None and needs.primary.id == "kfz-abmeldung"
    assert [p.id for p in needs.others] == ["elterngeld"]


async def test_questions_that_are_no_confident_answer_change_nothing(scripted, catalogue):
    """Two questions each only a choice: the whole message's answer stands."""
    text = "Wie melde ich das ab? Und was ist mit Elterngeld?"
    scripted.on(text, "answer", "elterngeld", "kfz-abmeldung")
    scripted.on("melde ich das ab", "choose", "kfz-abmeldung", "elterngeld")
    scripted.on("elterngeld", "choose", "elterngeld", "kfz-abmeldung")

    needs = find_needs(text)

    assert needs.primary is not None and needs.primary.id == "elterngeld"


async def test_a_question_the_whole_search_did_not_rank_is_no_need(scripted, catalogue):
    text = "Wie melde ich das ab? Und wie heißt der Landrat?"
    scripted.on(text, "answer", "kfz-abmeldung", "elterngeld")
    scripted.on("melde ich das ab", "answer", "kfz-abmeldung")
    scripted.on("landrat", "answer", "personalausweis")

    needs = find_needs(text)

    assert needs.primary is not None and needs.primary.id == "kfz-abmeldung"
    assert needs.others == ()


async def test_two_clear_needs_turn_a_choice_into_an_answer(scripted, catalogue):
    text = "Elterngeld beantragen, außerdem Auto abmelden"
    scripted.on(text, "choose", "kfz-abmeldung", "elterngeld")
    scripted.on("auto abmelden", "answer", "kfz-abmeldung")
    scripted.on("elterngeld", "answer", "elterngeld")

    needs = find_needs(text)

    assert needs.primary is not None and needs.primary.id == "elterngeld"  # first written
    assert [p.id for p in needs.others] == ["kfz-abmeldung"]


async def test_of_two_needs_the_one_asked_comes_before_the_background(scripted, catalogue):
    """"Mein Arbeitslosengeld läuft aus. Kann ich dann Bürgergeld …?": the statement is
    background, the question is the need (seventh blind set)."""
    text = "Mein Auto ist verkauft. Kann ich jetzt Elterngeld beantragen?"
    scripted.on(text, "choose", "kfz-abmeldung", "elterngeld")
    scripted.on("auto", "answer", "kfz-abmeldung")
    scripted.on("elterngeld", "answer", "elterngeld")

    needs = find_needs(text)

    assert needs.primary is not None and needs.primary.id == "elterngeld"
    assert [p.id for p in needs.others] == ["kfz-abmeldung"]


async def test_clause_answers_the_whole_search_did_not_rank_are_ignored(scripted, catalogue):
    text = "Ich möchte mein Auto abmelden, und mein Opa hat Elterngeld"
    scripted.on(text, "answer", "kfz-abmeldung", "kfz-zulassung")
    scripted.on("opa", "answer", "elterngeld")

    needs = find_needs(text)

    assert needs.others == ()


async def test_a_clause_that_only_names_a_place_is_no_further_need(scripted, catalogue):
    """"Ich wohne in Waldkraiburg" searched alone may hit a procedure whose text names the
    place (the Waldkraiburg branch of the Zulassungsstelle): it names nothing of it."""
    text = "Ich wohne in Waldkraiburg und mein Perso läuft ab"
    scripted.on("waldkraiburg und", "answer", "personalausweis", "kfz-abmeldung")
    scripted.on("waldkraiburg", "answer", "kfz-abmeldung")
    scripted.on("perso", "answer", "personalausweis")

    needs = find_needs(text)

    assert needs.primary is not None and needs.primary.id == "personalausweis"
    assert needs.others == ()


async def test_a_choice_unit_counts_by_its_first_hit_the_whole_ranked(scripted, catalogue):
    """Eighth blind set: "Wo muss ich mich ummelden? Und muss beim Auto auch was geändert
    werden?" — the second question's own first hit (a technical change) was not among the
    whole message's candidates, its second (the address change) was."""
    text = "Wie melde ich mich ab? Und was ist mit Elterngeld?"
    scripted.on(text, "choose", "kfz-abmeldung", "elterngeld")
    scripted.on("wie melde ich mich ab", "answer", "kfz-abmeldung")
    scripted.on("elterngeld", "choose", "personalausweis", "elterngeld")

    needs = find_needs(text)

    assert needs.primary is not None and needs.primary.id == "kfz-abmeldung"
    assert [p.id for p in needs.others] == ["elterngeld"]
