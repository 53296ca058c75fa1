"""Rasa's credentials file for this run, from the channel settings (environment only).

`credentials.yml` holds what is always on (the REST channel the web app uses). Every
messenger whose secrets are set (`bot.channels.settings`) is added with the project's
connector class (`rasa_addons.channels`); the others stay out, so Rasa never starts a
channel without its secrets. The file is written to var/ with mode 0600 (it holds the
tokens) and passed to `rasa run --credentials`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from bot.channels.settings import ChannelSettings
from runner.processes import ROOT

CLASSES = {
    "telegram": "rasa_addons.channels.telegram.WegweiserTelegramInput",
    "twilio": "rasa_addons.channels.twilio.WegweiserTwilioInput",
    "whatsapp": "rasa_addons.channels.twilio.WegweiserWhatsAppInput",
    "facebook": "rasa_addons.channels.facebook.WegweiserFacebookInput",
    "slack": "rasa_addons.channels.slack.WegweiserSlackInput",
    "rocketchat": "rasa_addons.channels.rocketchat.WegweiserRocketChatInput",
    "botframework": "rasa_addons.channels.botframework.WegweiserBotFrameworkInput",
}


def channel_credentials(settings: ChannelSettings) -> dict[str, dict[str, Any]]:
    """Class path → credentials, for every channel that is on."""
    common = {"privacy_url": settings.privacy_url}
    twilio = {"account_sid": settings.twilio_account_sid,
              "auth_token": settings.twilio_auth_token, "api_base_url": settings.twilio_api_url}
    whatsapp = settings.twilio_whatsapp_number
    everything: dict[str, dict[str, Any]] = {
        "telegram": {"access_token": settings.telegram_token,
                     "verify": settings.telegram_bot_name.removeprefix("@"),
                     "webhook_url": f"{settings.public_url}/webhooks/telegram/webhook",
                     "api_base_url": settings.telegram_api_url},
        "twilio": {**twilio, "twilio_number": settings.twilio_sms_number},
        "whatsapp": {**twilio, "twilio_number": whatsapp if whatsapp.startswith("whatsapp:")
                     else f"whatsapp:{whatsapp}"},
        "facebook": {"verify": settings.facebook_verify_token,
                     "secret": settings.facebook_app_secret,
                     "page-access-token": settings.facebook_page_token,
                     "api_base_url": settings.facebook_api_url},
        "slack": {"slack_token": settings.slack_bot_token,
                  "slack_signing_secret": settings.slack_signing_secret,
                  "api_base_url": settings.slack_api_url,
                  "errors_ignore_retry": ["http_timeout", "http_error", "connection_failed"]},
        "rocketchat": {"user": settings.rocketchat_user,
                       "password": settings.rocketchat_password,
                       "server_url": settings.rocketchat_url},
        "botframework": {"app_id": settings.botframework_app_id,
                         "app_password": settings.botframework_app_password,
                         "tenant_id": settings.botframework_tenant_id,
                         "login_url": settings.botframework_login_url,
                         "openid_url": settings.botframework_openid_url},
    }
    return {CLASSES[name]: {**common, **everything[name]}
            for name in sorted(settings.enabled())}


def runtime_credentials(settings: ChannelSettings, rasa_port: int) -> Path:
    """credentials.yml plus the channels that are on, written for this run."""
    base = yaml.safe_load((ROOT / "credentials.yml").read_text(encoding="utf-8")) or {}
    config = {**dict(base), **channel_credentials(settings)}
    path = ROOT / "var" / f"credentials-{rasa_port}.yml"
    path.parent.mkdir(exist_ok=True)
    path.touch(mode=0o600)
    path.chmod(0o600)  # holds the platforms' tokens
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return path


def channel_report(settings: ChannelSettings) -> list[str]:
    """One line per messenger: on with its webhook, or off and which variable is missing."""
    return [state.describe() for state in settings.states()]


def main(argv: list[str] | None = None) -> int:
    """`python -m runner.channels`: write the credentials file (production without the
    runner: the Rasa unit's ExecStartPre), say which channels are on; exit 2 when a
    messenger is on without the sender secret."""
    import argparse
    import sys

    from bot.channels.settings import get_channel_settings
    from runner.preflight import messenger_problem
    from runner.settings import get_runner_settings

    parser = argparse.ArgumentParser(prog="python -m runner.channels", description=main.__doc__)
    parser.add_argument("--rasa-port", type=int, default=get_runner_settings().rasa_port)
    args = parser.parse_args(argv)
    settings = get_channel_settings()
    for line in channel_report(settings):
        print(line)
    path = runtime_credentials(settings, args.rasa_port)
    problem = messenger_problem(path, get_runner_settings().sender_secret)
    if problem:
        print(f"cannot start: {problem}", file=sys.stderr)
        return 2
    print(f"credentials for Rasa: {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
