"""GET /api/search: ranked procedures for a free-text question."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query
from pydantic import BaseModel

from bot import messages
from bot.deps import SearchEngineDep, SettingsDep

router = APIRouter(prefix="/api", tags=["search"])


class SearchHit(BaseModel):
    id: str
    title: str
    url: str
    responsible: str
    responsible_level: str
    score: float


class SearchResponse(BaseModel):
    query: str
    decision: str
    results: list[SearchHit]


@router.get("/search", response_model=SearchResponse, summary="Find procedures")
def search(
    engine: SearchEngineDep,
    settings: SettingsDep,
    q: Annotated[str, Query(description="The citizen's question, in any wording")],
    limit: Annotated[int, Query(description="Number of results")] = 5,
) -> SearchResponse:
    # Sync endpoint: FastAPI runs it in a worker thread, so encoding never blocks the loop.
    from catalogue.search import QueryError

    if not 1 <= limit <= settings.max_search_limit:
        raise HTTPException(422, messages.limit_out_of_range(settings.max_search_limit))
    try:
        result = engine.search(q, limit=limit)
    except QueryError as exc:
        raise HTTPException(422, str(exc)) from exc
    return SearchResponse(
        query=result.query,
        decision=result.decision,
        results=[SearchHit(id=hit.procedure.id, title=hit.procedure.title,
                           url=hit.procedure.link, responsible=hit.procedure.responsible,
                           responsible_level=hit.procedure.responsible_level,
                           score=round(hit.score, 4)) for hit in result.hits],
    )
