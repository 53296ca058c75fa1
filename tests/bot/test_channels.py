"""bot/channels: each webhook is verified before anything reaches Rasa, forwarded with
its raw body and original headers, answered once per platform message id, and a
channel without its secrets is off (404)."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import json
import time
from collections.abc import Iterator
from urllib.parse import urlencode

import httpx
import pytest
from fastapi.testclient import TestClient

from bot.app import create_app
from bot.channels.deps import get_forwarder
from bot.channels.forward import ChannelForwarder, Deduplicator
from bot.channels.settings import ChannelSettings
from bot.settings import BotSettings

PUBLIC = "https://wegweiser.example.org"
CHANNELS = ChannelSettings(
    public_url=PUBLIC, telegram_token="1:T", telegram_bot_name="b",
    telegram_secret_token="tg-secret", twilio_account_sid="AC1", twilio_auth_token="tw-token",
    twilio_sms_number="+4986311", facebook_verify_token="v", facebook_app_secret="fb-secret",
    facebook_page_token="p", slack_bot_token="xoxb", slack_signing_secret="sl-secret",
    rocketchat_user="u", rocketchat_password="p", rocketchat_url="https://chat.example.org",
    rocketchat_token="rc-token")


class FakeRasa:
    """Records what the web app forwards; answers like Rasa's webhooks."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if request.url.path.endswith("/twilio/webhook"):
            return httpx.Response(204)
        return httpx.Response(200, text="success")


@pytest.fixture
def rasa() -> FakeRasa:
    return FakeRasa()


@pytest.fixture
def client(rasa: FakeRasa) -> Iterator[TestClient]:
    settings = BotSettings(rasa_url="http://rasa.invalid", action_server_url="http://127.0.0.1:9",
                           preload_search=False)
    app = create_app(settings, CHANNELS)
    forwarder = ChannelForwarder("http://rasa.invalid", 5, 60,
                                 transport=httpx.MockTransport(rasa))
    app.dependency_overrides[get_forwarder] = lambda: forwarder
    with TestClient(app) as test_client:
        yield test_client


def telegram_update(update_id: int = 1) -> bytes:
    return json.dumps({"update_id": update_id, "message": {
        "message_id": 1, "date": 1700000000, "chat": {"id": 5, "type": "private"},
        "from": {"id": 5, "is_bot": False, "first_name": "A"}, "text": "Hallo"}}).encode()


def test_telegram_needs_the_secret_token(client: TestClient, rasa: FakeRasa):
    for headers in ({}, {"X-Telegram-Bot-Api-Secret-Token": "wrong"}):
        response = client.post("/webhooks/telegram/webhook", content=telegram_update(),
                               headers={"Content-Type": "application/json", **headers})
        assert response.status_code == 403
    assert not rasa.requests
    ok = client.post("/webhooks/telegram/webhook", content=telegram_update(),
                     headers={"Content-Type": "application/json",
                              "X-Telegram-Bot-Api-Secret-Token": "tg-secret"})
    assert ok.status_code == 200 and ok.text == "success"
    [forwarded] = rasa.requests
    assert forwarded.url.path == "/webhooks/telegram/webhook"
    assert forwarded.content == telegram_update()
    assert forwarded.headers["x-telegram-bot-api-secret-token"] == "tg-secret"


def test_a_repeated_update_is_acknowledged_without_forwarding(client: TestClient,
                                                              rasa: FakeRasa):
    headers = {"Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": "tg-secret"}
    assert client.post("/webhooks/telegram/webhook", content=telegram_update(7),
                       headers=headers).text == "success"
    again = client.post("/webhooks/telegram/webhook", content=telegram_update(7), headers=headers)
    assert again.status_code == 200 and again.text == "duplicate"
    assert len(rasa.requests) == 1


def twilio_signature(url: str, form: dict[str, str], token: str = "tw-token") -> str:
    data = url + "".join(k + form[k] for k in sorted(form))
    return base64.b64encode(hmac.new(token.encode(), data.encode(), hashlib.sha1).digest()).decode()


def test_twilio_signature_is_over_the_public_url_not_the_loopback_one(client: TestClient,
                                                                      rasa: FakeRasa):
    form = {"MessageSid": "SM1", "From": "+491701234567", "To": "+4986311", "Body": "Hallo"}
    body = urlencode(form).encode()
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    local = twilio_signature("http://testserver/webhooks/twilio/webhook", form)
    public = twilio_signature(f"{PUBLIC}/webhooks/twilio/webhook", form)
    assert client.post("/webhooks/twilio/webhook", content=body,
                       headers={**headers, "X-Twilio-Signature": local}).status_code == 403
    assert not rasa.requests
    ok = client.post("/webhooks/twilio/webhook", content=body,
                     headers={**headers, "X-Twilio-Signature": public})
    assert ok.status_code == 204
    assert rasa.requests[0].content == body


