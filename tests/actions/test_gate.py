"""actions.gate: the NLU never vetoes a confident search answer; choices, failures, bad input.

Every gated flow is run with the intent the NLU might have picked; the search is a
scripted fake (query substring → decision and hits), so each test states which
search result it relies on.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet

import actions.gate as gate
from actions.choose_option import ActionChooseOption
from actions.consultation import ActionConsultation
from actions.feedback import ActionFeedback
from actions.handoff import ActionHandoff
from actions.procedure_details import ActionProcedureDetails
from actions.responsibility import ActionGemeindeContact
from actions.sdk import read_turn
from actions.search_procedure import ActionDefaultFallback, ActionSearchProcedure
from actions.smalltalk import ActionSmalltalk
from actions.typed_choice import typed_position, typed_positions
from tests.actions.conftest import plain, record_of, run_action

ABMELDUNG_LINK = "https://www.lra-mue.de/test/ikfz-abmeldung"
GATED = [ActionSearchProcedure, ActionDefaultFallback, ActionChooseOption, ActionFeedback,
         ActionHandoff, ActionSmalltalk, ActionGemeindeContact, ActionProcedureDetails,
         ActionConsultation]


def slots_of(events: list[dict[str, Any]]) -> dict[str, Any]:
    return {e["name"]: e["value"] for e in plain(events) if e.get("event") == "slot"}


# -- 1. the NLU does not veto the search ----------------------------------------------

@pytest.mark.parametrize(("action", "intent", "text"), [
    (ActionSmalltalk, "greet", "Hallo zusammen, Auto abmelden"),
    (ActionSmalltalk, "thanks", "Danke! Und wie kann ich mein Auto abmelden?"),
    (ActionSmalltalk, "goodbye", "Tschüss – ach ja, Auto abmelden"),
    (ActionSmalltalk, "bot_challenge", "Bist du ein Bot? Ich will mein Auto abmelden"),
    (ActionFeedback, "affirm", "Ja, mein Auto abmelden"),
    (ActionFeedback, "deny", "Nein, ich will mein Auto abmelden"),
    (ActionFeedback, "feedback", "Auto abmelden hat nicht geklappt"),
    (ActionGemeindeContact, "inform_gemeinde", "Ich wohne in Ampfing und will mein Auto abmelden"),
    (ActionSearchProcedure, "out_of_scope", "Karre weg, Auto abmelden"),
    (ActionSearchProcedure, "nlu_fallback", "auto abmelden plz"),
    (ActionChooseOption, "choose_option", "Auto mit Kennzeichen MÜ-AB 123 abmelden"),
    (ActionDefaultFallback, "affirm", "ok und dann Auto abmelden"),
])
async def test_confident_search_answers_whatever_the_intent(scripted, make_tracker,
                                                            dispatcher, action, intent, text):
    scripted.on("abmelden", "answer", "kfz-abmeldung")
    tracker = make_tracker(text=text, intent=intent, language="de")

    events = await run_action(action(), dispatcher, tracker)

    assert ABMELDUNG_LINK in dispatcher.messages[0]["text"]
    assert slots_of(events)["procedure_id"] == "kfz-abmeldung"
    record = record_of(events)
    assert (record.decision, record.outcome, record.procedure_ids) == (
        "answer", "link_given", ("kfz-abmeldung",))
    assert record.intent == intent


@pytest.mark.parametrize(("action", "intent", "text", "reply"), [
    (ActionSmalltalk, "greet", "Grüß Gott!", "Grüß Gott! Ich bin der Wegweiser"),
    (ActionSmalltalk, "thanks", "Vielen herzlichen Dank", "Gern geschehen!"),
    (ActionSmalltalk, "goodbye", "Pfiat di", "Auf Wiedersehen"),
    (ActionFeedback, "affirm", "ja gerne", "Alles klar."),
    (ActionHandoff, "request_human", "Ich möchte mit einem Mitarbeiter sprechen",
     "Gern – der Bürgerservice"),
    (ActionGemeindeContact, "inform_gemeinde", "Ich wohne in Ampfing", "Zuständig ist"),
])
async def test_messages_without_a_request_are_not_searched(scripted, make_tracker, dispatcher,
                                                           action, intent, text, reply):
    scripted.on("", "answer", "kfz-abmeldung")  # would answer anything
    tracker = make_tracker(text=text, intent=intent, language="de")

    await run_action(action(), dispatcher, tracker)

    assert scripted.queries == []
    assert dispatcher.messages[0]["text"].startswith(reply)


async def test_unsure_search_keeps_the_flows_own_reply(scripted, make_tracker, dispatcher):
    scripted.on("wetter", "choose", "kfz-abmeldung", "elterngeld")
    tracker = make_tracker(text="Danke, und wie wird das Wetter?", intent="thanks",
                           language="de")

    events = await run_action(ActionSmalltalk(), dispatcher, tracker)

    assert dispatcher.messages[0]["text"].startswith("Gern geschehen!")
    record = record_of(events)
    assert (record.decision, record.reason) == ("smalltalk", "thanks")
    assert [c.id for c in record.candidates] == ["kfz-abmeldung", "elterngeld"]


async def test_feedback_answer_after_the_question_is_not_searched(scripted, make_tracker,
                                                                  dispatcher):
    scripted.on("", "answer", "elterngeld")
    tracker = make_tracker("after_answer.json", text="ja, passt", intent="affirm")

    events = await run_action(ActionFeedback(), dispatcher, tracker)

    assert scripted.queries == []
    assert slots_of(events)["feedback"] == "yes"


async def test_request_for_a_person_naming_a_procedure_gets_it_with_its_contact(
        scripted, make_tracker, dispatcher):
    scripted.on("aufenthalt", "answer", "aufenthaltstitel-verlaengerung")
    tracker = make_tracker(text="Ich möchte mit jemandem über meinen Aufenthaltstitel sprechen",
                           intent="request_human", language="de")

    events = await run_action(ActionHandoff(), dispatcher, tracker)

    answer, contact, feedback = dispatcher.messages
    assert answer["text"].startswith("Aufenthaltstitel verlängern\n")
    assert contact["text"].startswith("Zuständig für")
    assert feedback["text"] == "War das hilfreich?"
    record = record_of(events)
    assert (record.decision, record.aspect, record.procedure_ids) == (
        "answer", "contact", ("aufenthaltstitel-verlaengerung",))


async def test_request_for_a_person_with_a_vague_topic_hands_off(scripted, make_tracker,
                                                                dispatcher):
    scripted.on("auto", "choose", "kfz-abmeldung", "kfz-zulassung")
    tracker = make_tracker(text="Mitarbeiter wegen Auto bitte", intent="request_human",
                           language="de")

    events = await run_action(ActionHandoff(), dispatcher, tracker)

    assert "Bürgerservice" in dispatcher.messages[0]["text"]
    record = record_of(events)
    assert (record.decision, record.reason) == ("handoff", "requested")


async def test_rathaus_after_the_form_is_not_gated(scripted, make_tracker, dispatcher):
    """The form has read the message already: no second search of "Ampfing, Auto …"."""
    scripted.on("", "answer", "kfz-abmeldung")
    tracker = make_tracker("gemeinde_form.json", text="Ampfing", intent="inform_gemeinde",
                           gemeinde="ampfing")
    state = copy.deepcopy(tracker.current_state())
    state["events"] += [{"event": "action", "name": "gemeinde_form"},
                        {"event": "active_loop", "name": None}]
    events = await run_action(ActionGemeindeContact(), dispatcher, Tracker.from_dict(state))

    assert scripted.queries == []
    assert record_of(events).reason == "gemeinde"


# -- 2. choices -------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "position"), [
    ("2", 1), ("2.", 1), ("die zweite", 1), ("Die zweite bitte", 1), ("Nummer 3", 2),
    ("the first one", 0), ("I'll take the second option", 1), ("one", 0), ("Nr. 1", 0),
    ("die letzte", -1), ("Ich nehme die erste", 0), ("the first one I guess", 0),
    ("die zweite glaub ich", 1),
    ("Ich brauche zwei Reisepässe", None), ("MÜ-AB 123", None), ("2 Kennzeichen", None),
    ("erste und zweite", None), ("Hallo", None), ("", None),
])
def test_typed_position(text, position):
    assert typed_position(text) == position


@pytest.mark.parametrize(("text", "offered", "positions"), [
    # seventeenth probe: a Bavarian ordinal, an ordinal with its reason, "both"
    ("des zwoate", 3, (1,)), ("die erschte", 3, (0,)),
    ("das vierte, ich will ein auto überführen das ich in passau gekauft hab", 5, (3,)),
    ("2 (das mit dem Kind)", 3, (1,)),
    ("1 und 2 eigentlich beides", 3, (0, 1)), ("beide", 2, (0, 1)), ("both", 2, (0, 1)),
    ("beide", 3, ()), ("Ich habe 2 Kinder, was nun?", 3, ()), ("zwei Reisepässe", 3, ()),
])
def test_typed_positions(text, offered, positions):
    assert typed_positions(text, offered) == positions


@pytest.mark.parametrize("intent", ["choose_option", "nlu_fallback", "search_procedure",
                                    "inform_gemeinde", "out_of_scope"])
async def test_typed_number_chooses_while_pending_whatever_the_intent(scripted, make_tracker,
                                                                      dispatcher, intent):
    tracker = make_tracker("after_choices.json", text="2", intent=intent)

    events = await run_action(ActionSearchProcedure(), dispatcher, tracker)

    assert scripted.queries == []
    assert slots_of(events)["procedure_id"] == "kfz-zulassung"
    assert record_of(events).procedure_ids == ("kfz-zulassung",)


async def test_both_typed_while_pending_answers_the_first_and_lists_the_second(
        scripted, make_tracker, dispatcher):
    """Seventeenth probe: "1 und 2 eigentlich beides" got the same menu again."""
    tracker = make_tracker("after_choices.json", text="1 und 2 eigentlich beides",
                           intent="nlu_fallback")

    events = await run_action(ActionSearchProcedure(), dispatcher, tracker)

    assert scripted.queries == []
    assert slots_of(events)["procedure_id"] == "kfz-abmeldung"
    buttons = [str(b) for m in dispatcher.messages for b in m.get("buttons") or []]
    assert any("kfz-zulassung" in payload for payload in buttons)


async def test_typed_number_without_pending_choice_is_searched(scripted, make_tracker,
                                                               dispatcher):
    tracker = make_tracker("after_answer.json", text="Nummer 2", intent="choose_option")

    events = await run_action(ActionChooseOption(), dispatcher, tracker)

    assert scripted.queries == ["Nummer 2"]
    assert "Diese Auswahl kenne ich" not in dispatcher.messages[0]["text"]
    assert record_of(events).decision == "rephrase"


async def test_number_in_a_question_while_pending_is_searched(scripted, make_tracker,
                                                              dispatcher):
    scripted.on("reisepäss", "answer", "personalausweis")
    tracker = make_tracker("after_choices.json", text="Ich brauche zwei Reisepässe",
                           intent="choose_option")

    events = await run_action(ActionChooseOption(), dispatcher, tracker)

    assert slots_of(events)["procedure_id"] == "personalausweis"


async def test_number_beyond_the_offered_choices_asks_again(scripted, make_tracker,
                                                            dispatcher):
    tracker = make_tracker("after_choices.json", text="Nummer 3", intent="choose_option")

    events = await run_action(ActionChooseOption(), dispatcher, tracker)

    assert dispatcher.messages[0]["text"].startswith("Diese Auswahl kenne ich leider nicht")
    assert record_of(events).reason == "choice_unknown"
    assert slots_of(events)["search_failures"] == 1.0


async def test_only_the_previous_reply_makes_a_choice_pending(scripted, make_tracker,
                                                              dispatcher):
    tracker = make_tracker("after_choices.json", text="Wie wird das Wetter?",
                           intent="out_of_scope")
    state = copy.deepcopy(tracker.current_state())
    state["events"] += [{"event": "action", "name": "action_search_procedure"},
                        {"event": "bot", "text": "Dabei kann ich leider nicht helfen."},
                        {"event": "action", "name": "action_listen"},
                        {"event": "user", "text": "2", "parse_data": {
                            "intent": {"name": "choose_option", "confidence": 0.97},
                            "entities": []}}]
    state["latest_message"] = {"text": "2", "intent": {"name": "choose_option",
                                                       "confidence": 0.97}, "entities": []}

    events = await run_action(ActionChooseOption(), dispatcher, Tracker.from_dict(state))

    assert "procedure_id" not in slots_of(events)


async def test_choice_button_counts_even_when_no_longer_pending(catalogue, make_tracker,
                                                                dispatcher):
    tracker = make_tracker(text='/choose_option{"procedure_id": "elterngeld"}',
                           intent="choose_option",
                           entities=[{"entity": "procedure_id", "value": "elterngeld"}])

    events = await run_action(ActionChooseOption(), dispatcher, tracker)

    assert slots_of(events)["procedure_id"] == "elterngeld"


# -- 3. one failure counter -------------------------------------------------------------

async def test_second_failure_of_a_different_kind_hands_off(scripted, make_tracker,
                                                            dispatcher):
    first = make_tracker(text="Erzähl mir einen Witz", intent="out_of_scope", language="de")
    events = await run_action(ActionSearchProcedure(), dispatcher, first)
    assert record_of(events).decision == "out_of_scope"
    assert slots_of(events)["search_failures"] == 1.0

    second = type(dispatcher)()
    tracker = make_tracker(text='/choose_option{"procedure_id": "gibtsnicht"}',
                           intent="choose_option", language="de", search_failures=1.0,
                           entities=[{"entity": "procedure_id", "value": "gibtsnicht"}])
    events = await run_action(ActionChooseOption(), second, tracker)

    apology, contact = second.messages
    assert apology["text"].startswith("Das habe ich leider wieder nicht gefunden")
    assert "Sicheres Kontaktformular" in contact["text"]
    record = record_of(events)
    assert (record.decision, record.outcome, record.reason) == (
        "handoff", "handoff", "second_failure")
    assert slots_of(events)["search_failures"] == 0.0


@pytest.mark.parametrize(("action", "intent", "text"), [
    (ActionProcedureDetails, "ask_fees", "Was kostet das?"),
    (ActionConsultation, "ask_consultation", "Gibt es eine Sprechstunde?"),
    (ActionDefaultFallback, "affirm", "hmm"),
    (ActionSearchProcedure, "nlu_fallback", "Dings"),
    (ActionSmalltalk, "nlu_fallback", "/gibtsnicht"),
])
async def test_every_kind_of_failure_counts_towards_the_handoff(scripted, make_tracker,
                                                                dispatcher, action, intent,
                                                                text):
    tracker = make_tracker(text=text, intent=intent, language="de", search_failures=1.0)

    events = await run_action(action(), dispatcher, tracker)

    assert record_of(events).reason == "second_failure"


async def test_a_reply_that_is_no_failure_resets_the_counter(scripted, make_tracker,
                                                             dispatcher):
    tracker = make_tracker(text="Grüß Gott", intent="greet", language="de",
                           search_failures=1.0)

    events = await run_action(ActionSmalltalk(), dispatcher, tracker)

    assert slots_of(events)["search_failures"] == 0.0


async def test_saying_the_last_reply_missed_counts_as_a_failure(scripted, make_tracker,
                                                                dispatcher):
    """Seventeenth and eighteenth probes: "das hilft mir nicht", "was hat das mit Bibern
    zu tun??" after a wrong answer got another wrong answer, and no human was offered."""
    scripted.on("regenwasser", "answer", "kfz-abmeldung")  # the search misses again
    tracker = make_tracker("after_answer.json", text="nein, nichts davon. regenwasser "
                           "in einen bach einleiten", intent="deny", language="de")

    events = await run_action(ActionSearchProcedure(), dispatcher, tracker)

    assert slots_of(events)["search_failures"] == 1.0  # the answer does not reset it

    tracker = make_tracker("after_answer.json", text="was hat das mit dem auto zu tun?? "
                           "regenwasser", intent="search_procedure", language="de",
                           search_failures=1.0)
    events = await run_action(ActionSearchProcedure(), dispatcher, tracker)

    assert record_of(events).reason == "second_failure"


