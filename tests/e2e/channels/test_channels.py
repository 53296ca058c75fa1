"""Issue #16: each messenger, end to end through the web app, Rasa and a platform fake.

Per channel: a request shaped like the platform's (drivers.py, with sources) passes the
web app's check, reaches the real Rasa server with the trained model, and the answer
arrives at the platform's fake API with the procedure link and, as the first reply, the
automated-assistant notice with the privacy link; a forged or unsigned request is 4xx
and stores nothing; a platform's retry of the same message is answered once; a typed
number picks a pending choice; personal data is redacted and the platform's user id is
stored only as a pseudonym; with the platform down, the web chat still answers.
Telegram, Twilio SMS, WhatsApp and Facebook are the fully supported channels; Slack,
Rocket.Chat and Bot Framework (Teams) run through the same tests as a smoke test.
"""

from __future__ import annotations

import time

import httpx
import pytest

from tests.e2e.channels import conftest as cfg
from tests.e2e.channels.drivers import FULL, SMOKE, Driver
from tests.e2e.channels.helpers import Conversation, joined, post, stored

pytestmark = [pytest.mark.slow, pytest.mark.e2e]

ALL = [pytest.param(d, id=d.name) for d in [*FULL, *SMOKE]]
AMBIGUOUS = ("Kennzeichen", "Führerschein", "Ausweis", "Zulassung", "Antrag", "Auto")


@pytest.mark.parametrize("driver", ALL)
def test_a_question_is_answered_at_the_platform_with_the_link_and_the_notice(
        channel_stack: cfg.ChannelStack, driver: Driver):
    chat = Conversation(channel_stack, driver)
    answers = chat.say("Ich möchte mein Auto abmelden")
    text = joined(answers) + " ".join(u for a in answers for u in a.get("urls", []))
    assert "Außerbetriebsetzung" in text or "Abmeldung" in text
    assert "https://" in text.replace(cfg.PUBLIC_URL, "")  # the procedure's own link
    first = answers[0]["text"]
    assert "automatischer Assistent" in first
    assert f"{cfg.PUBLIC_URL}/datenschutz" in first
    assert "automatischer Assistent" not in joined(chat.say("Und was kostet das?"))
    if driver.name in ("twilio", "whatsapp"):  # SMS: one message per reply, no button spam
        assert len(answers) <= 2 and all("\n\n" not in a["text"] for a in answers)
        assert "/choose_option" not in text and "/feedback" not in text


@pytest.mark.parametrize("driver", ALL)
def test_a_forged_or_unsigned_request_is_refused_and_stores_nothing(
        channel_stack: cfg.ChannelStack, driver: Driver):
    chat = Conversation(channel_stack, driver)
    before, _, _ = stored(channel_stack.tracker_db)
    calls = len(chat.fake.calls)
    for forged in driver.forged(chat.request("Ich möchte mein Auto abmelden")):
        response = post(channel_stack, forged)
        assert 400 <= response.status_code < 500, (response.status_code, response.text)
    time.sleep(1)
    after, _, senders = stored(channel_stack.tracker_db)
    assert after == before
    assert chat.pseudonym not in senders
    assert not driver.answers(chat.fake.since(calls), chat.sender)


@pytest.mark.parametrize("driver", ALL)
def test_a_retried_delivery_is_answered_once(channel_stack: cfg.ChannelStack, driver: Driver):
    chat = Conversation(channel_stack, driver)
    request = chat.request("Wo beantrage ich Wohngeld?")
    first, answers = chat.send(request)
    again, repeated = chat.send(request)
    assert first.status_code < 300 and answers
    assert again.status_code == 200 and not repeated
    users = [e for e in chat.tracker()["events"] if e["event"] == "user"]
    assert len(users) == 1


@pytest.mark.parametrize("driver", ALL)
def test_a_typed_number_picks_the_pending_choice(channel_stack: cfg.ChannelStack,
                                                 driver: Driver):
    for word in AMBIGUOUS:
        chat = Conversation(channel_stack, driver)
        answers = chat.say(word)
        offered = chat.offered()
        if len(offered) >= 2:
            break
    else:
        pytest.fail(f"none of {AMBIGUOUS} was answered with a choice on {driver.name}")
    for answer in answers:  # what the platform got fits it
        assert all(len(p.encode()) <= 64 for p in answer["payloads"] if p)  # Telegram
        if driver.name == "facebook":  # Messenger: at most 3 buttons of 20 characters
            assert len(answer["payloads"]) <= 3
            assert all(len(title) <= 20 for title in answer["titles"])
    answer = joined(chat.say("2"))
    assert "https://" in answer
    assert chat.tracker()["slots"]["procedure_id"] == offered[1]


@pytest.mark.parametrize("driver", ALL)
def test_personal_data_is_redacted_and_the_user_id_pseudonymised(
        channel_stack: cfg.ChannelStack, driver: Driver):
    chat = Conversation(channel_stack, driver)
    email = f"max.{chat.sender[-6:]}@example.org"
    chat.say(f"Ich bin Xaverine Quastenhuber, {email}, ich möchte mein Auto abmelden")
    time.sleep(1)
    _, raw, senders = stored(channel_stack.tracker_db)
    assert chat.pseudonym in senders
    assert driver.rasa_sender(chat.sender) not in senders
    logs = {path.name: path.read_text(errors="replace") for path in
            channel_stack.stack.log_path.with_name("logs").glob("*.log")}
    logs["runner.log"] = channel_stack.stack.log()
    for secret in (email, "Quastenhuber", driver.rasa_sender(chat.sender)):
        assert secret not in raw, f"{secret!r} stored"
    for name, text in logs.items():  # the processes' logs are redacted too
        assert email not in text and "Quastenhuber" not in text, name
    assert "[E-MAIL]" in raw


@pytest.mark.parametrize("driver", ALL)
def test_with_the_platform_down_the_web_chat_still_answers(channel_stack: cfg.ChannelStack,
                                                           driver: Driver):
    chat = Conversation(channel_stack, driver)
    fake = chat.fake
    fake.down()
    try:
        started = time.monotonic()
        response = post(channel_stack, chat.request("Ich möchte mein Auto abmelden"))
        # The webhook returns (no hang), whatever the failed reply did to the turn.
        assert response.status_code < 600 and time.monotonic() - started < 30
        web = httpx.post(f"{channel_stack.base_url}/api/chat", timeout=30,
                         json={"sender": f"web-{chat.sender[-8:]}",
                               "message": "Ich möchte mein Auto abmelden"})
        assert web.status_code == 200 and "https://" in web.text
    finally:
        fake.up()
    assert chat.say("Wo beantrage ich Wohngeld?")  # back up: the channel answers again
