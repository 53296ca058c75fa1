"""Catalogue access for the actions: database, search (with scores), language.

Everything that touches the catalogue goes through the getters `get_db` and
`get_search_engine`, looked up at call time, so tests can swap in an in-memory
catalogue with monkeypatch and nothing is loaded at import time. A broken
catalogue or search never crashes the conversation: it becomes a logged
`None` / empty list / "unavailable" outcome.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass

import sqlite_utils

import catalogue.db as catalogue_db
import catalogue.search as catalogue_search
from actions.negation import negated_words, ruled_out
from catalogue.gemeinden import find_gemeinde, name_variants, normalize_name
from catalogue.language import detect_language
from catalogue.models import Gemeinde, Procedure
from catalogue.neighbours import find_neighbour, named_neighbour
from conversations.name_cues import in_capitals
from conversations.plate_codes import GERMAN_CODES
from conversations.turn_record import Candidate

logger = logging.getLogger(__name__)

DEFAULT_LANGUAGE = "de"


def get_db() -> sqlite_utils.Database:
    """The catalogue database (resolved at call time so tests can replace it)."""
    return catalogue_db.get_db()


def get_search_engine() -> catalogue_search.SearchEngine:
    """The search engine (resolved at call time so tests can replace it)."""
    return catalogue_search.get_search_engine()


# "und in English please?", "auf Deutsch bitte", "can you answer in english":
# a request to switch the language and nothing else.
_LANGUAGE_REQUEST = re.compile(
    r"^(?:(?:und|and|now|jetzt|bitte|please|pls|can you|could you|kannst du|koennen sie|"
    r"konnen sie|answer|antworte|antworten sie|schreib|write|nochmal|again|das|that|it|"
    r"auch|also|mal)\s+)*(?:in|auf|on)?\s*(english|englisch|deutsch|german)"
    r"(?:\s+(?:please|bitte|pls|sprechen|speak|antworten|answer|nochmal|again))*$")
_TARGET = {"english": "en", "englisch": "en", "deutsch": "de", "german": "de"}


def language_request(text: str) -> str | None:
    """The language a message asks to switch to ("in English please?" → "en"), if any."""
    match = _LANGUAGE_REQUEST.match(normalize_name(text))
    return _TARGET[match.group(1)] if match else None


def resolve_language(text: str, current: str | None) -> str:
    """Language of `text`, else the conversation's (`current`), else German.

    Detection runs per message so a citizen who switches to English gets English;
    messages too short to tell ("ok", "wkb", button payloads) keep the slot.
    """
    return language_request(text) or detect_language(text) or current or DEFAULT_LANGUAGE


def load_procedure(procedure_id: str | None) -> Procedure | None:
    if not procedure_id:
        return None
    try:
        return catalogue_db.get_procedure(get_db(), procedure_id)
    except Exception:  # a broken catalogue must not crash the conversation
        logger.exception("could not load procedure %s", procedure_id)
        return None


def load_gemeinden() -> list[Gemeinde]:
    try:
        return catalogue_db.all_gemeinden(get_db())
    except Exception:
        logger.exception("could not load the Gemeinden")
        return []


# "Landratsamt Mühldorf", "Landkreis Mühldorf": the district, not the town.
_DISTRICT = re.compile(r"\b(?:landratsamt|landkreis|lra|kreis|district office|district of)"
                       r"\s+(?:in\s+|of\s+)?\S+")


def named_gemeinde(text: str) -> Gemeinde | None:
    """The Gemeinde the message names word for word ("ich wohne in waldkraiburg …"),
    not a fuzzy guess and not the district's name; None if there is none or several."""
    padded = f" {normalize_name(_DISTRICT.sub(' ', text.lower()))} "
    named = {g.id: g for g in load_gemeinden()
             for variant in name_variants(g) if f" {variant} " in padded}
    return next(iter(named.values())) if len(named) == 1 else None


# "Ich wohne in Töging am Inn", "we live in Freising": where the writer lives, by name.
_LIVES_IN = re.compile(r"\b(?:wohn\w*|leb\w*|live[sd]?|living)[ ]+(?:\w+[ ]+)?in[ ]+"
                       r"([A-ZÄÖÜ][\w.-]+(?:[ ](?:am|an der|a\.|im|in der|ob der|bei)?[ ]?"
                       r"[A-ZÄÖÜ][\w.-]+)*)")
_NOT_A_TOWN = frozenset({"deutschland", "germany", "bayern", "bavaria", "oberbayern", "europa",
                         "landkreis", "mietwohnung", "wohnung", "haus", "heim", "miete"})


# "wir bauen in Wasserburg", "komme aus Altötting", "ziehen nach Dorfen": a neighbouring
# town where the writer lives, builds or moves to; not where a child goes to school or the
# writer works ("arbeite in Altötting").
_AT_PLACE = re.compile(r"\b(?:wohn\w*|leb\w*|bau\w*|zieh\w*|umzieh\w*|komm\w*|live\w*|"
                       r"moving|moved|build\w*)\b[^.!?]{0,40}\b(?:in|aus|nach|bei|from|to)[ ]+$",
                       re.IGNORECASE)


