"""How a test talks like each platform: its webhook request, its signature, and where
the answer shows up at the platform's fake.

The request bodies follow the platforms' documented examples (and
../shared/research/rasa-channels.md §9, each verified against Rasa 3.6.21):
- Telegram Update/Message: https://core.telegram.org/bots/api#update,
  https://core.telegram.org/bots/api#message; secret token header:
  https://core.telegram.org/bots/api#setwebhook
- Twilio incoming message (SMS and WhatsApp parameters):
  https://www.twilio.com/docs/messaging/guides/webhook-request; signature:
  https://www.twilio.com/docs/usage/webhooks/webhooks-security
- Messenger `messages` event ("Text Message" example) inside the page webhook envelope:
  https://developers.facebook.com/docs/messenger-platform/reference/webhook-events/messages,
  https://developers.facebook.com/docs/messenger-platform/webhooks (X-Hub-Signature-256)
- Slack `message.im` event callback: https://api.slack.com/events/message.im; signing:
  https://api.slack.com/authentication/verifying-requests-from-slack
- Rocket.Chat outgoing webhook: field list of RocketChat/Rocket.Chat
  apps/meteor/app/integrations/server/lib/triggerHandler.js
- Bot Framework message activity:
  https://learn.microsoft.com/en-us/azure/bot-service/rest-api/bot-framework-rest-connector-authentication
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from tests.e2e.channels import conftest as cfg
from tests.e2e.channels.fakes import Call, FakePlatform

Request = tuple[str, bytes, dict[str, str]]  # path, body, headers


@dataclass
class Driver(ABC):
    """One channel as the tests see it (each platform implements the abstract parts)."""

    name: str
    background: bool = False  # Rasa answers the webhook before the turn (Slack)

    @abstractmethod
    def fake(self, p: cfg.Platforms) -> FakePlatform:
        """The platform's fake API."""

    @abstractmethod
    def request(self, p: cfg.Platforms, message_id: str, sender: str, text: str) -> Request:
        """A webhook request shaped like the platform's documented one."""

    @abstractmethod
    def forged(self, request: Request) -> list[Request]:
        """The same request with a wrong and with a missing signature."""

    def rasa_sender(self, sender: str) -> str:
        return sender

    @abstractmethod
    def answers(self, calls: list[Call], sender: str) -> list[dict[str, Any]]:
        """The outgoing messages to `sender` (each with "text" and "payloads")."""


def _json(data: dict[str, Any]) -> bytes:
    return json.dumps(data, ensure_ascii=False).encode()


def _drop(headers: dict[str, str], name: str) -> dict[str, str]:
    return {k: v for k, v in headers.items() if k != name}


class Telegram(Driver):
    def fake(self, p: cfg.Platforms) -> FakePlatform:
        return p.telegram

    def request(self, p: cfg.Platforms, message_id: str, sender: str, text: str) -> Request:
        user = {"id": int(sender), "is_bot": False, "first_name": "Max", "language_code": "de"}
        body = {"update_id": int(message_id), "message": {
            "message_id": int(message_id) % 100000, "from": user,
            "chat": {"id": int(sender), "first_name": "Max", "type": "private"},
            "date": int(time.time()), "text": text}}
        return ("/webhooks/telegram/webhook", _json(body),
                {"Content-Type": "application/json",
                 "X-Telegram-Bot-Api-Secret-Token": cfg.TELEGRAM_SECRET})

    def forged(self, request: Request) -> list[Request]:
        path, body, headers = request
        name = "X-Telegram-Bot-Api-Secret-Token"
        return [(path, body, {**headers, name: "guessed"}), (path, body, _drop(headers, name))]

    def answers(self, calls: list[Call], sender: str) -> list[dict[str, Any]]:
        found = []
        for call in calls:
            if call.path.endswith("/sendMessage") and call.data.get("chat_id") == sender:
                assert call.path.startswith(f"/bot{cfg.TELEGRAM_TOKEN}/")
                markup = json.loads(call.data.get("reply_markup") or "{}")
                payloads = [button.get("callback_data") for row in
                            markup.get("inline_keyboard", []) for button in row]
                found.append({"text": call.data.get("text", ""), "payloads": payloads})
        return found


