"""HTTP for the PVOG import: one place for timeouts, size limits, tokens and JSON checks.

Every failure becomes a `PvogError` that names the URL and says what was wrong (timeout,
HTTP status, HTML instead of JSON, malformed JSON, oversized body), so an operator can
act on it; nothing is written when a request fails.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from types import TracebackType
from typing import Any

import httpx

from catalogue.errors import CatalogueError

USER_AGENT = "Wegweiser-catalogue-import/1.0 (+https://www.lra-mue.de)"
# Header the public PVOG Suchdienst expects (as used by the published client
# crankbitCamel/Testingthis, scripts/pvog.mjs); sent when a client id is configured.
CLIENT_ID_HEADER = "pvog-sud-api-client-id"


class PvogError(CatalogueError):
    """A PVOG request or response that cannot be used; `source` is the URL."""


@dataclass(frozen=True)
class PvogConfig:
    base_url: str
    token_url: str = ""
    client_id: str = ""
    client_secret: str = ""
    timeout: float = 30.0
    max_bytes: int = 20_000_000
    max_pages: int = 200


class PvogClient:
    """Blocking JSON client; `transport` lets tests plug in httpx's mock transport."""

    def __init__(self, config: PvogConfig, *,
                 transport: httpx.BaseTransport | None = None) -> None:
        self.config = config
        self._http = httpx.Client(timeout=config.timeout, transport=transport,
                                  follow_redirects=False, trust_env=False,
                                  headers={"User-Agent": USER_AGENT})
        self._token: tuple[str, float] | None = None  # header value, expiry (monotonic)

    def __enter__(self) -> PvogClient:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self._http.close()

    def get_json(self, url: str, params: dict[str, str | int] | None = None) -> Any:
        """GET `url` and return its JSON body, or raise PvogError naming what went wrong."""
        headers = {"Accept": "application/json", "Accept-Language": "de"}
        if self.config.client_id:
            headers[CLIENT_ID_HEADER] = self.config.client_id
        if self.config.token_url:
            headers["Authorization"] = self._authorization()
        full = str(httpx.URL(url, params=params)) if params else url
        return _parse_json(self._request("GET", full, headers=headers), full)

    def _authorization(self) -> str:
        """OAuth2 client-credentials token (RFC 6749 §4.4), cached until shortly before expiry."""
        if self._token and self._token[1] > time.monotonic():
            return self._token[0]
        url = self.config.token_url
        if not (self.config.client_id and self.config.client_secret):
            raise PvogError("a token URL is set but client id or secret is missing "
                            "(WEGWEISER_PVOG_CLIENT_ID, WEGWEISER_PVOG_CLIENT_SECRET)", source=url)
        body = self._request("POST", url, data={
            "grant_type": "client_credentials", "client_id": self.config.client_id,
            "client_secret": self.config.client_secret})
        data = _parse_json(body, url)
        token = data.get("access_token") if isinstance(data, dict) else None
        if not isinstance(token, str) or not token:
            raise PvogError("token response without an access_token", source=url,
                            field="access_token")
        kind = data.get("token_type") or "Bearer"
        lifetime = data.get("expires_in")
        seconds = float(lifetime) if isinstance(lifetime, int | float) else 300.0
        value = f"{'Bearer' if str(kind).lower() == 'bearer' else kind} {token}"
        self._token = (value, time.monotonic() + max(0.0, seconds - 30))
        return value

    def _request(self, method: str, url: str, **kwargs: Any) -> tuple[bytes, str]:
        """Body and content type; the body is read in chunks and refused past max_bytes."""
        limit = self.config.max_bytes
        try:
            with self._http.stream(method, url, **kwargs) as response:
                if response.status_code >= 300:
                    snippet = response.read()[:200].decode("utf-8", "replace").strip()
                    where = response.headers.get("location")
                    detail = f" -> {where}" if where else (f": {snippet}" if snippet else "")
                    raise PvogError(f"HTTP {response.status_code}{detail}", source=url)
                chunks: list[bytes] = []
                size = 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > limit:
                        raise PvogError(f"response larger than {limit} bytes; refused",
                                        source=url)
                    chunks.append(chunk)
                return b"".join(chunks), response.headers.get("content-type", "")
        except httpx.TimeoutException as exc:
            raise PvogError(f"timeout after {self.config.timeout:g} s", source=url) from exc
        except httpx.HTTPError as exc:
            raise PvogError(f"request failed ({type(exc).__name__}: {exc})", source=url) from exc


def _parse_json(response: tuple[bytes, str], url: str) -> Any:
    body, content_type = response
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise PvogError(f"response is not UTF-8 ({exc.reason})", source=url) from exc
    if "html" in content_type.lower() or text.lstrip().startswith("<"):
        raise PvogError("HTML instead of JSON (an error, login or proxy page?)", source=url)
    if not text.strip():
        raise PvogError("empty response instead of JSON", source=url)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise PvogError(f"malformed JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})",
                        source=url) from exc
