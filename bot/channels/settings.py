"""Typed settings of the messenger channels; every value can be set as WEGWEISER_<NAME>.

A channel is on when all of its required secrets are set, and off otherwise (the runner
and the web app say which variable is missing). The `*_API_URL` values move a platform's
API address (tests point them at local fakes); the defaults are the real platforms.
The runner turns these settings into Rasa's credentials file (`runner/channels.py`), the
web app uses them to verify webhooks before forwarding them (`bot/channels/`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


@dataclass(frozen=True)
class ChannelState:
    """Whether one channel is on, and if not, which variables are missing."""

    name: str
    missing: tuple[str, ...]
    partly: bool  # some of its variables are set, so the operator meant to switch it on

    @property
    def on(self) -> bool:
        return not self.missing

    def describe(self) -> str:
        if self.on:
            return f"channel {self.name}: on (webhook /webhooks/{self.name}/webhook)"
        return f"channel {self.name}: off ({', '.join(self.missing)} not set)"


class ChannelSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="WEGWEISER_", extra="ignore")

    # The web app's public https address as the platforms reach it (webhook URLs, the
    # Twilio signature, the privacy notice link in the first messenger reply).
    public_url: str = ""
    # Telegram: token from @BotFather, the bot's username, the secret token registered
    # with setWebhook (Telegram sends it in X-Telegram-Bot-Api-Secret-Token).
    telegram_token: str = ""
    telegram_bot_name: str = ""
    telegram_secret_token: str = ""
    telegram_api_url: str = "https://api.telegram.org"
    # Twilio: one account for SMS and WhatsApp; each number switches its channel on.
    twilio_account_sid: str = ""
    twilio_auth_token: str = ""
    twilio_sms_number: str = ""
    twilio_whatsapp_number: str = ""
    twilio_api_url: str = "https://api.twilio.com"
    # Facebook Messenger: the verify token you choose, the app secret, the page token.
    facebook_verify_token: str = ""
    facebook_app_secret: str = ""
    facebook_page_token: str = ""
    facebook_api_url: str = "https://graph.facebook.com"
    # Slack: bot token (xoxb-…) and signing secret of the Slack app.
    slack_bot_token: str = ""
    slack_signing_secret: str = ""
    slack_api_url: str = "https://slack.com"
    slack_max_age_seconds: int = Field(default=300, ge=30, le=3600)
    # Rocket.Chat: the bot user, the server, and the outgoing integration's token.
    rocketchat_user: str = ""
    rocketchat_password: str = ""
    rocketchat_url: str = ""
    rocketchat_token: str = ""
    # Microsoft Bot Framework (Teams): app id/secret and tenant of a single-tenant bot.
    botframework_app_id: str = ""
    botframework_app_password: str = ""
    botframework_tenant_id: str = ""
    botframework_login_url: str = "https://login.microsoftonline.com"
    botframework_openid_url: str = (
        "https://login.botframework.com/v1/.well-known/openidconfiguration")
    # Duplicate deliveries (platform retries) of a message id seen within this window
    # are acknowledged without a second answer.
    channel_dedupe_seconds: float = Field(default=3600.0, gt=0)

    @field_validator("telegram_secret_token")
    @classmethod
    def _telegram_secret(cls, value: str) -> str:
        if value and not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", value):
            raise ValueError("Telegram allows 1-256 characters A-Z, a-z, 0-9, _ and - "
                             "(https://core.telegram.org/bots/api#setwebhook)")
        return value

    @field_validator("public_url")
    @classmethod
    def _public(cls, value: str) -> str:
        value = value.strip().rstrip("/")
        if value and not value.startswith(("https://", "http://")):
            raise ValueError("the public address starts with https://, e.g. "
                             "https://wegweiser.lra-mue.de")
        return value

    def requirements(self) -> dict[str, dict[str, str]]:
        """Channel → its required variables (name → value)."""
        twilio = {"WEGWEISER_TWILIO_ACCOUNT_SID": self.twilio_account_sid,
                  "WEGWEISER_TWILIO_AUTH_TOKEN": self.twilio_auth_token,
                  "WEGWEISER_PUBLIC_URL": self.public_url}
        return {
            "telegram": {"WEGWEISER_TELEGRAM_TOKEN": self.telegram_token,
                         "WEGWEISER_TELEGRAM_BOT_NAME": self.telegram_bot_name,
                         "WEGWEISER_TELEGRAM_SECRET_TOKEN": self.telegram_secret_token},
            "twilio": {**twilio, "WEGWEISER_TWILIO_SMS_NUMBER": self.twilio_sms_number},
            "whatsapp": {**twilio,
                         "WEGWEISER_TWILIO_WHATSAPP_NUMBER": self.twilio_whatsapp_number},
            "facebook": {"WEGWEISER_FACEBOOK_VERIFY_TOKEN": self.facebook_verify_token,
                         "WEGWEISER_FACEBOOK_APP_SECRET": self.facebook_app_secret,
                         "WEGWEISER_FACEBOOK_PAGE_TOKEN": self.facebook_page_token},
            "slack": {"WEGWEISER_SLACK_BOT_TOKEN": self.slack_bot_token,
                      "WEGWEISER_SLACK_SIGNING_SECRET": self.slack_signing_secret},
            "rocketchat": {"WEGWEISER_ROCKETCHAT_USER": self.rocketchat_user,
                           "WEGWEISER_ROCKETCHAT_PASSWORD": self.rocketchat_password,
                           "WEGWEISER_ROCKETCHAT_URL": self.rocketchat_url,
                           "WEGWEISER_ROCKETCHAT_TOKEN": self.rocketchat_token},
            "botframework": {"WEGWEISER_BOTFRAMEWORK_APP_ID": self.botframework_app_id,
                             "WEGWEISER_BOTFRAMEWORK_APP_PASSWORD":
                                 self.botframework_app_password,
                             "WEGWEISER_BOTFRAMEWORK_TENANT_ID": self.botframework_tenant_id},
        }

    def states(self) -> list[ChannelState]:
        shared = {"WEGWEISER_PUBLIC_URL"}  # set for any channel; says nothing about this one
        return [ChannelState(name, tuple(var for var, value in needed.items() if not value),
                             any(value for var, value in needed.items() if var not in shared))
                for name, needed in self.requirements().items()]

    def enabled(self) -> set[str]:
        return {state.name for state in self.states() if state.on}

    @property
    def privacy_url(self) -> str | None:
        return f"{self.public_url}/datenschutz" if self.public_url else None


@lru_cache
def get_channel_settings() -> ChannelSettings:
    return ChannelSettings()