@pytest.mark.parametrize("text", ["Das hilft mir sehr, danke!",
                                  "Hilft das Jugendamt nicht bei sowas?"])
async def test_thanks_or_a_question_with_nicht_is_no_miss(scripted, make_tracker, dispatcher,
                                                          text):
    scripted.on("", "answer", "kfz-abmeldung")
    tracker = make_tracker(text=text, intent="search_procedure", language="de",
                           search_failures=1.0)

    events = await run_action(ActionSearchProcedure(), dispatcher, tracker)

    assert record_of(events).reason != "second_failure"


async def test_core_fallback_answers_a_confident_search(scripted, make_tracker, dispatcher):
    scripted.on("elterngeld", "answer", "elterngeld")
    tracker = make_tracker(text="elterngeld??", intent="nlu_fallback", language="de",
                           search_failures=1.0)

    events = await run_action(ActionDefaultFallback(), dispatcher, tracker)

    assert record_of(events).procedure_ids == ("elterngeld",)


# -- 4. several needs -------------------------------------------------------------------

async def test_several_needs_answer_the_first_and_list_the_others(scripted, make_tracker,
                                                                  dispatcher):
    text = "Ich möchte mein Auto abmelden und Elterngeld beantragen"
    scripted.on(text, "answer", "kfz-abmeldung", "elterngeld", "kfz-zulassung")
    scripted.on("auto abmelden", "answer", "kfz-abmeldung")
    scripted.on("elterngeld", "answer", "elterngeld")
    tracker = make_tracker(text=text, intent="search_procedure", language="de")

    events = await run_action(ActionSearchProcedure(), dispatcher, tracker)

    answer, steps, feedback = dispatcher.messages
    assert ABMELDUNG_LINK in answer["text"]
    assert steps["text"] == "Außerdem wichtig für Sie:"
    assert steps["buttons"] == [{"title": "Elterngeld",
                                 "payload": '/choose_option{"procedure_id": "elterngeld"}'}]
    assert feedback["text"] == "War das hilfreich?"
    record = record_of(events)
    assert (record.decision, record.procedure_ids) == ("answer", ("kfz-abmeldung", "elterngeld"))
    assert slots_of(events)["procedure_id"] == "kfz-abmeldung"