class Twilio(Driver):
    number = cfg.SMS_NUMBER
    prefix = ""

    def fake(self, p: cfg.Platforms) -> FakePlatform:
        return p.twilio

    def fields(self, sender: str) -> dict[str, str]:
        return {"ToCountry": "DE", "FromCountry": "DE", "SmsStatus": "received",
                "NumSegments": "1", "To": self.prefix + self.number, "From": sender}

    def request(self, p: cfg.Platforms, message_id: str, sender: str, text: str) -> Request:
        sid = "SM" + hashlib.md5(message_id.encode()).hexdigest()
        form = {**self.fields(sender), "SmsMessageSid": sid, "SmsSid": sid, "MessageSid": sid,
                "AccountSid": cfg.TWILIO_SID, "NumMedia": "0", "Body": text,
                "ApiVersion": "2010-04-01"}
        path = f"/webhooks/{self.name}/webhook"
        return (path, urlencode(form).encode(),
                {"Content-Type": "application/x-www-form-urlencoded",
                 "X-Twilio-Signature": twilio_signature(cfg.PUBLIC_URL + path, form)})

    def forged(self, request: Request) -> list[Request]:
        path, body, headers = request
        wrong = twilio_signature(cfg.PUBLIC_URL + path, {"Body": "other"})
        return [(path, body, {**headers, "X-Twilio-Signature": wrong}),
                (path, body, _drop(headers, "X-Twilio-Signature"))]

    def answers(self, calls: list[Call], sender: str) -> list[dict[str, Any]]:
        found = []
        for call in calls:
            if call.path.endswith("/Messages.json") and call.form.get("To") == sender:
                assert call.path == f"/2010-04-01/Accounts/{cfg.TWILIO_SID}/Messages.json"
                assert call.form["From"] == self.prefix + self.number
                assert call.headers["authorization"].startswith("Basic ")
                found.append({"text": call.form.get("Body", ""), "payloads": []})
        return found


class WhatsApp(Twilio):
    number = cfg.WHATSAPP_NUMBER
    prefix = "whatsapp:"

    def fields(self, sender: str) -> dict[str, str]:
        return {**super().fields(sender), "ProfileName": "Max",
                "WaId": sender.removeprefix("whatsapp:+")}


def twilio_signature(url: str, form: dict[str, str]) -> str:
    """Twilio's algorithm, written out here independently of bot/channels/verify.py."""
    data = url + "".join(key + form[key] for key in sorted(form))
    mac = hmac.new(cfg.TWILIO_TOKEN.encode(), data.encode(), hashlib.sha1).digest()
    return base64.b64encode(mac).decode()


class Facebook(Driver):
    def fake(self, p: cfg.Platforms) -> FakePlatform:
        return p.facebook

    def request(self, p: cfg.Platforms, message_id: str, sender: str, text: str) -> Request:
        now = int(time.time() * 1000)
        body = _json({"object": "page", "entry": [{"id": "PAGE-4711", "time": now, "messaging": [
            {"sender": {"id": sender}, "recipient": {"id": "PAGE-4711"}, "timestamp": now,
             "message": {"mid": f"m_{message_id}", "text": text}}]}]})
        return ("/webhooks/facebook/webhook", body,
                {"Content-Type": "application/json", **facebook_signatures(body)})

    def forged(self, request: Request) -> list[Request]:
        path, body, headers = request
        wrong = facebook_signatures(body + b" ")
        return [(path, body, {**headers, **wrong}),
                (path, body, _drop(headers, "X-Hub-Signature-256"))]

    def answers(self, calls: list[Call], sender: str) -> list[dict[str, Any]]:
        found = []
        for call in calls:
            data = call.json if call.path == "/v2.12/me/messages" else {}
            if (data or {}).get("recipient", {}).get("id") != sender or "message" not in data:
                continue
            assert call.query["access_token"] == [cfg.FB_PAGE_TOKEN]
            message = data["message"]
            template = (message.get("attachment") or {}).get("payload") or {}
            buttons = template.get("buttons") or message.get("quick_replies") or []
            found.append({"text": message.get("text") or template.get("text", ""),
                          "payloads": [b.get("payload") for b in buttons],
                          "titles": [b.get("title") for b in buttons],
                          "urls": [b.get("url") for b in buttons if b.get("url")]})
        return found


def facebook_signatures(body: bytes) -> dict[str, str]:
    """Meta signs with sha256 (and still sends the legacy sha1 header)."""
    key = cfg.FB_SECRET.encode()
    return {"X-Hub-Signature-256": "sha256=" + hmac.new(key, body, hashlib.sha256).hexdigest(),
            "X-Hub-Signature": "sha1=" + hmac.new(key, body, hashlib.sha1).hexdigest()}


class Slack(Driver):
    def fake(self, p: cfg.Platforms) -> FakePlatform:
        return p.slack

    def request(self, p: cfg.Platforms, message_id: str, sender: str, text: str) -> Request:
        ts = f"{time.time():.6f}"
        body = _json({"token": "verification-token", "team_id": "T0LRA", "api_app_id": "A0WEG",
                      "type": "event_callback", "event_id": f"Ev{message_id}",
                      "event_time": int(time.time()),
                      "authorizations": [{"user_id": "UBOT", "is_bot": True}],
                      "event": {"type": "message", "channel": f"D{sender}", "user": sender,
                                "text": text, "ts": ts, "channel_type": "im", "event_ts": ts}})
        return ("/webhooks/slack/webhook", body,
                {"Content-Type": "application/json", **slack_signature(body)})

    def forged(self, request: Request) -> list[Request]:
        path, body, headers = request
        old = slack_signature(body, int(time.time()) - 3600)
        return [(path, body, {**headers, "X-Slack-Signature": "v0=" + "0" * 64}),
                (path, body, {**headers, **old}),
                (path, body, _drop(headers, "X-Slack-Signature"))]

    def answers(self, calls: list[Call], sender: str) -> list[dict[str, Any]]:
        found = []
        for call in calls:
            data = call.data if call.path == "/api/chat.postMessage" else {}
            if data.get("channel") == f"D{sender}":
                assert call.headers["authorization"] == f"Bearer {cfg.SLACK_TOKEN}"
                blocks = data.get("blocks") or []
                payloads = [e.get("value") for b in blocks if b.get("type") == "actions"
                            for e in b.get("elements", [])]
                found.append({"text": data.get("text", ""), "payloads": payloads})
        return found


