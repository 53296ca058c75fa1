"""The turn record each flow writes matches what it said (slot `turn_record`)."""

from __future__ import annotations

from rasa_sdk.events import SlotSet

from actions.choose_option import ActionChooseOption
from actions.consultation import ActionConsultation
from actions.feedback import ActionFeedback
from actions.handoff import ActionHandoff
from actions.procedure_details import ActionProcedureDetails
from actions.responsibility import ActionAskGemeinde, ActionGemeindeContact
from actions.search_procedure import ActionDefaultFallback, ActionSearchProcedure
from actions.smalltalk import ActionSmalltalk
from conversations.turn_record import Candidate
from replies.payloads import chosen_procedure
from tests.actions.conftest import record_of, run_action

ONLINE = "https://www.lra-mue.de/test/ikfz-abmeldung"
FORM = "https://www.lra-mue.de/test/kontaktformular"


def shown(dispatcher) -> str:
    """Everything the citizen saw: texts and button URLs."""
    return "\n".join([m["text"] or "" for m in dispatcher.messages]
                     + [b.get("url", "") for m in dispatcher.messages for b in m["buttons"]])


def assert_links_were_shown(record, dispatcher) -> None:
    for link in record.links:
        assert link in shown(dispatcher)


async def test_answer_records_candidates_with_scores_and_the_link(fake_search, make_tracker,
                                                                  dispatcher):
    fake_search.set("answer", "kfz-abmeldung", "kfz-zulassung")
    tracker = make_tracker(text="Ich möchte mein Auto abmelden", intent="search_procedure",
                           confidence=0.87)

    record = record_of(await run_action(ActionSearchProcedure(), dispatcher, tracker))

    assert record.action == "action_search_procedure"
    assert (record.intent, record.intent_confidence, record.language) == (
        "search_procedure", 0.87, "de")
    assert (record.decision, record.outcome, record.reason) == ("answer", "link_given", None)
    assert record.candidates == (Candidate("kfz-abmeldung", 1.0),
                                 Candidate("kfz-zulassung", 0.9))
    assert record.procedure_ids == ("kfz-abmeldung",)
    assert record.links == (ONLINE,)
    assert_links_were_shown(record, dispatcher)


async def test_gemeinde_and_other_authorities_are_elsewhere(fake_search, make_tracker,
                                                            dispatcher):
    fake_search.set("answer", "personalausweis")
    tracker = make_tracker(text="Ich brauche einen neuen Perso", intent="search_procedure")
    record = record_of(await run_action(ActionSearchProcedure(), dispatcher, tracker))
    assert (record.decision, record.outcome, record.reason) == (
        "elsewhere", "sent_elsewhere", "gemeinde")
    assert record.links == ("https://www.lra-mue.de/test/personalausweis",)

    fake_search.set("answer", "elterngeld")
    tracker = make_tracker(text="Wo beantrage ich Elterngeld?", intent="search_procedure")
    record = record_of(await run_action(ActionSearchProcedure(), type(dispatcher)(), tracker))
    assert (record.decision, record.reason) == ("elsewhere", "freistaat")


async def test_choose_records_the_offered_buttons(fake_search, make_tracker, dispatcher):
    fake_search.set("choose", "kfz-abmeldung", "kfz-zulassung", "personalausweis",
                    "elterngeld")
    tracker = make_tracker(text="Auto", intent="search_procedure")

    record = record_of(await run_action(ActionSearchProcedure(), dispatcher, tracker))

    offered = tuple(chosen_procedure(b["payload"]) for b in dispatcher.messages[0]["buttons"])
    assert (record.decision, record.outcome) == ("choose", "clarified")
    assert record.procedure_ids == offered
    assert [c.id for c in record.candidates] == ["kfz-abmeldung", "kfz-zulassung",
                                                 "personalausweis", "elterngeld"]


async def test_rephrase_then_handoff(fake_search, make_tracker, dispatcher):
    fake_search.set("rephrase")
    first = make_tracker(text="Dings da", intent="search_procedure", language="de")
    record = record_of(await run_action(ActionSearchProcedure(), dispatcher, first))
    assert (record.decision, record.outcome, record.reason) == (
        "rephrase", "rephrase", "no_match")

    second_dispatcher = type(dispatcher)()
    second = make_tracker(text="na das Zeug", intent="nlu_fallback", language="de",
                          search_failures=1.0)
    record = record_of(await run_action(ActionSearchProcedure(), second_dispatcher, second))
    assert (record.decision, record.outcome, record.reason) == (
        "handoff", "handoff", "second_failure")
    assert record.links == (FORM,)
    assert_links_were_shown(record, second_dispatcher)


async def test_core_fallback_and_out_of_scope(fake_search, make_tracker, dispatcher):
    tracker = make_tracker(text="hä", intent="affirm", language="de")
    record = record_of(await run_action(ActionDefaultFallback(), dispatcher, tracker))
    assert (record.decision, record.reason, record.candidates) == (
        "rephrase", "core_fallback", ())

    fake_search.set("rephrase", "kfz-abmeldung", "kfz-zulassung")
    tracker = make_tracker(text="Wie wird das Wetter?", intent="out_of_scope", language="de")
    record = record_of(await run_action(ActionSearchProcedure(), type(dispatcher)(), tracker))
    assert (record.decision, record.outcome) == ("out_of_scope", "declined")
    assert len(record.candidates) == 2