def test_whatsapp_is_off_without_its_number(client: TestClient):
    response = client.post("/webhooks/whatsapp/webhook", content=b"From=x",
                           headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert response.status_code == 404


def test_facebook_needs_the_sha256_signature_and_keeps_the_raw_body(client: TestClient,
                                                                    rasa: FakeRasa):
    body = b'{"object": "page", "entry": []}'
    sha1 = "sha1=" + hmac.new(b"fb-secret", body, hashlib.sha1).hexdigest()
    sha256 = "sha256=" + hmac.new(b"fb-secret", body, hashlib.sha256).hexdigest()
    only_legacy = client.post("/webhooks/facebook/webhook", content=body,
                              headers={"Content-Type": "application/json",
                                       "X-Hub-Signature": sha1})
    assert only_legacy.status_code == 403 and not rasa.requests
    ok = client.post("/webhooks/facebook/webhook", content=body,
                     headers={"Content-Type": "application/json", "X-Hub-Signature-256": sha256})
    assert ok.status_code == 200 and rasa.requests[0].content == body


def test_facebook_verification_passes_the_query_through(client: TestClient, rasa: FakeRasa):
    client.get("/webhooks/facebook/webhook?hub.mode=subscribe&hub.verify_token=v"
               "&hub.challenge=123")
    assert rasa.requests[0].url.query == b"hub.mode=subscribe&hub.verify_token=v&hub.challenge=123"


def slack_headers(body: bytes, age: int = 0, secret: str = "sl-secret") -> dict[str, str]:
    ts = str(int(time.time()) - age)
    mac = hmac.new(secret.encode(), f"v0:{ts}:".encode() + body, hashlib.sha256).hexdigest()
    return {"Content-Type": "application/json", "X-Slack-Request-Timestamp": ts,
            "X-Slack-Signature": f"v0={mac}"}


def test_slack_refuses_old_or_unsigned_requests_and_forwards_the_exact_content_type(
        client: TestClient, rasa: FakeRasa):
    body = b'{"type": "event_callback", "event_id": "Ev1", "event": {}}'
    for headers in (slack_headers(body, age=600), slack_headers(body, secret="x"), {}):
        assert client.post("/webhooks/slack/webhook", content=body,
                           headers=headers).status_code == 403
    assert not rasa.requests
    assert client.post("/webhooks/slack/webhook", content=body,
                       headers=slack_headers(body)).status_code == 200
    assert rasa.requests[0].headers["content-type"] == "application/json"


def test_rocketchat_needs_the_integration_token(client: TestClient, rasa: FakeRasa):
    bad = json.dumps({"token": "guess", "text": "Hallo", "message_id": "m1"}).encode()
    assert client.post("/webhooks/rocketchat/webhook", content=bad).status_code == 403
    good = json.dumps({"token": "rc-token", "text": "Hallo", "message_id": "m1"}).encode()
    assert client.post("/webhooks/rocketchat/webhook", content=good).status_code == 200
    assert len(rasa.requests) == 1


def test_a_channel_without_secrets_is_not_mounted(client: TestClient):
    assert client.post("/webhooks/botframework/webhook", content=b"{}",
                       headers={"Authorization": "Bearer x"}).status_code == 404


def test_an_oversized_body_is_refused(client: TestClient, rasa: FakeRasa):
    response = client.post("/webhooks/telegram/webhook", content=b"x" * 300_000,
                           headers={"X-Telegram-Bot-Api-Secret-Token": "tg-secret"})
    assert response.status_code == 413 and not rasa.requests


def test_rasa_down_is_503_and_the_retry_is_processed_later():
    calls: list[int] = []

    def down_then_up(request: httpx.Request) -> httpx.Response:
        calls.append(1)
        if len(calls) == 1:
            raise httpx.ConnectError("refused")
        return httpx.Response(200, text="success")

    forwarder = ChannelForwarder("http://rasa.invalid", 5, 60,
                                 transport=httpx.MockTransport(down_then_up))
    first = asyncio.run(forwarder.forward("telegram", "webhook", b"{}", [], message_id="9"))
    second = asyncio.run(forwarder.forward("telegram", "webhook", b"{}", [], message_id="9"))
    assert first.status_code == 503 and second.status_code == 200 and len(calls) == 2


def test_the_deduplicator_forgets_after_its_window():
    seen = Deduplicator(window_seconds=10)
    assert seen.first_time("telegram", "1", now=0)
    assert not seen.first_time("telegram", "1", now=5)
    assert seen.first_time("twilio", "1", now=5)  # per channel
    assert seen.first_time("telegram", "1", now=20)


def test_channel_states_name_the_missing_variables():
    states = {s.name: s for s in ChannelSettings(telegram_token="1:T").states()}
    assert states["telegram"].describe() == (
        "channel telegram: off (WEGWEISER_TELEGRAM_BOT_NAME, "
        "WEGWEISER_TELEGRAM_SECRET_TOKEN not set)")
    assert states["telegram"].partly and not states["facebook"].partly
    assert CHANNELS.enabled() == {"telegram", "twilio", "facebook", "slack", "rocketchat"}


def test_a_public_url_without_scheme_is_a_clear_error():
    with pytest.raises(ValueError, match="starts with https://"):
        ChannelSettings(public_url="wegweiser.example.org")


def test_a_telegram_secret_telegram_would_refuse_is_a_clear_error():
    with pytest.raises(ValueError, match="1-256 characters"):
        ChannelSettings(telegram_secret_token="has spaces!")


def test_a_message_rasa_refused_is_not_remembered_as_answered():
    answers = iter([httpx.Response(401, text="Could not validate JWT token."),
                    httpx.Response(200, text="success")])
    forwarder = ChannelForwarder("http://rasa.invalid", 5, 60,
                                 transport=httpx.MockTransport(lambda request: next(answers)))
    forged = asyncio.run(forwarder.forward("botframework", "webhook", b"{}", [],
                                           message_id="act1"))
    genuine = asyncio.run(forwarder.forward("botframework", "webhook", b"{}", [],
                                            message_id="act1"))
    assert forged.status_code == 401 and genuine.status_code == 200
    assert genuine.body == b"success"
