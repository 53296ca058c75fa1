"""The checks Rasa does not do, on the raw request, before anything is forwarded.

Pure functions (no I/O); each names the platform documentation it follows.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import time
from collections.abc import Iterable


def same(given: str | None, expected: str) -> bool:
    """Constant-time comparison; an empty expectation never matches."""
    return bool(expected) and hmac.compare_digest((given or "").encode(), expected.encode())


def telegram_ok(secret_header: str | None, secret_token: str) -> bool:
    """`X-Telegram-Bot-Api-Secret-Token` equals the `secret_token` given to setWebhook
    (https://core.telegram.org/bots/api#setwebhook)."""
    return same(secret_header, secret_token)


def twilio_signature(url: str, params: Iterable[tuple[str, str]], auth_token: str) -> str:
    """Base64(HMAC-SHA1(auth token, URL + every POST parameter name and value, sorted by
    name)) (https://www.twilio.com/docs/usage/webhooks/webhooks-security)."""
    pairs = sorted(params)
    data = url + "".join(name + value for name, value in pairs)
    digest = hmac.new(auth_token.encode(), data.encode("utf-8"), hashlib.sha1).digest()
    return base64.b64encode(digest).decode()


def twilio_ok(signature: str | None, url: str, params: Iterable[tuple[str, str]],
              auth_token: str) -> bool:
    return same(signature, twilio_signature(url, params, auth_token))


def facebook_ok(signature_header: str | None, body: bytes, app_secret: str) -> bool:
    """`X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, raw body)>`
    (https://developers.facebook.com/docs/messenger-platform/webhooks)."""
    expected = "sha256=" + hmac.new(app_secret.encode(), body, hashlib.sha256).hexdigest()
    return bool(app_secret) and same(signature_header, expected)


def slack_ok(signature: str | None, timestamp: str | None, body: bytes,
             signing_secret: str, max_age_seconds: float, now: float | None = None) -> bool:
    """`X-Slack-Signature: v0=<hex HMAC-SHA256(secret, "v0:<ts>:<body>")>` and a
    `X-Slack-Request-Timestamp` at most `max_age_seconds` old
    (https://api.slack.com/authentication/verifying-requests-from-slack)."""
    try:
        age = abs((time.time() if now is None else now) - int(timestamp or ""))
    except ValueError:
        return False
    if age > max_age_seconds or not signing_secret:
        return False
    base = b"v0:" + str(timestamp).encode() + b":" + body
    expected = "v0=" + hmac.new(signing_secret.encode(), base, hashlib.sha256).hexdigest()
    return same(signature, expected)


def rocketchat_ok(token: object, integration_token: str) -> bool:
    """The `token` field of Rocket.Chat's outgoing-webhook body equals the integration's
    token (RocketChat/Rocket.Chat apps/meteor/app/integrations/server/lib/triggerHandler.js)."""
    return isinstance(token, str) and same(token, integration_token)
