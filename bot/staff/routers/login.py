"""Signing in and out. The login form has its own CSRF token (a cookie and a hidden field
that must match); failures are counted per account (lockout) and per client IP (429),
and each one costs a moment, so guessing passwords is slow."""

from __future__ import annotations

import asyncio
import secrets

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import RedirectResponse, Response

from bot.staff import audit, sessions
from bot.staff.accounts import authenticate
from bot.staff.deps import (
    FormDep,
    LoginLimiterDep,
    Refused,
    StaffDbDep,
    StaffDep,
    StaffSettingsDep,
    read_form,
    request_ip,
)
from bot.staff.pages import render
from bot.staff.settings import StaffSettings

router = APIRouter(prefix="/staff", include_in_schema=False)
LOGIN_COOKIE = "wegweiser_staff_login"
FAILURE_DELAY_SECONDS = 0.5
FAILED = "Anmeldung fehlgeschlagen: Benutzername oder Passwort falsch, oder das Konto ist " \
         "gesperrt."


def secure(request: Request, settings: StaffSettings) -> bool:
    if settings.staff_cookie_secure == "auto":
        return request.url.scheme == "https"
    return settings.staff_cookie_secure == "always"


def _login_page(request: Request, settings: StaffSettings, message: str = "",
                status: int = 200) -> Response:
    token = secrets.token_urlsafe(32)
    response = render("login.html", status, csrf=token, message=message, user=None)
    response.set_cookie(LOGIN_COOKIE, token, max_age=1800, path="/staff", httponly=True,
                        samesite="strict", secure=secure(request, settings))
    return response


@router.get("")
def home() -> RedirectResponse:
    return RedirectResponse("/staff/conversations", status_code=303)


@router.get("/login")
def login_form(request: Request, settings: StaffSettingsDep) -> Response:
    return _login_page(request, settings)


@router.post("/login")
async def login(request: Request, settings: StaffSettingsDep, db: StaffDbDep,
                limiter: LoginLimiterDep) -> Response:
    form = await read_form(request)
    if not sessions.csrf_ok(request.cookies.get(LOGIN_COOKIE, ""), form.get("csrf")):
        raise Refused("Sicherheitsprüfung (CSRF) fehlgeschlagen: bitte Seite neu laden.")
    ip = request_ip(request)
    wait = limiter.hit(ip)
    if wait:
        response = _login_page(request, settings, f"Zu viele Anmeldeversuche von Ihrer "
                               f"Adresse: bitte in {int(wait) + 1} Sekunden erneut.", 429)
        response.headers["Retry-After"] = str(int(wait) + 1)
        return response
    username = form.get("username", "").strip().lower()[:64]
    result = await run_in_threadpool(
        authenticate, db, username, form.get("password", "")[:1024],
        max_failures=settings.staff_max_failed_logins,
        lockout_seconds=settings.staff_lockout_minutes * 60)
    if result.user is None:
        await run_in_threadpool(audit.record, db, username or "?", "login_failed",
                                detail=result.reason, client_ip=ip)
        await asyncio.sleep(FAILURE_DELAY_SECONDS)
        return _login_page(request, settings, FAILED, 401)
    token, _ = await run_in_threadpool(sessions.start, db, result.user.id)
    await run_in_threadpool(audit.record, db, result.user.username, "login", client_ip=ip)
    response = RedirectResponse("/staff/conversations", status_code=303)
    response.set_cookie(sessions.COOKIE, token, path="/staff", httponly=True,
                        samesite="strict", secure=secure(request, settings))
    response.delete_cookie(LOGIN_COOKIE, path="/staff")
    return response


@router.post("/logout")
def logout(staff: StaffDep, form: FormDep, db: StaffDbDep) -> Response:
    sessions.end(db, staff.session)
    audit.record(db, staff.user.username, "logout", client_ip=staff.ip)
    response = RedirectResponse("/staff/login", status_code=303)
    response.delete_cookie(sessions.COOKIE, path="/staff")
    return response
