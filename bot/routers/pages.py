"""The web app's own pages: the demo homepage and the legal pages the chat links to.

`/` and `/service/kfz` are a demo of a Landratsamt website that embeds the chat exactly
as an outside site does (one `<script src="/widget.js">` tag); `/datenschutz` is the
privacy notice, `/barrierefreiheit` the accessibility statement (BITV 2.0).
"""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

router = APIRouter(tags=["pages"])


def _page(name: str) -> FileResponse:
    return FileResponse(TEMPLATES / name, media_type="text/html; charset=utf-8")


@router.get("/", include_in_schema=False)
def homepage() -> FileResponse:
    return _page("index.html")


@router.get("/service/kfz", include_in_schema=False)
def demo_subpage() -> FileResponse:
    return _page("kfz.html")


@router.get("/datenschutz", include_in_schema=False)
def privacy_notice() -> FileResponse:
    return _page("datenschutz.html")


@router.get("/barrierefreiheit", include_in_schema=False)
def accessibility_statement() -> FileResponse:
    return _page("barrierefreiheit.html")
