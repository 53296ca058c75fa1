"""The web app's log records are redacted, whichever logger wrote them."""

from __future__ import annotations

import logging

import pytest

from bot import log_privacy


def test_records_are_redacted_before_any_handler(caplog: pytest.LogCaptureFixture):
    log_privacy.install()
    log_privacy.install()  # idempotent
    with caplog.at_level(logging.INFO):
        logging.getLogger("uvicorn.error").info("message %s from %s", "Tel 0171 2345678",
                                                "anna@example.org")
    assert caplog.messages[-1] == "message Tel [TELEFON] from [E-MAIL]"
