"""Is the citizen in danger? A fast, rule-based crisis detector (German and English).

`detect_crisis(text)` returns a `Crisis` (kind: violence, child, suicide, medical) or
None. It runs on every user message before any flow, so it is plain regular
expressions, no model. The rules (`actions.crisis_rules`) describe *meanings*, not
sentences:

- violence: an act or threat of violence (schlagen, würgen, bedrohen, hit, choke …)
  aimed at a person (mich, uns, seine Frau, me, her …), or fear of a partner;
- child: a child word (Kind, Tochter, Nachbarskind, kid …) next to harm or neglect,
  or a parent hitting the writer;
- suicide: a wish to die or to hurt oneself (also said about someone else);
- medical: acute symptoms (atmet nicht, bewusstlos, Brustschmerzen, starke Blutung,
  Schlaganfall-Zeichen, Vergiftung …) or a call for an ambulance.

Negative context keeps ordinary questions out:

- idioms are masked first ("das Formular bringt mich um, weil …", "dying to know",
  "killing it", "zu Tode gelangweilt");
- a cue inside a hypothetical clause about anyone ("wenn jemand nicht atmet", "if a
  child …", "wie erkennt man …") does not count;
- *generic* terms that legal, training, statistics or form questions use too (Suizid,
  häusliche Gewalt, Schlaganfall, Herzinfarkt, Notarzt …) count only without such
  framing or an administrative purpose (Formular, Antrag, Kosten, Gesetz, Kurs …);
- a medical cue with a past time and an administrative purpose (Herzinfarkt letztes
  Jahr → Schwerbehindertenausweis), or about an animal, does not count.

Concrete cues (first-person or observed acts: "er schlägt mich", "ich will nicht mehr
leben", "mein Vater atmet nicht") count even inside an administrative question. Text
and patterns are folded the same way (lower case, ä/ae → a, ß → ss, punctuation →
space), so umlaut spellings and many typos match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from actions.crisis_rules import (
    ADMIN,
    ANIMAL,
    FRAMING,
    HYPOTHETICAL,
    IDIOMS,
    PAST,
    RULES,
    Kind,
    normalise,
)


@dataclass(frozen=True)
class Crisis:
    """A detected crisis: what kind, and the words that showed it (for logs and tests)."""

    kind: Kind
    cue: str


def _sentences(text: str) -> list[str]:
    return [f" {s.strip()} " for s in re.split(r"[.!?;:\n]+", text) if s.strip()]


def _hypothetical(sentence: str, start: int, end: int) -> bool:
    """Is the cue at start:end inside a hypothetical clause ("wenn jemand …")?"""
    clause = sentence[:start].rsplit(" , ", 1)[-1] + sentence[start:end]
    return HYPOTHETICAL.search(clause) is not None


def detect_crisis(text: str | None) -> Crisis | None:
    """The most urgent crisis in `text`, or None (see the module docstring)."""
    if not text or text.lstrip().startswith("/"):
        return None
    normal = normalise(text)
    framed = FRAMING.search(normal) is not None
    admin = ADMIN.search(normal) is not None
    past_admin = admin and PAST.search(normal) is not None
    best: tuple[int, Crisis] | None = None
    for raw in _sentences(normal):
        sentence = IDIOMS.sub(" ", raw)
        animal = ANIMAL.search(sentence) is not None
        for rule in RULES:
            if best is not None and best[0] >= rule.priority:
                continue
            if rule.generic and (framed or admin):
                continue
            if rule.kind == "medical" and (past_admin or animal):
                continue
            for found in rule.pattern.finditer(sentence):
                if not _hypothetical(sentence, found.start(), found.end()):
                    best = (rule.priority, Crisis(rule.kind, found.group(0).strip()))
                    break
    return best[1] if best else None
