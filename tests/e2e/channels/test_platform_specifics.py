"""Issue #16: what only one platform does — Facebook batches and webhook verification,
Twilio messages without text. Same stack and fakes as test_channels.py."""

from __future__ import annotations

import json
import threading
import time
from urllib.parse import urlencode

import httpx
import pytest

from tests.e2e.channels import conftest as cfg
from tests.e2e.channels.drivers import (
    BotFramework,
    Driver,
    Facebook,
    RocketChat,
    Telegram,
    Twilio,
    facebook_signatures,
    twilio_signature,
)
from tests.e2e.channels.helpers import Conversation, new_id, post

pytestmark = [pytest.mark.slow, pytest.mark.e2e]


def test_a_facebook_batch_of_two_events_gets_two_answers(channel_stack: cfg.ChannelStack):
    """Meta may batch several events in one POST (webhooks docs); stock Rasa answers the
    first only."""
    driver = Facebook("facebook")
    one, two = Conversation(channel_stack, driver), Conversation(channel_stack, driver)
    _, body_one, _ = one.request("Ich möchte mein Auto abmelden")
    _, body_two, _ = two.request("Wo beantrage ich Wohngeld?")
    entry_one, entry_two = json.loads(body_one)["entry"][0], json.loads(body_two)["entry"][0]
    entry_one["messaging"] += entry_two["messaging"]
    body = json.dumps({"object": "page", "entry": [entry_one]}).encode()
    mark = len(one.fake.calls)
    response = post(channel_stack, ("/webhooks/facebook/webhook", body,
                                    {"Content-Type": "application/json",
                                     **facebook_signatures(body)}))
    assert response.status_code == 200
    calls = one.fake.since(mark)
    assert driver.answers(calls, one.sender) and driver.answers(calls, two.sender)


def test_meta_webhook_verification_echoes_the_challenge_only_for_our_token(
        channel_stack: cfg.ChannelStack):
    url = f"{channel_stack.base_url}/webhooks/facebook/webhook"
    ok = httpx.get(url, params={"hub.mode": "subscribe", "hub.verify_token": cfg.FB_VERIFY,
                                "hub.challenge": "1158201444"}, timeout=30)
    assert ok.status_code == 200 and ok.text == "1158201444"
    wrong = httpx.get(url, params={"hub.mode": "subscribe", "hub.verify_token": "guess",
                                   "hub.challenge": "1158201444"}, timeout=30)
    assert wrong.status_code == 403 and "1158201444" not in wrong.text


