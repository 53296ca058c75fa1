"""Rasa's SQL tracker store, plus this deployment's action-server timeout.

Rasa 3.6 waits up to five minutes for a custom action: the timeout is a module constant
(`rasa.core.actions.action.DEFAULT_REQUEST_TIMEOUT`), not a setting. A hung action
server would hold the conversation's lock that long, so the citizen's next turns would
fail too. The tracker store is the one piece of our code Rasa loads at start
(`endpoints.yml`: `type: rasa_addons.tracker_store.WegweiserTrackerStore`), so it sets
the timeout from `action_timeout_seconds` there. Rasa then answers nothing for that
turn (the web app sends the outage reply) and the lock is free again.
"""

from __future__ import annotations

import itertools
import json
import logging
from collections.abc import Iterator
from typing import Any

import rasa.core.actions.action as rasa_action
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import Event
from rasa.shared.nlu.constants import INTENT_NAME_KEY

from conversations.event_redaction import redact_events
from conversations.pseudonym import check_secret, pseudonymous_sender

log = logging.getLogger(__name__)
# Below the web app's WEGWEISER_RASA_TIMEOUT_SECONDS (8 s), above any normal action
# (~0.1 s; the first search after a restart loads the model in ~5 s).
DEFAULT_ACTION_TIMEOUT_SECONDS = 7.0


class WegweiserTrackerStore(SQLTrackerStore):  # type: ignore[misc]  # rasa has no types
    """SQL tracker store that redacts personal data, pseudonymises sender ids (with a
    secret) and bounds how long Rasa waits for a custom action."""

    def __init__(self, *args: Any,
                 action_timeout_seconds: float = DEFAULT_ACTION_TIMEOUT_SECONDS,
                 sender_secret: str | None = None,
                 **kwargs: Any) -> None:
        self.sender_secret = check_secret(sender_secret, "sender_secret in endpoints.yml") \
            if sender_secret else None
        timeout = float(action_timeout_seconds)
        if not 0 < timeout <= 300:
            raise ValueError(f"action_timeout_seconds in endpoints.yml must be between 0 "
                             f"and 300 seconds, got {action_timeout_seconds!r}")
        rasa_action.DEFAULT_REQUEST_TIMEOUT = timeout
        log.info("custom actions time out after %.1f s", timeout)
        super().__init__(*args, **kwargs)

    def stored_sender_id(self, sender_id: str) -> str:
        """The id a conversation is stored under: a keyed pseudonym if configured."""
        if self.sender_secret is None:
            return sender_id
        return pseudonymous_sender(sender_id, self.sender_secret)

    def _event_query(self, session: Any, sender_id: str,
                     fetch_events_from_all_sessions: bool = True) -> Any:
        return super()._event_query(session, self.stored_sender_id(sender_id),
                                    fetch_events_from_all_sessions)

    def _additional_events(self, session: Any, tracker: Any) -> Iterator[Event]:
        """The events not stored yet, redacted (the echo check sees the whole tracker)."""
        stored = self._event_query(session, tracker.sender_id,
                                   fetch_events_from_all_sessions=False).count()
        events = list(tracker.events)
        new = [event.as_dict() for event in itertools.islice(events, stored, len(events))]
        context = [event.as_dict() for event in itertools.islice(events, 0, stored)]
        return iter([Event.from_parameters(data) for data in redact_events(new, context)])

    async def save(self, tracker: Any) -> None:
        """Rasa 3.6's `SQLTrackerStore.save`, storing redacted events under the stored
        sender id (a pseudonym when `sender_secret` is set)."""
        await self.stream_events(tracker)
        with self.session_scope() as session:
            for event in self._additional_events(session, tracker):
                data = event.as_dict()
                intent = data.get("parse_data", {}).get("intent", {}).get(INTENT_NAME_KEY)
                session.add(self.SQLEvent(
                    sender_id=self.stored_sender_id(tracker.sender_id),
                    type_name=event.type_name, timestamp=data.get("timestamp"),
                    intent_name=intent, action_name=data.get("name"),
                    data=json.dumps(data)))
            session.commit()

    async def _stream_new_events(self, event_broker: Any, new_events: list[Event],
                                 sender_id: str) -> None:
        """Events published to an event broker are redacted too, under the stored id."""
        redacted = [Event.from_parameters(data)
                    for data in redact_events(event.as_dict() for event in new_events)]
        await super()._stream_new_events(event_broker, redacted,
                                         self.stored_sender_id(sender_id))

    @staticmethod
    def serialise_tracker(tracker: Any) -> str:
        """The tracker as JSON text (exports, other stores), with redacted events."""
        dialogue = tracker.as_dialogue().as_dict()
        dialogue["events"] = redact_events(dialogue.get("events") or [])
        return json.dumps(dialogue)
