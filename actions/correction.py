"""A correction: "nein, ich meinte das Kindergeld, nicht Elterngeld", "no, it's NEW, not
used", "Hausschlachtung? Nein. Wir brauchen Hilfe im Alltag", "keins davon".

The citizen rejects the answer in context or the options just offered. Searching the
message as it stands finds the rejected procedure again (its name is in the message),
so the rejected ones are left out of the search, the negated words ("nicht Elterngeld",
"den Führerschein hab ich noch") are dropped, and — when the rest alone is not clear —
it is searched together with the message before. A bare rejection ("passt nix davon")
is an apology and a request to say it differently (a failed message: the second one in a
row hands off). `correction_reply` returns None when the message is no correction.
"""

from __future__ import annotations

import re
from dataclasses import replace

from actions import answers
from actions.common import SearchOutcome, load_procedure, search
from actions.question_kinds import asks_offline
from actions.sdk import Response, Turn
from actions.texts import say
from actions.topic import content_words, names_procedure, names_title, topic_words
from actions.typed_choice import choose
from catalogue.gemeinden import normalize_name
from replies.model import Reply

# The message starts by saying no, or says what was meant instead.
_SAYS_NO = re.compile(r"^\W*(?:nein|nee|noe|no|nope|falsch|wrong)\b(?!\s+(?:problem|worries|"
                      r"danke|thanks))|\?\s*(?:nein|no|nope)\b|[,.]\s*(?:nicht|not)\s+[\w-]+\W*$")
_MEANT = re.compile(r"\b(?:ich meinte|ich meine|meinte ich|i meant|i mean|sondern|"
                    r"rather|instead)\b")
# Rejecting the options themselves.
_NONE = re.compile(r"\b(?:nichts|nix|nothing|keins|keines|none)\s+(?:davon|of (?:these|those|"
                   r"them|that|it))\b|\b(?:keins|keines|none|neither)\b|\bpasst\s+(?:nix|nichts|ned|net)\b|"
                   r"\b(?:das|des) (?:passt|stimmt) (?:nicht|ned|net)\b", re.IGNORECASE)
# What the message negates or says the citizen still has: dropped from the search.
_NEGATED = re.compile(r"\b(?:nicht|not|kein\w*|no)\s+(?:(?:den|die|das|der|dem|des|the|a|an|"
                      r"my|mein\w*|um|about|for|für)\s+)?[\w-]+"
                      r"|\b[\w-]+\s*\?\s*(?:nein|no|nope)\b"
                      r"|\b(?:den|die|das|meinen|meine|mein)?\s*[\w-]+\s+(?:hab|habe|have)\s+"
                      r"(?:ich|i)\s+(?:noch|doch|still)\b|\bi still have (?:my |the )?[\w-]+",
                      re.IGNORECASE)
_CORRECTION_WORDS = re.compile(r"\b(?:nein|nee|noe|nope|sorry|falsch|wrong|doch|ich meinte|"
                               r"ich meine|meinte ich|i meant|i mean|sondern|rather|instead|"
                               r"davon|passt)\b", re.IGNORECASE)


# "und wenn ich gar nicht gefahren bin, sondern mein Bruder?": a case put, not a
# correction (twelfth probe: "dann habe ich Sie falsch verstanden").
_SUPPOSING = re.compile(r"\b(?:wenn|falls|what if|if)\b")


def is_correction(text: str) -> bool:
    """Does `text` reject what the bot said or offered?"""
    lower = text.lower()
    meant = _MEANT.search(normalize_name(text))
    if meant is not None and _SUPPOSING.search(normalize_name(text), 0, meant.start()):
        meant = None
    return bool(_SAYS_NO.search(lower) or meant or _NONE.search(lower))


def corrected_text(text: str) -> str:
    """The message without what it negates and without the correction words."""
    kept = _NEGATED.sub(" ", text)
    kept = _NONE.sub(" ", kept)
    return " ".join(_CORRECTION_WORDS.sub(" ", kept).split())


def correction_reply(turn: Turn) -> Response | None:
    """The reply to a correction of the answer in context or of the options offered, or
    None when `turn` is no correction (or there is nothing to correct)."""
    if not (turn.offered_last_turn or turn.procedure_id) or not is_correction(turn.text) \
            or (turn.procedure_id and asks_offline(turn.text)):
        return None  # "Nein, ich habe KEINEN Computer": the way on paper (context_shortcut)
    rest = corrected_text(turn.text)
    words = topic_words(rest)
    offered = [p for p in map(load_procedure, turn.offered_last_turn) if p is not None]
    context = load_procedure(turn.procedure_id)
    if context is not None and names_title(words, context):
        return None  # "no. family reunification." after that answer: it stands
    # "keins davon": every option offered, whatever words the rest shares with them
    # (fifteenth probe: "keins davon. Tische auf dem Gehweg, Sondernutzungserlaubnis"
    # answered the rejected heritage "Erlaubnis", "keins davon … beim Gesundheitsamt"
    # chose the rejected "Gesundheitszeugnis").
    none_of_them = _NONE.search(turn.text) is not None
    titled = [p.id for p in offered if names_title(words, p)] if not none_of_them else []
    meant = titled[0] if len(titled) == 1 else None
    if meant is not None:
        # "nein, ich meinte die Abmeldung": that option — named in the corrected text, so
        # "Hausschlachtung? Nein. …" does not choose the option it rejects.
        return choose(turn, meant)
    # Rejected: the answer in context, and the options the rest does not name again
    # ("FAHRZEUGSCHEIN. nicht führerschein." under a menu that offered the papers).
    rejected = frozenset({*(p.id for p in offered
                            if none_of_them or not names_procedure(words, p)),
                          *([turn.procedure_id] if turn.procedure_id else [])})
    if not content_words(rest):
        # A bare "nein" answers "War das hilfreich?" (the feedback flow); "keins davon"
        # under pending options rejects them.
        return _say_it_differently(turn) if turn.offered_last_turn and _NONE.search(
            turn.text) else None
    outcome = search(rest, exclude=rejected)
    if outcome.decision != "answer" and turn.previous_text:
        joint = search(f"{corrected_text(turn.previous_text)} {rest}", exclude=rejected)
        if joint.decision == "answer" or not _usable(outcome):
            outcome = joint
    if outcome.decision == "answer" and outcome.procedures:
        primary = outcome.procedures[0]
        response = answers.procedure_answer(primary, turn.language, outcome.candidates)
        response = answers.with_rathaus(response, primary, turn.text, turn.language)
        return replace(response, reason="correction")
    if _usable(outcome):
        return replace(answers.choices(outcome.procedures, turn.language, outcome.candidates),
                       reason="correction")
    return _say_it_differently(turn)


def _usable(outcome: SearchOutcome) -> bool:
    return outcome.decision == "choose" and len(outcome.procedures) > 1


def _say_it_differently(turn: Turn) -> Response:
    """Nothing else found: an apology, a request to say it differently, and who can
    help in person."""
    return Response((Reply(say("correction_sorry", turn.language)),
                     answers.buergerservice(turn.language)),
                    (("gemeinde_needed", False),), decision="rephrase", outcome="rephrase",
                    reason="correction")
