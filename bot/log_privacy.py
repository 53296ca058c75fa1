"""No personal data in our log files: log records and process output are redacted.

`install()` (called by the web app at start) makes every log record of the process
pass `conversations.redaction` before any handler formats it, whichever library
logged it. The runner applies `redact_line` to every output line of Rasa, the action
server and the web app before it reaches a log file or the console, which also covers
the processes whose logging we do not configure (Rasa, rasa_sdk).
"""

from __future__ import annotations

import logging

from conversations.redaction import redact


class RedactingFilter(logging.Filter):
    """Replaces a record's message by its redacted, fully formatted text."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = redact(message)
        if redacted != message:
            record.msg, record.args = redacted, None
        return True


_FILTER = RedactingFilter()


def install() -> None:
    """Redact every record of this process: a record factory runs before all handlers
    (also those uvicorn configured before the app was created)."""
    old_factory = logging.getLogRecordFactory()
    if getattr(old_factory, "wegweiser_redacting", False):
        return

    def factory(*args: object, **kwargs: object) -> logging.LogRecord:
        record = old_factory(*args, **kwargs)
        _FILTER.filter(record)
        return record

    factory.wegweiser_redacting = True  # type: ignore[attr-defined]
    logging.setLogRecordFactory(factory)


# Some patterns cost time quadratic in the length of a pathological line (10,000 "0."
# take ~0.4 s); the runner's pump must never fall behind a process's output, so very
# long lines are redacted in pieces cut at whitespace.
_PIECE = 2000


def redact_line(line: str) -> str:
    """One line of a process's output, redacted (the runner's log files)."""
    if len(line) <= _PIECE:
        return redact(line)
    pieces: list[str] = []
    start = 0
    while start < len(line):
        end = min(len(line), start + _PIECE)
        if end < len(line):
            cut = line.rfind(" ", start + _PIECE // 2, end)
            end = cut + 1 if cut > 0 else end
        pieces.append(redact(line[start:end]))
        start = end
    return "".join(pieces)