async def test_next_steps_on_sms_are_a_numbered_list(scripted, make_tracker, dispatcher):
    text = "Auto abmelden und Elterngeld"
    scripted.on(text, "answer", "kfz-abmeldung", "elterngeld")
    scripted.on("auto abmelden", "answer", "kfz-abmeldung")
    scripted.on("elterngeld", "answer", "elterngeld")
    tracker = make_tracker(text=text, intent="search_procedure", language="de",
                           channel="twilio")

    await run_action(ActionSearchProcedure(), dispatcher, tracker)

    assert dispatcher.messages[1]["text"] == ("Außerdem wichtig für Sie:\n"
                                              "1. Elterngeld")
    # The bot's first reply on a messenger: the disclosure leads its first message.
    assert dispatcher.messages[0]["text"].startswith("Hinweis: Hier antwortet Wegweiser")


# -- 5. bad input -------------------------------------------------------------------

@pytest.mark.parametrize(("text", "intent", "decision", "start"), [
    ("/start", "nlu_fallback", "smalltalk", "Grüß Gott!"),
    ("/start", "greet", "smalltalk", "Grüß Gott!"),
    ("/handoff", "out_of_scope", "handoff", "Gern – der Bürgerservice"),
    ("/choose_option{\"procedure_id\": ", "choose_option", "rephrase",
     "Diese Eingabe kann ich leider nicht verarbeiten"),
    ("/gibtsnicht{\"procedure_id\": \"kfz-abmeldung\"}", "nlu_fallback", "rephrase",
     "Diese Eingabe kann ich leider nicht verarbeiten"),
    ("/search_procedure", "search_procedure", "rephrase",
     "Diese Eingabe kann ich leider nicht verarbeiten"),
])
@pytest.mark.parametrize("action", GATED)
async def test_hand_typed_payloads_get_a_fixed_reply_from_any_flow(
        scripted, make_tracker, dispatcher, action, text, intent, decision, start):
    """Whatever the NLU made of it and whichever action the policies picked."""
    scripted.on("", "answer", "kfz-abmeldung")  # would answer anything
    tracker = make_tracker(text=text, intent=intent, language="de")

    events = await run_action(action(), dispatcher, tracker)

    assert scripted.queries == []
    assert dispatcher.messages[0]["text"].startswith(start)
    assert "procedure_id" not in slots_of(events)
    assert record_of(events).decision == decision


@pytest.mark.parametrize(("action", "text", "entities", "decision", "start"), [
    (ActionChooseOption, '/choose_option{"foo": "bar"}', [], "clarify",
     "Diese Auswahl kenne ich leider nicht"),
    (ActionFeedback, '/feedback{"helpful": "maybe"}', [{"entity": "helpful", "value": "maybe"}],
     "feedback", "Alles klar."),
    (ActionSmalltalk, "/greet", [], "smalltalk", "Grüß Gott!"),
])
async def test_payloads_rasa_parsed_go_to_their_flow(scripted, make_tracker, dispatcher,
                                                     action, text, entities, decision, start):
    intent = text[1:].split("{")[0]
    tracker = make_tracker(text=text, intent=intent, entities=entities, language="de")

    events = await run_action(action(), dispatcher, tracker)

    assert scripted.queries == []
    assert dispatcher.messages[0]["text"].startswith(start)
    assert "procedure_id" not in slots_of(events) and "feedback" not in slots_of(events)
    assert record_of(events).decision == decision


async def test_unknown_choice_payload_never_answers(scripted, make_tracker, dispatcher):
    tracker = make_tracker(text='/choose_option{"procedure_id": "gibtsnicht"}',
                           intent="choose_option",
                           entities=[{"entity": "procedure_id", "value": "gibtsnicht"}])

    events = await run_action(ActionChooseOption(), dispatcher, tracker)

    assert "procedure_id" not in slots_of(events)
    assert not dispatcher.messages[0].get("buttons")
    assert record_of(events).procedure_ids == ()


