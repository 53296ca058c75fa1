"""The import rules of docs/architecture.md, checked on the source.

Imports point one way; `catalogue`, `replies` and `conversations` depend on none of our
packages; only `rasa_addons` (code loaded inside Rasa) may import `rasa`. A new
top-level package must be added here and to the architecture doc.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Package → the packages of ours it may import (besides itself).
ALLOWED: dict[str, set[str]] = {
    "catalogue": set(),
    "replies": set(),
    "conversations": set(),
    # Reading the conversation log for staff (SQLAlchemy, .venv only): no web code.
    "review": {"conversations"},
    "actions": {"catalogue", "replies", "conversations"},
    "bot": {"catalogue", "replies", "conversations", "review"},
    "runner": {"bot", "catalogue"},
    "rasa_addons": {"replies", "conversations"},
}
# Imported inside Rasa's own environment too (pydantic 1, old pins): standard library only.
STDLIB_ONLY = ("replies", "conversations")
# Developer tools: may use any package, nothing imports them.
TOOLS = {"eval", "benchmarks", "tests"}


def packages() -> set[str]:
    return {path.parent.name for path in ROOT.glob("*/__init__.py")}


def imported_roots(path: Path) -> set[str]:
    """Top-level names a module imports (also inside functions); relative = own package."""
    roots: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


def test_every_package_has_import_rules():
    assert packages() - TOOLS <= set(ALLOWED), "add the new room to ALLOWED and the docs"


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_imports_point_one_way(package: str):
    ours = packages()
    wrong = {f"{path.relative_to(ROOT)} imports {name}"
             for path in (ROOT / package).rglob("*.py")
             for name in imported_roots(path) & ours
             if name != package and name not in ALLOWED[package]}
    assert not wrong, sorted(wrong)


def test_only_rasa_addons_imports_rasa():
    wrong = [str(path.relative_to(ROOT)) for package in packages() - {"rasa_addons", "tests"}
             for path in (ROOT / package).rglob("*.py") if "rasa" in imported_roots(path)]
    assert not wrong


# Client libraries of the messenger platforms live in Rasa's environment only: the
# connectors that use them are rasa_addons/channels (docs/channels.md).
PLATFORM_CLIENTS = {"aiogram", "fbmessenger", "twilio", "slack_sdk", "rocketchat_API"}


def test_only_rasa_addons_talks_to_the_platform_apis():
    wrong = [f"{path.relative_to(ROOT)} imports {sorted(imported_roots(path) & PLATFORM_CLIENTS)}"
             for package in packages() - {"rasa_addons", "tests"}
             for path in (ROOT / package).rglob("*.py")
             if imported_roots(path) & PLATFORM_CLIENTS]
    assert not wrong


@pytest.mark.parametrize("package", STDLIB_ONLY)
def test_shared_packages_need_only_the_standard_library(package: str):
    foreign = {f"{path.relative_to(ROOT)} imports {name}"
               for path in (ROOT / package).rglob("*.py")
               for name in imported_roots(path) - set(sys.stdlib_module_names) - {package}}
    assert not foreign, sorted(foreign)


def test_review_has_no_web_code():
    """`review/` reads and computes; pages and HTTP live in `bot/staff/`."""
    web = {"fastapi", "starlette", "jinja2", "uvicorn", "httpx"}
    wrong = {f"{path.relative_to(ROOT)} imports {name}"
             for path in (ROOT / "review").rglob("*.py") for name in imported_roots(path) & web}
    assert not wrong, sorted(wrong)
