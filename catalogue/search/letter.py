"""Letter frames around a question: salutation, closing formula, signature.

Citizens paste e-mails into the chat ("Sehr geehrte Damen und Herren, … Mit
freundlichen Grüßen, Anna Huber, Tel. …"). The frame says nothing about the
procedure but dilutes every signal, and a place in the signature looks like a
topic. Only the frame is removed: a salutation of at most a few words at the very
start, and a closing formula near the end with what follows it (name, town,
phone); the question itself is never touched, and a text that would become empty
is returned unchanged.
"""

from __future__ import annotations

import re

_GRUSS = r"gr(?:ü|ue|u)(?:ß|ss)e?n?"
_SALUTATION = re.compile(
    r"^\s*(?:sehr\s+geehrte[rs]?|liebe[rs]?|hallo|hallöchen|hi|hey|guten\s+(?:tag|morgen|abend)"
    rf"|{_GRUSS}\s+gott|gria(?:ß|ss)\s+(?:di|eich|gott)|servus|moin|dear|hello"
    r"|good\s+(?:morning|afternoon|evening))"
    r"(?:\s+[\w.'-]+){0,4}?\s*[,!:]\s*",
    re.IGNORECASE)
_CLOSING = re.compile(
    rf"(?:mit\s+freundlichen\s+{_GRUSS}|(?:viele|beste|liebe|freundliche|herzliche)\s+{_GRUSS}"
    r"|mfg|lg|danke\s+im\s+voraus|vielen\s+dank\s+im\s+voraus|(?:best|kind|warm)\s+regards"
    r"|regards|best\s+wishes|all\s+the\s+best|yours\s+(?:sincerely|faithfully|truly)"
    r"|thanks\s+in\s+advance|many\s+thanks|pfiat\s+di)\b",
    re.IGNORECASE)
# What may follow a closing formula: a signature of a few words (name, town, phone).
SIGNATURE_MAX_WORDS = 12
MIN_QUESTION_WORDS = 2


def strip_letter(text: str) -> str:
    """`text` without its salutation and its closing formula plus signature."""
    body = _SALUTATION.sub("", text, count=1)
    # The first closing formula after which only a signature follows ("Danke im Voraus
    # und beste Grüße, Anna Huber" is one closing block).
    for closing in _CLOSING.finditer(body):
        if len(body[closing.end():].split()) <= SIGNATURE_MAX_WORDS:
            body = body[:closing.start()]
            break
    body = body.strip(" \t\r\n,;-–")
    return body if len(body.split()) >= MIN_QUESTION_WORDS else text
