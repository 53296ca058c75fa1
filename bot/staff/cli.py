"""Staff accounts from the server's shell (the only place passwords are set):

    .venv/bin/python -m bot.staff users create anna --role editor   # prints a password
    .venv/bin/python -m bot.staff users reset anna                  # new password
    .venv/bin/python -m bot.staff users disable anna | enable anna
    .venv/bin/python -m bot.staff users role anna admin
    .venv/bin/python -m bot.staff users list
    .venv/bin/python -m bot.staff audit --limit 50
    .venv/bin/python -m bot.staff prune --audit-days 365   # after retention (nightly)

A password is generated and printed once, or read from standard input with
`--password-stdin`. Every change is written to the audit log as `cli:<login name>`.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Sequence

from sqlalchemy import Engine

from bot.staff import accounts, audit, reviews
from bot.staff.db import StaffDbError, staff_engine
from bot.staff.pages import when
from bot.staff.settings import get_staff_settings
from review.index import ConversationIndex
from review.store import StoreUnavailable, tracker_engine


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bot.staff",
                                     description="Staff accounts and audit log of /staff.")
    parser.add_argument("--db", help="staff database URL (default WEGWEISER_STAFF_DB_URL)")
    sub = parser.add_subparsers(dest="command", required=True)
    users = sub.add_parser("users", help="create, disable, enable, reset, list accounts")
    actions = users.add_subparsers(dest="action", required=True)
    create = actions.add_parser("create", help="new account (prints its password)")
    create.add_argument("username")
    create.add_argument("--role", choices=sorted(accounts.ROLES), default="viewer")
    create.add_argument("--password-stdin", action="store_true")
    for name, text in (("disable", "lock the account, end its sessions"),
                       ("enable", "unlock the account")):
        actions.add_parser(name, help=text).add_argument("username")
    reset = actions.add_parser("reset", help="new password, unlocks after failed logins")
    reset.add_argument("username")
    reset.add_argument("--password-stdin", action="store_true")
    role = actions.add_parser("role", help="change the role")
    role.add_argument("username")
    role.add_argument("role", choices=sorted(accounts.ROLES))
    actions.add_parser("list", help="all accounts")
    log = sub.add_parser("audit", help="the latest audit log entries")
    log.add_argument("--limit", type=int, default=50)
    prune = sub.add_parser("prune", help="delete review notes of deleted conversations and "
                                         "audit entries older than --audit-days")
    prune.add_argument("--audit-days", type=float, default=365)
    prune.add_argument("--tracker", help="tracker store URL (default WEGWEISER_TRACKER_DB_URL)")
    return parser


def _password(from_stdin: bool) -> tuple[str, bool]:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n"), False
    return accounts.generate_password(), True


def _users(engine: Engine, args: argparse.Namespace, actor: str) -> str:
    if args.action == "list":
        return "\n".join(f"{u.username:20} {u.role:7} {'disabled' if u.disabled else 'active'}"
                         for u in accounts.all_users(engine)) or "no accounts yet"
    if args.action in ("create", "reset"):
        password, generated = _password(args.password_stdin)
        if args.action == "create":
            accounts.create(engine, args.username, args.role, password)
            audit.record(engine, actor, "user_created", args.username, args.role)
        else:
            accounts.reset_password(engine, args.username, password)
            audit.record(engine, actor, "password_reset", args.username)
        shown = f"; password (shown once): {password}" if generated else ""
        return f"{args.action}: {args.username}{shown}"
    if args.action in ("disable", "enable"):
        accounts.set_disabled(engine, args.username, args.action == "disable")
        audit.record(engine, actor, f"user_{args.action}d", args.username)
        return f"{args.action}d: {args.username}"
    accounts.set_role(engine, args.username, args.role)
    audit.record(engine, actor, "role_changed", args.username, args.role)
    return f"role of {args.username}: {args.role}"


def _prune(engine: Engine, args: argparse.Namespace) -> str:
    if args.audit_days <= 0:
        raise accounts.AccountError("--audit-days must be positive")
    index = ConversationIndex(tracker_engine(args.tracker or
                                             get_staff_settings().tracker_db_url))
    index.refresh(force=True)
    notes = reviews.prune(engine, {item.sender_id for item in index.all()})
    entries = audit.prune(engine, args.audit_days)
    return (f"deleted {notes} review note(s) of deleted conversations and {entries} audit "
            f"entr{'y' if entries == 1 else 'ies'} older than {args.audit_days:g} days")


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        engine = staff_engine(args.db or get_staff_settings().staff_db_url)
        if args.command == "users":
            print(_users(engine, args, f"cli:{getpass.getuser()}"))
        elif args.command == "prune":
            print(_prune(engine, args))
        else:
            items, _ = audit.entries(engine, 0, max(args.limit, 1))
            for e in items:
                print(f"{when(e.at)}  {e.username:16} {e.action:16} {e.target} {e.detail}")
    except (accounts.AccountError, StaffDbError, StoreUnavailable) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0