def test_a_photo_without_text_gets_the_text_only_notice_not_a_500(
        channel_stack: cfg.ChannelStack):
    """An MMS/WhatsApp image: `NumMedia=1`, `MediaUrl0`, no `Body` (Twilio webhook docs)."""
    driver = Twilio("twilio")
    chat = Conversation(channel_stack, driver)
    sid = "MM" + new_id().rjust(32, "0")
    form = {"MessageSid": sid, "SmsMessageSid": sid, "AccountSid": cfg.TWILIO_SID,
            "From": chat.sender, "To": cfg.SMS_NUMBER, "NumMedia": "1",
            "MediaContentType0": "image/jpeg",
            "MediaUrl0": f"https://api.twilio.com/2010-04-01/Accounts/{cfg.TWILIO_SID}"
                         f"/Messages/{sid}/Media/ME1", "ApiVersion": "2010-04-01"}
    path = "/webhooks/twilio/webhook"
    mark = len(chat.fake.calls)
    response = post(channel_stack, (path, urlencode(form).encode(), {
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Twilio-Signature": twilio_signature(cfg.PUBLIC_URL + path, form)}))
    assert response.status_code == 204
    time.sleep(0.5)
    [answer] = driver.answers(chat.fake.since(mark), chat.sender)
    assert "nur Textnachrichten" in answer["text"]


def test_a_facebook_sticker_gets_the_text_only_notice(channel_stack: cfg.ChannelStack):
    """A message with only an attachment ("Message with attachment" example of Meta's
    messages webhook reference)."""
    driver = Facebook("facebook")
    chat = Conversation(channel_stack, driver)
    _, body, _ = chat.request("x")
    data = json.loads(body)
    data["entry"][0]["messaging"][0]["message"] = {
        "mid": f"m_{new_id()}", "attachments": [{"type": "image", "payload": {
            "url": "https://scontent.xx.fbcdn.net/v/sticker.png", "sticker_id": 369239263222822}}]}
    body = json.dumps(data).encode()
    mark = len(chat.fake.calls)
    response = post(channel_stack, ("/webhooks/facebook/webhook", body,
                                    {"Content-Type": "application/json",
                                     **facebook_signatures(body)}))
    assert response.status_code == 200
    [answer] = driver.answers(chat.fake.since(mark), chat.sender)
    assert "nur Textnachrichten" in answer["text"]


def test_telegrams_start_command_gets_a_greeting_with_the_notice(
        channel_stack: cfg.ChannelStack):
    """The first thing every Telegram user sends is /start
    (https://core.telegram.org/bots/features#global-commands)."""
    chat = Conversation(channel_stack, Telegram("telegram"))
    answers = chat.say("/start")
    assert "automatischer Assistent" in answers[0]["text"]
    assert f"{cfg.PUBLIC_URL}/datenschutz" in answers[0]["text"]


def test_a_telegram_button_press_chooses_and_is_acknowledged(channel_stack: cfg.ChannelStack):
    """A tap on an inline button arrives as a CallbackQuery whose `data` is the button's
    payload (https://core.telegram.org/bots/api#callbackquery)."""
    driver = Telegram("telegram")
    for word in ("Kennzeichen", "Führerschein", "Ausweis", "Zulassung", "Antrag", "Auto"):
        chat = Conversation(channel_stack, driver)
        answers = chat.say(word)
        payloads = [p for a in answers for p in a["payloads"] if p.startswith("/choose_option")]
        if len(payloads) >= 2:
            break
    else:
        pytest.fail("no choice offered with buttons")
    update = {"update_id": int(new_id()), "callback_query": {
        "id": f"cb{new_id()}", "from": {"id": int(chat.sender), "is_bot": False,
                                        "first_name": "Max"},
        "chat_instance": "-4711", "data": payloads[0],
        "message": {"message_id": 2, "date": int(time.time()), "text": "Was meinen Sie?",
                    "chat": {"id": int(chat.sender), "type": "private"}}}}
    request = ("/webhooks/telegram/webhook", json.dumps(update).encode(),
               {"Content-Type": "application/json",
                "X-Telegram-Bot-Api-Secret-Token": cfg.TELEGRAM_SECRET})
    mark = len(chat.fake.calls)
    response, answers = chat.send(request)
    assert response.status_code == 200 and "https://" in "\n".join(a["text"] for a in answers)
    time.sleep(0.5)
    acknowledged = [c for c in chat.fake.since(mark) if c.path.endswith("/answerCallbackQuery")]
    assert acknowledged and acknowledged[0].data["callback_query_id"] == update[
        "callback_query"]["id"]
    assert chat.tracker()["slots"]["procedure_id"] == payloads[0].split('"')[3]


@pytest.mark.parametrize("driver", [Telegram("telegram"), Twilio("twilio"), Facebook("facebook"),
                                    RocketChat("rocketchat"), BotFramework("botframework")],
                         ids=lambda d: d.name)
def test_a_hanging_platform_does_not_stall_the_web_chat(channel_stack: cfg.ChannelStack,
                                                        driver: Driver):
    """The platform accepts the connection but answers only after 12 s (its calls time
    out after 10 s): meanwhile the web chat answers as fast as ever."""
    chat = Conversation(channel_stack, driver)
    chat.fake.delay = 12
    try:
        webhook = threading.Thread(target=post, args=(channel_stack, chat.request(
            "Ich möchte mein Auto abmelden")))
        webhook.start()
        time.sleep(3)  # the channel's turn is now waiting for the platform
        started = time.monotonic()
        web = httpx.post(f"{channel_stack.base_url}/api/chat", timeout=30,
                         json={"sender": f"web-hang-{new_id()}", "message": "Wohngeld"})
        assert web.status_code == 200 and time.monotonic() - started < 6
        webhook.join(60)
    finally:
        chat.fake.delay = 0
