"""What may follow the safety line: only an answer the message asks for, never next steps."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.events import SlotSet

import actions.sdk as sdk
from actions import answers
from actions.common import load_procedure
from actions.handoff import ActionHandoff
from actions.safety_line import asks_for, beside_safety_line
from actions.sdk import read_turn
from actions.search_procedure import ActionSearchProcedure
from tests.actions.conftest import plain, record_of, run_action

SAD = "mir gehts so schlecht, ich hab keine kraft mehr für nix"
LINE = "Wenn es Ihnen gerade sehr schlecht geht"
ONLY = "Wenn Sie ein Anliegen an das Landratsamt haben, schreiben Sie es mir gern."


@pytest.fixture
def suicide_line(monkeypatch: pytest.MonkeyPatch) -> None:
    """The semantic check sees a possible suicidal crisis in every message."""
    monkeypatch.setattr(sdk, "possible_crisis", lambda text: "suicide")


@pytest.mark.parametrize("decision", ["answer", "choose"])
async def test_an_unrelated_procedure_gives_way_to_one_calm_line(
        fake_search, suicide_line, make_tracker, dispatcher, decision):
    fake_search.set(decision, "kfz-abmeldung", "elterngeld")
    tracker = make_tracker("after_answer.json", text=SAD, intent="nlu_fallback",
                           search_failures=1.0)

    events = await run_action(ActionSearchProcedure(), dispatcher, tracker)

    texts = [message["text"] for message in dispatcher.messages]
    assert len(texts) == 2 and texts[0].startswith(LINE) and texts[1] == ONLY
    assert not any(message.get("buttons") for message in dispatcher.messages)
    # No failed search counted, the context kept, no Gemeinde form.
    assert plain(events) == [SlotSet("gemeinde_needed", False)]
    record = record_of(events)
    assert (record.decision, record.outcome, record.reason, record.safety_note) == (
        "crisis", "crisis_help", "suicide", "suicide")
    assert record.procedure_ids == () and record.candidates  # what the search said


async def test_a_procedure_the_message_names_follows_the_line(fake_search, suicide_line,
                                                              make_tracker, dispatcher):
    fake_search.set("answer", "personalausweis")
    tracker = make_tracker(intent="search_procedure", text="Perso weg, alles sinnlos")

    events = await run_action(ActionSearchProcedure(), dispatcher, tracker)

    assert dispatcher.messages[0]["text"].startswith(LINE)
    assert "Personalausweis" in dispatcher.messages[1]["text"]
    assert record_of(events).procedure_ids == ("personalausweis",)


def turn_for(make_tracker: Any, text: str, intent: str = "search_procedure") -> sdk.Turn:
    return read_turn(make_tracker(text=text, intent=intent, language="de"))


def test_the_answer_follows_without_its_next_steps(fake_search, make_tracker):
    procedure, other = load_procedure("kfz-abmeldung"), load_procedure("elterngeld")
    assert procedure is not None and other is not None
    full = answers.procedure_answer(procedure, "de", next_steps=(other,))
    assert full.procedure_ids == ("kfz-abmeldung", "elterngeld")
    turn = turn_for(make_tracker, "Auto abmelden, Elterngeld, ich kann nicht mehr")

    kept = beside_safety_line(turn, full, "suicide")

    assert kept.procedure_ids == ("kfz-abmeldung",)
    assert not any(reply.text == "Außerdem wichtig für Sie:" for reply in kept.replies)
    assert kept.replies[0] == full.replies[0]


def test_choices_and_small_talk_give_way(fake_search, make_tracker):
    turn = turn_for(make_tracker, "Hallo, ich kann einfach nicht mehr", "greet")
    procedures = [p for p in map(load_procedure, ("kfz-abmeldung", "elterngeld")) if p]
    for response in (answers.choices(procedures, "de"),
                     sdk.Response((answers.feedback_question("de"),), decision="smalltalk")):
        assert beside_safety_line(turn, response, "suicide").decision == "crisis"


async def test_a_handoff_follows_the_line(fake_search, suicide_line, make_tracker, dispatcher):
    tracker = make_tracker(text="ich kann nicht mehr, ich will mit einem Menschen reden",
                           intent="request_human", language="de")

    events = await run_action(ActionHandoff(), dispatcher, tracker)

    assert dispatcher.messages[0]["text"].startswith(LINE)
    assert "Bürgerservice" in dispatcher.messages[1]["text"]
    assert record_of(events).decision == "handoff"


def test_asks_for_needs_a_content_word_of_the_procedure(lexical_search):
    assert asks_for("Perso weg, alles sinnlos", "personalausweis")
    assert not asks_for(SAD, "personalausweis")
    # "nicht" is no content word: "Kinderreisepass gibt es nicht mehr" is no evidence.
    assert not asks_for("Ich halte das alles nicht mehr aus", "personalausweis")


def test_a_follow_up_naming_the_answer_in_context_gets_no_semantic_line(
        lexical_search, make_tracker, monkeypatch):
    """"what about bees, my husband wants two hives" after the livestock answer read as
    an allergic emergency; a message that names the procedure in context is about it.
    A suicidal reading still gets its line."""
    monkeypatch.setattr(sdk, "possible_crisis", lambda text: "medical")
    response = answers.procedure_answer(load_procedure("kfz-abmeldung"), "de")
    named = read_turn(make_tracker("after_answer.json", text="und die Abmeldung vom Motorrad?",
                                   intent="search_procedure"))
    assert sdk.names_context(named)
    flow = ActionSearchProcedure()
    assert flow.with_safety_note(response, named, []).safety_note is None
    other = read_turn(make_tracker("after_answer.json", text="mir ist ganz schwindlig",
                                   intent="search_procedure"))
    assert flow.with_safety_note(response, other, []).safety_note == "medical"
    monkeypatch.setattr(sdk, "possible_crisis", lambda text: "suicide")
    assert flow.with_safety_note(response, named, []).safety_note == "suicide"
