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


def test_long_lines_are_redacted_in_pieces_quickly():
    import time

    line = ("Tel 0171 2345678 " + "0." * 200 + " ") * 100 + "mail anna@example.org"
    started = time.perf_counter()
    redacted = log_privacy.redact_line(line)
    assert time.perf_counter() - started < 0.5
    assert "2345678" not in redacted and "anna@" not in redacted
    assert redacted.count("[TELEFON]") == 100 and redacted.endswith("[E-MAIL]")
