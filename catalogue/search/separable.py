"""Split German separable verbs joined again: "Wie melde ich mein Auto ab?" → "abmelden".

In a main clause German moves the particle of a separable verb to the end ("ich melde
mein Auto ab", "wann holt ihr den Sperrmüll ab?"), while the catalogue and the
citizen's intent use the joined verb ("abmelden", "abholen"). Left split, the verb that
carries the meaning is just "melden" and "ab" a stop word: every signal sees "Auto
melden" and cannot tell deregistration from registration.

The rule is syntax, not a sentence list. A clause (ended by . ? ! , ; "und", "oder",
"weil" …) must *end* in a verb particle, and its finite verb must stand where a finite
verb stands in a main clause: before a subject pronoun ("Wann holt ihr", "Nächsten
Monat ziehe ich"), first (yes/no question, imperative: "Stellt das Landratsamt …"),
second ("Ich melde …") or after the first noun ("Das Landratsamt stellt …"). Its person
ending is stripped to the stem (a small table covers strong verbs: gibt → geben, zog →
ziehen), and particle + infinitive is kept only if the catalogue uses that word, so
rules cannot invent meaning. Clauses whose finite verb is a copula or modal ("ich bin ab
Montag da", "das Auto muss weg") have no separable verb; a particle that is really a
preposition ("mit dem Auto", "ab 30 Euro") does not end its clause.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from catalogue.folding import fold


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Folded particles of separable verbs (the ones that end a clause as a verb part).
PARTICLES: frozenset[str] = _word_set("""
    ab an auf aus bei ein fest her hin los mit nach um vor weg zu zurueck zusammen
    weiter dazu dabei vorbei hinzu heraus herein hinaus herunter hoch
    runter rein raus fort frei statt teil wieder entgegen nieder vorueber kennen
    """)
_LONGEST = max(map(len, PARTICLES)) + 1

# Words that close a clause before the next one starts: coordinators (the particle
# of "ab oder an" ends its clause) and subordinators typed without the comma. Not
# "denn": in questions it is a modal particle ("Wie melde ich denn … ab?").
CLAUSE_WORDS: frozenset[str] = _word_set("""
    und oder aber sondern bzw weil dass wenn ob obwohl nachdem bevor sobald falls
    """)

# Finite verbs that are never separable: copula, auxiliary "werden", modal verbs. In a
# clause led by one of them a final "ab"/"um"/"weg" is an adverb or a predicate ("ich
# bin ab Montag da", "die Frist ist um", "das Auto muss weg"): no joined verb there.
NON_SEPARABLE: frozenset[str] = _word_set("""
    bin bist ist is sind seid sei seien war warst waren wart waere waeren
    werde wirst wird werden werdet wurde wurden wuerde wuerden
    muss musst muessen muesst musste mussten muesste muessten
    kann kannst koennen koennt konnte konnten koennte koennten
    darf darfst duerfen duerft durfte durften duerfte
    soll sollst sollen sollt sollte sollten will willst wollen wollt wollte wollten
    mag magst moegen moegt moechte moechtest moechten moechtet
    """)

# Function words that stand where a verb could, but never are one.
FUNCTION_WORDS: frozenset[str] = _word_set("""
    ich du er sie es wir ihr man mich dich sich uns euch mir dir ihm ihn ihnen sein
    mein meine meinen meinem meiner meines dein deine deinen unser unsere euer eure
    der die das den dem des ein eine einen einem einer eines kein keine keinen
    wie wo wann was warum wer wen wem wessen wieso weshalb woher wohin womit wozu
    welche welcher welches welchen nicht noch auch schon bitte dann jetzt hier da
    """)

# Subject pronouns: the word right before one is the finite verb of an inverted clause
# ("Nächsten Monat ziehe ich um", "Wann holt ihr … ab").
SUBJECTS: frozenset[str] = _word_set("ich du er sie es wir ihr man")

# Strong and irregular verbs whose finite forms do not reduce to the infinitive's stem:
# infinitive → stems (folded) of those forms after the person ending is stripped
# ("gibt" → "gib", "gaben" → "gab"); past stems, because citizens tell stories.
_STRONG: dict[str, str] = {
    "geben": "gib gab", "nehmen": "nimm nahm", "halten": "haelt hielt",
    "laufen": "laeuf lief", "fahren": "faehr fuhr", "tragen": "traeg trug",
    "lassen": "laess liess", "ziehen": "zog", "gelten": "gil gilt galt",
    "raten": "rae raet riet", "tun": "tu tat", "haben": "ha hab hatt",
    "kommen": "kam", "gehen": "ging", "rufen": "rief", "schreiben": "schrieb",
    "stehen": "stand", "sehen": "sieh sah", "bringen": "bracht",
    "fallen": "faell fiel", "laden": "laed lud", "treten": "tritt trit trat",
    "werfen": "wirf warf", "heben": "hob", "schliessen": "schloss", "weisen": "wies",
    "bieten": "bot", "finden": "fand", "lesen": "lies las", "sprechen": "sprich sprach",
    "helfen": "hilf half", "schlagen": "schlaeg schlug", "brechen": "brich brach",
    "treffen": "triff traf", "stossen": "stoess stiess", "liegen": "lag",
    "denken": "dacht", "fangen": "faeng fing", "steigen": "stieg", "reissen": "riss",
}
STRONG_STEMS: Mapping[str, str] = {
    stem: infinitive for infinitive, stems in _STRONG.items() for stem in stems.split()}

# Person and tense endings, longest first (weak past "-ete", "-te" included).
ENDINGS = ("etest", "eten", "etet", "test", "ete", "est", "ten", "tet", "te", "st",
           "et", "en", "e", "t", "n", "")
# Present 2nd/3rd person singular of strong verbs take an umlaut ("fährt", "läuft").
_UMLAUT = (("aeu", "au"), ("ae", "a"), ("oe", "o"))

_TOKEN = re.compile(r"[^\W_]+|[.!?;:,()\[\]\"„“”«»]|\s[-–—]\s")
_SENTENCE_END = frozenset(".!?")
_WORD_CHARS = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class _Word:
    folded: str
    capitalised: bool


def infinitives(form: str) -> Iterator[str]:
    """Possible infinitives (folded, without particle) of a folded finite verb form."""
    if form in FUNCTION_WORDS or form in NON_SEPARABLE or not form.isalpha():
        return
    seen: set[str] = set()
    for ending in ENDINGS:
        if not form.endswith(ending) or len(form) - len(ending) < 2:
            continue
        stem = form[:len(form) - len(ending)]
        if stem in STRONG_STEMS:
            candidates = [STRONG_STEMS[stem]]
        else:
            candidates = [stem + "en"]
            if stem.endswith(("el", "er")):               # ändere → ändern
                candidates.append(stem + "n")
            elif re.search(r"[^aeiou][lr]$", stem):       # wechsle → wechseln
                candidates.append(f"{stem[:-1]}e{stem[-1]}n")
            if ending in ("t", "st", "est"):
                for umlaut, vowel in _UMLAUT:
                    if umlaut in stem:
                        head, _, tail = stem.rpartition(umlaut)
                        candidates.append(head + vowel + tail + "en")
                        break
        for candidate in candidates:
            if candidate not in seen:
                seen.add(candidate)
                yield candidate


def _clauses(text: str) -> Iterator[tuple[list[_Word], bool, bool]]:
    """Clauses as word lists, each with whether it was opened by "und"/"oder"/… (may
    share the previous clause's verb) and whether it ends a sentence."""
    words: list[_Word] = []
    coordinated = False
    for match in _TOKEN.finditer(text):
        token = match.group(0)
        folded = fold(token)
        if token.strip() and not token.strip()[0].isalnum():
            yield words, coordinated, token in _SENTENCE_END
            words, coordinated = [], False
        elif folded in CLAUSE_WORDS:
            yield words, coordinated, False
            words, coordinated = [], folded in ("und", "oder", "bzw", "aber", "sondern")
        else:
            # Title case marks a noun; an all-caps message says nothing about nouns.
            words.append(_Word(folded, token[:1].isupper() and token[1:].islower()))
    yield words, coordinated, True


def _verb_positions(words: list[_Word]) -> Iterator[int]:
    """Where the finite verb of a main clause can stand, most likely first."""
    last = len(words) - 1                       # the particle itself
    positions = [i for i in range(last) if words[i + 1].folded in SUBJECTS]
    positions += [0, 1]
    nouns = [i for i in range(1, last) if words[i].capitalised]
    if nouns:
        positions.append(nouns[0] + 1)
    seen: set[int] = set()
    for i in positions:
        if i < last and i not in seen:
            seen.add(i)
            # A capitalised word after the first is a noun, not a verb.
            if i == 0 or not words[i].capitalised:
                yield i


class SeparableVerbs:
    """Finds split separable verbs whose joined form the catalogue uses."""

    def __init__(self, verbs: Mapping[str, str]) -> None:
        """`verbs`: folded joined verb → spelling to add (the catalogue's, lower case)."""
        self.verbs = dict(verbs)

    @classmethod
    def from_texts(cls, texts: Iterable[str]) -> SeparableVerbs:
        """Every catalogue word that starts with a particle: the verbs we may add."""
        words: dict[str, None] = {}             # ordered set: first spelling wins
        for text in texts:
            words.update(dict.fromkeys(w.lower() for w in _WORD_CHARS.findall(text)))
        verbs: dict[str, str] = {}
        for lower in words:
            folded = fold(lower)
            if folded not in verbs and any(folded[:n] in PARTICLES
                                           for n in range(2, min(_LONGEST, len(folded) - 2))):
                verbs[folded] = lower
        return cls(verbs)

    def _known(self, particle: str, infinitive: str) -> str | None:
        return self.verbs.get(particle + infinitive)

    def find(self, text: str) -> list[str]:
        """Joined verbs (catalogue spelling) for the split ones in `text`, each once."""
        found: list[str] = []
        previous: list[str] = []                # infinitives of the last clause's verb
        for words, coordinated, sentence_end in _clauses(text):
            verb = self._clause_verb(words, previous if coordinated else [])
            if verb is not None:
                joined, previous = verb
                if joined not in found:
                    found.append(joined)
            elif not coordinated:
                previous = self._finite_infinitives(words)
            if sentence_end:
                previous = []
        return found

    def __call__(self, text: str) -> str:
        """`text` with the joined verbs it does not already contain appended."""
        present = {fold(w) for w in _WORD_CHARS.findall(text)}
        new = [verb for verb in self.find(text) if fold(verb) not in present]
        return " ".join([text, *new]) if new else text

    def _clause_verb(self, words: list[_Word],
                     shared: list[str]) -> tuple[str, list[str]] | None:
        """(joined verb, infinitives of its verb) if the clause ends in a particle."""
        if not words or words[-1].folded not in PARTICLES or words[-1].capitalised \
                or any(word.folded in NON_SEPARABLE for word in words):
            return None                         # "Hin und Her", "ich bin ab Montag da"
        particle = words[-1].folded
        for i in _verb_positions(words):
            options = list(infinitives(words[i].folded))
            for infinitive in options:
                joined = self._known(particle, infinitive)
                if joined is not None:
                    return joined, options
        # Gapping: "Melde ich mein Auto ab oder an?" — a coordinated clause without a
        # verb of its own shares the previous one's.
        if any(next(infinitives(words[i].folded), None) for i in _verb_positions(words)):
            return None
        for infinitive in shared:
            joined = self._known(particle, infinitive)
            if joined is not None:
                return joined, shared
        return None

    def _finite_infinitives(self, words: list[_Word]) -> list[str]:
        """The verb a following "und/oder" clause may share: the first verb position's
        infinitives (only used when a particle joins them to a catalogue verb)."""
        if any(word.folded in NON_SEPARABLE for word in words):
            return []
        for i in _verb_positions([*words, _Word("", False)]):
            options = list(infinitives(words[i].folded))
            if options:
                return options
        return []
