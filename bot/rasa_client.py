"""Talks to the Rasa server and the action server over loopback HTTP."""

from __future__ import annotations

from typing import Any

import httpx


class UpstreamError(Exception):
    """Rasa (or the action server behind it) did not answer usefully.

    `part` names what failed as `/healthz` names it: "rasa" or "action_server".
    """

    def __init__(self, message: str, part: str = "rasa") -> None:
        super().__init__(message)
        self.part = part


class RasaClient:
    """One shared httpx client: keeps connections to Rasa open between turns."""

    def __init__(self, rasa_url: str, action_server_url: str, token: str,
                 timeout: float, health_timeout: float,
                 transport: httpx.AsyncBaseTransport | None = None) -> None:
        self._rasa_url = rasa_url.rstrip("/")
        self._action_url = action_server_url.rstrip("/")
        self._token = token
        self._health_timeout = health_timeout
        self._http = httpx.AsyncClient(timeout=timeout, transport=transport)

    async def close(self) -> None:
        await self._http.aclose()

    async def send_message(self, sender: str, message: str) -> list[dict[str, Any]]:
        """One chat turn through Rasa's REST channel; returns the bot messages."""
        try:
            response = await self._http.post(f"{self._rasa_url}/webhooks/rest/webhook",
                                             json={"sender": sender, "message": message})
        except httpx.HTTPError as exc:
            raise UpstreamError(f"Rasa not reachable: {exc.__class__.__name__}") from exc
        if response.status_code != 200:
            raise UpstreamError(f"Rasa answered HTTP {response.status_code}")
        data = response.json()
        if not isinstance(data, list):
            raise UpstreamError("Rasa answered with an unexpected shape")
        if not data:
            # Every turn of ours answers something; Rasa answers nothing when a custom
            # action failed (e.g. the action server is down).
            raise UpstreamError("Rasa answered nothing", part="action_server")
        return data

    async def tracker_events(self, sender: str) -> list[dict[str, Any]]:
        """The events of one conversation (Rasa's token-protected tracker endpoint)."""
        params = {"token": self._token} if self._token else None
        try:
            response = await self._http.get(f"{self._rasa_url}/conversations/{sender}/tracker",
                                            params=params)
        except httpx.HTTPError as exc:
            raise UpstreamError(f"Rasa not reachable: {exc.__class__.__name__}") from exc
        if response.status_code != 200:
            raise UpstreamError(f"Rasa answered HTTP {response.status_code}")
        events = _json_object(response, "Rasa tracker").get("events") or []
        return [event for event in events if isinstance(event, dict)]

    async def rasa_status(self) -> dict[str, Any]:
        """Rasa's /status (token-protected): tells whether a model is loaded."""
        params = {"token": self._token} if self._token else None
        response = await self._http.get(f"{self._rasa_url}/status", params=params,
                                        timeout=self._health_timeout)
        response.raise_for_status()
        status = _json_object(response, "Rasa /status")
        if not status.get("model_file"):
            raise UpstreamError("Rasa has no model loaded")
        return status

    async def action_server_health(self) -> dict[str, Any]:
        response = await self._http.get(f"{self._action_url}/health",
                                        timeout=self._health_timeout)
        response.raise_for_status()
        return _json_object(response, "action server /health")


def _json_object(response: httpx.Response, what: str) -> dict[str, Any]:
    data = response.json()
    if not isinstance(data, dict):
        raise UpstreamError(f"{what} answered with an unexpected shape")
    return data
