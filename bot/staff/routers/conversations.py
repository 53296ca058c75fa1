"""The conversation list: filters (period, channel, outcome, procedure, text), pages of 50,
and the same list as CSV."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response

from bot.staff import audit
from bot.staff.deps import IndexDep, StaffDbDep, StaffDep
from bot.staff.pages import csv_response, render, when
from review.csv_export import to_csv
from review.index import Filters
from review.summary import OUTCOMES, RESOLUTIONS

router = APIRouter(prefix="/staff", include_in_schema=False)
PAGE_SIZE = 50
MAX_CSV_ROWS = 100_000


def _date(value: str) -> date | None:
    try:
        return date.fromisoformat(value.strip()) if value.strip() else None
    except ValueError:
        return None


def filters(von: Annotated[str, Query(max_length=10)] = "",
            bis: Annotated[str, Query(max_length=10)] = "",
            kanal: Annotated[str, Query(max_length=50)] = "",
            ergebnis: Annotated[str, Query(max_length=20)] = "",
            verfahren: Annotated[str, Query(max_length=120)] = "",
            q: Annotated[str, Query(max_length=200)] = "") -> Filters:
    outcome = ergebnis if ergebnis in OUTCOMES or ergebnis in RESOLUTIONS else ""
    return Filters(_date(von), _date(bis), kanal.strip(), outcome, verfahren.strip(),
                   q.strip())


FiltersDep = Annotated[Filters, Depends(filters)]


def _query_string(chosen: Filters) -> dict[str, str]:
    return {key: value for key, value in {
        "von": chosen.date_from.isoformat() if chosen.date_from else "",
        "bis": chosen.date_to.isoformat() if chosen.date_to else "",
        "kanal": chosen.channel, "ergebnis": chosen.outcome, "verfahren": chosen.procedure,
        "q": chosen.text}.items() if value}


def _described(chosen: Filters) -> str:
    return "; ".join(f"{k}={v}" for k, v in asdict(chosen).items() if v)[:300]


@router.get("/conversations")
def conversation_list(staff: StaffDep, index: IndexDep, db: StaffDbDep, chosen: FiltersDep,
                      seite: Annotated[int, Query(ge=1, le=1_000_000)] = 1) -> Response:
    index.refresh()
    page = index.query(chosen, seite, PAGE_SIZE)
    audit.record(db, staff.user.username, "view_list", detail=_described(chosen),
                 client_ip=staff.ip)
    params = _query_string(chosen)
    return render("conversations.html", user=staff.user, csrf=staff.session.csrf_token,
                  page=page, chosen=chosen, params=params, channels=index.channels(),
                  query=urlencode(params),
                  page_link=lambda n: urlencode({**params, "seite": n}))


@router.get("/conversations.csv")
def conversation_csv(staff: StaffDep, index: IndexDep, db: StaffDbDep,
                     chosen: FiltersDep) -> Response:
    index.refresh()
    page = index.query(chosen, 1, MAX_CSV_ROWS)
    audit.record(db, staff.user.username, "export_csv", "conversations",
                 _described(chosen), staff.ip)
    rows = [(item.sender_id, when(item.started), when(item.last), item.channel_name,
             item.turns, RESOLUTIONS[item.resolution],
             ", ".join(OUTCOMES[o] for o in sorted(item.outcomes)),
             ", ".join(item.procedures), item.malformed) for item in page.items]
    return csv_response(to_csv(("Gespräch", "Beginn", "Letzte Nachricht", "Kanal", "Turns",
                                "Ergebnis", "Ausgänge", "Verfahren", "fehlerhafte Ereignisse"),
                               rows), "gespraeche.csv")
