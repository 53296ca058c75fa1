"""What the person running the assistant sees: the runner's lines and the error filter."""

from __future__ import annotations

import re

# What a person running the assistant must see: errors and crashes, not warnings.
_IMPORTANT = re.compile(r"\b(ERROR|CRITICAL|FATAL)\b|^Traceback|^\w*(Error|Exception)\b")


def important(line: str) -> bool:
    """True for error-level log lines and tracebacks (shown even in quiet mode)."""
    return bool(_IMPORTANT.search(line))


def say(message: str) -> None:
    """A line from the runner itself (always shown)."""
    print(f"[ runner] {message}", flush=True)