async def test_a_2000_character_story_is_searched_by_its_start_and_end(scripted, make_tracker,
                                                                       dispatcher):
    filler = "Ich muss dazu etwas ausholen, weil die Lage kompliziert ist. " * 32
    text = filler + "Jedenfalls muss ich jetzt mein Auto abmelden, wie geht das?"
    assert len(text) > 1900
    scripted.on("auto abmelden", "answer", "kfz-abmeldung")
    tracker = make_tracker(text=text, intent="out_of_scope", language="de")

    events = await run_action(ActionSearchProcedure(), dispatcher, tracker)

    assert slots_of(events)["procedure_id"] == "kfz-abmeldung"
    assert all(len(q) <= 500 for q in scripted.queries[1:])


async def test_a_long_story_without_a_clear_need_asks_to_shorten(scripted, make_tracker,
                                                                 dispatcher):
    text = "Es war einmal ein langer Tag und nichts passte zusammen. " * 40
    tracker = make_tracker(text=text, intent="out_of_scope", language="de")

    events = await run_action(ActionSearchProcedure(), dispatcher, tracker)

    assert dispatcher.messages[0]["text"] == "Ihre Frage ist zu lang."
    assert record_of(events).reason == "query_error"


async def test_a_long_story_with_the_real_search_does_not_crash(lexical_search, make_tracker,
                                                                dispatcher):
    text = ("Grüß Gott, mein Mann und ich sind letztes Jahr hergezogen. " * 25
            + "Hello, we also need to deregister our car, bitte helfen Sie uns. 🚗")
    tracker = make_tracker(text=text, intent="out_of_scope", language="de")

    events = await run_action(ActionSearchProcedure(), dispatcher, tracker)

    assert dispatcher.messages and record_of(events).decision in (
        "answer", "choose", "rephrase", "out_of_scope")


async def test_several_languages_in_one_message(lexical_search, make_tracker, dispatcher):
    tracker = make_tracker(text="Hello, ich möchte mein Auto abmelden, please help",
                           intent="greet", language="en")

    events = await run_action(ActionSmalltalk(), dispatcher, tracker)

    assert dispatcher.messages
    assert record_of(events).language in ("de", "en")


def test_read_turn_knows_payloads_and_whether_it_is_the_first_reply(make_tracker):
    button = read_turn(make_tracker(text='/choose_option{"procedure_id": "x"}',
                                    intent="choose_option"))
    assert button.payload == ("choose_option", (("procedure_id", "x"),))
    assert button.payload_like and button.first_reply

    broken = read_turn(make_tracker(text='/choose_option{"procedure_id": ',
                                    intent="choose_option"))
    assert broken.payload is None and broken.payload_like

    typed = read_turn(make_tracker(text="Ich möchte / brauche einen Pass"))
    assert typed.payload is None and not typed.payload_like

    tracker = make_tracker(text="Ampfing", intent="inform_gemeinde")
    state = copy.deepcopy(tracker.current_state())
    state["events"].append({"event": "action", "name": "gemeinde_form"})
    assert not read_turn(Tracker.from_dict(state)).first_reply


async def test_english_stays_english_through_the_gate(scripted, make_tracker, dispatcher):
    scripted.on("car", "answer", "kfz-abmeldung")
    tracker = make_tracker(text="Thanks! And how do I deregister my car?", intent="thanks",
                           language="de")

    events = await run_action(ActionSmalltalk(), dispatcher, tracker)

    assert dispatcher.messages[0]["text"].startswith("Deregistering a vehicle")
    assert SlotSet("language", "en") in events


async def test_procedure_question_with_a_contact_wish_gets_the_contact(scripted, make_tracker,
                                                                      dispatcher):
    """Classified as a procedure question, but the citizen wants to talk to someone."""
    scripted.on("aufenthalt", "answer", "aufenthaltstitel-verlaengerung")
    tracker = make_tracker(text="Ich möchte mit jemandem über meinen Aufenthaltstitel sprechen",
                           intent="search_procedure", language="de")

    events = await run_action(ActionSearchProcedure(), dispatcher, tracker)

    assert dispatcher.messages[1]["text"].startswith("Zuständig für")
    assert record_of(events).aspect == "contact"


async def test_a_correction_after_the_feedback_question_is_answered(scripted, make_tracker,
                                                                   dispatcher):
    scripted.on("elterngeld", "answer", "elterngeld")
    tracker = make_tracker("after_answer.json", text="Nein, Elterngeld!", intent="deny")

    events = await run_action(ActionFeedback(), dispatcher, tracker)

    assert slots_of(events)["procedure_id"] == "elterngeld"


@pytest.mark.parametrize("text, intent", [("Wie lange dauert das?", "search_procedure"),
                                          ("und wie lang dauert des", "nlu_fallback"),
                                          ("How long does it take?", "out_of_scope")])
async def test_how_long_asks_about_the_procedure_in_context(scripted, make_tracker, dispatcher,
                                                            text, intent):
    tracker = make_tracker("after_answer.json", text=text, intent=intent)

    events = await run_action(ActionSearchProcedure(), dispatcher, tracker)

    assert scripted.queries == []  # nothing to search: the question is about the context
    record = record_of(events)
    assert (record.aspect, record.procedure_ids) == ("processing_time", ("kfz-abmeldung",))
    assert "sofort" in dispatcher.messages[0]["text"]


async def test_how_long_naming_a_new_topic_is_searched(scripted, make_tracker, dispatcher):
    scripted.on("elterngeld", "answer", "elterngeld")
    tracker = make_tracker("after_answer.json", text="Wie lange dauert das Elterngeld?",
                           intent="search_procedure")

    events = await run_action(ActionSearchProcedure(), dispatcher, tracker)

    assert record_of(events).procedure_ids[0] == "elterngeld"


@pytest.mark.parametrize("text, intent", [("Was kostet das?", "ask_fees"),
                                          # tenth probe: "ungefähr" found child protection
                                          ("Und was kostet das ungefähr?", "ask_fees"),
                                          ("how long does it take?", "search_procedure")])
async def test_a_question_about_it_while_options_are_pending_asks_to_choose_first(
        scripted, make_tracker, dispatcher, text, intent):
    tracker = make_tracker("after_choices.json", text=text, intent=intent)

    events = await run_action(ActionProcedureDetails() if intent == "ask_fees"
                              else ActionSearchProcedure(), dispatcher, tracker)

    record = record_of(events)
    assert (record.decision, record.reason) == ("choose", "choice_pending")
    assert record.procedure_ids == ("kfz-abmeldung", "kfz-zulassung")
    assert len(dispatcher.messages[0]["buttons"]) == 2


async def test_a_reply_to_the_options_is_searched_with_the_message_before(
        scripted, make_tracker, dispatcher):
    scripted.on("auto ich hab es verkauft", "answer", "kfz-abmeldung", top=0.8)
    scripted.on("verkauft", "answer", "elterngeld", top=0.6)
    tracker = make_tracker("after_choices.json", text="ich hab es verkauft",
                           intent="search_procedure")

    events = await run_action(ActionSearchProcedure(), dispatcher, tracker)

    assert "Auto ich hab es verkauft" in scripted.queries
    assert record_of(events).procedure_ids[0] == "kfz-abmeldung"


