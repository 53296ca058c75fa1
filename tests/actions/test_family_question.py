"""A choice between procedures of one known family is asked as one short question."""

from __future__ import annotations

from functools import partial

import pytest

import actions.answers as answers
from actions.search_procedure import ActionSearchProcedure
from catalogue.clarify import Family, Option, clarification_for
from catalogue.errors import CatalogueError
from tests.actions.conftest import record_of, run_action

VEHICLE = Family(id="fahrzeug", question="Wollen Sie ein Fahrzeug an- oder abmelden?",
                 question_en="Do you want to register or deregister a vehicle?",
                 options=(Option(procedure="kfz-zulassung", label="Anmelden",
                                 label_en="Register"),
                          Option(procedure="kfz-abmeldung", label="Abmelden",
                                 label_en="Deregister"),
                          Option(procedure="kfz-gibt-es-nicht", label="Unbekannt",
                                 label_en="Unknown")))


@pytest.fixture
def families(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(answers, "clarification_for",
                        partial(clarification_for, families=[VEHICLE]))


async def test_a_family_choice_becomes_one_short_question(families, fake_search, make_tracker,
                                                          dispatcher):
    fake_search.set("choose", "kfz-abmeldung", "kfz-zulassung")
    events = await run_action(ActionSearchProcedure(), dispatcher,
                              make_tracker(text="Auto melden", intent="search_procedure"))
    message = dispatcher.messages[0]
    assert message["text"] == VEHICLE.question
    # Both options the catalogue has, the candidates' order first; an unknown id never.
    assert [b["title"] for b in message["buttons"]] == ["Abmelden", "Anmelden"]
    assert all("gibt-es-nicht" not in b["payload"] for b in message["buttons"])
    record = record_of(events)
    assert record.decision == "clarify" and record.reason == "family:fahrzeug"
    assert record.procedure_ids == ("kfz-abmeldung", "kfz-zulassung")


async def test_english_labels_in_english(families, fake_search, make_tracker, dispatcher):
    fake_search.set("choose", "kfz-zulassung", "kfz-abmeldung")
    await run_action(ActionSearchProcedure(), dispatcher,
                     make_tracker(text="How do I register my car?", intent="search_procedure"))
    assert dispatcher.messages[0]["text"] == VEHICLE.question_en
    assert [b["title"] for b in dispatcher.messages[0]["buttons"]] == ["Register", "Deregister"]


async def test_unrelated_choices_stay_procedure_buttons(families, fake_search, make_tracker,
                                                        dispatcher):
    fake_search.set("choose", "personalausweis", "elterngeld")
    events = await run_action(ActionSearchProcedure(), dispatcher,
                              make_tracker(text="Ausweis Geld", intent="search_procedure"))
    assert record_of(events).decision == "choose"


async def test_a_broken_families_file_falls_back_to_plain_choices(
        fake_search, make_tracker, dispatcher, monkeypatch: pytest.MonkeyPatch):
    def broken(_ids: object) -> None:
        raise CatalogueError("clarifications.yaml: bad", source="clarifications.yaml")

    monkeypatch.setattr(answers, "clarification_for", broken)
    fake_search.set("choose", "kfz-abmeldung", "kfz-zulassung")
    events = await run_action(ActionSearchProcedure(), dispatcher,
                              make_tracker(text="Auto melden", intent="search_procedure"))
    assert record_of(events).decision == "choose"
