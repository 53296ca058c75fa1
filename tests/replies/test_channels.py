"""replies.channels: a profile per Rasa input channel, the web default otherwise."""

from __future__ import annotations

import pytest

from replies.channels import DEFAULT, PROFILES, profile_for


@pytest.mark.parametrize("channel", ["rest", "socketio", "telegram", "twilio", "whatsapp",
                                     "facebook", "slack", "rocketchat", "botframework"])
def test_every_named_channel_has_a_profile(channel):
    assert profile_for(channel).name == channel
    assert channel in PROFILES


@pytest.mark.parametrize("channel", [None, "", "cmdline", "something-new"])
def test_unknown_channels_get_the_web_default(channel):
    assert profile_for(channel) is DEFAULT


def test_limits():
    assert not profile_for("twilio").buttons
    assert profile_for("facebook").max_buttons == 3
    assert profile_for("facebook").max_title_chars == 20
    assert profile_for("telegram").max_payload_bytes == 64
    assert not profile_for("telegram").url_buttons
    assert profile_for("REST") is DEFAULT
