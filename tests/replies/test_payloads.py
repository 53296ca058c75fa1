"""replies.payloads: the button payload strings and reading them back from bot events."""

from __future__ import annotations

from replies import payloads


def bot(*button_payloads: str, offered: list[str] | None = None) -> dict[str, object]:
    event: dict[str, object] = {"event": "bot", "text": "…",
                                "data": {"buttons": [{"title": "t", "payload": p}
                                                     for p in button_payloads]}}
    if offered is not None:
        event["metadata"] = {payloads.OFFERED_KEY: offered}
    return event


USER = {"event": "user", "text": "x"}


def test_payload_strings_are_byte_for_byte_the_trained_ones():
    assert payloads.choice_payload("kfz-abmeldung") == \
        '/choose_option{"procedure_id": "kfz-abmeldung"}'
    assert payloads.feedback_payload("yes") == '/feedback{"helpful": "yes"}'
    assert payloads.feedback_payload("no") == '/feedback{"helpful": "no"}'
    assert payloads.choice_payload("a", compact=True) == '/choose_option{"procedure_id":"a"}'


def test_parse_round_trip_and_garbage():
    assert payloads.parse(payloads.choice_payload("x")) == ("choose_option",
                                                            {"procedure_id": "x"})
    assert payloads.parse("/greet") == ("greet", {})
    assert payloads.parse("hallo") is None
    assert payloads.parse("/x{not json") is None
    assert payloads.parse("/") is None
    assert payloads.chosen_procedure(payloads.compact(payloads.choice_payload("y"))) == "y"
    assert payloads.chosen_procedure(payloads.feedback_payload("yes")) is None
    assert payloads.is_feedback(payloads.feedback_payload("no"))
    assert payloads.compact("plain text") == "plain text"


def test_offered_choices_from_buttons_of_the_latest_offer():
    events = [bot(payloads.choice_payload("a"), payloads.choice_payload("b")), USER,
              bot(), USER]
    assert payloads.offered_choices(events) == ["a", "b"]
    assert payloads.offered_choices(events, last_turn_only=True) == []
    assert payloads.offered_choices(events[:2], last_turn_only=True) == ["a", "b"]


def test_offered_choices_rendered_as_text_are_found_in_the_metadata():
    events = [bot(offered=[payloads.choice_payload("a"), payloads.choice_payload("b")]), USER]
    assert payloads.offered_choices(events) == ["a", "b"]


def test_asked_for_feedback_looks_at_the_last_bot_message_only():
    question = bot(payloads.feedback_payload("yes"), payloads.feedback_payload("no"))
    assert payloads.asked_for_feedback([question, USER])
    assert payloads.asked_for_feedback([bot(offered=[payloads.feedback_payload("yes")]), USER])
    assert not payloads.asked_for_feedback([question, USER, bot(), USER])
    assert not payloads.asked_for_feedback([USER])