async def test_search_unavailable_hands_off(catalogue, monkeypatch, make_tracker, dispatcher):
    import actions.common as common

    def broken() -> None:
        raise RuntimeError("model missing")

    monkeypatch.setattr(common, "get_search_engine", broken)
    tracker = make_tracker(text="Auto abmelden", intent="search_procedure", language="de")
    record = record_of(await run_action(ActionSearchProcedure(), dispatcher, tracker))
    assert (record.decision, record.reason, record.links) == (
        "handoff", "search_unavailable", (FORM,))


async def test_chosen_and_unknown_option(catalogue, make_tracker, dispatcher):
    tracker = make_tracker("after_choices.json", text="die zweite bitte",
                           intent="choose_option")
    record = record_of(await run_action(ActionChooseOption(), dispatcher, tracker))
    assert (record.decision, record.procedure_ids) == ("answer", ("kfz-zulassung",))

    tracker = make_tracker(text='/choose_option{"procedure_id": "weg"}', intent="choose_option",
                           language="de", entities=[{"entity": "procedure_id", "value": "weg"}])
    record = record_of(await run_action(ActionChooseOption(), type(dispatcher)(), tracker))
    assert (record.decision, record.reason) == ("clarify", "choice_unknown")


async def test_follow_up_records_the_aspect(fake_search, make_tracker, dispatcher):
    tracker = make_tracker("after_answer.json", text="Was kostet das?", intent="ask_fees")
    record = record_of(await run_action(ActionProcedureDetails(), dispatcher, tracker))
    assert (record.decision, record.aspect, record.procedure_ids) == (
        "answer", "fees", ("kfz-abmeldung",))
    assert record.candidates == ()  # nothing was searched
    assert record.links == (ONLINE,)

    tracker = make_tracker(text="Was kostet das?", intent="ask_fees")
    record = record_of(await run_action(ActionProcedureDetails(), type(dispatcher)(), tracker))
    assert (record.decision, record.reason, record.aspect) == ("clarify", "topic_unknown",
                                                              "fees")


async def test_rathaus_question_is_elsewhere_with_the_website(fake_search, make_tracker,
                                                              dispatcher):
    tracker = make_tracker(text="Wo ist das Rathaus in Ampfing?", intent="ask_contact",
                           entities=[{"entity": "gemeinde", "value": "Ampfing"}])
    record = record_of(await run_action(ActionProcedureDetails(), dispatcher, tracker))
    assert (record.decision, record.aspect, record.links) == (
        "elsewhere", "contact", ("https://www.ampfing.de",))
    assert_links_were_shown(record, dispatcher)


async def test_consultation_link(fake_search, make_tracker, dispatcher):
    tracker = make_tracker("after_answer.json", text="Gibt es eine Online-Sprechstunde?",
                           intent="ask_consultation",
                           procedure_id="aufenthaltstitel-verlaengerung")
    record = record_of(await run_action(ActionConsultation(), dispatcher, tracker))
    assert (record.decision, record.outcome, record.aspect) == ("answer", "link_given",
                                                                "consultation")
    assert record.links == ("https://www.lra-mue.de/test/sprechstunde-auslaenderbehoerde",)


async def test_handoff_feedback_smalltalk(catalogue, make_tracker, dispatcher):
    tracker = make_tracker(text="Ich möchte mit einem Menschen sprechen",
                           intent="request_human")
    record = record_of(await run_action(ActionHandoff(), dispatcher, tracker))
    assert (record.decision, record.reason, record.links) == ("handoff", "requested", (FORM,))

    tracker = make_tracker("after_answer.json", text="nein", intent="deny")
    record = record_of(await run_action(ActionFeedback(), type(dispatcher)(), tracker))
    assert (record.decision, record.reason, record.outcome) == ("feedback", "helpful_no",
                                                                "none")

    tracker = make_tracker(text="Grüß Gott", intent="greet")
    record = record_of(await run_action(ActionSmalltalk(), type(dispatcher)(), tracker))
    assert (record.decision, record.reason) == ("smalltalk", "greet")


async def test_gemeinde_prompt_and_rathaus(catalogue, make_tracker, dispatcher):
    tracker = make_tracker("gemeinde_form.json", text="München", intent="inform_gemeinde",
                           gemeinde_attempts=1.0)
    record = record_of(await run_action(ActionAskGemeinde(), dispatcher, tracker))
    assert (record.decision, record.reason) == ("clarify", "gemeinde_unknown")

    tracker = make_tracker("gemeinde_form.json", text="wkb", intent="inform_gemeinde",
                           gemeinde="waldkraiburg")
    events = await run_action(ActionGemeindeContact(), type(dispatcher)(), tracker)
    record = record_of(events)
    assert SlotSet("gemeinde", "waldkraiburg") in events
    assert (record.decision, record.procedure_ids, record.links) == (
        "elsewhere", ("personalausweis",), ("https://www.waldkraiburg.de",))