def slack_signature(body: bytes, timestamp: int | None = None) -> dict[str, str]:
    ts = str(timestamp or int(time.time()))
    mac = hmac.new(cfg.SLACK_SECRET.encode(), b"v0:" + ts.encode() + b":" + body,
                   hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": "v0=" + mac}


class RocketChat(Driver):
    def fake(self, p: cfg.Platforms) -> FakePlatform:
        return p.rocketchat

    def request(self, p: cfg.Platforms, message_id: str, sender: str, text: str) -> Request:
        body = {"token": cfg.RC_TOKEN, "bot": False, "channel_id": sender,
                "channel_name": None, "message_id": f"msg{message_id}",
                "timestamp": "2026-11-30T06:00:00.000Z", "user_id": f"u{sender}",
                "user_name": "max", "text": text, "siteUrl": "https://chat.example.org"}
        return ("/webhooks/rocketchat/webhook", _json(body), {"Content-Type": "application/json"})

    def forged(self, request: Request) -> list[Request]:
        path, body, headers = request
        data = json.loads(body)
        return [(path, _json({**data, "token": "guessed"}), headers),
                (path, _json({k: v for k, v in data.items() if k != "token"}), headers)]

    def answers(self, calls: list[Call], sender: str) -> list[dict[str, Any]]:
        found = []
        for call in calls:
            data = call.data if call.path == "/api/v1/chat.postMessage" else {}
            if data.get("roomId") == sender:
                assert call.headers["x-auth-token"] == "rc-auth"
                actions = [a for att in data.get("attachments") or []
                           for a in att.get("actions") or []]
                found.append({"text": data.get("text", ""),
                              "payloads": [a.get("msg") for a in actions]})
        return found


class BotFramework(Driver):
    def fake(self, p: cfg.Platforms) -> FakePlatform:
        return p.botframework

    def request(self, p: cfg.Platforms, message_id: str, sender: str, text: str) -> Request:
        body = {"type": "message", "id": f"act{message_id}",
                "timestamp": "2026-11-30T06:00:00.000Z", "serviceUrl": f"{p.botframework.url}/svc/",
                "channelId": "msteams", "from": {"id": f"29:{sender}", "name": "Max"},
                "conversation": {"id": f"a:{sender}"},
                "recipient": {"id": f"28:{cfg.BF_APP_ID}", "name": "Wegweiser"},
                "text": f"<at>Wegweiser</at> {text}",  # Teams: the bot's mention
                # Teams repeats the message as HTML (must not be stored unredacted).
                "attachments": [{"contentType": "text/html", "content": f"<p>{text}</p>"}]}
        return ("/webhooks/botframework/webhook", _json(body),
                {"Content-Type": "application/json", "Authorization": f"Bearer {p.bf_token}"})

    def forged(self, request: Request) -> list[Request]:
        path, body, headers = request
        token = headers["Authorization"].split()[1]
        head, claims, _ = token.split(".")
        # A genuine token replayed with another serviceUrl: Rasa would post its own
        # access token there (rasa-channels.md §3.5).
        elsewhere = _json({**json.loads(body), "serviceUrl": "https://attacker.example/"})
        return [(path, body, {**headers, "Authorization": f"Bearer {head}.{claims}.AAAA"}),
                (path, body, _drop(headers, "Authorization")),
                (path, elsewhere, headers)]

    def rasa_sender(self, sender: str) -> str:
        return f"29:{sender}"

    def answers(self, calls: list[Call], sender: str) -> list[dict[str, Any]]:
        found = []
        for call in calls:
            if call.path == f"/svc/v3/conversations/a:{sender}/activities":
                assert call.headers.get("authorization") == "Bearer bf-token"
                data = call.json
                cards = [a.get("content") or {} for a in data.get("attachments") or []]
                found.append({"text": data.get("text") or " ".join(
                    str(c.get("subtitle", "")) for c in cards),
                    "payloads": [b.get("payload") or b.get("value")
                                 for c in cards for b in c.get("buttons") or []]})
        return found


FULL = [Telegram("telegram"), Twilio("twilio"), WhatsApp("whatsapp"), Facebook("facebook")]
SMOKE = [Slack("slack", background=True), RocketChat("rocketchat"),
         BotFramework("botframework")]
