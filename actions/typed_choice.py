"""Choices typed by hand: "2", "die zweite", "the first one" while options are pending.

Messenger channels without buttons rely on this; the gate (`actions.gate`) asks
`typed_positions` before anything else when the last reply offered options.
"""

from __future__ import annotations

import re
from dataclasses import replace

from actions import answers
from actions.common import load_procedure
from actions.sdk import Response, Turn
from actions.texts import say
from catalogue.gemeinden import normalize_name
from replies.model import Reply


def _words(text: str) -> list[str]:
    return text.split()


_ORDINALS = {
    **dict.fromkeys(_words("1 eins erste ersten erster erstes first 1st erschte erschtn"), 0),
    **dict.fromkeys(_words("2 zwei zweite zweiten zweiter zweites second 2nd two zwoate "
                           "zwoatn zwoata zwoats zwoade zwote"), 1),
    **dict.fromkeys(_words("3 drei dritte dritten dritter drittes third 3rd three drittn"), 2),
    **dict.fromkeys(_words("4 vier vierte vierten vierter viertes fourth 4th four"), 3),
    **dict.fromkeys(_words("5 fuenf fuenfte fuenften fuenfter fuenftes fifth 5th five"), 4),
    **dict.fromkeys(_words("letzte letzten letzter letztes last"), -1),
}
# Words around an ordinal that do not change the choice ("Ich nehme die zweite bitte").
_CHOICE_FILLER = frozenset(_words("""
ich i nehme nehm nimm nehmen will moechte mog mag haette gern gerne bitte danke die der das
den dem des option optionen nummer nr no number punkt antwort auswahl moeglichkeit
vorschlag knopf button eintrag zeile the one option please take want choose like would
select pick id ok okay ja yes dann also lieber eher genau mal ll d s m guess think suppose
maybe probably glaub glaube wohl vielleicht denk denke schaetze
"""))


# Words that join several choices: "1 und 2, eigentlich beides", "both".
_BOTH = frozenset(_words("und and sowie plus beides beide both all alle eigentlich auch"))
# An ordinal, then a reason: "das vierte, ich will ein Auto überführen" (seventeenth probe:
# the reason was searched and another procedure answered).
_HEAD = re.compile(r"^([^,;:–—(]{1,40})[,;:–—(]")


def typed_positions(text: str, offered_count: int = 0) -> tuple[int, ...]:
    """0-based positions (-1: the last) of a typed choice like "2", "die zweite", "des
    zwoate", "1 und 2 beides" ("beide" with two options offered: both); empty if none.

    Only an ordinal with filler words counts (also before a comma and a reason), so
    "zwei Reisepässe" or a licence plate never choose.
    """
    words = normalize_name(text).split()
    if words == ["one"]:
        return (0,)
    if offered_count == 2 and words and set(words) <= _BOTH | _CHOICE_FILLER \
            and set(words) & {"beide", "beides", "both"}:
        return (0, 1)
    head = _HEAD.match(text)
    for candidate in (words, normalize_name(head.group(1)).split() if head else []):
        positions = tuple(dict.fromkeys(_ORDINALS[w] for w in candidate if w in _ORDINALS))
        rest = [w for w in candidate if w not in _ORDINALS and w not in _CHOICE_FILLER]
        several = len(positions) > 1 and not set(rest) - _BOTH
        if positions and (not rest or several):
            return positions
    return ()


def typed_position(text: str) -> int | None:
    """The one position of a typed choice (see `typed_positions`), else None."""
    positions = typed_positions(text)
    return positions[0] if len(positions) == 1 else None


def offered(turn: Turn, position: int) -> str | None:
    offered = turn.offered_last_turn
    return offered[position] if -len(offered) <= position < len(offered) else None


def pending_choice(turn: Turn) -> Response:
    """The options still waiting for a choice, offered again with a word why."""
    offered = [p for p in map(load_procedure, turn.offered_last_turn) if p is not None]
    if len(offered) < 2:
        return answers.failure(turn, say("choice_unknown", turn.language), decision="clarify",
                               outcome="clarified", reason="choice_unknown")
    again = answers.choices(offered, turn.language)
    first = again.replies[0]
    lead = Reply(say("choose_first", turn.language), choices=first.choices)
    return replace(again, replies=(lead, *again.replies[1:]), reason="choice_pending")


def choose_several(turn: Turn, positions: tuple[int, ...]) -> Response:
    """"1 und 2, beides": the first chosen answered, the others listed as next steps."""
    chosen = [p for p in (load_procedure(offered(turn, i)) for i in positions) if p is not None]
    if not chosen:
        return choose(turn, None)
    return answers.procedure_answer(chosen[0], turn.language, next_steps=tuple(chosen[1:]))


def choose(turn: Turn, procedure_id: str | None) -> Response:
    """Answer the chosen procedure; an id the catalogue does not have asks again."""
    procedure = load_procedure(procedure_id)
    if procedure is None:
        return answers.failure(turn, say("choice_unknown", turn.language), decision="clarify",
                               outcome="clarified", reason="choice_unknown")
    return answers.procedure_answer(procedure, turn.language)
