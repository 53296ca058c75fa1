"""The crisis answer: help numbers first, before any flow (see docs/dialogue.md).

`actions.sdk` calls `detect_crisis` on every user message in `FlowAction.run` and
`FormValidation.checked`; when it fires, the flow is not asked at all and this
module builds the reply: "automated assistant, help is available now", the help for
each kind of crisis the message carries, and — if the message also carried a question
for the office — one line that they can ask it afterwards. Several kinds ("mein Mann
schlägt mich und die Kinder") are combined without repeating a number (`combine`).
The Kreisjugendamt's contact comes from the catalogue entry `kinderschutz-meldung`,
a Rathaus from the Gemeinde data (never a typed-in number).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from actions.common import load_gemeinden, load_procedure, logger
from actions.crisis import Crisis
from actions.crisis_words import ADMIN, Kind, normalise
from actions.texts import say
from catalogue.gemeinden import find_gemeinde, name_variants, normalize_name
from catalogue.models import Gemeinde
from conversations.turn_record import records_this_turn
from replies.model import Link, Reply

# Catalogue entry of the Kreisjugendamt's child protection (contact and page).
CHILD_PROTECTION_ID = "kinderschutz-meldung"
CRISIS_DECISION = "crisis"
# Office matters beyond ADMIN's paperwork words: the message also asks for a service.
_OFFICE = re.compile(r"\b(?:pass|reisepass|perso|aufenthalt\w*|termin|zulassung|\w*geld|"
                     r"unterhalt\w*|anmeld\w*|ummeld\w*|abmeld\w*|wohnung|visum|visa|permit|"
                     r"passport|appointment|registration|benefit\w*|residence)\b")
# A phone number in a help line ("110", "116 016", "0800 111 0 111", "+49 8631 699-0").
_PHONE = re.compile(r"(?:\+\d+ )?\d{3,}(?:[ -]\d+)*")
# Lines with only these numbers say what to do in acute danger.
_EMERGENCY = frozenset({"110", "112"})


def asks_office_question(text: str, cues: Iterable[str] = ()) -> bool:
    """Does the message (besides the crisis, i.e. without its `cues`) ask something of
    the Landratsamt? ("aus meiner Wohnung geräumt" is the crisis, not a question.)"""
    normal = normalise(text)
    for cue in cues:
        normal = normal.replace(cue, " ")
    return ADMIN.search(normal) is not None or _OFFICE.search(normal) is not None


def _child_office(language: str) -> tuple[list[str], tuple[Link, ...]]:
    """The Kreisjugendamt's child-protection line and page, if the catalogue has them."""
    entry = load_procedure(CHILD_PROTECTION_ID)
    if entry is None:
        logger.error("catalogue entry %s is missing: crisis reply without the Jugendamt",
                     CHILD_PROTECTION_ID)
        return [], ()
    lines = []
    if entry.contact.phone:
        lines.append(say("crisis_child_office", language, name=entry.responsible,
                         phone=entry.contact.phone))
    return lines, (Link(say("button_info", language), entry.link),)


def _named_gemeinde(text: str, gemeinde_id: str | None) -> Gemeinde | None:
    """The citizen's Gemeinde: named in the message (its name as written, no fuzzy
    guess — a wrong Rathaus number would do harm), else the one known from before."""
    gemeinden = load_gemeinden()
    named = find_gemeinde(gemeinden, text)
    padded = f" {normalize_name(text)} "
    if named is not None and any(f" {v} " in padded for v in name_variants(named)):
        return named
    return next((g for g in gemeinden if g.id == gemeinde_id), None) if gemeinde_id else None


def _rathaus(language: str, text: str, gemeinde_id: str | None) -> list[str]:
    """The Rathaus for losing one's home (whatever the Gemeinde data has: phone, address,
    website), or how to get it."""
    gemeinde = _named_gemeinde(text, gemeinde_id)
    if gemeinde is None:
        return [say("crisis_homeless_ask_gemeinde", language)]
    contact = gemeinde.rathaus
    lines = [say("crisis_homeless_rathaus", language, name=contact.name or gemeinde.name)]
    for key, value in (("field_phone", contact.phone), ("field_address", contact.address),
                       ("field_website", gemeinde.website)):
        if value:
            lines.append(say(key, language, value=value))
    return lines


def kind_lines(kind: Kind, language: str, text: str = "",
               gemeinde_id: str | None = None) -> tuple[list[str], tuple[Link, ...]]:
    """The help lines for one kind of crisis, and its links."""
    lines = say(f"crisis_{kind}", language).splitlines()
    if kind == "child":
        office, links = _child_office(language)
        return [*lines, *office, say("crisis_child_helpline", language)], links
    if kind == "homeless":
        return [*lines, *_rathaus(language, text, gemeinde_id)], ()
    if kind == "danger":  # the fire brigade; what to do for gas, whom to tell of an oil spill
        normal = normalise(text)
        named = [bool(_GAS.search(normal)), bool(_SPILL.search(normal)),
                 bool(_EXPLOSIVE.search(normal)), bool(_FLOOD.search(normal)),
                 bool(_ROAD.search(normal))]
        return [lines[0], *(line for line, said in zip(lines[1:], named, strict=True)
                            if said)], ()
    return lines, ()


