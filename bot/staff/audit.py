"""The audit log: who viewed or changed what, when, from where. Written for every staff
page and action; read by admins (`/staff/audit`) and the CLI (`audit`)."""

from __future__ import annotations

import time
from dataclasses import dataclass

from sqlalchemy import Engine, delete, func, insert, select

from bot.staff.db import AUDIT

ACTIONS: dict[str, str] = {
    "login": "Anmeldung", "login_failed": "Anmeldung fehlgeschlagen", "logout": "Abmeldung",
    "view_list": "Gesprächsliste angesehen", "view_transcript": "Gespräch angesehen",
    "view_analytics": "Auswertung angesehen", "export_csv": "CSV exportiert",
    "review": "Prüfvermerk gesetzt", "view_users": "Benutzer angesehen",
    "view_audit": "Protokoll angesehen", "user_disabled": "Benutzer gesperrt",
    "user_enabled": "Benutzer entsperrt", "user_created": "Benutzer angelegt",
    "password_reset": "Passwort zurückgesetzt", "role_changed": "Rolle geändert",
}


@dataclass(frozen=True)
class Entry:
    at: float
    username: str
    action: str
    target: str
    detail: str
    client_ip: str


def record(engine: Engine, username: str, action: str, target: str = "",
           detail: str = "", client_ip: str = "") -> None:
    with engine.begin() as conn:
        conn.execute(insert(AUDIT).values(at=time.time(), username=username[:64],
                                          action=action[:40], target=target[:300],
                                          detail=detail[:2000], client_ip=client_ip[:64]))


def prune(engine: Engine, days: float) -> int:
    """Delete audit entries older than `days`; how many."""
    with engine.begin() as conn:
        result = conn.execute(delete(AUDIT).where(AUDIT.c.at < time.time() - days * 86400))
    return int(result.rowcount or 0)


def entries(engine: Engine, offset: int = 0, limit: int = 100) -> tuple[list[Entry], int]:
    with engine.connect() as conn:
        total = int(conn.execute(select(func.count()).select_from(AUDIT)).scalar_one())
        rows = conn.execute(select(AUDIT).order_by(AUDIT.c.id.desc())
                            .offset(max(offset, 0)).limit(limit)).all()
    return [Entry(float(r.at), str(r.username), str(r.action), str(r.target), str(r.detail),
                  str(r.client_ip)) for r in rows], total
