"""Rendering staff pages: Jinja with autoescaping of every value (citizen text is
untrusted), German dates, and headers that keep the pages out of caches and frames."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, FileSystemLoader

from bot.security import content_security_policy
from bot.staff import procedures
from bot.staff.accounts import ROLES
from bot.staff.audit import ACTIONS
from bot.staff.reviews import STATUSES
from review.summary import OUTCOMES, RESOLUTIONS

TEMPLATES = Path(__file__).resolve().parent.parent / "templates" / "staff"
LOCAL = ZoneInfo("Europe/Berlin")
# Staff pages: never cached (they show conversations), never framed by anyone.
HEADERS = {
    "Cache-Control": "no-store",
    "Content-Security-Policy": content_security_policy([]).replace(
        "frame-ancestors 'self'", "frame-ancestors 'none'"),
    "X-Frame-Options": "DENY",
}


def when(timestamp: float | None) -> str:
    if not timestamp:
        return "–"
    return datetime.fromtimestamp(timestamp, UTC).astimezone(LOCAL).strftime("%d.%m.%Y %H:%M")


def percent(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.0f} %"


@cache
def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["when"] = when
    env.filters["percent"] = percent
    env.filters["title"] = procedures.title
    env.tests["unverified"] = procedures.unverified
    env.globals.update(OUTCOMES=OUTCOMES, RESOLUTIONS=RESOLUTIONS, ROLES=ROLES,
                       ACTIONS=ACTIONS, STATUSES=STATUSES)
    return env


def render(name: str, status: int = 200, **context: Any) -> HTMLResponse:
    html = environment().get_template(name).render(**context)
    return HTMLResponse(html, status_code=status, headers=HEADERS)


def csv_response(text: str, filename: str) -> Response:
    return Response(text, media_type="text/csv; charset=utf-8", headers={
        **HEADERS, "Content-Disposition": f'attachment; filename="{filename}"'})