async def test_a_new_topic_of_its_own_wins_over_the_mixed_text(scripted, make_tracker,
                                                               dispatcher):
    scripted.on("auto elterngeld", "answer", "kfz-zulassung", top=0.6)
    scripted.on("elterngeld", "answer", "elterngeld", top=0.9)
    tracker = make_tracker("after_choices.json", text="Elterngeld beantragen",
                           intent="search_procedure")

    events = await run_action(ActionSearchProcedure(), dispatcher, tracker)

    assert record_of(events).procedure_ids[0] == "elterngeld"


async def test_without_pending_options_or_a_failure_the_message_stands_alone(
        scripted, make_tracker, dispatcher):
    scripted.on("verkauft", "answer", "elterngeld")
    tracker = make_tracker("after_answer.json", text="ich hab es verkauft",
                           intent="search_procedure")

    await run_action(ActionSearchProcedure(), dispatcher, tracker)

    # Alone — at most checked against the title of the answer in context (about_context),
    # never joined with the previous message.
    assert scripted.queries[0] == "ich hab es verkauft"
    assert all(q.startswith("Außerbetriebsetzung") for q in scripted.queries[1:])


def test_how_long_it_is_valid_is_no_question_about_processing_time():
    from actions.question_kinds import asks_duration

    assert asks_duration("Wie lange dauert das?") and asks_duration("how long does it take")
    assert not asks_duration("wie lange ist der gültig?")
    assert not asks_duration("Wie lange habt ihr heute offen?")  # the opening hours
    assert not asks_duration("how long are you open today?")
    assert not asks_duration("How long is it valid?")
    # How long it is paid, or a deadline: no processing time.
    assert not asks_duration("wie lange bekommt man den Unterhaltsvorschuss?")
    assert not asks_duration("how long do we have to apply?")
    assert asks_duration("wie lange dauert es, bis ich den Bescheid bekomme?")
    assert asks_duration("how long does it take to get it?") and asks_duration("wie lange?")


@pytest.mark.parametrize("procedure_id, expected", [
    ("kfz-abmeldung", "online erledigen"),
    ("aufenthaltstitel-verlaengerung",
     "persönlich, per Post oder über das sichere Kontaktformular"),
])
async def test_how_to_hand_it_in_is_answered_for_the_procedure_in_context(
        scripted, make_tracker, dispatcher, procedure_id, expected):
    tracker = make_tracker("after_answer.json", text="Kann ich den Antrag per Mail schicken?",
                           intent="nlu_fallback", procedure_id=procedure_id)

    events = await run_action(ActionSearchProcedure(), dispatcher, tracker)

    assert scripted.queries == []
    record = record_of(events)
    assert (record.aspect, record.procedure_ids) == ("online", (procedure_id,))
    assert expected in dispatcher.messages[0]["text"]


async def test_the_same_for_another_thing_reuses_the_procedure_in_context(
        scripted, make_tracker, dispatcher):
    scripted.on("außerbetriebsetzung", "answer", "kfz-abmeldung", top=0.8)
    scripted.on("motorrad", "choose", "kfz-zulassung", "kfz-abmeldung", top=0.5)
    tracker = make_tracker("after_answer.json", text="und mein Motorrad auch",
                           intent="search_procedure")

    events = await run_action(ActionSearchProcedure(), dispatcher, tracker)

    assert record_of(events).procedure_ids[0] == "kfz-abmeldung"


async def test_a_complaint_without_a_topic_goes_to_the_buergerservice(
        scripted, make_tracker, dispatcher):
    tracker = make_tracker(text="Ich möchte mich beschweren", intent="search_procedure")

    events = await run_action(ActionSearchProcedure(), dispatcher, tracker)

    assert scripted.queries == []
    record = record_of(events)
    assert (record.decision, record.reason) == ("handoff", "complaint")
    assert "Beschwerde" in dispatcher.messages[0]["text"]


async def test_a_question_the_catalogue_cannot_answer_names_the_office_in_context(
        scripted, make_tracker, dispatcher):
    tracker = make_tracker("after_answer.json", text="Gibt es dafür Infoabende?",
                           intent="nlu_fallback")

    events = await run_action(ActionSearchProcedure(), dispatcher, tracker)

    record = record_of(events)
    assert (record.decision, record.reason) == ("answer", "ask_the_office")
    assert record.procedure_ids == ("kfz-abmeldung",)
    assert "search_failures" not in slots_of(events) or slots_of(events)["search_failures"] == 0


# -- a place named next to a request, or after an answer --------------------------------

@pytest.mark.parametrize(("procedure_id", "lead"), [
    ("kfz-abmeldung", "Auch für Markt Ampfing ist dafür das Landratsamt zuständig"),
    ("elterngeld", "Auch für Markt Ampfing bleibt dafür zuständig: Zentrum Bayern"),
])
async def test_a_place_after_an_answer_keeps_its_office(scripted, make_tracker, dispatcher,
                                                        procedure_id, lead):
    """"Ich wohne in Ampfing" after the waste calendar or a residence permit: the
    Landratsamt (or that authority) stays responsible — no Rathaus."""
    tracker = make_tracker("after_answer.json", text="Ich wohne in Ampfing",
                           intent="inform_gemeinde", procedure_id=procedure_id)

    events = await run_action(ActionGemeindeContact(), dispatcher, tracker)

    assert dispatcher.messages[0]["text"].startswith(lead)
    # The office's contact, not the whole answer again (eighth blind probe).
    assert [m["text"] for m in dispatcher.messages[1:]] == ["War das hilfreich?"]
    record = record_of(events)
    assert (record.reason, record.procedure_ids) == ("same_office", (procedure_id,))


async def test_a_place_after_a_gemeinde_answer_names_the_rathaus(scripted, make_tracker,
                                                                 dispatcher):
    tracker = make_tracker("after_answer.json", text="Ich wohne in Ampfing",
                           intent="inform_gemeinde", procedure_id="personalausweis")

    events = await run_action(ActionGemeindeContact(), dispatcher, tracker)

    assert record_of(events).reason == "gemeinde"


async def test_a_request_with_a_place_is_searched_not_sent_to_the_rathaus(
        scripted, make_tracker, dispatcher):
    scripted.on("blue card", "choose", "aufenthaltstitel-verlaengerung", "kfz-zulassung")
    tracker = make_tracker(text="I got a job offer in Ampfing. How do I get a Blue Card?",
                           intent="inform_gemeinde", language="en")

    events = await run_action(ActionGemeindeContact(), dispatcher, tracker)

    record = record_of(events)
    assert record.decision == "choose"
    assert record.procedure_ids == ("aufenthaltstitel-verlaengerung", "kfz-zulassung")


async def test_a_place_while_options_are_pending_offers_them_again(scripted, make_tracker,
                                                                   dispatcher):
    tracker = make_tracker("after_choices.json", intent="inform_gemeinde",
                           text="ich bin von Ampfing nach Waldkraiburg umgezogen")

    events = await run_action(ActionGemeindeContact(), dispatcher, tracker)

    assert record_of(events).reason == "choice_pending"
    assert "Rathaus" not in " ".join(m.get("text") or "" for m in dispatcher.messages)


def with_related_button(tracker: Tracker, lead: str) -> Tracker:
    """`tracker` whose answer before the latest message also offered one related
    procedure as a button (a next step, no pending choice)."""
    state = copy.deepcopy(tracker.current_state())
    related = {"event": "bot", "text": lead, "data": {"buttons": [
        {"title": "Zulassung", "payload": '/choose_option{"procedure_id": "kfz-zulassung"}'}]}}
    state["events"].insert(len(state["events"]) - 5, related)
    return Tracker.from_dict(state)


