"""Follow-ups after an answer over Rasa's REST channel (twelfth blind probe).

A question the answer in context speaks of stays with it, "und was brauch ich alles"
is no goodbye, options the question does not name give way to the answer in context,
the Gemeinde form no longer repeats the answer it opens on, and loneliness after a
crisis reply gets the help again. Whatever the NLU makes of each message, the turn
record says what the citizen got.
"""

from __future__ import annotations

import pytest

from runner.stack import Stack
from tests.e2e.test_dialogue_robustness import Chat

pytestmark = [pytest.mark.slow, pytest.mark.e2e]


def test_a_word_the_answer_speaks_of_stays_with_it(stack: Stack) -> None:
    """"bekommen wir da Pflegegeld?" after "Pflegefamilie werden … erhalten Pflegegeld"
    went to the Pflegekasse."""
    chat = Chat(stack)
    chat.say("Wir wollen dauerhaft Pflegeeltern für ein Pflegekind werden. "
             "Wer ist unser Ansprechpartner?")
    assert chat.record()["procedure_ids"][0] == "pflegefamilie-werden"
    text = chat.say("bekommen wir da Pflegegeld?")
    assert "Pflegekasse" not in text
    assert chat.first_record()["procedure_ids"][0] == "pflegefamilie-werden"


def test_what_is_needed_after_an_answer_gets_the_documents(stack: Stack) -> None:
    chat = Chat(stack)
    chat.say("Der Vater zahlt keinen Unterhalt für meinen Sohn, bekomme ich Geld vom Amt?")
    assert chat.record()["procedure_ids"][0] == "unterhaltsvorschuss"
    text = chat.say("und was brauch ich alles")
    assert "Wiedersehen" not in text and "Geburtsurkunde" in text
    assert chat.first_record()["aspect"] == "documents"


def test_the_form_does_not_repeat_the_answer_it_opens_on(stack: Stack) -> None:
    chat = Chat(stack)
    text = chat.say("Ich will angeln gehen am Inn. Brauch ich einen Fischereischein?")
    assert text.count("In Bayern stellt Ihre Gemeinde den Fischereischein aus") == 1
    assert "In welcher Gemeinde wohnen Sie?" in text


def test_loneliness_after_suicidal_thoughts_gets_the_help_again(stack: Stack) -> None:
    chat = Chat(stack)
    chat.say("alles ist sinnlos, ich will nicht mehr aufwachen")
    assert chat.record()["decision"] == "crisis"
    text = chat.say("ich hab niemand zum reden")
    assert "0800 111 0 111" in text and "poststelle" not in text
    assert chat.record()["reason"] == "next_step:suicide"


def test_the_same_card_is_not_shown_again_for_a_question(stack: Stack) -> None:
    """Fifteenth probe: a farmer's yes-or-no question got the hay barn's card three times."""
    chat = Chat(stack)
    chat.say("Wir möchten unsere Eiche im Garten in Mettenheim fällen. Darf ich das?")
    first = chat.record()["procedure_ids"][0]
    chat.say("Also darf ich sie jetzt im Februar im Garten fällen oder nicht, ja oder nein?")
    record = chat.first_record()
    assert record["procedure_ids"][0] == first
    assert record["reason"] in ("ask_the_office", "passage")


def test_keins_davon_with_a_new_description_leaves_the_options_out(stack: Stack) -> None:
    chat = Chat(stack)
    chat.say("hi, ich bin 19 und will in eine eigene wohnung ziehen, aber meine eltern sind "
             "arm. krieg ich irgendwelche hilfe für die kaution?")
    offered = set(chat.record()["procedure_ids"])
    chat.say("keins davon. ich mach ausbildung und verdien 800 euro. gibts zuschuss für "
             "miete oder kaution?")
    record = chat.first_record()
    assert record["reason"] == "correction"
    assert not offered & set(record["procedure_ids"]), (offered, record["procedure_ids"])


def test_on_paper_please_gets_the_way_without_the_internet(stack: Stack) -> None:
    chat = Chat(stack)
    chat.say("Grüß Gott, ich bekomme nur 900 Euro Rente. Kann ich Wohngeld bekommen?")
    text = chat.say("Ich hab keinen Computer und keine BayernID. Geht das auch auf Papier?")
    assert "ohne Internet" in text and "online erledigen" not in text
