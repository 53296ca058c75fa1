"""The connector subclasses, in Rasa's own environment, without any network.

Slow: runs `.venv-rasa`'s Python (importing Rasa takes seconds). Checks what the
end-to-end tests cannot show: every channel starts with its platform unreachable
(Telegram and Bot Framework abort `rasa run` offline in stock Rasa 3.6.21), Rasa's own
credentials loader builds our classes from the file the runner writes, both Twilio
channels mount side by side, the API addresses move, and Facebook's signature check.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from bot.channels.settings import ChannelSettings
from runner.channels import channel_credentials

ROOT = Path(__file__).resolve().parents[2]
RASA_PYTHON = ROOT / ".venv-rasa" / "bin" / "python"
pytestmark = [pytest.mark.slow]

SCRIPT = r"""
import hashlib, hmac, json, sys
from sanic import Sanic
from rasa.core.run import create_http_input_channels
import rasa.core.channels.botframework as bf
from rasa.core.channels.channel import InputChannel
from rasa_addons.channels.facebook import valid_signature

path = sys.argv[1]
channels = create_http_input_channels(None, path)
app = Sanic("channels_test")
async def on_message(message):
    pass
for channel in channels:
    app.blueprint(channel.blueprint(on_message), url_prefix=f"/webhooks/{channel.name()}")
routes = sorted({route.path for route in app.router.routes})
outputs = {}
for channel in channels:
    if channel.name() in ("telegram", "twilio", "whatsapp", "facebook"):
        out = channel.get_output_channel()
        outputs[channel.name()] = (str(out.server.api_url("T", "getMe"))
                                   if channel.name() == "telegram" else
                                   out.api.base_url if channel.name() != "facebook" else
                                   out.messenger_client.graph_url)
body = b'{"object":"page"}'
sig = "sha256=" + hmac.new(b"s", body, hashlib.sha256).hexdigest()
print(json.dumps({
    "classes": sorted(type(c).__name__ for c in channels),
    "routes": routes, "outputs": outputs,
    "token_url": f"{bf.MICROSOFT_OAUTH2_URL}/{bf.MICROSOFT_OAUTH2_PATH}",
    "privacy": sorted({c.privacy_url for c in channels if hasattr(c, "privacy_url")}),
    "fb": [valid_signature("s", body, {"X-Hub-Signature-256": sig}),
           valid_signature("s", body + b" ", {"X-Hub-Signature-256": sig}),
           valid_signature("s", body, {})],
}))
"""
UNREACHABLE = "http://127.0.0.1:9"  # the discard port: connection refused


def every_channel() -> ChannelSettings:
    return ChannelSettings(
        public_url="https://wegweiser.example.org",
        telegram_token="123456:TEST", telegram_bot_name="bot", telegram_secret_token="s",
        telegram_api_url=UNREACHABLE,
        twilio_account_sid="AC1", twilio_auth_token="t", twilio_sms_number="+4986311",
        twilio_whatsapp_number="+14155238886", twilio_api_url=UNREACHABLE,
        facebook_verify_token="v", facebook_app_secret="s", facebook_page_token="p",
        facebook_api_url=UNREACHABLE, slack_bot_token="xoxb-1", slack_signing_secret="s",
        slack_api_url=UNREACHABLE, rocketchat_user="u", rocketchat_password="p",
        rocketchat_url=UNREACHABLE, rocketchat_token="t", botframework_app_id="a",
        botframework_app_password="p", botframework_tenant_id="tenant-1",
        botframework_login_url=UNREACHABLE, botframework_openid_url=UNREACHABLE + "/openid")


def test_every_channel_starts_offline_from_the_runners_credentials(tmp_path: Path):
    import yaml

    credentials = tmp_path / "credentials.yml"
    credentials.write_text(yaml.safe_dump(channel_credentials(every_channel())))
    result = subprocess.run([str(RASA_PYTHON), "-c", SCRIPT, str(credentials)], cwd=ROOT,
                            env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin",
                                 "RASA_TELEMETRY_ENABLED": "false"},
                            capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    loaded = json.loads(result.stdout.strip().splitlines()[-1])
    assert loaded["classes"] == sorted([
        "WegweiserBotFrameworkInput", "WegweiserFacebookInput", "WegweiserRocketChatInput",
        "WegweiserSlackInput", "WegweiserTelegramInput", "WegweiserTwilioInput",
        "WegweiserWhatsAppInput"])
    for name in ("telegram", "twilio", "whatsapp", "facebook", "slack", "rocketchat",
                 "botframework"):
        assert f"webhooks/{name}/webhook" in loaded["routes"], name
    assert loaded["outputs"] == {"telegram": f"{UNREACHABLE}/botT/getMe",
                                 "twilio": UNREACHABLE, "whatsapp": UNREACHABLE,
                                 "facebook": f"{UNREACHABLE}/v2.12"}
    # The single-tenant token endpoint Microsoft requires for new bots.
    assert loaded["token_url"] == f"{UNREACHABLE}/tenant-1/oauth2/v2.0/token"
    assert loaded["privacy"] == ["https://wegweiser.example.org/datenschutz"]
    assert loaded["fb"] == [True, False, False]
    assert "Traceback" not in result.stderr
