"""Is the citizen in danger? A fast, rule-based crisis detector (German and English).

`detect_crisis(text)` returns a `Crisis` (kind: violence, child, suicide, medical) or
None. It runs on every user message before any flow, so it is plain regular
expressions, no model (~0.2 ms a message). The rules (`actions.crisis_rules`, built
from the word classes in `actions.crisis_words`) describe *meanings*, not sentences:

- violence: an act or threat of violence (schlagen, würgen, bedrohen, hit, choke …)
  aimed at a person (mich, uns, seine Frau, me, her …), or fear of a partner;
- child: a child word (Kind, Tochter, Nachbarskind, kid …) next to harm or neglect,
  or a parent hitting the writer;
- suicide: a wish to die or to hurt oneself, a plan or its means (Tabletten gesammelt,
  Abschiedsbrief), also said about someone else;
- medical: acute symptoms (atmet nicht, bewusstlos, Brustschmerzen, starke Blutung,
  Schlaganfall-Zeichen, Vergiftung, a fall with injury …) or a call for an ambulance.

When several kinds match, the most urgent wins (medical, suicide, child, violence).
Violence against someone under 18 ("(14)", "I'm 13") or against a named child is a
child matter; a son or daughter with an adult age is not a child.

Negative context keeps ordinary questions out:

- idioms are masked first ("das Formular bringt mich um, weil …", "dying to know",
  "killing it", "zu Tode gelangweilt", "von Abschiebung bedroht"); a child word as the
  agent ("von seinem Sohn geschlagen") is masked for the child rules;
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

from actions.crisis_rules import RULES
from actions.crisis_words import (
    ADMIN,
    AGE,
    AGENT,
    ANIMAL,
    CHILD,
    FRAMING,
    HYPOTHETICAL,
    IDIOMS,
    PAST,
    Kind,
    normalise,
    rx,
)

_FIRST_PERSON = re.compile(r"\b(?:mich|mi|mir|uns|ich|i|wir|me|us|we)\b")
_CHILD_WORD = rx(rf"\b{CHILD}\b")
_AGENT = rx(AGENT)


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


def _ages(text: str) -> list[int]:
    return [int(n) for found in AGE.finditer(text) for n in found.groups() if n]


def _refine(crisis: Crisis, text: str) -> Crisis:
    """Violence against a minor (an age under 18, or a child named as the one at risk)
    is a child matter; a "child" with an adult age ("meine Tochter (19)") is violence.
    `text`: the lower-case message (ages are written "(14)")."""
    ages = _ages(text)
    normal = normalise(text)
    minor, adult = any(age < 18 for age in ages), any(age >= 18 for age in ages)
    if crisis.kind == "violence" and (minor or (
            not adult and _FIRST_PERSON.search(crisis.cue) is None
            and _CHILD_WORD.search(_AGENT.sub(" ", normal)) is not None)):
        return Crisis("child", crisis.cue)
    if crisis.kind == "child" and adult and not minor:
        return Crisis("violence", crisis.cue)
    return crisis


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
        unmasked = IDIOMS.sub(" ", raw)
        animal = ANIMAL.search(unmasked) is not None
        for rule in RULES:
            if best is not None and best[0] >= rule.priority:
                continue
            if rule.generic and (framed or admin):
                continue
            if rule.kind == "medical" and (past_admin or animal):
                continue
            sentence = rule.mask.sub(" ", unmasked) if rule.mask else unmasked
            for found in rule.pattern.finditer(sentence):
                if not _hypothetical(sentence, found.start(), found.end()):
                    best = (rule.priority, Crisis(rule.kind, found.group(0).strip()))
                    break
    return _refine(best[1], text.lower()) if best else None
