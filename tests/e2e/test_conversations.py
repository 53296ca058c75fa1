"""Every dialogue flow in a real conversation through POST /api/chat (real stack)."""

from __future__ import annotations

import uuid

import httpx
import pytest

from runner.stack import Stack

pytestmark = [pytest.mark.slow, pytest.mark.e2e]


class Conversation:
    def __init__(self, stack: Stack) -> None:
        self.stack = stack
        self.sender = f"e2e-{uuid.uuid4().hex[:10]}"

    def say(self, message: str) -> tuple[str, list[dict]]:
        response = httpx.post(f"{self.stack.base_url}/api/chat", timeout=60,
                              json={"sender": self.sender, "message": message})
        assert response.status_code == 200, response.text
        messages = response.json()
        text = "\n".join(m.get("text") or "" for m in messages)
        return text, [b for m in messages for b in m.get("buttons") or []]

    def slots(self) -> dict:
        response = httpx.get(f"{self.stack.rasa_url}/conversations/{self.sender}/tracker",
                             params={"token": self.stack.rasa_token}, timeout=30)
        response.raise_for_status()
        return response.json()["slots"]


def test_follow_up_questions_are_about_the_procedure_in_context(stack: Stack):
    chat = Conversation(stack)
    chat.say("Ich möchte mein Auto abmelden")
    documents, _ = chat.say("Welche Unterlagen brauche ich?")
    assert "Zulassungsbescheinigung Teil I" in documents
    fees, _ = chat.say("Was kostet das?")
    assert "€" in fees
    assert chat.slots()["procedure_id"] == "kfz-abmeldung"


def test_gemeinde_responsibility_asks_where_and_gives_the_rathaus(stack: Stack):
    chat = Conversation(stack)
    first, _ = chat.say("Mein Reisepass läuft ab, was muss ich tun?")
    assert "Gemeinde" in first and "In welcher Gemeinde" in first
    rathaus, buttons = chat.say("Waldkraiburg")
    assert "Waldkraiburg" in rathaus
    assert any("waldkraiburg" in (b.get("url") or "") for b in buttons) or \
        "waldkraiburg.de" in rathaus


def test_other_authority_is_named_with_its_link(stack: Stack):
    text, buttons = Conversation(stack).say("Wo beantrage ich Elterngeld?")
    assert "Zentrum Bayern Familie und Soziales" in text or "ZBFS" in text
    assert any((b.get("url") or "").startswith("https://") for b in buttons)


def test_english_question_gets_an_english_answer(stack: Stack):
    text, buttons = Conversation(stack).say("How do I apply for housing benefit?")
    assert "housing benefit" in text.lower() and "https://" in text
    assert "Was this helpful?" in text
    assert {b["title"] for b in buttons} >= {"Yes", "No"}


def test_feedback_is_stored_as_an_event(stack: Stack):
    chat = Conversation(stack)
    chat.say("Wunschkennzeichen reservieren")
    thanks, _ = chat.say('/feedback{"helpful": "yes"}')
    assert "Danke" in thanks
    assert chat.slots()["feedback"] == "yes"


def test_human_handoff_on_request_gives_the_buergerservice_contact(stack: Stack):
    text, _ = Conversation(stack).say("Ich möchte bitte mit einem Mitarbeiter sprechen")
    assert "08631" in text or "8631" in text


def test_off_topic_is_declined_politely(stack: Stack):
    text, buttons = Conversation(stack).say("Wie wird das Wetter morgen?")
    assert "nicht helfen" in text or "anders formulieren" in text
    assert not any(b.get("url") for b in buttons)


def test_choosing_an_offered_option_answers_with_its_link(stack: Stack):
    chat = Conversation(stack)
    text, buttons = chat.say("Führerschein")
    options = [b for b in buttons if (b.get("payload") or "").startswith("/choose_option")]
    if not options:  # the search was sure enough to answer directly
        assert "https://" in text
        return
    answer, answer_buttons = chat.say(options[0]["payload"])
    assert "https://" in answer and any(b.get("url") for b in answer_buttons)


def test_online_consultation_offers_the_booking_link(stack: Stack):
    chat = Conversation(stack)
    chat.say("Mein Kind braucht eine Fahrkarte für den Schulbus")
    text, buttons = chat.say("Kann ich eine Online-Sprechstunde buchen?")
    assert "Sprechstunde" in text
    assert any("schuelerbefoerderung" in (b.get("url") or "") for b in buttons) or \
        "schuelerbefoerderung" in text
