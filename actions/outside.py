"""Where the case lies: a town outside the district, a higher school, a district road.

"Ich wohne in Töging" or "wir bauen in Wasserburg" with a Landratsamt matter: the note
"Töging liegt nicht im Landkreis Mühldorf a. Inn – zuständig ist das Landratsamt
Altötting" goes before the answer (`outside_note`, used by `answers.with_rathaus`), and the
next message asking who then ("welches Landratsamt ist das dann?", "also geht nicht bei
euch, auch nicht ausnahmsweise?") gets that office again as a clear no
(`who_instead`; seventeenth probe: the Mühldorf office was named right after the note).
A question that names a higher school or a district road (`names_case`) is not asked which
school or road it is.
"""

from __future__ import annotations

import re
from dataclasses import replace

from actions.common import office_outside, residence_outside
from actions.sdk import Response, Turn
from actions.texts import say
from catalogue.gemeinden import normalize_name
from catalogue.models import Procedure
from replies.model import Reply

_WHO_INSTEAD = re.compile(
    r"\b(?:welche[sr]?\s+(?:landratsamt|amt|behoerde|stelle|zulassungsstelle)|wer\s+(?:ist|dann|"
    r"macht)|wohin\s+dann|zustaendig\w*|bei\s+(?:euch|ihnen|dir)|ausnahmsweise|prueft\s+das|"
    r"(?:geht|gehts|ginge)\s+(?:das\s+)?(?:nicht|ned|net)|nicht\s+bei\s+euch|landratsamt\s+"
    r"muehldorf|which\s+(?:office|authority|one)|who\s+(?:is|then)|not\s+(?:with|at)\s+you|"
    r"can(?:not|\s?t)\s+i)\b")


# The case that makes the Landratsamt responsible, named in the question: a higher school
# ("aufs Gymnasium"), a road of the district or above ("Kreisstraße", "B 12").
_CASE = {"school_type": re.compile(r"\b(?:gymnasium|gymi|realschule|fos|bos|fachoberschule|"
                                   r"berufsoberschule|berufsschule|wirtschaftsschule|"
                                   r"foerderschule|grammar school|high school)\b"),
         "road": re.compile(r"\b(?:kreisstrasse|staatsstrasse|bundesstrasse|[bm][ ]?\d{1,3}|"
                            r"st[ ]?\d{4}|mue[ ]?\d{1,2})\b")}


def names_case(depends_on: str, text: str) -> bool:
    """Does `text` name the case in which the Landratsamt is responsible (see `_CASE`)?"""
    pattern = _CASE.get(depends_on)
    return pattern is not None and pattern.search(normalize_name(text)) is not None


def outside_note(place: str, language: str) -> Reply:
    """"Töging liegt nicht im Landkreis … – zuständig ist das Landratsamt Altötting"."""
    office = office_outside(place)
    if office is None:
        return Reply(say("landratsamt_outside", language, place=place))
    return Reply(say("landratsamt_outside_office", language, place=place, office=office))


def with_outside_note(response: Response, procedure: Procedure, place: str,
                      language: str) -> Response:
    """`response` after the note that `place` lies outside the district: for a Landratsamt
    matter the authority there; for a Gemeinde matter that Gemeinde, and no question back
    for a Gemeinde of ours (eighteenth probe: "wohne in Töging" was asked for the town
    twice, then "und online?" was read as one)."""
    if procedure.responsible_level != "gemeinde":
        return replace(response, replies=(outside_note(place, language), *response.replies))
    slots = tuple((k, v) for k, v in response.slots if k != "gemeinde_needed")
    note = Reply(say("gemeinde_outside", language, place=place))
    return replace(response, replies=(*response.replies, note),
                   slots=(*slots, ("gemeinde_needed", False)))


def who_instead(turn: Turn, context: Procedure) -> Response | None:
    """The outside note again when the message before named a town outside the district
    and this one asks who is responsible then; else None."""
    if context.responsible_level != "landratsamt" or not turn.previous_text \
            or _WHO_INSTEAD.search(normalize_name(turn.text)) is None:
        return None
    place = residence_outside(turn.previous_text)
    if place is None or residence_outside(turn.text) is not None:
        return None
    return Response((outside_note(place, turn.language),), decision="elsewhere",
                    outcome="sent_elsewhere", reason="outside_district",
                    procedure_ids=(context.id,), aspect="contact")
