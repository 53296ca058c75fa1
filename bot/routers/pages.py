"""GET /: a demo of the Landratsamt homepage with the chat widget embedded."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

router = APIRouter(tags=["pages"])


@router.get("/", include_in_schema=False)
def homepage() -> FileResponse:
    return FileResponse(TEMPLATES / "index.html", media_type="text/html; charset=utf-8")
