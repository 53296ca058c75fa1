"""runner/channels.py: Rasa's credentials come from the environment only."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
import yaml

from bot.channels.settings import ChannelSettings
from runner.channels import CLASSES, channel_credentials, channel_report, runtime_credentials
from runner.preflight import messenger_problem


def test_no_secrets_no_channels_and_the_report_says_so():
    settings = ChannelSettings()
    assert channel_credentials(settings) == {}
    report = channel_report(settings)
    assert len(report) == 7 and all(": off (" in line for line in report)


def test_a_channel_with_its_secrets_gets_our_connector_class():
    settings = ChannelSettings(public_url="https://w.example.org", telegram_token="1:T",
                               telegram_bot_name="@wegweiser_bot", telegram_secret_token="s",
                               twilio_account_sid="AC1", twilio_auth_token="t",
                               twilio_whatsapp_number="+14155238886")
    credentials = channel_credentials(settings)
    assert set(credentials) == {CLASSES["telegram"], CLASSES["whatsapp"]}
    telegram = credentials[CLASSES["telegram"]]
    assert telegram["verify"] == "wegweiser_bot"
    assert telegram["webhook_url"] == "https://w.example.org/webhooks/telegram/webhook"
    assert telegram["privacy_url"] == "https://w.example.org/datenschutz"
    assert credentials[CLASSES["whatsapp"]]["twilio_number"] == "whatsapp:+14155238886"


def test_the_runtime_file_keeps_rest_is_private_and_needs_the_sender_secret():
    settings = ChannelSettings(telegram_token="1:T", telegram_bot_name="b",
                               telegram_secret_token="s")
    path = runtime_credentials(settings, rasa_port=1)
    try:
        config = yaml.safe_load(path.read_text())
        assert "rest" in config and CLASSES["telegram"] in config
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert "WEGWEISER_SENDER_SECRET" in (messenger_problem(path, "") or "")
        assert messenger_problem(path, "x" * 32) is None
    finally:
        path.unlink()


def test_production_rasa_unit_writes_and_uses_the_channel_credentials(monkeypatch):
    """The Rasa unit runs `runner.unit rasa`, which writes the credentials for the
    channels that are on and hands that file to Rasa; without the sender secret it
    refuses to start."""
    from bot.channels.settings import get_channel_settings
    from bot.settings import get_settings
    from runner.processes import ROOT
    from runner.settings import get_runner_settings
    from runner.unit import UnitError, service_named

    unit = (ROOT / "deploy" / "systemd" / "wegweiser-rasa.service").read_text()
    assert "ExecStart=/opt/wegweiser/.venv/bin/python -m runner.unit rasa" in unit
    for name, value in {"WEGWEISER_TELEGRAM_TOKEN": "1:T", "WEGWEISER_TELEGRAM_BOT_NAME": "b",
                        "WEGWEISER_TELEGRAM_SECRET_TOKEN": "s", "WEGWEISER_RASA_PORT": "3",
                        "WEGWEISER_RASA_TOKEN": "t" * 32, "WEGWEISER_SENDER_SECRET": ""}.items():
        monkeypatch.setenv(name, value)
    caches = (get_channel_settings, get_runner_settings, get_settings)
    for cached in caches:
        cached.cache_clear()
    try:
        with pytest.raises(UnitError, match="WEGWEISER_SENDER_SECRET"):
            service_named("rasa")
        monkeypatch.setenv("WEGWEISER_SENDER_SECRET", "s" * 32)
        get_runner_settings.cache_clear()
        command = service_named("rasa").command
        credentials = Path(command[command.index("--credentials") + 1])
        assert credentials == ROOT / "var" / "credentials-3.yml"
        assert CLASSES["telegram"] in yaml.safe_load(credentials.read_text())
    finally:
        for cached in caches:
            cached.cache_clear()
        (ROOT / "var" / "credentials-3.yml").unlink(missing_ok=True)


def test_the_cli_refuses_a_messenger_without_the_sender_secret(monkeypatch, capsys):
    from bot.channels.settings import get_channel_settings
    from runner.channels import main
    from runner.settings import get_runner_settings

    for name, value in {"WEGWEISER_TELEGRAM_TOKEN": "1:T", "WEGWEISER_TELEGRAM_BOT_NAME": "b",
                        "WEGWEISER_TELEGRAM_SECRET_TOKEN": "s",
                        "WEGWEISER_SENDER_SECRET": ""}.items():
        monkeypatch.setenv(name, value)
    get_channel_settings.cache_clear()
    get_runner_settings.cache_clear()
    try:
        assert main(["--rasa-port", "2"]) == 2
        assert "channel telegram: on" in capsys.readouterr().out
    finally:
        get_channel_settings.cache_clear()
        get_runner_settings.cache_clear()
        from runner.processes import ROOT

        (ROOT / "var" / "credentials-2.yml").unlink(missing_ok=True)
