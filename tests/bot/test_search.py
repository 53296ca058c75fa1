"""GET /api/search over the real engine (lexical signals, small in-memory catalogue)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from bot.app import create_app
from bot.deps import get_engine
from bot.settings import BotSettings
from catalogue.db import open_db, replace_catalogue
from catalogue.search import SearchEngine
from tests.catalogue.search.conftest import PROCEDURES


@pytest.fixture
def client() -> TestClient:
    db = open_db(None)
    replace_catalogue(db, PROCEDURES, None)
    engine = SearchEngine(db, None)
    app = create_app(BotSettings(preload_search=False, max_search_limit=20))
    app.dependency_overrides[get_engine] = lambda: engine
    with TestClient(app) as test_client:
        yield test_client


def test_results_are_ranked_and_carry_who_is_responsible(client: TestClient):
    body = client.get("/api/search", params={"q": "Perso beantragen", "limit": 3}).json()
    assert body["query"] == "Perso beantragen"
    first = body["results"][0]
    assert first["id"] == "personalausweis"
    assert first["url"] == "https://example.org/personalausweis"
    assert first["responsible_level"] == "gemeinde" and first["responsible"]
    scores = [hit["score"] for hit in body["results"]]
    assert scores == sorted(scores, reverse=True) and len(scores) <= 3


@pytest.mark.parametrize("params", [{}, {"q": ""}, {"q": "   "}, {"q": "x" * 10_000},
                                    {"q": "🚗🚗🚗"}, {"q": "\x00\x07"},
                                    {"q": "auto", "limit": "x"}, {"q": "auto", "limit": 0},
                                    {"q": "auto", "limit": 21}, {"q": "auto", "limit": -3}])
def test_bad_parameters_are_a_readable_422(client: TestClient, params):
    response = client.get("/api/search", params=params)
    assert response.status_code == 422
    assert isinstance(response.json()["detail"], str) and response.json()["detail"]


@pytest.mark.parametrize("q", ['"AND OR NEAR(', "auto*", "'; drop table procedures; --",
                               'abmelden" OR "x', "NOT NOT"])
def test_query_syntax_is_searched_as_words_never_a_500(client: TestClient, q: str):
    response = client.get("/api/search", params={"q": q})
    assert response.status_code in (200, 422)
    if response.status_code == 200:
        assert response.json()["decision"] in {"answer", "choose", "rephrase"}
    assert client.get("/api/search", params={"q": "Sperrmüll"}).json()["results"][0]["id"] \
        == "sperrmuell"
