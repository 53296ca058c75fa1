"""Fixtures for the custom-action tests: an in-memory catalogue and JSON trackers.

No Rasa server and no embedding model: `actions.common.get_db` and
`get_search_engine` are replaced per test, so each test states exactly which
search decision it exercises.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

import actions.common as common
from catalogue.db import get_procedure, open_db, replace_catalogue
from catalogue.models import Contact, Gemeinde, Procedure
from catalogue.search import Hit, SearchEngine, SearchResult
from conversations.turn_record import TurnRecord

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(autouse=True)
def _fresh_crisis_references() -> Any:
    """The semantic crisis check caches its reference vectors per process; each test
    builds them from the engine it installs (none for the fakes without a model)."""
    from actions.crisis_semantic import get_references

    get_references.cache_clear()
    yield
    get_references.cache_clear()


def load_json(name: str) -> dict[str, Any]:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


@pytest.fixture
def catalogue(monkeypatch: pytest.MonkeyPatch) -> Any:
    """In-memory catalogue from fixtures/catalogue.json, installed as the actions' db."""
    data = load_json("catalogue.json")
    db = open_db(None)
    replace_catalogue(db, [Procedure.model_validate(p) for p in data["procedures"]],
                      [Gemeinde.model_validate(g) for g in data["gemeinden"]])
    monkeypatch.setattr(common, "get_db", lambda: db)
    return db


class FakeSearch:
    """Returns a preset decision and hits; records the queries it was asked."""

    def __init__(self, db: Any) -> None:
        self.db = db
        self.queries: list[str] = []
        self.decision = "rephrase"
        self.ids: list[str] = []

    def set(self, decision: str, *ids: str) -> None:
        self.decision = decision
        self.ids = list(ids)

    def search(self, text: str, limit: int = 5,
               exclude: frozenset[str] = frozenset()) -> SearchResult:
        from catalogue.db import get_procedure

        self.queries.append(text)
        ids = [pid for pid in self.ids if pid not in exclude]
        hits = [Hit(get_procedure(self.db, pid), 1.0 - i / 10) for i, pid in enumerate(ids)]
        return SearchResult(text, hits[:limit], self.decision)  # type: ignore[arg-type]

    def shares_words(self, words: list[str], procedure_id: str) -> bool:
        """Lexical evidence, simplified: a word inside the title or the search terms."""
        from catalogue.db import get_procedure
        from catalogue.gemeinden import normalize_name

        procedure = get_procedure(self.db, procedure_id)
        vocabulary = normalize_name(" ".join([procedure.title, *procedure.search_terms]))
        return any(word in vocabulary for word in words)


@pytest.fixture
def fake_search(catalogue: Any, monkeypatch: pytest.MonkeyPatch) -> FakeSearch:
    engine = FakeSearch(catalogue)
    monkeypatch.setattr(common, "get_search_engine", lambda: engine)
    return engine


@pytest.fixture
def lexical_search(catalogue: Any, monkeypatch: pytest.MonkeyPatch) -> SearchEngine:
    """The real search engine in lexical-only mode (no embedding model)."""
    engine = SearchEngine(catalogue, None)
    monkeypatch.setattr(common, "get_search_engine", lambda: engine)
    return engine


# The Kreisjugendamt's child protection entry (crisis replies name it; not in catalogue.json).
CHILD_ENTRY = Procedure(
    id="kinderschutz-meldung", title="Sorge um ein Kind melden (Kindeswohlgefährdung)",
    short_answer="Melden Sie sich beim Kreisjugendamt – auf Wunsch anonym.",
    category="Familie & Kind", department="Kreisjugendamt", responsible_level="landratsamt",
    responsible="Landratsamt Mühldorf a. Inn (Kreisjugendamt)",
    info_url="https://www.lra-mue.de/test/kinderschutz",
    contact=Contact(name="Kreisjugendamt", phone="+49 8631 699-0"))


@pytest.fixture
def with_child_entry(catalogue: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    """The fixture catalogue plus the child protection entry."""
    from catalogue.db import all_gemeinden, all_procedures

    db = open_db(None)
    replace_catalogue(db, [*all_procedures(catalogue), CHILD_ENTRY], all_gemeinden(catalogue))
    monkeypatch.setattr(common, "get_db", lambda: db)
    return db


TrackerFactory = Callable[..., Tracker]


@pytest.fixture
def make_tracker() -> TrackerFactory:
    """Tracker from a JSON fixture with a new user message appended."""

    def factory(fixture: str = "new_conversation.json", text: str = "",
                intent: str | None = None, entities: list[dict[str, Any]] | None = None,
                confidence: float = 0.95, channel: str = "rest", **slots: Any) -> Tracker:
        state = copy.deepcopy(load_json(fixture))
        parse = {"text": text, "intent": {"name": intent, "confidence": confidence},
                 "entities": entities or []}
        state["latest_message"] = parse
        state["events"].append({"event": "user", "text": text, "parse_data": parse,
                                "input_channel": channel})
        state["slots"].update(slots)
        return Tracker.from_dict(state)

    return factory


@pytest.fixture
def dispatcher() -> CollectingDispatcher:
    return CollectingDispatcher()


async def run_action(action: Any, dispatcher: CollectingDispatcher,
                     tracker: Tracker) -> list[dict[str, Any]]:
    return await action.run(dispatcher, tracker, {})


def plain(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The events without the turn record (compared separately, see `record_of`)."""
    return [e for e in events if not (e.get("event") == "slot" and e.get("name") == "turn_record")]


def record_of(events: list[dict[str, Any]]) -> TurnRecord:
    """The turn record an action wrote (exactly one, as the last event)."""
    assert events and events[-1].get("name") == "turn_record"
    assert len(events) - len(plain(events)) == 1
    return TurnRecord.from_dict(events[-1]["value"])


class ScriptedSearch:
    """Answers by the first script key contained in the query; else 'rephrase'."""

    def __init__(self, db: Any) -> None:
        self.db = db
        self.script: dict[str, tuple[str, list[str], float, float]] = {}
        self.queries: list[str] = []

    def on(self, key: str, decision: str, *ids: str, top: float = 0.9,
           step: float = 0.1) -> None:
        self.script[key.lower()] = (decision, list(ids), top, step)

    def search(self, text: str, limit: int = 5,
               exclude: frozenset[str] = frozenset()) -> SearchResult:
        from catalogue.search import QueryError

        self.queries.append(text)
        if len(text) > 500:
            raise QueryError("Ihre Frage ist zu lang.")
        decision, ids, top, step = next(
            (v for k, v in self.script.items() if k in text.lower()), ("rephrase", [], 0.9, 0.1))
        ids = [pid for pid in ids if pid not in exclude]
        hits = [Hit(get_procedure(self.db, pid), top - i * step) for i, pid in enumerate(ids)]
        return SearchResult(text, hits[:limit], decision)  # type: ignore[arg-type]


@pytest.fixture
def scripted(catalogue: Any, monkeypatch: pytest.MonkeyPatch) -> ScriptedSearch:
    engine = ScriptedSearch(catalogue)
    monkeypatch.setattr(common, "get_search_engine", lambda: engine)
    return engine