def residence_outside(text: str) -> str | None:
    """The place the writer says they live in (or a neighbouring district's town the
    message is about) when it is no Gemeinde of the district ("Ich wohne in Töging am
    Inn", "Wir bauen in Wasserburg"), else None."""
    match = _LIVES_IN.search(text)
    if match is None:
        named = named_neighbour(text)
        if named is None or not _AT_PLACE.search(text[:text.find(named[1])]) \
                or named_gemeinde(text) is not None:
            return None  # "von Altötting nach Waldkraiburg gezogen": now inside
        return named[1]
    place = re.split(r"[.!?,;:]\s", match.group(1))[0].rstrip(".")
    if find_neighbour(place) is not None:
        return place
    if place.split()[0].lower() in _NOT_A_TOWN \
            or find_gemeinde(load_gemeinden(), place) is not None:
        return None
    return place


def office_outside(place: str) -> str | None:
    """The authority responsible for a neighbouring town ("Landratsamt Altötting"), if known."""
    neighbour = find_neighbour(place)
    return neighbour.office if neighbour is not None else None


@dataclass(frozen=True)
class ScoredProcedure:
    procedure: Procedure
    score: float


@dataclass(frozen=True)
class SearchOutcome:
    """A search decision with its scored hits, or the message when the query was unusable.

    `decision` is the engine's (answer / choose / rephrase) or "unavailable".
    """

    decision: str
    hits: tuple[ScoredProcedure, ...] = ()
    error: str | None = None

    @property
    def procedures(self) -> list[Procedure]:
        return [hit.procedure for hit in self.hits]

    @property
    def candidates(self) -> tuple[Candidate, ...]:
        """The hits as turn-record candidates (id and score, best first)."""
        return tuple(Candidate(hit.procedure.id, hit.score) for hit in self.hits)


def shares_words(words: Sequence[str], procedure_id: str) -> bool:
    """Does one of the content `words` name the procedure (lexical evidence, see
    `SearchEngine.shares_words`)? False when the search fails."""
    if not words:
        return False
    try:
        return get_search_engine().shares_words(words, procedure_id)
    except Exception:
        logger.exception("lexical evidence failed for %s", procedure_id)
        return False


# "RO-Kennzeichen", "AÖ Kennzeichen", "my LA plates": another district's plates. Not the
# district's own codes, nor H (historic) and E (electric), which name plate types.
# The code in capitals ("LA Kennzeichen") or hyphenated ("ro-kennzeichen"): "ein
# Kennzeichen" is no code.
_PLATE_OF = re.compile(r"\b(?:([A-ZÄÖÜ]{1,3})[-\s]|([a-zäöü]{1,3})-)(?=(?i:kennzeichen|"
                       r"nummernschild|schilder|plates?)\b)")
_OWN_OR_TYPE_CODES = frozenset({"MÜ", "WS", "VIB", "H", "E"})


def other_district_plates(text: str) -> str:
    """`text` with another district's code before "Kennzeichen" said in words: the search
    read "RO-Kennzeichen" as the red plate (tenth probe)."""
    if in_capitals(text):
        return text  # "ICH BRAUCHE EIN KENNZEICHEN": no code in a message in capitals

    def words(match: re.Match[str]) -> str:
        code = (match.group(1) or match.group(2)).upper()
        if code in GERMAN_CODES and code not in _OWN_OR_TYPE_CODES:
            return "auswärtiges "
        return match.group(0)
    return _PLATE_OF.sub(words, text)


def search(text: str, limit: int = 5, exclude: frozenset[str] = frozenset()) -> SearchOutcome:
    """Ask the catalogue search; failures become a 'rephrase' or an 'unavailable' outcome.
    `exclude`: procedures the citizen has just rejected."""
    text = other_district_plates(text)
    place = residence_outside(text)
    if place is not None:
        # A town outside the district is no evidence for a procedure ("Töging" had found
        # the office's own address in the Töginger Straße; sixteenth probe).
        text = text.replace(place, " ")
    try:
        result = get_search_engine().search(text, limit=limit, exclude=exclude) \
            if exclude else get_search_engine().search(text, limit=limit)
        negated = {hit.procedure.id for hit in result.hits[:3]
                   if ruled_out(text, hit.procedure)} if negated_words(text) else set()
        if negated:
            # "… ist nicht denkmalgeschützt": not the heritage permit (actions.negation).
            result = get_search_engine().search(text, limit=limit, exclude=exclude | negated)
    except catalogue_search.QueryError as exc:
        return SearchOutcome("rephrase", error=str(exc))
    except Exception:
        logger.exception("catalogue search failed for %r", text)
        return SearchOutcome("unavailable")
    return SearchOutcome(result.decision, tuple(ScoredProcedure(hit.procedure, float(hit.score))
                                                for hit in result.hits))
