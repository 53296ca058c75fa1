"""The semantic crisis check: a safety line for messages the word rules miss.

The rules in `actions.crisis` are precise but brittle: on a list written later by
someone who had not seen them they found about two thirds of the crises (suicidal
thoughts in particular are said in endless ways). This check compares the message's
embedding — the one the search computes anyway — with reference messages: citizens in
danger (`data/crisis_examples.yaml`, with their kind) and ordinary messages (the same
file's `ordinary` list plus every NLU training example, i.e. what citizens ask the
office). When the mean similarity of the k nearest crisis references beats that of the
k nearest ordinary ones by `MARGIN`, the message *may* be a crisis.

Because it is less certain than the rules, it never takes over the turn: the citizen
gets the normal answer, preceded by one line with the numbers for that kind of danger
(`crisis_hint_*` texts). A false alarm costs one line; a miss could cost far more.
k = 3 and the margin 0.02 were chosen on calibration data only: the most crises found
(leave-one-out over the crisis references) while at most 1 % of the calibration half of
the search dev sets — long, ordinary questions, the hardest case — gets a safety line.
Figures on the held-out lists in docs/dialogue.md.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import get_args

import numpy as np
import yaml

from actions import common
from actions.common import logger
from actions.crisis_words import Kind
from catalogue.settings import get_catalogue_settings

EXAMPLES = Path(__file__).resolve().parent / "data" / "crisis_examples.yaml"
NLU_DIR = Path(__file__).resolve().parent.parent / "data" / "nlu"
K = 3
MARGIN = 0.02
KINDS: tuple[Kind, ...] = get_args(Kind)
# Rasa's entity markup in training examples: [text](entity) or [text]{"entity": …}.
_ENTITY = re.compile(r"\[([^\]]*)\](?:\([^)]*\)|\{[^}]*\})")


@dataclass(frozen=True)
class References:
    """Unit vectors of the crisis and ordinary references, and each crisis kind."""

    crisis: np.ndarray
    kinds: tuple[Kind, ...]
    ordinary: np.ndarray


def nlu_examples(directory: Path = NLU_DIR) -> list[str]:
    """Every training example of the NLU (entity markup removed)."""
    texts: list[str] = []
    for path in sorted(directory.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for item in data.get("nlu", []) or []:
            for line in str(item.get("examples", "")).splitlines():
                line = line.strip()
                if line.startswith("- "):
                    texts.append(_ENTITY.sub(r"\1", line[2:]).strip())
    return [text for text in texts if text]


def load_examples(path: Path = EXAMPLES) -> tuple[list[tuple[str, Kind]], list[str]]:
    """(crisis references with kind, ordinary references) from the YAML file."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    crisis = [(str(item["text"]), item["kind"]) for item in data.get("crisis", [])
              if item.get("kind") in KINDS]
    return crisis, [str(text) for text in data.get("ordinary", [])]


def _vectors(texts: list[str], model: str) -> np.ndarray | None:
    """Embeddings of the reference texts, cached on disk by model and texts (computing
    them takes ~10 s; the action server must not pay that on every start)."""
    digest = hashlib.sha256("\x1f".join([model, *texts]).encode("utf-8")).hexdigest()[:16]
    cache_file = get_catalogue_settings().cache_dir / f"crisis-references-{digest}.npy"
    try:
        stored: np.ndarray = np.load(cache_file)
        if stored.shape[0] == len(texts):
            return stored
    except (OSError, ValueError):
        pass
    vectors = common.get_search_engine().query_vectors(texts, cached=False)
    if vectors is None:
        return None
    try:
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        np.save(cache_file, vectors)
    except OSError as exc:  # a read-only cache is no reason to fail the turn
        logger.warning("crisis references not cached: %s", exc)
    return vectors


@cache
def get_references() -> References | None:
    """The reference vectors, built once per process; None without an embedding model."""
    encoder = getattr(common.get_search_engine(), "encoder", None)
    if encoder is None:
        return None
    crisis, ordinary = load_examples()
    ordinary = ordinary + nlu_examples()
    texts = [text for text, _ in crisis] + ordinary
    vectors = _vectors(texts, str(encoder.name))
    if vectors is None:
        return None
    return References(vectors[:len(crisis)], tuple(kind for _, kind in crisis),
                      vectors[len(crisis):])


def _top_mean(similarities: np.ndarray, k: int) -> float:
    k = min(k, similarities.shape[0])
    return float(np.partition(similarities, -k)[-k:].mean()) if k else 0.0


def nearest_kind(query: np.ndarray, refs: References, k: int = K,
                 margin: float = MARGIN) -> Kind | None:
    """The crisis kind most of the k nearest crisis references share, when they are
    closer to `query` than the k nearest ordinary references by more than `margin`."""
    if not refs.kinds or not query.any():
        return None
    to_crisis = refs.crisis @ query
    if _top_mean(to_crisis, k) - _top_mean(refs.ordinary @ query, k) <= margin:
        return None
    nearest = [int(i) for i in np.argsort(-to_crisis)[:k]]
    votes: Counter[Kind] = Counter(refs.kinds[i] for i in nearest)
    return votes.most_common(1)[0][0]


def possible_crisis(text: str | None) -> Kind | None:
    """The kind of danger `text` may describe (see the module doc), or None.

    Never raises: a failing embedding model must not break the turn."""
    if not text or text.lstrip().startswith("/"):
        return None
    try:
        refs = get_references()
        if refs is None:
            return None
        vectors = common.get_search_engine().query_vectors([text])
        return None if vectors is None else nearest_kind(vectors[0], refs)
    except Exception:
        logger.exception("semantic crisis check failed")
        return None
