"""Mounting the staff review: on the public web app (`install`, unless
WEGWEISER_STAFF_ON_MAIN_APP=false) or as its own app on another address or port:

    .venv/bin/python -m uvicorn bot.staff.app:create_staff_app --factory \\
        --host 10.20.0.5 --port 8100

Either way only clients from WEGWEISER_STAFF_ALLOWED_NETWORKS reach /staff (others get
404, as if it did not exist), and every error is a page with a clear message, never 500.
"""

from __future__ import annotations

import ipaddress
import logging
from pathlib import Path

from fastapi import Depends, FastAPI, Request, Response
from fastapi.responses import JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from sqlalchemy.exc import SQLAlchemyError

from bot import security
from bot.staff.db import StaffDbError
from bot.staff.deps import NotSignedIn, Refused, StaffSettingsDep, request_ip
from bot.staff.pages import render
from bot.staff.routers import admin, analytics, conversations, login, transcript
from bot.staff.settings import StaffSettings
from review.store import StoreUnavailable

log = logging.getLogger(__name__)
STATIC = Path(__file__).resolve().parent.parent / "static"


class Hidden(Exception):
    """A client outside the allowed networks: answered as if /staff did not exist."""


def _allowed(address: str, settings: StaffSettings) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in settings.staff_allowed_networks)


def allowed_network(request: Request, settings: StaffSettingsDep) -> None:
    """Runs before every other dependency of every staff route (router dependency).

    A request forwarded by a proxy that is not in WEGWEISER_TRUSTED_PROXIES comes from an
    unknown client (the proxy's loopback address would pass the default allowlist for
    anyone on the internet): refused too."""
    forwarded = bool(request.headers.get("x-forwarded-for"))
    ip = request_ip(request)
    peer = request.client.host if request.client else ""
    if not _allowed(ip, settings) or (forwarded and ip == peer):
        raise Hidden()


def install(app: FastAPI) -> None:
    """Add /staff, its network allowlist and its error pages to `app`."""

    @app.exception_handler(Hidden)
    async def hidden(request: Request, exc: Hidden) -> Response:
        return JSONResponse({"detail": "Not Found"}, status_code=404)

    @app.exception_handler(NotSignedIn)
    async def not_signed_in(request: Request, exc: NotSignedIn) -> Response:
        if request.method in ("GET", "HEAD"):
            return RedirectResponse("/staff/login", status_code=303)
        return render("error.html", 403, user=None,
                      message="Nicht angemeldet (oder Sitzung abgelaufen).")

    @app.exception_handler(Refused)
    async def refused(request: Request, exc: Refused) -> Response:
        return render("error.html", exc.status, user=None, message=str(exc))

    @app.exception_handler(StoreUnavailable)
    async def store_unavailable(request: Request, exc: StoreUnavailable) -> Response:
        log.warning("staff review: conversation database unavailable: %s", exc)
        return render("error.html", 503, user=None, message=str(exc))

    @app.exception_handler(StaffDbError)
    async def staff_db_unavailable(request: Request, exc: StaffDbError) -> Response:
        log.warning("staff review: staff database unavailable: %s", exc)
        return render("error.html", 503, user=None, message=str(exc))

    @app.exception_handler(SQLAlchemyError)
    async def database_error(request: Request, exc: SQLAlchemyError) -> Response:
        log.warning("staff review: database error: %s", exc)
        return render("error.html", 503, user=None,
                      message="Die Datenbank antwortet gerade nicht; nichts wurde "
                              "geändert. Bitte später erneut versuchen.")

    for router in (login.router, conversations.router, transcript.router,
                   analytics.router, admin.router):
        app.include_router(router, dependencies=[Depends(allowed_network)])


def create_staff_app() -> FastAPI:
    """The staff review alone (no citizen pages), for its own address and port."""
    app = FastAPI(title="Wegweiser – Mitarbeiter", docs_url=None, redoc_url=None,
                  openapi_url=None)
    security.install(app, [])
    install(app)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app
