"""Hybrid semantic + lexical search over the procedure catalogue.

Public interface (used by `bot/` and `actions/`):
  get_search_engine() -> SearchEngine   # cached per process; loads db + model once
  SearchEngine.search(query, limit=5) -> SearchResult
  QueryError                            # unusable query; message is shown to the user
  update_embeddings(db)                 # called by `catalogue build`

The answer/choose/rephrase rule is the pure function `decision.decide` (used by the
engine, the evaluation and the tests alike).
"""

from catalogue.search.engine import Hit, SearchEngine, SearchResult, get_search_engine
from catalogue.search.index import update_embeddings
from catalogue.search.normalize import QueryError

__all__ = ["Hit", "QueryError", "SearchEngine", "SearchResult", "get_search_engine",
           "update_embeddings"]
