"""Redaction of stored Rasa events: user text, parse data, entities, slots, echoes."""

from __future__ import annotations

import json

from conversations.event_redaction import redact_events, redact_text
from conversations.pseudonym import SenderSecretError, pseudonymous_sender

TEXT = "Ich bin Max Mustermann, max@example.org"


def user(text: str) -> dict[str, object]:
    entity = {"entity": "gemeinde", "value": "max@example.org", "start": 24, "end": 39}
    return {"event": "user", "text": text, "metadata": {"note": "max@example.org"},
            "parse_data": {"text": text, "intent": {"name": "inform", "confidence": 1},
                           "entities": [entity]}}


def test_user_text_parse_data_and_entities_are_redacted() -> None:
    [event] = redact_events([user(TEXT)])
    assert event["text"] == "Ich bin [NAME], [E-MAIL]"
    assert event["parse_data"]["text"] == "Ich bin [NAME], [E-MAIL]"
    assert event["parse_data"]["entities"][0]["value"] == "[E-MAIL]"
    assert event["parse_data"]["intent"]["name"] == "inform"
    assert event["metadata"] == {"note": "[E-MAIL]"}
    assert "max@" not in json.dumps(event)


def test_slots_are_redacted_but_not_the_turn_record() -> None:
    record = {"version": 1, "procedure_ids": ["kfz-abmeldung"], "links": ["https://x.de/1"]}
    events = redact_events([{"event": "slot", "name": "gemeinde", "value": TEXT},
                            {"event": "slot", "name": "turn_record", "value": record},
                            {"event": "slot", "name": "offered", "value": ["kfz-abmeldung"]}])
    assert events[0]["value"] == "Ich bin [NAME], [E-MAIL]"
    assert events[1]["value"] == record
    assert events[2]["value"] == ["kfz-abmeldung"]


def test_echoes_in_bot_texts_are_redacted_but_buttons_and_own_contacts_are_not() -> None:
    payload = '/choose_option{"procedure_id": "kfz-abmeldung"}'
    bot = {"event": "bot", "text": f"Sie schrieben: {TEXT}. Antwort an max@example.org? "
                                   f"Bürgerservice: 08631 699-0",
           "data": {"buttons": [{"title": "Kfz", "payload": payload}]}}
    events = redact_events([bot], context=[user(TEXT)])
    assert events[0]["text"].startswith("Sie schrieben: Ich bin [NAME], [E-MAIL]. "
                                        "Antwort an [E-MAIL]?")
    assert events[0]["text"].endswith("08631 699-0")  # the authority's number stays
    assert events[0]["data"]["buttons"][0]["payload"] == payload


def test_payloads_keep_their_structure() -> None:
    payload = '/choose_option{"procedure_id": "kfz-abmeldung"}'
    assert redact_text(payload) == payload
    assert redact_text("/affirm") == "/affirm"
    sneaky = redact_text('/inform{"gemeinde": "max@example.org"}')
    assert json.loads(sneaky.removeprefix("/inform")) == {"gemeinde": "[E-MAIL]"}


def test_pseudonyms_are_keyed_stable_and_need_a_real_secret() -> None:
    secret = "s" * 32
    first = pseudonymous_sender("+4917112345678", secret)
    assert first == pseudonymous_sender("+4917112345678", secret)
    assert first != pseudonymous_sender("+4917112345678", "t" * 32)
    assert first.startswith("p-") and "4917" not in first
    for bad in ("", "short"):
        try:
            pseudonymous_sender("x", bad)
        except SenderSecretError as exc:
            assert "WEGWEISER_SENDER_SECRET" in str(exc)
        else:
            raise AssertionError("a missing secret must be refused")


def test_an_answer_quoted_back_as_not_understood_is_stored_as_free_text() -> None:
    answer = "Xaverine Quastenhuber"  # a bare name: no pattern can know it
    bot = {"event": "bot", "text": f"„{answer}“ habe ich nicht als Gemeinde gefunden."}
    events = redact_events([user(answer), {"event": "slot", "name": "gemeinde",
                                           "value": answer}, bot])
    assert "Quastenhuber" not in json.dumps(events)
    assert events[0]["text"] == events[1]["value"] == "[FREITEXT]"
    assert events[2]["text"].startswith("„[FREITEXT]“")
    # a recognised answer (no echo) is stored as it was
    [kept] = redact_events([user("Ampfing")])
    assert kept["text"] == "Ampfing"