async def test_a_place_and_a_question_after_one_next_step_button_is_no_pending_choice(
        scripted, make_tracker, dispatcher):
    """"ich wohne in Ampfing, wo ist das Jobcenter?" after an answer with one "Außerdem
    wichtig" button got "Diese Auswahl kenne ich leider nicht" (eighth probe)."""
    tracker = with_related_button(make_tracker(
        "after_answer.json", text="ich wohne in Ampfing, wo ist das Jobcenter?",
        intent="inform_gemeinde"), "Außerdem wichtig für Sie:")

    events = await run_action(ActionGemeindeContact(), dispatcher, tracker)

    assert record_of(events).reason != "choice_unknown"
    assert "Diese Auswahl kenne ich" not in " ".join(
        m.get("text") or "" for m in dispatcher.messages)


async def test_a_follow_up_after_an_answer_with_one_related_button_is_about_the_answer(
        scripted, make_tracker, dispatcher):
    """One related-procedure button is no pending choice: "welche Unterlagen brauche
    ich?" asks about the procedure just answered."""
    tracker = with_related_button(make_tracker(
        "after_answer.json", text="welche Unterlagen brauche ich?", intent="ask_documents"),
        "Das könnte auch passen:")

    events = await run_action(ActionProcedureDetails(), dispatcher, tracker)

    record = record_of(events)
    assert (record.aspect, record.procedure_ids) == ("documents", ("kfz-abmeldung",))


@pytest.mark.parametrize("intent", ["deny", "affirm"])
async def test_a_topic_read_as_yes_or_no_offers_its_choices(scripted, make_tracker, dispatcher,
                                                            intent):
    """"Abfall" after "War das hilfreich?", or "nein, ich meinte den Führerschein":
    the topic, not the feedback (the rejected answer in context left out)."""
    scripted.on("führerschein", "choose", "kfz-zulassung", "kfz-abmeldung", "personalausweis")
    tracker = make_tracker("after_answer.json", text="nein, ich meinte den Führerschein",
                           intent=intent)

    events = await run_action(ActionFeedback(), dispatcher, tracker)

    assert record_of(events).decision == "choose"


async def test_naming_one_pending_option_chooses_it(scripted, make_tracker, dispatcher):
    """"nein, ich meinte die Abmeldung" under Abmeldung / Zulassung: that option."""
    tracker = make_tracker("after_choices.json", text="nein, ich meinte die Abmeldung",
                           intent="deny")

    events = await run_action(ActionFeedback(), dispatcher, tracker)

    record = record_of(events)
    assert (record.decision, record.procedure_ids) == ("answer", ("kfz-abmeldung",))


async def test_a_short_question_the_search_strays_on_goes_to_the_office(
        scripted, make_tracker, dispatcher):
    """"muss ich zur Polizei?" after an answer: the search's stray hits name nothing of
    the question — the office of the answer in context can tell."""
    scripted.on("polizei", "choose", "elterngeld", "personalausweis")
    tracker = make_tracker("after_answer.json", text="muss ich zur Polizei?",
                           intent="search_procedure")

    events = await run_action(ActionSearchProcedure(), dispatcher, tracker)

    record = record_of(events)
    assert (record.reason, record.procedure_ids) == ("ask_the_office", ("kfz-abmeldung",))


async def test_a_follow_up_the_answer_already_covers_is_quoted_before_the_office(
        catalogue, scripted, make_tracker, dispatcher):
    """"muss ich zur Polizei?" after the Abmeldung, whose answer names the police: that
    sentence, then the office's contact (fifth blind probe, c05)."""
    from actions.common import load_procedure
    from catalogue.db import insert_rows, procedure_to_row

    abmeldung = load_procedure("kfz-abmeldung")
    assert abmeldung is not None
    insert_rows(catalogue, "procedures", [procedure_to_row(abmeldung.model_copy(update={
        "short_answer": "Melden Sie das Fahrzeug ab. Sind die Schilder gestohlen, zeigen "
                        "Sie das zuerst bei der Polizei an."}))], upsert=True)
    scripted.on("polizei", "choose", "elterngeld", "personalausweis")
    tracker = make_tracker("after_answer.json", text="muss ich zur Polizei?",
                           intent="search_procedure")

    events = await run_action(ActionSearchProcedure(), dispatcher, tracker)

    first, second = (m["text"] for m in dispatcher.messages[:2])
    assert "zuerst bei der Polizei an" in first
    assert second.startswith("Genaueres kann Ihnen die zuständige Stelle sagen")
    record = record_of(events)
    assert (record.reason, record.procedure_ids) == ("passage", ("kfz-abmeldung",))


@pytest.mark.parametrize("text, intent", [
    ("was soll ich jetzt machen?", "goodbye"),
    # tenth probe: a question mark inside the message, a statement after it
    ("reicht die alte Abmeldung noch? ich hab gehört die gibts nicht mehr", "goodbye"),
    # twelfth probe: "und" before the question word, and a question read as thanks
    ("und was brauch ich alles", "goodbye"),
    ("wer hilft mir da, die Zulassungsstelle?", "thanks"),
])
async def test_a_question_read_as_goodbye_after_an_answer_is_no_goodbye(
        scripted, make_tracker, dispatcher, text, intent):
    tracker = make_tracker("after_answer.json", text=text, intent=intent)

    events = await run_action(ActionSmalltalk(), dispatcher, tracker)

    assert not dispatcher.messages[0]["text"].startswith(("Auf Wiedersehen", "Gern geschehen"))
    assert record_of(events).procedure_ids == ("kfz-abmeldung",)


async def test_a_follow_up_that_fits_the_answer_in_context_better_stays_with_it(
        scripted, make_tracker, dispatcher):
    """"wie viele tage vorher muss man das beantragen?" found the 5-day plate alone; with
    the title of the answer in context, the context comes first and the other procedure
    scores below FOLLOWUP_SWITCH_MIN: the office in context is asked, no topic switch."""
    scripted.on("außerbetriebsetzung", "answer", "kfz-abmeldung", top=0.7)
    scripted.on("tage vorher", "answer", "elterngeld")
    tracker = make_tracker("after_answer.json", text="wie viele tage vorher beantragen?",
                           intent="search_procedure")

    events = await run_action(ActionSearchProcedure(), dispatcher, tracker)

    record = record_of(events)
    assert (record.reason, record.procedure_ids) == ("ask_the_office", ("kfz-abmeldung",))


async def test_a_new_topic_that_holds_its_own_beside_the_context_switches(
        scripted, make_tracker, dispatcher):
    """"und wie beantrage ich Elterngeld?": together with the context's title, Elterngeld
    still scores high (0.6 ≥ 0.45) — a new topic, answered."""
    scripted.on("außerbetriebsetzung", "answer", "kfz-abmeldung", "elterngeld", top=0.7)
    scripted.on("elterngeld", "answer", "elterngeld")
    tracker = make_tracker("after_answer.json", text="und wie beantrage ich Elterngeld?",
                           intent="search_procedure")

    events = await run_action(ActionSearchProcedure(), dispatcher, tracker)

    record = record_of(events)
    assert (record.decision, record.procedure_ids[0]) == ("elsewhere", "elterngeld")  # ZBFS


