"""The detail texts of a procedure — fees, documents, processing time — alone or
together, for "was kostet das?" and for "was kostet des und wie lang dauerts?".

Several details asked in one message are answered in one reply (the sixth blind probe:
"how much does it cost and what do I need to bring?" got the documents only).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from actions.passage import answering_sentence, sentences
from actions.question_kinds import asks_deadline, asks_duration, deadline_sentence
from actions.texts import (
    documents_of,
    facts_of,
    fees_of,
    processing_time_of,
    say,
    short_answer_of,
    title_of,
)
from catalogue.gemeinden import normalize_name
from catalogue.models import Procedure


def _more(procedure: Procedure, language: str) -> str:
    return say("more_info", language, link=procedure.link)


def documents_text(procedure: Procedure, language: str) -> str:
    title = title_of(procedure, language)
    if not procedure.documents:
        return say("documents_unknown", language, title=title, more=_more(procedure, language))
    items = "\n".join(f"• {item}" for item in documents_of(procedure, language))
    return say("documents", language, title=title, items=items)


# "… kostenlos und vertraulich": the answer itself says that it costs nothing.
_FREE = re.compile(r"\b(?:kostenlos\w*|kostenfrei\w*|gebührenfrei|unentgeltlich|free of charge|"
                   r"for free)\b", re.IGNORECASE)


def fees_text(procedure: Procedure, language: str) -> str:
    title = title_of(procedure, language)
    if not procedure.fees:
        # Eighteenth probe: "ist das kostenlos?" after "Schuldnerberatung (kostenlose Hilfe
        # …)" got "keine Angabe"; the sentence that says so answers it.
        free = next((s for s in sentences(short_answer_of(procedure, language))
                     if _FREE.search(s)), None)
        if free is not None:
            return say("deadline", language, title=title, sentence=free)
        return say("fees_unknown", language, title=title, more=_more(procedure, language))
    text = say("fees", language, title=title, fees=fees_of(procedure, language))
    if procedure.processing_time:
        text += "\n" + say("processing_time", language,
                            time=processing_time_of(procedure, language))
    return text


def fact_for(question: str, procedure: Procedure, language: str) -> str | None:
    """The checked fact that answers `question`: the one sharing its words, else for a
    deadline question the first fact that states one ("Bis wann Briefwahl beantragen?")."""
    fact = answering_sentence(question, procedure, language, facts_only=True)
    if fact is None and asks_deadline(question):
        fact = next(filter(None, map(deadline_sentence, facts_of(procedure, language))), None)
    return fact


def duration_text(procedure: Procedure, language: str) -> str:
    title = title_of(procedure, language)
    if procedure.processing_time:
        return say("duration", language, title=title,
                   time=processing_time_of(procedure, language))
    return say("duration_unknown", language, title=title, more=_more(procedure, language))


_FEES = re.compile(r"\b(?:kost\w*|gebuehr\w*|teuer|preis|zahlen|cost\w*|fees?|price|"
                   r"how much|charge\w*|wie ?viel (?:euro|geld)|euro\?|betrag)\b")
_DOCUMENTS = re.compile(r"\b(?:unterlagen|dokument\w*|papiere|mitbringen|mitnehmen|"
                        r"nachweis\w*|documents?|papers|bring)\b")
TEXTS: dict[str, Callable[[Procedure, str], str]] = {
    "fees": fees_text, "documents": documents_text, "processing_time": duration_text}


def asked_details(text: str) -> list[str]:
    """The details `text` asks for, in the order of TEXTS: fees, documents, duration."""
    normal = normalize_name(text)
    asked = []
    if _FEES.search(normal):
        asked.append("fees")
    if _DOCUMENTS.search(normal):
        asked.append("documents")
    if asks_duration(text):
        asked.append("processing_time")
    return asked


def details_text(procedure: Procedure, language: str, aspects: list[str]) -> str:
    """The texts of `aspects`, once each; the fees text already names the duration."""
    wanted = list(dict.fromkeys(a for a in aspects if a in TEXTS))
    if "fees" in wanted and procedure.fees and procedure.processing_time:
        wanted = [a for a in wanted if a != "processing_time"]
    return "\n\n".join(TEXTS[a](procedure, language) for a in wanted)
