"""Check that the catalogue's links still answer: concurrent HEAD, GET where HEAD is refused.

A citizen who gets a dead link from the assistant loses trust in every other answer, so
`catalogue check-links` is meant to run before each release and in CI (with network).
The checker itself accepts http:// URLs so it can be tested against a local server.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass

import httpx
import sqlite_utils

USER_AGENT = "Wegweiser-link-check/1.0 (+https://www.lra-mue.de)"
RETRY_WITH_GET = {405, 501}


@dataclass(frozen=True)
class LinkTarget:
    url: str
    owner: str  # procedure or gemeinde id
    field: str  # online_url, info_url, consultation_url or website


@dataclass
class LinkResult:
    target: LinkTarget
    status: int | None = None
    final_url: str | None = None
    error: str | None = None
    method: str = "HEAD"
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.error is None and self.status is not None and self.status < 400

    @property
    def redirected(self) -> bool:
        return self.final_url is not None and self.final_url != self.target.url


def collect_targets(db: sqlite_utils.Database, *, only_unverified: bool = False) \
        -> list[LinkTarget]:
    """Every URL of every procedure and gemeinde website.

    `only_unverified` skips procedures marked url_verified; gemeinde websites have no
    such flag and are always checked.
    """
    # Raw rows rather than models: a link checker should see whatever is stored.
    targets: list[LinkTarget] = []
    where = "url_verified = 0 or url_verified is null" if only_unverified else "1"
    rows = db.execute(f"select id, online_url, info_url, consultation_url from procedures "
                      f"where {where} order by id").fetchall()
    for procedure_id, *urls in rows:
        for name, url in zip(("online_url", "info_url", "consultation_url"), urls, strict=True):
            if url:
                targets.append(LinkTarget(url, procedure_id, name))
    for gemeinde_id, website in db.execute("select id, website from gemeinden order by id"):
        if website:
            targets.append(LinkTarget(website, gemeinde_id, "website"))
    return targets


async def _check_url(client: httpx.AsyncClient, url: str, timeout: float) \
        -> tuple[int | None, str | None, str | None, str, float]:
    started = time.monotonic()
    method = "HEAD"
    try:
        response = await client.head(url, timeout=timeout)
        if response.status_code in RETRY_WITH_GET:
            method = "GET"
            async with client.stream("GET", url, timeout=timeout) as streamed:
                response = streamed  # body is never read: the status is all we need
        return (response.status_code, str(response.url), None, method,
                time.monotonic() - started)
    except httpx.TimeoutException:
        return None, None, f"timeout after {timeout:g}s", method, time.monotonic() - started
    except httpx.HTTPError as exc:
        message = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        return None, None, message, method, time.monotonic() - started


async def check_links_async(targets: list[LinkTarget], *, concurrency: int = 8,
                            timeout: float = 10.0, trust_env: bool = True) -> list[LinkResult]:
    """Each distinct URL is requested once; results come back in the order of `targets`."""
    semaphore = asyncio.Semaphore(max(1, concurrency))
    urls = list(dict.fromkeys(t.url for t in targets))
    async with httpx.AsyncClient(follow_redirects=True, headers={"User-Agent": USER_AGENT},
                                 trust_env=trust_env) as client:
        async def one(url: str) -> tuple[int | None, str | None, str | None, str, float]:
            async with semaphore:
                return await _check_url(client, url, timeout)

        outcomes = dict(zip(urls, await asyncio.gather(*(one(u) for u in urls)), strict=True))
    results = []
    for target in targets:
        status, final_url, error, method, seconds = outcomes[target.url]
        results.append(LinkResult(target, status, final_url, error, method, seconds))
    return results


def check_links(targets: list[LinkTarget], *, concurrency: int = 8, timeout: float = 10.0,
                trust_env: bool = True) -> list[LinkResult]:
    """Blocking wrapper for the CLI."""
    return asyncio.run(check_links_async(targets, concurrency=concurrency, timeout=timeout,
                                         trust_env=trust_env))
