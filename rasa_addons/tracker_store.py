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

import logging
from typing import Any

import rasa.core.actions.action as rasa_action
from rasa.core.tracker_store import SQLTrackerStore

log = logging.getLogger(__name__)
# Below the web app's WEGWEISER_RASA_TIMEOUT_SECONDS (8 s), above any normal action
# (~0.1 s; the first search after a restart loads the model in ~5 s).
DEFAULT_ACTION_TIMEOUT_SECONDS = 7.0


class WegweiserTrackerStore(SQLTrackerStore):  # type: ignore[misc]  # rasa has no types
    """SQL tracker store that also bounds how long Rasa waits for a custom action."""

    def __init__(self, *args: Any,
                 action_timeout_seconds: float = DEFAULT_ACTION_TIMEOUT_SECONDS,
                 **kwargs: Any) -> None:
        timeout = float(action_timeout_seconds)
        if not 0 < timeout <= 300:
            raise ValueError(f"action_timeout_seconds in endpoints.yml must be between 0 "
                             f"and 300 seconds, got {action_timeout_seconds!r}")
        rasa_action.DEFAULT_REQUEST_TIMEOUT = timeout
        log.info("custom actions time out after %.1f s", timeout)
        super().__init__(*args, **kwargs)
