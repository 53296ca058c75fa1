"""What a citizen gets while Rasa or the action server is down, hung or slow.

The web app answers within its Rasa timeout with the Bürgerservice contact (phone,
e-mail, secure contact form) from the catalogue entry staff maintain, read once at
start-up so an outage needs no database access; API clients also get a
machine-readable status. The runner restarts the failed part; the next turn answers
normally without any client action.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from bot import messages
from catalogue.db import BUERGERSERVICE_ID, get_db, get_procedure

log = logging.getLogger(__name__)
RETRY_AFTER_SECONDS = 5


@dataclass(frozen=True)
class OutageReply:
    text: str
    form_url: str | None = None

    def body(self, failing: str) -> dict[str, Any]:
        """The 503 body: the message for people, status and failing part for programs."""
        buttons = ([{"title": messages.CONTACT_FORM_BUTTON, "url": self.form_url,
                     "type": "web_url"}] if self.form_url else [])
        return {"detail": self.text, "status": "degraded", "failing": [failing],
                "retry_after_seconds": RETRY_AFTER_SECONDS,
                "messages": [{"text": self.text, "buttons": buttons}]}


def load_outage_reply() -> OutageReply:
    """The outage reply with the catalogue's Bürgerservice contact, generic without it."""
    try:
        service = get_procedure(get_db(), BUERGERSERVICE_ID)
    except Exception:  # a missing or broken catalogue must not stop the web app
        log.exception("catalogue not readable: the outage reply has no contact details")
        service = None
    if service is None:
        log.error("catalogue entry %s missing: the outage reply has no contact details",
                  BUERGERSERVICE_ID)
        return OutageReply(messages.ASSISTANT_UNAVAILABLE)
    contact = service.contact
    return OutageReply(messages.outage_contact(contact.phone, contact.email, service.link),
                       service.link)
