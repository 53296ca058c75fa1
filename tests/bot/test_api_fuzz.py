"""Property-based fuzzing of the public API from its own OpenAPI schema (schemathesis).

Every operation gets schema-conforming and malformed requests; the web app must never
answer with a server error, and every error response must carry a readable `detail`.
Rasa is replaced by a fake that answers like Rasa's REST channel (a remote end), the
search runs for real in lexical mode over the small test catalogue.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

from bot.app import create_app
from bot.deps import get_engine, get_outage_reply, get_rasa_client
from bot.outage import OutageReply
from bot.rasa_client import RasaClient
from bot.settings import BotSettings
from catalogue.db import open_db, replace_catalogue
from catalogue.models import Gemeinde, Procedure
from catalogue.search import SearchEngine

FIXTURE = Path(__file__).resolve().parents[1] / "actions" / "fixtures" / "catalogue.json"


def fake_rasa(request: httpx.Request) -> httpx.Response:
    if request.url.path == "/webhooks/rest/webhook":
        sender = json.loads(request.content)["sender"]
        return httpx.Response(200, json=[{"recipient_id": sender, "text": "Grüß Gott!"}])
    if request.url.path == "/status":
        return httpx.Response(200, json={"model_file": "wegweiser.tar.gz"})
    return httpx.Response(200, json={"status": "ok"})


def api_schema() -> Any:
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    db = open_db(None)
    replace_catalogue(db, [Procedure.model_validate(p) for p in data["procedures"]],
                      [Gemeinde.model_validate(g) for g in data["gemeinden"]])
    engine = SearchEngine(db, None)
    rasa = RasaClient("http://rasa", "http://actions", "", 5, 5,
                      transport=httpx.MockTransport(fake_rasa))
    app = create_app(BotSettings(preload_search=False))
    app.dependency_overrides[get_engine] = lambda: engine
    app.dependency_overrides[get_rasa_client] = lambda: rasa
    app.dependency_overrides[get_outage_reply] = lambda: OutageReply("Störung / outage")
    return schemathesis.openapi.from_asgi("/openapi.json", app)


def readable_errors(ctx: Any, response: Any, case: Any) -> bool | None:
    """Every 4xx answer is JSON with a non-empty text `detail` a person can read."""
    if 400 <= response.status_code < 500:
        body = response.json()
        assert isinstance(body.get("detail"), str) and body["detail"].strip(), body
    return None


def test_no_server_error_and_readable_errors() -> None:
    # Driven through Hypothesis directly: schemathesis' pytest plugin does not run on
    # this pytest version.
    schema = api_schema()
    operations = [result.ok() for result in schema.get_all_operations()]
    assert {op.label for op in operations} >= {"POST /api/chat", "GET /api/search"}
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck),
                  database=None)
        def fuzz(case: Any) -> None:
            case.call_and_validate(checks=[not_a_server_error, readable_errors])

        fuzz()
