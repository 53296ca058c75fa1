"""The sentence of the answer in context that speaks to a specific follow-up question.

"muss ich zur Polizei?" right after "Wurde ein Kennzeichen gestohlen, zeigen Sie das
zuerst bei der Polizei an.", "do I get new plates?" after "You may keep your number
plate …": the answer was already given, so it is quoted instead of "no exact answer".
Pure text rules: a sentence counts only if it shares a specific word with the question
(not a word of the procedure's title, not a generic verb); the office's contact still
follows the quote (`answers.ask_the_office`), in case the sentence is not the whole
answer.
"""

from __future__ import annotations

import re

from actions.texts import documents_of, facts_of, short_answer_of
from actions.topic import shares_stem, topic_words
from catalogue.gemeinden import normalize_name
from catalogue.models import Procedure

# Sentence ends; not after abbreviations such as "bzw." or "e.g." (`sentences`).
_SENTENCE = re.compile(r"(?<=[.!?;])\s+(?=[A-ZÄÖÜ])")
_ABBREVIATION = re.compile(r"(?:\b(?:bzw|ggf|vgl|ca|Nr|Abs|inkl|zzgl|evtl|etc|usw|sog|"
                           r"z\. B|u\. a|d\. h|e\.g|i\.e|incl|approx|no|Dr|St|Str|Tel|"
                           # "(z." before "B.": the split falls inside "z. B." (probe 15);
                           # "Mühldorf a. Inn", "bis zum 18. Geburtstag" (probe 16).
                           r"[zudsovaib]|\d{1,2})\.)$")
# A single shared word must be at least this long: "valid" (eVB "valid inspection")
# or "kind" are too common to stand for the question alone.
MIN_SPECIFIC_CHARS = 6
MIN_FACT_CHARS = 4
_ACRONYM = re.compile(r"\b\w*[A-ZÄÖÜ]\w*[A-ZÄÖÜ]\w*\b")
_GENERIC_TEXT = """
beantragen beantrage antrag antrags machen mache brauche brauchen bekommen bekomme kriegen
muessen kosten kostet dauert dauern online formular stelle stellen zustaendig melden
apply application need needs get getting make must cost costs take takes form office
bis until
"""
_GENERIC = frozenset(_GENERIC_TEXT.split())


def sentences(text: str) -> list[str]:
    """The sentences of `text`; abbreviations ("z. B.", "bzw.") end none."""
    out: list[str] = []
    for part in _SENTENCE.split(text):
        if out and _ABBREVIATION.search(out[-1]):
            out[-1] = f"{out[-1]} {part}"
        else:
            out.append(part)
    return out


def answering_sentence(question: str, procedure: Procedure, language: str, *,
                       facts_only: bool = False) -> str | None:
    """The first sentence of the procedure's short answer (or of its checked facts, or
    item of its documents) with the most specific words in common with `question`, or
    None when none speaks to it. `facts_only`: only the facts (the first answer already
    shows the short answer)."""
    title = normalize_name(f"{procedure.title} {procedure.title_en or ''}").split()
    # Words of the title are what every sentence is about ("Kennzeichen" in
    # "Ersatzkennzeichen"): they point to no sentence.
    asked = [w for w in topic_words(question) if w not in _GENERIC and not shares_stem(w, title)
             and not any(len(w) >= 5 and w in t for t in title)]
    if not asked:
        return None
    # "eVB", "COC", "TÜV": short, but as specific as a long word.
    acronyms = {normalize_name(w) for w in _ACRONYM.findall(question)}
    best: tuple[tuple[int, int], str] | None = None
    # The answer's sentences, then its documents ("wo bekomme ich die eVB?" → "eVB-Nummer
    # (7-stellig) der Kfz-Versicherung"; eleventh probe).
    texts = facts_of(procedure, language) if facts_only else [
        *sentences(short_answer_of(procedure, language)), *facts_of(procedure, language),
        *documents_of(procedure, language)]
    for sentence in texts:
        words = normalize_name(sentence).split()
        heads = [w for w in asked if _head_of(w, words)]
        shared = [w for w in asked if shares_stem(w, words) or w in heads]
        # A compound that contains the asked word is specific ("Geld" → "Pflegegeld").
        # A fact is specific by nature: one shared word of four letters ("born") will do.
        specific = MIN_FACT_CHARS if facts_only else MIN_SPECIFIC_CHARS
        enough = len(shared) >= 2 or bool(heads) \
            or any(len(w) >= specific or w in acronyms for w in shared)
        # Ties go to the sentence with the asked words as they are ("Wahlbrief", not the
        # "Briefwahl" that shares its stem).
        score = (len(shared), sum(w in words for w in shared))
        if enough and (best is None or score > best[0]):
            best = (score, sentence.strip())
    return best[1] if best else None


MIN_HEAD_CHARS = 4


def _head_of(word: str, words: list[str]) -> bool:
    """Is `word` the last part of a compound in `words` ("gericht" in
    "betreuungsgericht", "muss ich da zum gericht?")? German compounds name their kind
    last."""
    return len(word) >= MIN_HEAD_CHARS and any(
        len(other) > len(word) and other.endswith(word) for other in words)
