"""The embeddable chat: GET /widget.js (the loader a site includes) and GET /widget.

A site embeds the chat with one tag, `<script src="https://<our host>/widget.js" defer>`
(docs/widget.md). The loader only draws a launcher button and an iframe of `/widget`,
the chat page served from here: what a citizen types stays in our origin's document,
out of reach of the host page's scripts, and the host page's CSS cannot touch it.
Which sites may frame `/widget` is the CSP `frame-ancestors` (`WEGWEISER_EMBED_ORIGINS`).
"""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, JSONResponse
from pydantic import BaseModel, Field

from bot import messages
from bot.deps import RasaDep, RateLimitDep
from bot.rasa_client import UpstreamError
from bot.transcript import transcript

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


class HistoryRequest(BaseModel):
    sender: str = Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.:-]+$")


@router.post("/api/chat/history", include_in_schema=False)
async def history(body: HistoryRequest, request: Request, rasa: RasaDep,
                  limiter: RateLimitDep) -> JSONResponse:
    """The visible conversation, for the widget's own page in the citizen's browser only.

    The embedding site's scripts may learn the conversation id (docs/widget.md). Their
    requests carry a Sec-Fetch-Site the browser sets and scripts cannot forge, so they are
    refused; and a copy of the id sent elsewhere does not help either: the history goes
    only to the client IP that had the conversation, within OWNER_SECONDS of its last turn.
    """
    if (request.headers.get("sec-fetch-site") != "same-origin"
            or not limiter.owns(request, body.sender)):
        return JSONResponse({"detail": messages.HISTORY_FORBIDDEN}, status_code=403)
    try:
        events = await rasa.tracker_events(body.sender)
    except UpstreamError:
        return JSONResponse({"entries": [], "status": "degraded"}, status_code=503)
    return JSONResponse({"entries": transcript(events)},
                        headers={"Cache-Control": "no-store"})
