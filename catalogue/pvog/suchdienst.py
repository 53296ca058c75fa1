"""Read service descriptions from the PVOG Suchdienst by region key (ARS) and LeiKa key.

The endpoint and response shape follow published clients of the public API:
`GET {base}/v2/servicedescriptions/leikahierarchy?ars=&leikaIds=&page=&size=` returns a
page (`content` = list of descriptions) whose items carry `id`, `name`, `ars`,
`leikakeys`, `externalLastUpdate`, `onlineServiceLinks` and `details` (text modules by
code) — see crankbitCamel/Testingthis scripts/pvog.mjs and its test fixture, and
benjaminaaron/d-stack-kg src/2-enrich-kg/pvog/fetch.js ("a Spring Data Page"). Pages
are followed while the page says it is not the `last` one (Spring Data's page JSON).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from catalogue.pvog.client import PvogClient, PvogError

LEIKAHIERARCHY = "/v2/servicedescriptions/leikahierarchy"
ARS = re.compile(r"^\d{2,12}$")
PAGE_SIZE = 20


@dataclass(frozen=True)
class Description:
    """One service description as PVOG sent it, with the URL it came from."""

    leika: str
    ars: str
    url: str
    item: dict[str, Any]


def fetch_descriptions(client: PvogClient, ars: str, leika_keys: list[str], *,
                       page_size: int = PAGE_SIZE) -> tuple[list[Description], list[str]]:
    """The best description per LeiKa key for `ars`, and a note per key without one."""
    if not ARS.match(ars):
        raise PvogError("region key (ARS) must be 2 to 12 digits, e.g. 091830000000",
                        field="ars")
    found: list[Description] = []
    notes: list[str] = []
    base = client.config.base_url.rstrip("/") + LEIKAHIERARCHY
    for key in leika_keys:
        items: list[tuple[str, dict[str, Any]]] = []
        for page in range(client.config.max_pages + 1):
            if page == client.config.max_pages:
                raise PvogError(f"more than {client.config.max_pages} pages for LeiKa {key}; "
                                "stopped (a server that never says 'last'?)", source=base)
            params: dict[str, str | int] = {"ars": ars, "leikaIds": key, "page": page,
                                            "size": page_size}
            url = f"{base}?ars={ars}&leikaIds={key}&page={page}&size={page_size}"
            data = client.get_json(base, params)
            content = _content(data, url)
            items += [(url, item) for item in content]
            if _last(data, page, len(content), page_size):
                break
        best = _best(items, key, ars)
        if best is None:
            notes.append(f"LeiKa {key}: PVOG has no description for ARS {ars}")
        else:
            found.append(Description(key, ars, best[0], best[1]))
    return found, notes


def _content(data: Any, url: str) -> list[dict[str, Any]]:
    if not isinstance(data, dict):
        raise PvogError(f"expected a JSON object (a page), got {type(data).__name__}",
                        source=url)
    content = data.get("content")
    if not isinstance(content, list):
        raise PvogError("the page has no 'content' list", source=url, field="content")
    for index, item in enumerate(content):
        if not isinstance(item, dict):
            raise PvogError(f"expected an object, got {type(item).__name__}", source=url,
                            record=f"content[{index}]")
    return content


def _last(data: dict[str, Any], page: int, count: int, size: int) -> bool:
    """Spring Data's page JSON says `last`; else `totalPages`; else a short page ends it."""
    last = data.get("last")
    if isinstance(last, bool):
        return last
    total = data.get("totalPages")
    if isinstance(total, int):
        return page + 1 >= total
    return count < size


def _best(items: list[tuple[str, dict[str, Any]]], key: str,
          ars: str) -> tuple[str, dict[str, Any]] | None:
    """A description naming the key, the most local one first (longest ARS prefix that
    covers the requested region) — the same choice the published client makes."""
    def depth(item: dict[str, Any]) -> int:
        keys = item.get("ars")
        covering = [a.rstrip("0") for a in keys if isinstance(a, str)
                    and ars.startswith(a.rstrip("0"))] if isinstance(keys, list) else []
        return max((len(a) for a in covering), default=-1)

    matching = [(url, item) for url, item in items
                if isinstance(item.get("leikakeys"), list) and key in item["leikakeys"]]
    ranked = sorted(matching or items, key=lambda pair: depth(pair[1]), reverse=True)
    return ranked[0] if ranked else None
