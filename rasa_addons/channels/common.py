"""What every project connector adds to Rasa's: the extra credentials keys.

`api_base_url`: where the platform's API is (default: the real one; tests: a fake on
loopback). `privacy_url`: the privacy notice's public address, passed to the actions as
user message metadata so the first reply can link it (`replies.notices`).
`timeout_seconds`: the longest an outgoing platform call may take.
"""

from __future__ import annotations

import logging
from typing import Any

from replies.notices import PRIVACY_URL_KEY

log = logging.getLogger(__name__)

EXTRA_KEYS = ("api_base_url", "privacy_url", "timeout_seconds")
DEFAULT_TIMEOUT_SECONDS = 10.0


class ProjectChannel:
    """Mixin for an `InputChannel` subclass: reads the extra keys, then lets Rasa's
    connector read the rest of its credentials unchanged."""

    api_base_url: str | None = None
    privacy_url: str | None = None
    timeout_seconds: float = DEFAULT_TIMEOUT_SECONDS

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> Any:
        given = dict(credentials or {})
        extra = {key: given.pop(key, None) for key in EXTRA_KEYS}
        channel = super().from_credentials(given)  # type: ignore[misc]
        channel.api_base_url = str(extra["api_base_url"]).rstrip("/") \
            if extra["api_base_url"] else None
        channel.privacy_url = str(extra["privacy_url"]) if extra["privacy_url"] else None
        channel.timeout_seconds = float(extra["timeout_seconds"] or DEFAULT_TIMEOUT_SECONDS)
        channel.configured()
        log.info("channel %s on (API %s)", channel.name(), channel.api_base_url or "default")
        return channel

    def configured(self) -> None:
        """Hook: called once the credentials are read (e.g. to move a module constant)."""

    def privacy_metadata(self) -> dict[str, Any]:
        return {PRIVACY_URL_KEY: self.privacy_url} if self.privacy_url else {}

    def get_metadata(self, request: Any) -> dict[str, Any] | None:
        return self.privacy_metadata() or None