async def test_a_question_the_rathaus_can_answer_names_the_known_rathaus(
        scripted, make_tracker, dispatcher):
    """A Gemeinde matter whose Gemeinde is known: its Rathaus, not the whole answer again
    (which would ask for the place once more)."""
    scripted.on("polizei", "choose", "elterngeld", "kfz-abmeldung")
    tracker = make_tracker("after_answer.json", text="muss ich zur Polizei?",
                           intent="search_procedure", procedure_id="personalausweis",
                           gemeinde="waldkraiburg")

    events = await run_action(ActionSearchProcedure(), dispatcher, tracker)

    record = record_of(events)
    assert (record.decision, record.reason, record.procedure_ids) == (
        "elsewhere", "ask_the_office", ("personalausweis",))
    assert "Waldkraiburg" in dispatcher.messages[1]["text"]
    assert slots_of(events)["gemeinde_needed"] is False


def test_a_procedure_the_last_reply_offered_is_no_stray(scripted, catalogue):
    """"was kostet der pass?" after an answer that offered the passport as a next step:
    naming it switches, whatever the joint search says."""
    from actions.common import load_procedure
    from actions.sdk import Turn
    from actions.topic import about_context

    scripted.on("außerbetriebsetzung", "answer", "kfz-abmeldung", top=0.7)
    context, found = load_procedure("kfz-abmeldung"), load_procedure("elterngeld")
    assert context is not None and found is not None

    def turn(offered: tuple[str, ...], text: str = "was kostet das pro Monat?") -> Turn:
        return Turn(text, "ask_fees", 0.9, (), "rest", "de", "de",
                    "kfz-abmeldung", None, 0.0, 0.0, offered, offered, False)

    assert about_context(turn(()), context, found)
    assert not about_context(turn(("elterngeld",)), context, found)
    # Naming the other procedure's title, which the answer in context never mentions,
    # switches too ("wo kann ich grüngut abgeben" after the parking permit).
    assert not about_context(turn((), "was kostet das Elterngeld?"), context, found)


async def test_a_correction_leaves_the_rejected_answer_out(scripted, make_tracker, dispatcher):
    """"nein, ich meinte das Elterngeld, nicht die Abmeldung" after the Abmeldung: the
    search would find the Abmeldung again by its name; it is left out (sixth probe)."""
    scripted.on("elterngeld", "answer", "kfz-abmeldung", "elterngeld")
    tracker = make_tracker("after_answer.json",
                           text="nein, ich meinte das Elterngeld, nicht die Abmeldung",
                           intent="deny")

    events = await run_action(ActionFeedback(), dispatcher, tracker)

    record = record_of(events)
    assert (record.procedure_ids[0], record.reason) == ("elterngeld", "correction")
    assert all("abmeldung" not in q.lower() for q in scripted.queries)


async def test_rejecting_all_options_apologises_and_offers_the_buergerservice(
        scripted, make_tracker, dispatcher):
    tracker = make_tracker("after_choices.json", text="keins davon", intent="deny")

    events = await run_action(ActionFeedback(), dispatcher, tracker)

    assert dispatcher.messages[0]["text"].startswith("Entschuldigung, dann habe ich Sie falsch")
    record = record_of(events)
    assert (record.decision, record.reason) == ("rephrase", "correction")


@pytest.mark.parametrize("rule", [True, False])
async def test_a_question_is_not_answered_with_the_card_just_shown(
        scripted, make_tracker, dispatcher, monkeypatch, rule):
    """Fifteenth probe: "Jetz sog hoit ja oder na!" got the hay barn's card a third time.
    After the whole card, the question goes to the office of the answer in context."""
    if not rule:
        monkeypatch.setattr(gate, "repeats_answer", lambda turn, found: False)
    scripted.on("abmelden", "answer", "kfz-abmeldung")
    tracker = make_tracker("after_answer.json", intent="search_procedure",
                           text="Ich hab das gelesen, aber mein Wagen steht seit einem Jahr "
                                "kaputt in der Scheune beim Nachbarn, muss ich den jetzt "
                                "wirklich abmelden oder nicht, ja oder nein?")
    record = {"decision": "answer", "reason": None, "aspect": None,
              "procedure_ids": ["kfz-abmeldung"]}
    tracker.events.insert(-1, {"event": "slot", "name": "turn_record", "value": record})

    events = await run_action(ActionSearchProcedure(), dispatcher, tracker)

    found = record_of(events)
    assert found.procedure_ids[0] == "kfz-abmeldung"
    assert (found.reason in ("ask_the_office", "passage")) is rule


async def test_keins_davon_rejects_every_option_even_one_the_rest_resembles(
        scripted, make_tracker, dispatcher):
    """Fifteenth probe: "keins davon. … Zulassungsstelle …" under Abmeldung / Zulassung
    chose or answered a rejected option again because the rest shared its words."""
    scripted.on("zulassung", "answer", "kfz-zulassung", "elterngeld")
    tracker = make_tracker("after_choices.json",
                           text="keins davon. wo ist die Zulassung für mein Elterngeld?",
                           intent="deny")

    events = await run_action(ActionFeedback(), dispatcher, tracker)

    record = record_of(events)
    assert (record.procedure_ids[0], record.reason) == ("elterngeld", "correction")


async def test_a_rejected_option_named_with_no_is_not_chosen(scripted, make_tracker,
                                                             dispatcher):
    """"Abmeldung? Nein. Ich brauche Elterngeld" under Abmeldung / Zulassung."""
    scripted.on("elterngeld", "answer", "elterngeld")
    tracker = make_tracker("after_choices.json",
                           text="Abmeldung? Nein. Ich brauche Elterngeld", intent="deny")

    events = await run_action(ActionFeedback(), dispatcher, tracker)

    assert record_of(events).procedure_ids[0] == "elterngeld"


@pytest.mark.parametrize("intent", ["search_procedure", "request_human"])
async def test_a_question_about_it_stays_with_the_answer_in_context(
        scripted, make_tracker, dispatcher, intent):
    """"geht das auch für meine Frau?" after the Abmeldung: "Frau" found something else
    by its search terms, but the question is about "it" (sixth blind probe, c73, c19)."""
    scripted.on("frau", "answer", "elterngeld")
    tracker = make_tracker("after_answer.json", text="geht das auch für meine Frau?",
                           intent=intent)

    events = await run_action(ActionSearchProcedure(), dispatcher, tracker)

    record = record_of(events)
    assert record.procedure_ids == ("kfz-abmeldung",)
    assert record.reason in ("ask_the_office", "passage")


async def test_a_question_naming_another_title_switches(scripted, make_tracker, dispatcher):
    scripted.on("elterngeld", "answer", "elterngeld")
    tracker = make_tracker("after_answer.json", text="geht das auch beim Elterngeld?",
                           intent="search_procedure")

    events = await run_action(ActionSearchProcedure(), dispatcher, tracker)

    assert record_of(events).procedure_ids[0] == "elterngeld"


