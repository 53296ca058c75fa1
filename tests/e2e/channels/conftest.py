"""The assistant with every messenger channel on, each platform's API a local fake.

A stack of its own (ports: `--stack-ports` + 1 each), since the channels need the
sender-pseudonym secret, which the shared `stack` runs without. Its environment is
what a Landratsamt sets (README, docs/channels.md), with the `*_API_URL` settings
pointing at the fakes (`fakes.py`).
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from runner.stack import ROOT, Stack, StackError, running_stack
from tests.e2e.channels import fakes

SENDER_SECRET = "test-only-sender-secret-0123456789abcdef"
PUBLIC_URL = "https://wegweiser.example.org"
TELEGRAM_TOKEN = "123456:TEST-telegram-token"
TELEGRAM_BOT = "wegweiser_test_bot"
TELEGRAM_SECRET = "telegram-secret-token-4711"
TWILIO_SID = "AC" + "1" * 32
TWILIO_TOKEN = "twilio-auth-token-4711"
SMS_NUMBER = "+4986311234"
WHATSAPP_NUMBER = "+14155238886"
FB_VERIFY = "fb-verify-4711"
FB_SECRET = "fb-app-secret-4711"
FB_PAGE_TOKEN = "fb-page-token-4711"
SLACK_TOKEN = "xoxb-test-4711"
SLACK_SECRET = "slack-signing-secret-4711"
RC_TOKEN = "rocketchat-integration-token"
BF_APP_ID = "a1b2c3d4-app-id"
BF_TENANT = "e5f6-tenant-id"

# Bot Framework tokens are RS256 JWTs; the app environment has no crypto library, so
# Rasa's environment (PyJWT, cryptography) makes the key pair and a token once.
_JWT = r"""
import json, sys, time, jwt
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm
key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
jwk = json.loads(RSAAlgorithm.to_jwk(key.public_key()))
jwk.update({"kid": "test-kid", "use": "sig", "alg": "RS256"})
claims = {"iss": "https://api.botframework.com", "aud": sys.argv[1],
          "exp": int(time.time()) + 7200, "nbf": int(time.time()) - 60,
          "serviceurl": sys.argv[2]}
token = jwt.encode(claims, key, algorithm="RS256", headers={"kid": "test-kid"})
print(json.dumps({"jwk": jwk, "token": token}))
"""


@dataclass
class Platforms:
    telegram: fakes.FakePlatform
    twilio: fakes.FakePlatform
    facebook: fakes.FakePlatform
    slack: fakes.FakePlatform
    rocketchat: fakes.FakePlatform
    botframework: fakes.FakePlatform
    bf_token: str


@dataclass
class ChannelStack:
    stack: Stack
    platforms: Platforms

    @property
    def base_url(self) -> str:
        return self.stack.base_url

    @property
    def tracker_db(self) -> Any:
        return self.stack.log_path.with_name("tracker.db")


def _bot_framework_key(service_url: str) -> dict[str, Any]:
    result = subprocess.run([str(ROOT / ".venv-rasa" / "bin" / "python"), "-c", _JWT,
                             BF_APP_ID, service_url], capture_output=True, text=True,
                            timeout=120, check=True)
    key: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    return key


@pytest.fixture(scope="session")
def platforms() -> Iterator[Platforms]:
    bf = fakes.FakePlatform("botframework", lambda call: (500, {})).up()
    key = _bot_framework_key(f"{bf.url}/svc/")
    bf.responder = fakes.botframework(key["jwk"])
    started = Platforms(
        telegram=fakes.FakePlatform("telegram", fakes.telegram(TELEGRAM_BOT)).up(),
        twilio=fakes.FakePlatform("twilio", fakes.twilio).up(),
        facebook=fakes.FakePlatform("facebook", fakes.facebook).up(),
        slack=fakes.FakePlatform("slack", fakes.slack).up(),
        rocketchat=fakes.FakePlatform("rocketchat", fakes.rocketchat).up(),
        botframework=bf, bf_token=key["token"])
    yield started
    for fake in (started.telegram, started.twilio, started.facebook, started.slack,
                 started.rocketchat, started.botframework):
        fake.down()


def channel_env(p: Platforms) -> dict[str, str]:
    """What a Landratsamt sets to switch every channel on (APIs: the fakes)."""
    return {
        "WEGWEISER_SENDER_SECRET": SENDER_SECRET, "WEGWEISER_PUBLIC_URL": PUBLIC_URL,
        "WEGWEISER_TELEGRAM_TOKEN": TELEGRAM_TOKEN, "WEGWEISER_TELEGRAM_BOT_NAME": TELEGRAM_BOT,
        "WEGWEISER_TELEGRAM_SECRET_TOKEN": TELEGRAM_SECRET,
        "WEGWEISER_TELEGRAM_API_URL": p.telegram.url,
        "WEGWEISER_TWILIO_ACCOUNT_SID": TWILIO_SID, "WEGWEISER_TWILIO_AUTH_TOKEN": TWILIO_TOKEN,
        "WEGWEISER_TWILIO_SMS_NUMBER": SMS_NUMBER,
        "WEGWEISER_TWILIO_WHATSAPP_NUMBER": WHATSAPP_NUMBER,
        "WEGWEISER_TWILIO_API_URL": p.twilio.url,
        "WEGWEISER_FACEBOOK_VERIFY_TOKEN": FB_VERIFY, "WEGWEISER_FACEBOOK_APP_SECRET": FB_SECRET,
        "WEGWEISER_FACEBOOK_PAGE_TOKEN": FB_PAGE_TOKEN,
        "WEGWEISER_FACEBOOK_API_URL": p.facebook.url,
        "WEGWEISER_SLACK_BOT_TOKEN": SLACK_TOKEN, "WEGWEISER_SLACK_SIGNING_SECRET": SLACK_SECRET,
        "WEGWEISER_SLACK_API_URL": p.slack.url,
        "WEGWEISER_ROCKETCHAT_USER": "wegweiser", "WEGWEISER_ROCKETCHAT_PASSWORD": "rc-password",
        "WEGWEISER_ROCKETCHAT_URL": p.rocketchat.url, "WEGWEISER_ROCKETCHAT_TOKEN": RC_TOKEN,
        "WEGWEISER_BOTFRAMEWORK_APP_ID": BF_APP_ID,
        "WEGWEISER_BOTFRAMEWORK_APP_PASSWORD": "bf-password",
        "WEGWEISER_BOTFRAMEWORK_TENANT_ID": BF_TENANT,
        "WEGWEISER_BOTFRAMEWORK_LOGIN_URL": p.botframework.url,
        "WEGWEISER_BOTFRAMEWORK_OPENID_URL": f"{p.botframework.url}/openid",
    }


@pytest.fixture(scope="session")
def channel_stack(tmp_path_factory: pytest.TempPathFactory, pytestconfig: pytest.Config,
                  platforms: Platforms) -> Iterator[ChannelStack]:
    if not (ROOT / "models" / "wegweiser.tar.gz").exists():
        pytest.fail("models/wegweiser.tar.gz is missing: run the tests with `make test`")
    web, rasa, actions = (int(part) + 1 for part in
                          str(pytestconfig.getoption("--stack-ports")).split(","))
    try:
        with running_stack(tmp_path_factory.mktemp("channels") / "runner.log", web_port=web,
                           rasa_port=rasa, actions_port=actions,
                           env=channel_env(platforms)) as stack:
            print(f"\nchannel stack healthy after {stack.startup_seconds:.0f} s")
            yield ChannelStack(stack, platforms)
    except StackError as exc:
        pytest.fail(str(exc))
