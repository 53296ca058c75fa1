"""Is the citizen in danger? A fast, rule-based crisis detector (German and English).

`detect_crisis(text)` returns a `Crisis` (kinds: medical, suicide, child, violence,
homeless) or None. It runs on every user message before any flow, so it is plain regular
expressions, no model (~0.2 ms a message). The rules (`actions.crisis_rules`, built
from the word classes in `actions.crisis_words`) describe *meanings*, not sentences:

- violence: an act or threat of violence (schlagen, würgen, bedrohen, hit, choke …)
  aimed at a person (mich, uns, seine Frau, me, her …), or fear of a partner;
- child: a child word (Kind, Tochter, Nachbarskind, kid …) next to harm or neglect,
  or a parent hitting the writer;
- suicide: a wish to die or to hurt oneself, a plan or its means (Tabletten gesammelt,
  Abschiedsbrief), also said about someone else;
- medical: acute symptoms (atmet nicht, bewusstlos, Brustschmerzen, starke Blutung,
  Schlaganfall-Zeichen, Vergiftung, a fall with injury …) or a call for an ambulance;
- homeless: losing one's home now — evicted, thrown out, nowhere to sleep
  (`actions.crisis_home`).

A message can carry several kinds ("Mein Mann schlägt mich und die Kinder": violence
against the writer *and* children at risk); `Crisis.kinds` lists them, most urgent
first (medical, suicide, child, violence, homeless), and the reply combines their help
(`actions.crisis_reply`). Violence against someone under 18 (the writer's age "ich bin
14", "I'm 13", or "(14)" without a writer's cue) or against a named child is a child
matter; a son or daughter with an adult age is not a child. A parent hitting the writer
makes the writer the child at risk: no separate adult-violence kind then.

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
from typing import get_args

from actions.crisis_danger import DANGER_RULES
from actions.crisis_home import HOME_RULES
from actions.crisis_rules import RULES as KIND_RULES
from actions.crisis_rules import Rule
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
    PAST_EVENT,
    VICTIM,
    Kind,
    normalise,
    rx,
)

RULES: tuple[Rule, ...] = (*KIND_RULES, *DANGER_RULES, *HOME_RULES)
URGENCY: tuple[Kind, ...] = get_args(Kind)   # most urgent first
_FIRST_PERSON = re.compile(r"\b(?:mich|mi|mir|uns|ich|i|wir|me|us|we)\b")
_CHILD_WORD = rx(rf"\b{CHILD}\b")
_AGENT = rx(AGENT)
# The writer's own age ("ich bin 14", "I'm 13", "ich (14)"), as opposed to a child's.
_WRITER_AGE = re.compile(r"\b(?:ich|i)\s+(?:bin\s+|am\s+)?(?:erst\s+|only\s+)?\(?(\d{1,2})\b"
                         r"|\b(?:bin|i'm|im)\s+(?:erst\s+|only\s+)?(\d{1,2})\b")


@dataclass(frozen=True)
class Crisis:
    """A detected crisis: the most urgent kind and the words that showed it (for logs
    and tests); `also`: further kinds the message carries, with their cues, by urgency."""

    kind: Kind
    cue: str
    also: tuple[tuple[Kind, str], ...] = ()

    @property
    def kinds(self) -> tuple[Kind, ...]:
        """Every kind of the message, most urgent first."""
        return (self.kind, *(kind for kind, _ in self.also))

    @property
    def cues(self) -> tuple[str, ...]:
        return (self.cue, *(cue for _, cue in self.also))


def _sentences(text: str) -> list[str]:
    return [f" {s.strip()} " for s in re.split(r"[.!?;:\n]+", text) if s.strip()]


def _hypothetical(sentence: str, start: int, end: int) -> bool:
    """Is the cue at start:end inside a hypothetical clause ("wenn jemand …")?"""
    clause = sentence[:start].rsplit(" , ", 1)[-1] + sentence[start:end]
    return HYPOTHETICAL.search(clause) is not None


def _ages(text: str, pattern: re.Pattern[str] = AGE) -> list[int]:
    return [int(n) for found in pattern.finditer(text) for n in found.groups() if n]


_SHELTER = re.compile(r"fra\w*haus|shelter")


def _refine(kind: Kind, cue: str, text: str, child_found: bool) -> Kind:
    """Violence against a minor (an age under 18, or a child named as the one at risk)
    is a child matter; a "child" with an adult age ("meine Tochter (19)") is violence.
    Violence against the writer ("schlägt mich") stays violence — a second kind beside
    a child at risk ("… und die Kinder") — unless the writer says they are a minor ("ich
    bin 14"); their children's ages do not make the writer a child. `text`: the
    lower-case message; `child_found`: a child rule matched too."""
    if kind == "violence" and _SHELTER.search(cue):
        return kind  # "ein Frauenhaus? ich hab zwei Kinder": a place for her and them
    if kind == "homeless" and any(age < 18 for age in _ages(text, _WRITER_AGE)):
        # "ich bin 17 und meine Eltern schmeißen mich raus": the youth office must take
        # in a minor (SGB VIII § 42), not the Gemeinde's shelter for adults.
        return "child"
    ages = _ages(text)
    writer = _FIRST_PERSON.search(cue) is not None
    minor = any(age < 18 for age in (_ages(text, _WRITER_AGE) if writer else ages))
    adult = any(age >= 18 for age in ages)
    named = child_found or _CHILD_WORD.search(_AGENT.sub(" ", normalise(text))) is not None
    if kind == "violence" and (minor or (not adult and not writer and named)):
        return "child"
    if kind == "child" and adult and not any(age < 18 for age in ages):
        return "violence"
    return kind


def _blank(pattern: re.Pattern[str] | None, text: str) -> str:
    """`text` with the matches of `pattern` blanked out, offsets unchanged."""
    return pattern.sub(lambda found: " " * len(found.group(0)), text) if pattern else text


def _overlap(a: tuple[int, int, int], b: tuple[int, int, int]) -> bool:
    """Do two cues (sentence, start, end) share words?"""
    return a[0] == b[0] and a[1] < b[2] and b[1] < a[2]


def detect_crisis(text: str | None) -> Crisis | None:
    """Every crisis kind in `text`, most urgent first, or None (see the module docstring)."""
    if not text or text.lstrip().startswith("/"):
        return None
    normal = normalise(text)
    framed = FRAMING.search(normal) is not None
    admin = ADMIN.search(normal) is not None
    past_admin = admin and PAST.search(normal) is not None
    # The first cue of each rule that matched: (sentence, start, end) and its words.
    cues: dict[Rule, tuple[tuple[int, int, int], str]] = {}
    for number, raw in enumerate(_sentences(normal)):
        unmasked = _blank(IDIOMS, raw)
        # An animal's emergency is the vet's, unless a person was hurt by it too ("ein
        # Hund hat meine Tochter gebissen, sie blutet stark": fourteenth probe).
        animal = ANIMAL.search(unmasked) is not None and VICTIM.search(unmasked) is None
        for rule in RULES:
            if rule in cues or (rule.generic and (framed or admin)):
                continue
            if rule.kind == "medical" and (past_admin or animal):
                continue
            sentence = _blank(rule.mask, unmasked)
            if rule.kind == "medical" and rule.generic and PAST_EVENT.search(sentence):
                continue  # "ich pflege meinen Mann seit seinem Schlaganfall"
            for found in rule.pattern.finditer(sentence):
                if not _hypothetical(sentence, found.start(), found.end()):
                    cues[rule] = ((number, found.start(), found.end()), found.group(0).strip())
                    break
    child_found = any(rule.kind == "child" for rule in cues)
    kinds: dict[Kind, str] = {}
    for rule, (span, cue) in cues.items():  # the first cue found of a kind is its cue
        if any(rule.kind in other.covers and _overlap(span, where)
               for other, (where, _) in cues.items()):
            continue  # the same words mean a more specific kind
        kinds.setdefault(_refine(rule.kind, cue, text.lower(), child_found), cue)
    if not kinds:
        return None
    (kind, cue), *also = sorted(kinds.items(), key=lambda item: URGENCY.index(item[0]))
    return Crisis(kind, cue, tuple(also))
