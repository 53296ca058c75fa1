"""The web app's own pages: the demo homepage and the legal pages the chat links to.

`/` and `/service/kfz` are a demo of a Landratsamt website that embeds the chat exactly
as an outside site does (one `<script src="/widget.js">` tag); `/datenschutz` is the
privacy notice, `/barrierefreiheit` the accessibility statement (BITV 2.0).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

router = APIRouter(tags=["pages"])


@cache
def render(name: str) -> str:
    """A page of the demo site in its shared frame (`_layout.html`); static, so rendered
    once per process."""
    environment = Environment(loader=FileSystemLoader(TEMPLATES),
                              autoescape=select_autoescape(["html"]))
    return environment.get_template(name).render()


def _page(name: str) -> HTMLResponse:
    return HTMLResponse(render(name))


@router.get("/", include_in_schema=False)
def homepage() -> HTMLResponse:
    return _page("index.html")


@router.get("/service/kfz", include_in_schema=False)
def demo_subpage() -> HTMLResponse:
    return _page("kfz.html")


@router.get("/datenschutz", include_in_schema=False)
def privacy_notice() -> HTMLResponse:
    return _page("datenschutz.html")


@router.get("/barrierefreiheit", include_in_schema=False)
def accessibility_statement() -> HTMLResponse:
    return _page("barrierefreiheit.html")