# Over normalised text (umlauts folded: "Heizöl" → "heizol"); not "Gasthaus", "Alkohol".
_GAS = re.compile(r"\bgas(?:geruch|leitung|flasche|herd|heizung|leck|leak)?\b")
_EXPLOSIVE = re.compile(r"\b(?:\w*granate\w*|\w*bombe\w*|blindganger|munition|sprengkorper|"
                        r"grenades?|bombs?|unexploded|ammunition|explosives?)\b")
_FLOOD = re.compile(r"\b(?:hochwasser|uberschwemm\w*|unter wasser|flood\w*|under water)\b")
_ROAD = re.compile(r"\b(?:strasse|fahrbahn|\w+strasse|road|street|lane)\b")
_SPILL = re.compile(r"\b(?:ol|heizol|altol|motorol|diesel|benzin|sprit|chemikal\w*|chemie|"
                    r"saure|gulle|jauche|fass|fasser|kanister|oil|fuel|chemicals?|barrels?|"
                    r"fische?|fischsterben|fish|gewasser|slurry)\b")


def _numbers(line: str) -> frozenset[str]:
    return frozenset(_PHONE.findall(line))


def combine(blocks: Sequence[Sequence[str]]) -> list[str]:
    """The help lines of several kinds as one list, most urgent kind first, without
    repeating a number: the acute-danger lines (110 / 112 only) lead — one whose numbers
    another one covers is left out, so "Polizei 110 oder Notruf 112" stands for "Ist ein
    Kind in akuter Gefahr: Polizei 110" — then every other line in the order of the
    kinds, unless all its numbers were already given. One kind keeps its own order."""
    if len(blocks) == 1:
        return list(blocks[0])
    lines = list(dict.fromkeys(line for block in blocks for line in block))
    acute = [line for line in lines if _numbers(line) and _numbers(line) <= _EMERGENCY]
    kept = [line for i, line in enumerate(acute)
            if not any(_numbers(line) < _numbers(other)
                       or (_numbers(line) == _numbers(other) and j < i)
                       for j, other in enumerate(acute) if j != i)]
    given = {number for line in kept for number in _numbers(line)}
    combined = list(kept)
    for line in lines:
        numbers = _numbers(line)
        if line in acute or (numbers and numbers <= given):
            continue
        combined.append(line)
        given |= numbers
    return combined


def crisis_reply(crisis: Crisis, language: str, text: str,
                 gemeinde_id: str | None = None) -> Reply:
    """Short and calm: who is answering, the help for every kind, the question later."""
    blocks: list[list[str]] = []
    links: tuple[Link, ...] = ()
    for kind in crisis.kinds:
        lines, kind_links = kind_lines(kind, language, text, gemeinde_id)
        blocks.append(lines)
        links += kind_links
    lines = [say("crisis_intro", language), *combine(blocks)]
    if asks_office_question(text, crisis.cues):
        lines.append(say("crisis_question_later", language))
    return Reply("\n".join(lines), links=links)


# Kinds whose help can be had anonymously (the follow-up to a fear of consequences).
ANONYMOUS_KINDS: frozenset[str] = frozenset({"child", "violence", "suicide"})


def anonymity_reply(kinds: Sequence[Kind], language: str) -> Reply:
    """Help without giving one's name, for each kind (combined like a crisis reply): for
    a child at risk, that the Kreisjugendamt accepts anonymous reports, with its contact
    again; for violence, the helplines; for suicidal thoughts, the TelefonSeelsorge."""
    blocks: list[list[str]] = []
    links: tuple[Link, ...] = ()
    for kind in kinds:
        lines = say(f"crisis_anonymous_{kind}", language).splitlines()
        if kind == "child":
            office, links = _child_office(language)
            lines += [*office, say("crisis_child", language)]
        blocks.append(lines)
    return Reply("\n".join(combine(blocks)), links=links)


def crisis_reason(kinds: Iterable[str]) -> str:
    """The turn record's reason for a crisis reply: its kinds, most urgent first."""
    return "+".join(kinds)


def crisis_kinds(record: Mapping[str, Any]) -> tuple[str, ...]:
    """The crisis kinds a stored turn record answered ("child+violence", or a follow-up
    "anonymous:child"), or its safety line's kind; () for none."""
    if record.get("decision") == CRISIS_DECISION and isinstance(record.get("reason"), str):
        return tuple(str(record["reason"]).rsplit(":", 1)[-1].split("+"))
    note = record.get("safety_note")
    return (note,) if isinstance(note, str) and note else ()


def answered_crisis(events: Iterable[Mapping[str, Any]]) -> bool:
    """Was the latest user message already answered as a crisis (e.g. by the form's
    validation, before the form's next action runs)?"""
    return any(record.get("decision") == CRISIS_DECISION
               for record in records_this_turn(events))


def safety_note(kind: str, language: str) -> Reply:
    """One line of help numbers before an ordinary answer (a *possible* crisis)."""
    return Reply(say(f"crisis_hint_{kind}", language))


def noted_this_turn(events: Iterable[Mapping[str, Any]]) -> bool:
    """Did an earlier action of this turn already answer a crisis or add a safety note?"""
    return any(record.get("safety_note") or record.get("decision") == CRISIS_DECISION
               for record in records_this_turn(events))
