"""GET /healthz: is the whole assistant (web app, Rasa, action server) answering?"""

from __future__ import annotations

import asyncio
from typing import Any

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from bot.deps import RasaDep

router = APIRouter(tags=["health"])


async def _check(probe: Any) -> dict[str, Any]:
    try:
        details = await probe()
    except Exception as exc:  # any failure means "not ready"; say which and why
        return {"status": "error", "error": f"{exc.__class__.__name__}: {exc}"[:300]}
    return {"status": "ok", **({"model_file": details["model_file"]} if "model_file" in details
                                else {})}


@router.get("/healthz", summary="Status of web app, Rasa and action server")
async def healthz(rasa: RasaDep) -> JSONResponse:
    rasa_state, actions_state = await asyncio.gather(_check(rasa.rasa_status),
                                                     _check(rasa.action_server_health))
    components = {"web": {"status": "ok"}, "rasa": rasa_state, "action_server": actions_state}
    failing = [name for name, state in components.items() if state["status"] != "ok"]
    # "degraded": the web app answers (chat gives the Bürgerservice contact) but a part
    # behind it does not; the runner restarts that part.
    body = {"status": "ok" if not failing else "degraded", "failing": failing,
            "components": components}
    return JSONResponse(body, status_code=200 if not failing else 503)


@router.get("/livez", summary="Is the web app process itself alive (no dependencies)?")
async def livez() -> dict[str, str]:
    # The runner's hang detection probes this: /healthz would also fail while Rasa is
    # down, and restarting the web app would not help then.
    return {"status": "ok"}
