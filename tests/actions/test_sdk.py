"""actions.sdk: the typed tracker view and the base class's channel rendering."""

from __future__ import annotations

import copy
from typing import Any

from rasa_sdk import Tracker

from actions.choose_option import ActionChooseOption
from actions.feedback import ActionFeedback
from actions.sdk import Entity, read_turn
from actions.search_procedure import ActionSearchProcedure
from replies.payloads import OFFERED_KEY
from tests.actions.conftest import load_json, plain, record_of, run_action


def test_read_turn_is_a_typed_view(make_tracker):
    tracker = make_tracker("after_choices.json", text="I want the second one",
                           intent="choose_option", confidence=0.7, channel="telegram",
                           entities=[{"entity": "procedure_id", "value": "x"},
                                     {"entity": "empty", "value": ""}],
                           search_failures=1.0, gemeinde="ampfing")

    turn = read_turn(tracker)

    assert (turn.text, turn.intent, turn.intent_confidence) == (
        "I want the second one", "choose_option", 0.7)
    assert turn.entities == (Entity("procedure_id", "x"),)
    assert turn.entity("procedure_id") == "x"
    assert turn.entity("gemeinde") is None
    assert (turn.channel, turn.language, turn.language_slot) == ("telegram", "en", "de")
    assert (turn.search_failures, turn.gemeinde_attempts, turn.gemeinde) == (1.0, 0.0,
                                                                             "ampfing")
    assert turn.offered_choices == ("kfz-abmeldung", "kfz-zulassung")
    assert turn.offered_last_turn == ("kfz-abmeldung", "kfz-zulassung")
    assert not turn.asked_for_feedback


def test_read_turn_of_an_empty_tracker():
    state = load_json("new_conversation.json")
    turn = read_turn(Tracker.from_dict(state))
    assert (turn.text, turn.intent, turn.channel, turn.language) == ("", "", "", "de")
    assert turn.offered_choices == ()


def bot_event(message: dict[str, Any]) -> dict[str, Any]:
    """The bot event Rasa stores for a dispatched message (like create_bot_utterance)."""
    message = {k: v for k, v in message.items() if v not in (None, [], {})}
    text = message.pop("text", None)
    buttons = message.pop("buttons", None)
    return {"event": "bot", "text": text, "data": {"buttons": buttons}, "metadata": message}


def continue_with(tracker: Tracker, messages: list[dict[str, Any]], text: str, intent: str,
                  channel: str) -> Tracker:
    state = copy.deepcopy(tracker.current_state())
    state["events"] += [bot_event(m) for m in messages]
    parse = {"text": text, "intent": {"name": intent, "confidence": 0.9}, "entities": []}
    state["latest_message"] = parse
    state["events"].append({"event": "user", "text": text, "parse_data": parse,
                            "input_channel": channel})
    return Tracker.from_dict(state)


async def test_sms_choices_are_numbered_and_a_typed_number_picks_one(fake_search,
                                                                     make_tracker,
                                                                     dispatcher):
    fake_search.set("choose", "kfz-abmeldung", "kfz-zulassung")
    tracker = make_tracker(text="Auto", intent="search_procedure", language="de",
                           channel="twilio")

    await run_action(ActionSearchProcedure(), dispatcher, tracker)

    [message] = dispatcher.messages
    disclosure = ("Hinweis: Hier antwortet Wegweiser, ein automatischer Assistent des "
                  "Landratsamts Mühldorf a. Inn – kein Mensch. Bitte senden Sie keine "
                  "persönlichen Daten. Datenschutzhinweise: https://www.lra-mue.de/datenschutz\n")
    assert message["text"] == (disclosure +
                               "Dazu habe ich mehrere Möglichkeiten gefunden. Was meinen Sie?\n"
                               "1. Außerbetriebsetzung (Abmeldung) eines Fahrzeugs\n"
                               "2. Zulassung eines Fahrzeugs")
    assert message["buttons"] == []
    assert message[OFFERED_KEY] == ['/choose_option{"procedure_id": "kfz-abmeldung"}',
                                    '/choose_option{"procedure_id": "kfz-zulassung"}']

    answer = type(dispatcher)()
    events = await run_action(ActionChooseOption(), answer,
                              continue_with(tracker, dispatcher.messages, "2",
                                            "choose_option", "twilio"))

    assert ("procedure_id", "kfz-zulassung") in [(e["name"], e["value"]) for e in plain(events)]
    assert answer.messages[0]["text"].startswith("Zulassung eines Fahrzeugs\n")
    # No URL button on SMS: the link is in the text (it already was), feedback inline.
    assert answer.messages[0]["buttons"] == []
    assert answer.messages[1]["text"] == "War das hilfreich? (Ja / Nein)"


async def test_sms_feedback_question_answered_with_a_plain_nein(fake_search, make_tracker,
                                                                dispatcher):
    fake_search.set("answer", "kfz-abmeldung")
    tracker = make_tracker(text="Auto abmelden", intent="search_procedure", language="de",
                           channel="twilio")
    await run_action(ActionSearchProcedure(), dispatcher, tracker)

    events = await run_action(ActionFeedback(), type(dispatcher)(),
                              continue_with(tracker, dispatcher.messages, "nein", "deny",
                                            "twilio"))

    assert record_of(events).reason == "helpful_no"


async def test_facebook_gets_at_most_three_buttons_with_short_titles(fake_search, make_tracker,
                                                                     dispatcher):
    fake_search.set("choose", "kfz-abmeldung", "kfz-zulassung", "personalausweis")
    tracker = make_tracker(text="Auto", intent="search_procedure", language="de",
                           channel="facebook")

    await run_action(ActionSearchProcedure(), dispatcher, tracker)

    [message] = dispatcher.messages
    assert [b["title"] for b in message["buttons"]] == ["1", "2", "3"]
    assert message["text"].endswith("\n3. Personalausweis beantragen")


async def test_sms_typed_number_chooses_whatever_the_nlu_said(fake_search, make_tracker,
                                                              dispatcher):
    """No buttons on SMS: a bare "1" must choose even if the NLU calls it something else."""
    fake_search.set("choose", "kfz-abmeldung", "kfz-zulassung")
    tracker = make_tracker(text="Auto", intent="search_procedure", language="de",
                           channel="twilio")
    await run_action(ActionSearchProcedure(), dispatcher, tracker)
    fake_search.queries.clear()

    answer = type(dispatcher)()
    events = await run_action(ActionSearchProcedure(), answer,
                              continue_with(tracker, dispatcher.messages, "1",
                                            "nlu_fallback", "twilio"))

    assert fake_search.queries == []
    assert record_of(events).procedure_ids == ("kfz-abmeldung",)
    assert answer.messages[0]["text"].startswith("Außerbetriebsetzung")
