"""One line per conversation: when, which channel, how many turns, what came of it.

Folded from the conversation's events in order (`Summary.add`), so the index can keep
summaries up to date from the new events alone. The outcomes come from the turn
records (`conversations/turn_record.py`) and the feedback slot.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from review.events import BotMessage, Event, FeedbackSet, Malformed, RecordSet, UserMessage

OUTCOMES: dict[str, str] = {
    "link": "Link gegeben",
    "elsewhere": "Woandershin verwiesen",
    "clarified": "Rückfrage gestellt",
    "rephrase": "Umformulieren erbeten",
    "handoff": "An Menschen übergeben",
    "negative": "Negatives Feedback",
}
_FROM_RECORD = {"link_given": "link", "sent_elsewhere": "elsewhere",
                "clarified": "clarified", "rephrase": "rephrase", "handoff": "handoff"}
Resolution = Literal["answered", "elsewhere", "unresolved"]
RESOLUTIONS: dict[str, str] = {"answered": "beantwortet (Link)",
                               "elsewhere": "andere Stelle zuständig",
                               "unresolved": "ungelöst"}
# Searchable text kept per conversation (user and bot messages, case-folded).
MAX_SEARCH_TEXT = 8000


@dataclass
class Summary:
    sender_id: str
    started: float = 0.0
    last: float = 0.0
    channel: str = ""
    turns: int = 0
    events: int = 0
    malformed: int = 0
    outcomes: set[str] = field(default_factory=set)
    procedures: list[str] = field(default_factory=list)  # answered, first time order
    feedback: list[tuple[str | None, str]] = field(default_factory=list)  # (procedure, yes|no)
    search_text: str = ""
    last_procedure: str | None = None

    def add(self, event: Event) -> None:
        self.events += 1
        ts = event.timestamp
        if ts:
            self.started = min(self.started, ts) if self.started else ts
            self.last = max(self.last, ts)
        if isinstance(event, UserMessage):
            self.turns += 1
            if event.channel and not self.channel:
                self.channel = event.channel
            self._remember(event.text)
        elif isinstance(event, BotMessage):
            self._remember(event.text)
        elif isinstance(event, RecordSet) and event.record is not None:
            record = event.record
            outcome = _FROM_RECORD.get(record.outcome)
            if outcome:
                self.outcomes.add(outcome)
            if record.decision in ("answer", "elsewhere") and record.procedure_ids:
                self.last_procedure = record.procedure_ids[0]
                if self.last_procedure not in self.procedures:
                    self.procedures.append(self.last_procedure)
        elif isinstance(event, FeedbackSet):
            self.feedback.append((self.last_procedure, event.helpful))
            if event.helpful == "no":
                self.outcomes.add("negative")
        elif isinstance(event, Malformed):
            self.malformed += 1

    def _remember(self, text: str) -> None:
        room = MAX_SEARCH_TEXT - len(self.search_text)
        if text and room > 0:
            self.search_text += "\n" + text.casefold()[:room]

    @property
    def resolution(self) -> Resolution:
        if "link" in self.outcomes:
            return "answered"
        if "elsewhere" in self.outcomes:
            return "elsewhere"
        return "unresolved"

    @property
    def channel_name(self) -> str:
        return self.channel or "unbekannt"
