"""What a message is about: its topic words and the procedure they point to.

"Was kostet ein Reisepass?" names a topic: whatever is left after removing the
question words is searched, and only a confident hit switches the context (a
vague remainder falls back to the procedure already in the conversation).
Shared by the follow-up, consultation and small-talk flows.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from actions.common import load_procedure, search
from actions.sdk import Turn
from catalogue.gemeinden import normalize_name
from catalogue.models import Procedure
from conversations.turn_record import Candidate


def _words(text: str) -> list[str]:
    return text.split()


# Words of the follow-up questions themselves (umlauts folded, see normalize_name).
# What remains after removing them is a topic worth searching.
QUESTION_WORDS = frozenset(_words("""
was wie wo wann wer welche welcher welches welchen wieviel viel kostet kosten kostn koste
teuer tuer gebuehr gebuehren zahlen bezahlen zahln zahle karte bar kostenlos umsonst gratis
hoch sind ist is das des es da dafuer dazu damit davon der die den dem ein eine einen einer
eines a fuer mit zum zur bei beim im in an am auf aus muss musst muessen ich i mir mich man
ma wir sie ihr euch ihnen habt hat haben hab ham offen offn geoeffnet oeffnungszeiten
zeiten finde finden hin gehen geht gehts auch noch mal bitte denn eigentlich dann so oder
und unterlagen unterlagn dokumente papiere nachweise vorlegen mitbringen mitnehmen mitnehma
brauche brauch braucht brauchen benoetige benoetigt benoetigen noetig reicht mehr
online onlien internet digital machen erledigen antrag antrags formular herunterladen
zuhause hause zu von persoenlich vorbeikommen kommen kann koennen gibt sprechstunde video
videotermin termin beratung buchen vereinbaren ausmachen adresse telefonnummer telefon
nummer email mail erreichen zustaendig zustaendige stelle amt ansprechpartner wende wenden
jemandem sprechen per gern gerne haette moechte einen bayernid konto ausweis online
ausweis passbild foto lichtbild montag dienstag mittwoch donnerstag freitag samstag
sonntag heute morgen ned nicht kein keine
what how where when who which much does do is it cost costs fee fees free the an for to
of me my we you your need bring documents papers required can could apply form there
person come have has open opening hours phone number email address contact responsible
consultation appointment video book please this that with on at are be get pay card
would like there any in i
"""))
MIN_TOPIC_CHARS = 3


def topic_words(text: str) -> list[str]:
    """Words of `text` that are not part of the question itself."""
    words = normalize_name(text).split()
    return [w for w in words if w not in QUESTION_WORDS and len(w) >= MIN_TOPIC_CHARS
            and not w.isdigit()]


@dataclass(frozen=True)
class Topic:
    """What a follow-up question is about: one procedure, choices, or nothing yet."""

    procedure: Procedure | None = None
    choices: list[Procedure] = field(default_factory=list)
    # What the search returned for the question (empty when none ran).
    candidates: tuple[Candidate, ...] = ()


def resolve_topic(turn: Turn) -> Topic:
    """A confidently searched new topic, else the procedure already in context."""
    context = load_procedure(turn.procedure_id)
    candidates: tuple[Candidate, ...] = ()
    if topic_words(turn.text):
        outcome = search(turn.text)
        candidates = outcome.candidates
        if outcome.decision == "answer" and outcome.procedures:
            return Topic(outcome.procedures[0], candidates=candidates)
        if outcome.decision == "choose" and len(outcome.procedures) > 1 and context is None:
            return Topic(choices=outcome.procedures, candidates=candidates)
    if context is None:
        # "Was kostet das?" right after the choice buttons: offer them again.
        offered = [p for p in map(load_procedure, turn.offered_last_turn) if p is not None]
        if offered:
            return Topic(choices=offered, candidates=candidates)
    return Topic(context, candidates=candidates)
