"""The office's own function mailboxes are no personal data.

Citizens quote the Landratsamt's e-mail address ("Kann ich das an lra@lra-mue.de
schicken?"); it identifies nobody, and redacting it loses what the question is about. A
staff member's own address at that domain ("a.schwaiger@lra-mue.de") is still redacted,
and so is everything else a citizen quotes: the switchboard number, the office's street
address (citizens live in the same street), a firm's role mailbox ("accounting@…" may be
one person's). The labelled sets count them as personal data (docs/privacy.md). A
deployment for another office sets `OFFICE_MAIL_DOMAIN` to its own domain.
"""

from __future__ import annotations

import re

from conversations.finding import Finding

OFFICE_MAIL_DOMAIN = "lra-mue.de"

_OFFICE_MAILBOX = re.compile(rf"[A-Za-z0-9]+@{re.escape(OFFICE_MAIL_DOMAIN)}")


def is_public(finding: Finding) -> bool:
    """Is `finding` one of the office's function mailboxes (kept as written)?

    A local part with a dot, dash or underscore ("m.huber@") is a person's mailbox.
    """
    return finding.type == "email" and _OFFICE_MAILBOX.fullmatch(finding.value) is not None
