"""The embeddable chat: GET /widget.js (the loader a site includes) and GET /widget.

A site embeds the chat with one tag, `<script src="https://<our host>/widget.js" defer>`
(docs/widget.md). The loader only draws a launcher button and an iframe of `/widget`,
the chat page served from here: what a citizen types stays in our origin's document,
out of reach of the host page's scripts, and the host page's CSS cannot touch it.
Which sites may frame `/widget` is the CSP `frame-ancestors` (`WEGWEISER_EMBED_ORIGINS`).
"""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse

BOT = Path(__file__).resolve().parent.parent
LOADER = BOT / "static" / "widget.js"
CHAT_PAGE = BOT / "templates" / "widget.html"

router = APIRouter(tags=["widget"])


@router.get("/widget.js", include_in_schema=False)
def loader() -> FileResponse:
    # Short cache: sites keep the same URL, so an update must reach citizens soon.
    return FileResponse(LOADER, media_type="text/javascript; charset=utf-8",
                        headers={"Cache-Control": "public, max-age=300"})


@router.get("/widget", include_in_schema=False)
def chat_page() -> FileResponse:
    return FileResponse(CHAT_PAGE, media_type="text/html; charset=utf-8",
                        headers={"Cache-Control": "no-cache"})
