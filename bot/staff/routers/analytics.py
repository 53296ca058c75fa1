"""Analytics: conversations per day, top procedures, answered / elsewhere / unresolved,
feedback per procedure, channel mix — as server-drawn SVG with the numbers beside, and
each table as CSV. The period filter is the conversation list's (`von`, `bis`)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query
from fastapi.responses import Response
from markupsafe import Markup

from bot.staff import audit
from bot.staff.charts import bar_chart, column_chart, stacked_chart
from bot.staff.deps import IndexDep, Refused, StaffDbDep, StaffDep
from bot.staff.pages import csv_response, render
from bot.staff.routers.conversations import FiltersDep
from review.analytics import Table, all_tables
from review.csv_export import to_csv
from review.index import Filters

router = APIRouter(prefix="/staff", include_in_schema=False)
Day = Annotated[str, Query(max_length=10)]


def _tables(index: IndexDep, chosen: Filters) -> list[Table]:
    index.refresh()
    return all_tables([item for item in index.all() if chosen.matches(item)])


def _chart(table: Table) -> Markup:
    if table.key == "per_day":
        return Markup(column_chart(table))  # built from escaped text only
    if table.key == "feedback":
        return Markup(stacked_chart(table))
    return Markup(bar_chart(table))


@router.get("/analytics")
def analytics_page(staff: StaffDep, index: IndexDep, db: StaffDbDep, chosen: FiltersDep,
                   von: Day = "", bis: Day = "") -> Response:
    tables = _tables(index, chosen)
    audit.record(db, staff.user.username, "view_analytics", client_ip=staff.ip)
    return render("analytics.html", user=staff.user, csrf=staff.session.csrf_token,
                  charts=[(table, _chart(table)) for table in tables], chosen=chosen,
                  von=von, bis=bis)


@router.get("/analytics/{key}.csv")
def analytics_csv(staff: StaffDep, index: IndexDep, db: StaffDbDep,
                  key: Annotated[str, Path(max_length=40)], chosen: FiltersDep) -> Response:
    table = next((t for t in _tables(index, chosen) if t.key == key), None)
    if table is None:
        raise Refused("Diese Tabelle gibt es nicht.", 404)
    audit.record(db, staff.user.username, "export_csv", f"analytics {key}",
                 client_ip=staff.ip)
    return csv_response(to_csv(table.headers, table.rows), f"auswertung-{key}.csv")