@pytest.mark.parametrize("step, reason, shown, text", [
    # the context nearly as high: its sentence
    (0.03, "passage", "kfz-abmeldung", "geht das für Wohnmobile vor Ort bei der Zulassungsstelle?"),
    # the context well below: the new topic
    (0.1, None, "kfz-zulassung", "geht das für Wohnmobile vor Ort bei der Zulassungsstelle?"),
    # every word of the question in the answer in context: its sentence, however far
    # the search ranks it (twelfth probe: "bekommen wir da Pflegegeld?")
    (0.1, "passage", "kfz-abmeldung", "geht das vor Ort bei der Zulassungsstelle?"),
])
async def test_a_question_the_answer_in_context_answers_stays_with_it(
        scripted, make_tracker, dispatcher, step, reason, shown, text):
    """Ninth probe: "kann ich mein altes LA Kennzeichen behalten?" after the address change
    (whose answer says so) got the H-Kennzeichen, ranked only 0.03 higher."""
    scripted.on("zulassungsstelle", "answer", "kfz-zulassung", "kfz-abmeldung", step=step)
    tracker = make_tracker("after_answer.json", text=text,
                           intent="search_procedure", procedure_id="kfz-abmeldung")

    events = await run_action(ActionSearchProcedure(), dispatcher, tracker)

    record = record_of(events)
    assert (record.reason, record.procedure_ids[0]) == (reason, shown)
    if reason == "passage":
        assert "vor Ort bei der Zulassungsstelle" in dispatcher.messages[0]["text"]


async def test_options_the_question_does_not_name_leave_it_with_the_answer(
        scripted, make_tracker, dispatcher):
    """Twelfth probe: "muss ich es meinen eltern sagen?" after the pregnancy counselling got
    a menu of a visitor's declaration, head lice and paternity."""
    scripted.on("eltern", "choose", "aufenthaltstitel-verlaengerung", "personalausweis",
                step=0.01)
    tracker = make_tracker("after_answer.json", text="muss ich es meinen Eltern sagen?",
                           intent="search_procedure", procedure_id="kfz-abmeldung")

    events = await run_action(ActionSearchProcedure(), dispatcher, tracker)

    record = record_of(events)
    assert record.decision != "choose" and record.procedure_ids[0] == "kfz-abmeldung"


async def test_options_named_by_the_question_are_offered_after_an_answer(
        scripted, make_tracker, dispatcher):
    scripted.on("ausweis", "choose", "personalausweis", "elterngeld", step=0.01)
    tracker = make_tracker("after_answer.json", text="und was ist mit dem Personalausweis?",
                           intent="search_procedure", procedure_id="kfz-abmeldung")

    events = await run_action(ActionSearchProcedure(), dispatcher, tracker)

    record = record_of(events)
    assert record.decision == "choose"
    assert record.procedure_ids[:2] == ("personalausweis", "elterngeld")


@pytest.mark.parametrize("failures, decision", [(0.0, "choose"), (1.0, "handoff")])
async def test_the_same_options_offered_again_count_as_not_understood(
        scripted, make_tracker, dispatcher, failures, decision):
    """Twelfth probe: "is it possible to do it in english at the office?" under a menu got
    the same menu again, and again: the second time the office takes over."""
    scripted.on("english", "choose", "kfz-abmeldung", "kfz-zulassung", step=0.01)
    tracker = make_tracker("after_choices.json", text="is it possible in english at the office?",
                           intent="search_procedure", search_failures=failures)

    events = await run_action(ActionSearchProcedure(), dispatcher, tracker)

    record = record_of(events)
    assert record.decision == decision
    if decision == "choose":
        assert SlotSet("search_failures", 1.0) in plain(events)


async def test_a_long_message_read_as_a_greeting_is_a_request(scripted, make_tracker,
                                                               dispatcher):
    """Twelfth-session probe: a long Bavarian request opening with "Servus" got "Gern! Um
    welches Anliegen geht es denn?"."""
    scripted.on("konzert", "choose", "kfz-abmeldung", "kfz-zulassung", step=0.01)
    text = ("Servus. Mia hom an Campingplatz und woin im Summa a Konzert mit 3000 Leit "
            "macha. Wer is do zuaständig?")
    tracker = make_tracker(text=text, intent="greet")

    events = await run_action(ActionSmalltalk(), dispatcher, tracker)

    record = record_of(events)
    assert record.decision == "choose" and record.reason != "greet"


async def test_a_landratsamt_matter_for_a_town_outside_the_district_says_so(
        scripted, make_tracker, dispatcher):
    """Sixteenth probe: "Ich wohne in Töging am Inn. Kann ich mein Auto bei euch
    zulassen?" never heard that Töging's own district office is responsible."""
    scripted.on("auto", "answer", "kfz-abmeldung")
    tracker = make_tracker(text="Ich wohne in Töging am Inn. Kann ich mein Auto bei euch "
                                "abmelden?", intent="search_procedure")

    await run_action(ActionSearchProcedure(), dispatcher, tracker)

    assert dispatcher.messages[0]["text"].startswith("Hinweis: Töging am Inn liegt nicht im "
                                                     "Landkreis Mühldorf a. Inn")
    assert all("Töging" not in query for query in scripted.queries)


@pytest.fixture
def with_a_fact(catalogue):
    """The deregistration entry with one checked fact."""
    from actions.common import load_procedure
    from catalogue.db import insert_rows, procedure_to_row

    abmeldung = load_procedure("kfz-abmeldung")
    assert abmeldung is not None
    insert_rows(catalogue, "procedures", [procedure_to_row(abmeldung.model_copy(update={
        "facts": ["Ein Saisonkennzeichen behalten Sie auch nach der Abmeldung ein Jahr."]}))],
        upsert=True)


async def test_a_checked_fact_follows_the_first_answer_to_a_question(
        scripted, with_a_fact, make_tracker, dispatcher):
    """Seventeenth probe: "ab wie viel Promille MPU?" got the procedure, not the threshold."""
    scripted.on("abmelden", "answer", "kfz-abmeldung")
    tracker = make_tracker(text="Kann ich mein Saisonkennzeichen nach dem Abmelden behalten?",
                           intent="search_procedure", language="de")

    events = await run_action(ActionSearchProcedure(), dispatcher, tracker)

    assert ABMELDUNG_LINK in dispatcher.messages[0]["text"]
    assert "Zu Ihrer Frage: Ein Saisonkennzeichen behalten" in dispatcher.messages[1]["text"]
    assert record_of(events).decision == "answer"


async def test_no_fact_without_a_question(scripted, with_a_fact, make_tracker, dispatcher):
    scripted.on("abmelden", "answer", "kfz-abmeldung")
    tracker = make_tracker(text="Saisonkennzeichen abmelden", intent="search_procedure")

    await run_action(ActionSearchProcedure(), dispatcher, tracker)

    assert not any("Zu Ihrer Frage" in (m.get("text") or "") for m in dispatcher.messages)


async def test_a_subsidy_question_is_searched_not_answered_with_the_fee(
        scripted, make_tracker, dispatcher):
    """Eighteenth probe: "gibts zuschuss für die gebühren?" after the education package got
    "Gebühren …: gebührenfrei"."""
    scripted.on("zuschuss", "answer", "elterngeld")
    tracker = make_tracker("after_answer.json", text="gibts zuschuss für die gebühren?",
                           intent="ask_fees", language="de")

    events = await run_action(ActionProcedureDetails(), dispatcher, tracker)

    assert scripted.queries  # searched
    assert not dispatcher.messages[0]["text"].startswith("Gebühren für")
    assert record_of(events).aspect != "fees"



@pytest.mark.parametrize(("text", "chosen"), [("nein, ich will es abmelden", "kfz-abmeldung")])
async def test_no_means_not_the_opposite_option(scripted, make_tracker, dispatcher, text,
                                                chosen):
    """Eighteenth probe: "nein, das Auto … abmelden" under a menu with "Hund anmelden"
    chose the dog registration: the option named is never the opposite action."""
    tracker = make_tracker("after_choices.json", text=text, intent="deny")

    events = await run_action(ActionSearchProcedure(), dispatcher, tracker)

    assert slots_of(events)["procedure_id"] == chosen
