"""Feedback events, human handoff and small talk."""

from __future__ import annotations

from rasa_sdk.events import SlotSet

import actions.common as common
from actions.feedback import ActionFeedback
from actions.handoff import ActionHandoff
from actions.smalltalk import ActionSmalltalk
from catalogue.db import open_db
from tests.actions.conftest import plain, run_action

FORM = "https://www.lra-mue.de/test/kontaktformular"


async def test_feedback_button_is_stored_as_slot_event(catalogue, make_tracker, dispatcher):
    tracker = make_tracker("after_answer.json", text='/feedback{"helpful": "yes"}',
                           intent="feedback", entities=[{"entity": "helpful", "value": "yes"}])

    events = await run_action(ActionFeedback(), dispatcher, tracker)

    assert plain(events) == [SlotSet("feedback", "yes"), SlotSet("gemeinde_needed", False)]
    assert dispatcher.messages[0]["text"] == (
        "Danke für Ihre Rückmeldung! Kann ich sonst noch helfen?")


async def test_typed_negative_feedback_without_entity(catalogue, make_tracker, dispatcher):
    tracker = make_tracker("after_answer.json", text="Das hat mir nicht geholfen",
                           intent="feedback")

    events = await run_action(ActionFeedback(), dispatcher, tracker)

    assert plain(events) == [SlotSet("feedback", "no"), SlotSet("gemeinde_needed", False)]
    assert "Mitarbeiter" in dispatcher.messages[0]["text"]


async def test_plain_no_after_feedback_question_counts(catalogue, make_tracker, dispatcher):
    tracker = make_tracker("after_answer.json", text="nein", intent="deny")

    events = await run_action(ActionFeedback(), dispatcher, tracker)

    assert plain(events) == [SlotSet("feedback", "no"), SlotSet("gemeinde_needed", False)]


async def test_plain_yes_without_feedback_question_stores_nothing(catalogue, make_tracker,
                                                                  dispatcher):
    tracker = make_tracker("after_choices.json", text="ja", intent="affirm")

    events = await run_action(ActionFeedback(), dispatcher, tracker)

    assert plain(events) == [SlotSet("gemeinde_needed", False)]
    assert dispatcher.messages[0]["text"] == "Alles klar. Wobei kann ich Ihnen helfen?"


async def test_english_feedback(catalogue, make_tracker, dispatcher):
    tracker = make_tracker("after_answer.json", text="That was helpful, thank you",
                           intent="feedback", entities=[{"entity": "helpful", "value": "yes"}])

    events = await run_action(ActionFeedback(), dispatcher, tracker)

    assert plain(events) == [SlotSet("language", "en"), SlotSet("feedback", "yes"),
                             SlotSet("gemeinde_needed", False)]
    assert dispatcher.messages[0]["text"].startswith("Thank you for your feedback!")


async def test_handoff_gives_buergerservice_contact(catalogue, make_tracker, dispatcher):
    tracker = make_tracker(text="Ich möchte mit einem Menschen sprechen",
                           intent="request_human")

    events = await run_action(ActionHandoff(), dispatcher, tracker)

    [message] = dispatcher.messages
    assert message["text"] == (
        "Gern – der Bürgerservice des Landratsamts hilft Ihnen persönlich weiter:\n"
        "Bürgerservice\nTelefon: +49 8631 699-0\nE-Mail: poststelle@lra-mue.de\n"
        f"Sicheres Kontaktformular: {FORM}")
    assert message["buttons"] == [{"title": "Zum Kontaktformular", "url": FORM,
                                   "type": "web_url"}]
    assert plain(events) == [SlotSet("language", "de"), SlotSet("search_failures", 0.0),
                      SlotSet("gemeinde_needed", False)]


async def test_handoff_without_catalogue_entry_still_answers(monkeypatch, make_tracker,
                                                             dispatcher):
    empty = open_db(None)
    monkeypatch.setattr(common, "get_db", lambda: empty)
    tracker = make_tracker(text="Can I talk to a human?", intent="request_human")

    await run_action(ActionHandoff(), dispatcher, tracker)

    assert dispatcher.messages[0]["text"] == (
        "Please contact the district office Mühldorf a. Inn directly.")


async def test_smalltalk_answers_in_the_message_language(catalogue, make_tracker, dispatcher):
    await run_action(ActionSmalltalk(), dispatcher,
                     make_tracker(text="Grüß Gott", intent="greet"))
    await run_action(ActionSmalltalk(), dispatcher,
                     make_tracker(text="Are you a bot?", intent="bot_challenge"))
    await run_action(ActionSmalltalk(), dispatcher,
                     make_tracker(text="Red ich hier mit einem Computer?",
                                  intent="bot_challenge"))

    greet, bot_en, bot_de = (m["text"] for m in dispatcher.messages)
    assert greet.startswith("Grüß Gott! Ich bin der Wegweiser")
    assert bot_en.startswith("I am a computer program, not a person.")
    assert bot_de.startswith("Ich bin ein Computerprogramm, kein Mensch.")


async def test_greeting_with_a_request_is_answered(fake_search, make_tracker, dispatcher):
    fake_search.set("answer", "kfz-abmeldung")
    tracker = make_tracker(text="Servus, i mog mei Auto abmelden", intent="greet")

    events = await run_action(ActionSmalltalk(), dispatcher, tracker)

    # The salutation is a letter frame, not part of the request (catalogue.search.letter).
    assert fake_search.queries == ["i mog mei Auto abmelden"]
    assert dispatcher.messages[0]["buttons"][0]["url"] == (
        "https://www.lra-mue.de/test/ikfz-abmeldung")
    assert SlotSet("procedure_id", "kfz-abmeldung") in events


async def test_plain_thanks_is_not_searched(fake_search, make_tracker, dispatcher):
    fake_search.set("answer", "kfz-abmeldung")
    tracker = make_tracker(text="Vielen Dank für die Info!", intent="thanks")

    events = await run_action(ActionSmalltalk(), dispatcher, tracker)

    assert fake_search.queries == []
    assert dispatcher.messages[0]["text"] == "Gern geschehen! Kann ich sonst noch helfen?"
    assert plain(events) == [SlotSet("language", "de"), SlotSet("gemeinde_needed", False)]


async def test_greeting_with_an_unclear_request_just_greets(fake_search, make_tracker,
                                                            dispatcher):
    fake_search.set("rephrase")
    tracker = make_tracker(text="Hallo, ich hätte da mal eine Frage", intent="greet")

    await run_action(ActionSmalltalk(), dispatcher, tracker)

    assert dispatcher.messages[0]["text"].startswith("Grüß Gott! Ich bin der Wegweiser")
