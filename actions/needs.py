"""What one message asks for: the need to answer first and the further ones.

A citizen writes several questions in one message ("Mein C-Führerschein läuft ab, wie
verlängere ich den? Und brauche ich dann auch eine neue Fahrerkarte?"). The search of
the whole message may rank the second need first; the citizen expects the first one
answered and the others offered as next steps. Needs are found on three levels: the
whole message, its question units (each question with the statements before it, or
the items of a numbered list), and its clauses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from actions.common import ScoredProcedure, SearchOutcome, search
from actions.topic import APPLYING, asked_segments, names_procedure, names_title, topic_words
from catalogue.models import Procedure
from catalogue.search.letter import strip_letter
from conversations.turn_record import Candidate

# At most this many clauses of one message are searched on their own.
MAX_SEGMENT_SEARCHES = 6
# At most this many question units are searched on their own.
MAX_UNIT_SEARCHES = 4
# Longer messages are searched by their beginning and their end (the search takes 500).
LONG_TEXT_CHARS = 450
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
# A sentence with its end mark; "Nr. 3" or "z. B." stay inside (a letter must follow).
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+(?=\s|$)|$)|[^\n]+?(?:\n|$)")
# A sentence that adds another need: "Außerdem überlege ich, selbst Schafe zu halten."
_ADDITION = re.compile(r"(?i:außerdem|ausserdem|zudem|zusätzlich|des weiteren|weiters|"
                       r"noch (?:eine|was)|besides|additionally|furthermore|"
                       r"another (?:thing|question))\b")
# Without punctuation, "und"/"and" before a question word, or before a verb with its
# subject, starts another question: "und sollte sie …", not "und soll verbeamtet werden"
# (a statement going on).
_NEXT_QUESTION = re.compile(r"\s(?:und|and|oder|or)\s+(?=(?:wie|wo|was|wann|wer|welche\w*|how|"
                            r"where|what|when|who|which)\b|(?:sollte|soll|muss|kann|darf|brauch\w*|"
                            r"gibt|do|does|can|should|must)\s+(?:ich|man|wir|sie|er|es|i|we|"
                            r"you|he|she|it)\b)", re.IGNORECASE)
_SENTENCE_MARK = re.compile(r"[.!?;]\s")
# "1. …", "2) …", "und 2. …": the items of a numbered list of questions.
_ITEM = re.compile(r"(?:^|\s)(?:(?:und|and)\s+)?\d{1,2}[.)]\s+(?=[^\d\s])", re.IGNORECASE)


@dataclass(frozen=True)
class Needs:
    """What one message asks for: the need to answer, further ones, the whole search."""

    outcome: SearchOutcome
    primary: Procedure | None = None
    others: tuple[Procedure, ...] = ()
    candidates: tuple[Candidate, ...] = ()


def question_units(text: str) -> list[str]:
    """The separate questions of `text`, each with the statements written before it.

    "Wir sind aus Charkiw geflohen. Wie bekommen wir einen Aufenthalt? Und wo kann ich
    einen Deutschkurs machen?" → the first two sentences, then the third. The items
    of a numbered list, and a sentence adding a need ("Außerdem …"), are units of their
    own. None when the message holds only one.
    """
    items = [part.strip() for part in _ITEM.split(text) if part.strip()]
    if len(_ITEM.findall(text)) >= 2:
        return items[1:] if len(items) > 2 else items  # items[0]: "ich hab 2 fragen:"
    if "?" not in text and not _SENTENCE_MARK.search(text):
        # Typed without punctuation: "… kann sie geld vom amt bekommen und sollte sie auch
        # einen schwerbehindertenausweis beantragen" — "und" before a question word.
        parts = [part.strip() for part in _NEXT_QUESTION.split(text) if part.strip()]
        return parts if len(parts) > 1 else []
    units: list[str] = []
    pending: list[str] = []
    for match in _SENTENCE.finditer(text):
        sentence = match.group(0).strip()
        if not sentence:
            continue
        if pending and _ADDITION.match(sentence):
            units.append(" ".join(pending))  # "Außerdem …" starts another need
            pending = []
        pending.append(sentence)
        if sentence.endswith("?"):
            units.append(" ".join(pending))
            pending = []
    if pending and units and not _ADDITION.match(pending[0]):
        units[-1] = f"{units[-1]} {' '.join(pending)}"  # a closing "Danke!" belongs to it
    elif pending:
        units.append(" ".join(pending))
    return units if len(units) > 1 else []


def _unit_needs(text: str, ranked: set[str]) -> list[Procedure]:
    """The procedures that the message's question units each point to, in the order
    asked: each unit's first hit the whole message's search ranked too. None
    unless one of them is a confident answer of its own unit (a long question scores
    lower alone than a short one: "Mein C-Führerschein läuft ab, wie verlängere ich
    den?" is a choice led by the right one)."""
    found: list[Procedure] = []
    units = question_units(text)
    if len(units) < 2:
        return found
    confident = False
    for unit in units[:MAX_UNIT_SEARCHES]:
        outcome = search(unit)
        if outcome.decision not in ("answer", "choose") or not outcome.hits:
            continue
        # A confident unit by its first hit; a choice by its first hit the whole message
        # ranked too ("Und muss beim Auto auch was geändert werden?" after a move: the
        # address change, not the technical modification).
        hits = outcome.hits[:1] if outcome.decision == "answer" else outcome.hits
        procedure = next((h.procedure for h in hits if h.procedure.id in ranked), None)
        if procedure is not None and procedure.id not in {p.id for p in found}:
            found.append(procedure)
            confident = confident or outcome.decision == "answer"
    return found if confident else []


def find_needs(text: str) -> Needs:
    """Search the message, and each of its questions and clauses when it has several.

    Two or more questions each answered confidently: the first one asked is the primary
    need, the others are next steps. Else a confident answer to the whole message is
    the primary need; clauses answered confidently on their own are further needs if
    the whole search ranked them too. Without a confident whole, two such clauses among
    the offered choices make an answer (the first one written) with a next step
    instead of a choice. An e-mail's salutation and signature are no clauses
    (`strip_letter`).
    """
    text = strip_letter(text)
    outcome = search(text)
    if outcome.error and len(text) > LONG_TEXT_CHARS:
        outcome = _long_text_search(text, outcome)
    ranked = {c.id for c in outcome.candidates}
    asked = _unit_needs(text, ranked) if ranked else []
    if len(asked) >= 2:
        return Needs(outcome, asked[0], tuple(asked[1:]), outcome.candidates)
    found: list[ScoredProcedure] = []
    in_question: list[bool] = []
    parts = asked_segments(text)
    if len(parts) > 1 and ranked:
        if len(parts) > MAX_SEGMENT_SEARCHES:  # long stories: the start and the end
            half = MAX_SEGMENT_SEARCHES // 2
            parts = parts[:half] + parts[-half:]
        for part, opens_question in parts:
            clause = search(part)
            if clause.decision == "answer" and clause.hits:
                hit = clause.hits[0]
                # …and names it in its own words: "ich wohne in Waldkraiburg" is no
                # need, whatever the search makes of the place.
                named = names_procedure(topic_words(part), hit.procedure)
                if named and hit.procedure.id in ranked and \
                        hit.procedure.id not in {f.procedure.id for f in found}:
                    found.append(hit)
                    # Asked for by its name, not only by a generic word ("Was müssen
                    # wir beantragen?", "Geld vom Amt"): the stated matter stays first.
                    in_question.append(opens_question and names_title(
                        [w for w in topic_words(part) if w not in APPLYING], hit.procedure))
    if outcome.decision == "answer" and outcome.procedures:
        primary = outcome.procedures[0]
    elif outcome.decision == "choose" and len(found) >= 2:
        # The first one asked by name, else the first one written ("Mein Arbeitslosengeld
        # läuft aus. Kann ich dann Bürgergeld beantragen?": the statement is background).
        # Ordering by the whole message's ranking was tried (fourth probe) and was no
        # better on the calibration items (314 vs 316 right).
        by_name = [f for f, q in zip(found, in_question, strict=True) if q]
        primary = (by_name or found)[0].procedure
    else:
        return Needs(outcome, candidates=outcome.candidates)
    others = tuple(f.procedure for f in found if f.procedure.id != primary.id)
    return Needs(outcome, primary, others, outcome.candidates)


def _long_text_search(text: str, whole: SearchOutcome) -> SearchOutcome:
    """A story too long to search whole: its beginning, its end and its last two
    sentences (where the question usually is); the surest answer, else a choice."""
    head = text[:LONG_TEXT_CHARS].rsplit(None, 1)[0]
    tail = text[-LONG_TEXT_CHARS:].split(None, 1)[-1]
    last = " ".join(_SENTENCE_END.split(text.strip())[-2:])[-LONG_TEXT_CHARS:]
    outcomes = [search(window) for window in dict.fromkeys([head, tail, last]) if window]
    answered = [o for o in outcomes if o.decision == "answer" and o.hits]
    last_window = outcomes[-1]
    if last_window in answered:
        return last_window  # the question is at the end; the start may be a whole story
    if answered:
        return max(answered, key=lambda o: o.hits[0].score)
    chosen = [o for o in reversed(outcomes) if o.decision == "choose" and len(o.hits) > 1]
    return chosen[0] if chosen else whole  # the end of a story is nearer the question


