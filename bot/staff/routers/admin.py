"""Admins only: the accounts (disable, enable) and the audit log (page and CSV).
Creating accounts and resetting passwords is the CLI's job (`python -m bot.staff`), so a
password never travels through a web page."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import RedirectResponse, Response

from bot.staff import accounts, audit
from bot.staff.deps import AdminDep, FormDep, Refused, StaffDbDep
from bot.staff.pages import csv_response, render, when
from review.csv_export import to_csv

router = APIRouter(prefix="/staff", include_in_schema=False)
AUDIT_PAGE = 100


@router.get("/users")
def users_page(staff: AdminDep, db: StaffDbDep) -> Response:
    audit.record(db, staff.user.username, "view_users", client_ip=staff.ip)
    return render("users.html", user=staff.user, csrf=staff.session.csrf_token,
                  users=accounts.all_users(db))


@router.get("/users.csv")
def users_csv(staff: AdminDep, db: StaffDbDep) -> Response:
    audit.record(db, staff.user.username, "export_csv", "users", client_ip=staff.ip)
    return csv_response(to_csv(("Benutzer", "Rolle", "gesperrt", "Fehlversuche"),
                               [(u.username, u.role, "ja" if u.disabled else "nein",
                                 u.failed_logins) for u in accounts.all_users(db)]),
                        "benutzer.csv")


@router.post("/users/state")
def change_state(staff: AdminDep, form: FormDep, db: StaffDbDep) -> Response:
    username, action = form.get("username", ""), form.get("action", "")
    if action not in ("disable", "enable"):
        raise Refused("Unbekannte Aktion.", 400)
    if username == staff.user.username:
        raise Refused("Das eigene Konto kann man hier nicht sperren.", 400)
    try:
        accounts.set_disabled(db, username, action == "disable")
    except accounts.AccountError as exc:
        raise Refused(str(exc), 404) from exc
    audit.record(db, staff.user.username, f"user_{action}d", username, client_ip=staff.ip)
    return RedirectResponse("/staff/users", status_code=303)


@router.get("/audit")
def audit_page(staff: AdminDep, db: StaffDbDep,
               ab: Annotated[int, Query(ge=0, le=100_000_000)] = 0) -> Response:
    audit.record(db, staff.user.username, "view_audit", client_ip=staff.ip)
    items, total = audit.entries(db, ab, AUDIT_PAGE)
    return render("audit.html", user=staff.user, csrf=staff.session.csrf_token,
                  items=items, total=total, offset=ab, size=AUDIT_PAGE)


@router.get("/audit.csv")
def audit_csv(staff: AdminDep, db: StaffDbDep) -> Response:
    audit.record(db, staff.user.username, "export_csv", "audit", client_ip=staff.ip)
    items, _ = audit.entries(db, 0, 1_000_000)
    return csv_response(to_csv(("Zeit", "Benutzer", "Aktion", "Ziel", "Details", "IP"),
                               [(when(e.at), e.username, e.action, e.target, e.detail,
                                 e.client_ip) for e in items]), "protokoll.csv")
