"""The one boundary with rasa_sdk (untyped): a typed view in, a typed response out.

`read_turn` turns a `rasa_sdk.Tracker` into a frozen `Turn`; flows subclass
`FlowAction` and implement `handle(turn) -> Response` without touching rasa_sdk.
`FlowAction.run` renders the replies for the citizen's channel
(`replies.render`), turns slot changes into `SlotSet` events and appends the
turn record (`conversations.turn_record`) as the slot `turn_record`.
`FormValidation` does the same for form slot validation (no turn record: the
form's next action writes it).
"""

from __future__ import annotations

import re
from abc import ABCMeta, abstractmethod
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import load_procedure, resolve_language
from actions.crisis import detect_crisis
from actions.crisis_followup import follow_up
from actions.crisis_reply import (
    CHILD_PROTECTION_ID,
    answered_crisis,
    crisis_reason,
    crisis_reply,
    noted_this_turn,
    safety_note,
)
from actions.crisis_semantic import possible_crisis
from conversations.turn_record import (
    SLOT,
    Aspect,
    Candidate,
    Decision,
    Outcome,
    TurnRecord,
    records_of_turn,
    records_this_turn,
)
from replies import payloads
from replies.channels import profile_for
from replies.model import Reply
from replies.notices import PRIVACY_URL_KEY, with_disclosure
from replies.render import render

# rasa_sdk's dispatcher and tracker, for the one signature rasa_sdk dictates outside this
# module (form validation methods `validate_<slot>`); flows never use their methods.
Dispatcher = CollectingDispatcher
SdkTracker = Tracker

SlotValue = str | float | bool | None
SlotChanges = tuple[tuple[str, SlotValue], ...]
TURN_RECORD_SLOT = SLOT


@dataclass(frozen=True)
class Entity:
    name: str
    value: str


@dataclass(frozen=True)
class Turn:
    """What the flows may know about the conversation at this user message.

    `language` is already resolved for this message; `language_slot` is the stored
    one (the base class sets the slot when they differ). `offered_choices`: procedure
    ids of the latest bot message that offered any; `offered_last_turn`: the same,
    but only from the bot's reply to the previous user message (a pending choice).
    `payload`: (intent, entities) when the text is a well-formed `/intent{json}`
    payload (a button, or typed by hand), else None. `first_reply`: no other action
    has answered this user message yet (False e.g. for the Rathaus after the form).
    `first_contact`: the bot has said nothing in this conversation yet (a messenger's
    first reply then carries the disclosure, `replies.notices`); `privacy_url`: where
    the channel's connector says the privacy notice is (user message metadata).
    `previous_text`: the user message before this one ("" if none or a payload).
    """

    text: str
    intent: str
    intent_confidence: float
    entities: tuple[Entity, ...]
    channel: str
    language: str
    language_slot: str | None
    procedure_id: str | None
    gemeinde: str | None
    gemeinde_attempts: float
    search_failures: float
    offered_choices: tuple[str, ...]
    offered_last_turn: tuple[str, ...]
    asked_for_feedback: bool
    payload: tuple[str, tuple[tuple[str, str], ...]] | None = None
    first_reply: bool = True
    # No flow but a form has answered this user message yet: False when a form opens
    # on a message another action has just answered.
    unanswered: bool = True
    first_contact: bool = False
    privacy_url: str | None = None
    # The citizen's message before this one (as stored, i.e. redacted), for replies
    # to a question back ("es geht um mein Auto" → "ich hab es verkauft").
    previous_text: str = ""
    # The procedures whose whole answer the reply to the previous message showed.
    answered_last_turn: tuple[str, ...] = ()

    @property
    def payload_like(self) -> bool:
        """The text starts like a payload ("/start", "/choose_option{…"), well-formed or not."""
        return _PAYLOAD_LIKE.match(self.text) is not None

    def entity(self, name: str) -> str | None:
        """First value of entity `name` in the latest user message (NLU or button payload)."""
        return next((e.value for e in self.entities if e.name == name), None)


_PAYLOAD_LIKE = re.compile(r"\s*/\w")
# Events that do not answer a user message (Rasa's bookkeeping around the user event).
_NOT_REPLIES = frozenset({"action_listen", "action_session_start"})


def _first_reply(events: list[Mapping[str, Any]], *, forms_too: bool = False) -> bool:
    """No action (but listening) has run since the latest user message; with
    `forms_too`, a form's own execution (Rasa inserts it before the form's validation)
    does not count either."""
    for event in reversed(events):
        if event.get("event") == "user":
            return True
        name = str(event.get("name") or "")
        if event.get("event") == "action" and name not in _NOT_REPLIES \
                and not (forms_too and name.endswith("_form")):
            return False
    return True


def _payload(text: str) -> tuple[str, tuple[tuple[str, str], ...]] | None:
    parsed = payloads.parse(text.strip())
    if parsed is None or not re.fullmatch(r"\w+", parsed[0]):
        return None
    return parsed[0], tuple(parsed[1].items())


def _text_slot(tracker: Tracker, name: str) -> str | None:
    value = tracker.get_slot(name)
    return None if value in (None, "") else str(value)


def _float_slot(tracker: Tracker, name: str) -> float:
    value = tracker.get_slot(name)
    return float(value) if isinstance(value, int | float) else 0.0


def read_turn(tracker: Tracker) -> Turn:
    """The typed, frozen view of `tracker` that every flow works with."""
    message: Mapping[str, Any] = tracker.latest_message or {}
    intent = message.get("intent") or {}
    text = str(message.get("text") or "")
    entities = tuple(Entity(str(e["entity"]), str(e["value"]))
                     for e in message.get("entities") or []
                     if e.get("entity") and e.get("value") not in (None, ""))
    events: list[Mapping[str, Any]] = list(tracker.events or [])
    language_slot = _text_slot(tracker, "language")
    return Turn(
        text=text, intent=str(intent.get("name") or ""),
        intent_confidence=float(intent.get("confidence") or 0.0), entities=entities,
        channel=str(tracker.get_latest_input_channel() or ""),
        language=resolve_language(text, language_slot), language_slot=language_slot,
        procedure_id=_text_slot(tracker, "procedure_id"),
        gemeinde=_text_slot(tracker, "gemeinde"),
        gemeinde_attempts=_float_slot(tracker, "gemeinde_attempts"),
        search_failures=_float_slot(tracker, "search_failures"),
        offered_choices=tuple(payloads.offered_choices(events)),
        offered_last_turn=tuple(payloads.offered_choices(events, last_turn_only=True)),
        asked_for_feedback=payloads.asked_for_feedback(events),
        payload=_payload(text), first_reply=_first_reply(events),
        unanswered=_first_reply(events, forms_too=True),
        first_contact=not any(event.get("event") == "bot" for event in events),
        privacy_url=_privacy_url(message), previous_text=_previous_text(events),
        answered_last_turn=_answered_last_turn(events),
    )


def _answered_last_turn(events: list[Mapping[str, Any]]) -> tuple[str, ...]:
    """The procedures the previous reply answered in full (not one aspect or sentence)."""
    return tuple(str(pid) for record in records_of_turn(events, 1)
                 if record.get("decision") in ("answer", "elsewhere")
                 and not record.get("aspect") and record.get("reason") not in _PARTIAL
                 for pid in (record.get("procedure_ids") or ())[:1])


# Replies that show one sentence or aspect of a procedure, not its whole answer.
_PARTIAL = frozenset({"passage", "ask_the_office", "deadline", "status", "language",
                      "same_office", "complaint"})


def _previous_text(events: list[Mapping[str, Any]]) -> str:
    """The text of the user message before the latest one; "" for none or a payload."""
    users = [event for event in events if event.get("event") == "user"]
    text = str(users[-2].get("text") or "") if len(users) >= 2 else ""
    return "" if _PAYLOAD_LIKE.match(text) else text


def _privacy_url(message: Mapping[str, Any]) -> str | None:
    metadata = message.get("metadata") or {}
    url = metadata.get(PRIVACY_URL_KEY) if isinstance(metadata, Mapping) else None
    return url if isinstance(url, str) and url.startswith("https://") else None


@dataclass(frozen=True)
class Response:
    """What a flow decided: replies, slot changes, and the turn record's content.

    `decision` None means no turn record (not a reply to a user message).
    `links`: URLs given in the text only (URL buttons of `replies` are added).
    """

    replies: tuple[Reply, ...] = ()
    slots: SlotChanges = ()
    decision: Decision | None = None
    outcome: Outcome = "none"
    reason: str | None = None
    aspect: Aspect | None = None
    candidates: tuple[Candidate, ...] = ()
    procedure_ids: tuple[str, ...] = ()
    links: tuple[str, ...] = ()
    safety_note: str | None = None


def turn_record(action: str, turn: Turn, response: Response) -> TurnRecord | None:
    """The record of `response` to `turn`, None when the response makes no decision."""
    if response.decision is None:
        return None
    links = [link.url for reply in response.replies for link in reply.links]
    return TurnRecord(
        action=action, intent=turn.intent, intent_confidence=turn.intent_confidence,
        language=turn.language, decision=response.decision, outcome=response.outcome,
        reason=response.reason, aspect=response.aspect, candidates=response.candidates,
        procedure_ids=response.procedure_ids,
        links=tuple(dict.fromkeys([*links, *response.links])),
        safety_note=response.safety_note)


def dispatch(dispatcher: CollectingDispatcher, replies: tuple[Reply, ...], turn: Turn) -> None:
    """Send `replies`, rendered for the turn's channel; a messenger's first reply in a
    conversation says it is an automated assistant and links the privacy notice."""
    if replies and turn.first_contact and profile_for(turn.channel).disclose:
        replies = with_disclosure(replies, turn.language, turn.privacy_url)
    for message in render(replies, turn.channel):
        dispatcher.utter_message(**message)


def answered_by_validation(events: list[dict[str, Any]]) -> bool:
    """Did a form validation answer the latest user message itself (its turn record,
    written by a `validate_…` action, follows that message)?"""
    return any(str(record.get("action", "")).startswith("validate_")
               for record in records_this_turn(events))


def crisis_response(turn: Turn, events: list[dict[str, Any]]) -> Response | None:
    """Help before anything else (actions.crisis): the crisis reply when the message
    shows a crisis, or — right after a crisis reply — the anonymity reply when it fears
    the consequences (actions.crisis_followup); None otherwise. procedure_id and
    search_failures stay as they were; gemeinde_needed is cleared so no rule opens the
    Gemeinde form after it."""
    crisis = detect_crisis(turn.text)
    if crisis is not None:
        reply, reason = crisis_reply(crisis, turn.language, turn.text, turn.gemeinde), \
            crisis_reason(crisis.kinds)
        kinds = tuple(crisis.kinds)
    else:
        found = follow_up(turn.text, turn.language, events)
        if found is None:
            return None
        reply, reason = found[0], f"{found[2]}:{crisis_reason(found[1])}"
        kinds = tuple(found[1])
    # A child at risk: the reply gives the Kreisjugendamt's child-protection entry.
    procedure_ids = (CHILD_PROTECTION_ID,) if "child" in kinds else ()
    return Response((reply,), (("gemeinde_needed", False),), decision="crisis",
                    outcome="crisis_help", reason=reason, procedure_ids=procedure_ids)


# rasa_sdk ships no type information, so its classes are `Any` to mypy; this module is
# the only place that subclasses them (hence the ignores).
# Abstract, so rasa_sdk's executor (which registers every concrete Action subclass) skips it.
class FlowAction(Action, metaclass=ABCMeta):  # type: ignore[misc]
    """Base of every custom action: typed view → `handle` → rendered replies + events."""

    @abstractmethod
    def name(self) -> str:
        """The action name in domain.yml."""

    @abstractmethod
    def handle(self, turn: Turn) -> Response:
        """What to say and record for this turn (no rasa_sdk objects involved)."""

    def beside_safety_line(self, turn: Turn, response: Response, kind: str) -> Response:
        """What of `response` follows a safety line of `kind`: all of it here; the flows
        behind the gate keep only what the message asked for (actions.safety_line)."""
        return response

    def with_safety_note(self, response: Response, turn: Turn,
                         events: list[dict[str, Any]]) -> Response:
        """`response`, preceded by one line of help numbers when the semantic check sees
        a possible crisis the word rules missed (actions/crisis_semantic.py) — once per
        turn, and only for replies to a message."""
        if response.decision is None or noted_this_turn(events):
            return response
        kind = possible_crisis(turn.text)
        if kind is None or (kind != "suicide" and names_context(turn)):
            # "what about bees, my husband wants two hives" after the livestock answer
            # is about that answer, not an allergic emergency (the word rules still run).
            return response
        kept = self.beside_safety_line(turn, response, kind)
        return replace(kept, replies=(safety_note(kind, turn.language), *kept.replies),
                       safety_note=kind)

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        turn = read_turn(tracker)
        events: list[dict[str, Any]] = list(tracker.events or [])
        if answered_by_validation(events) or answered_crisis(events):
            # The form validation or an earlier action already answered this message
            # (a crisis, or a new request instead of a form answer): stay silent.
            response = Response(slots=(("gemeinde_needed", False),))
        else:
            # A citizen in danger gets help before anything else: the flow is not asked.
            response = crisis_response(turn, events) \
                or self.with_safety_note(self.handle(turn), turn, events)
        dispatch(dispatcher, response.replies, turn)
        changes: list[dict[str, Any]] = []
        if turn.language != turn.language_slot:
            changes.append(SlotSet("language", turn.language))
        changes += [SlotSet(name, value) for name, value in response.slots]
        record = turn_record(self.name(), turn, response)
        if record is not None:
            changes.append(SlotSet(TURN_RECORD_SLOT, record.to_dict()))
        return changes


@dataclass(frozen=True)
class Validation:
    """Validated slot values (None = ask again) and what to tell the citizen."""

    slots: Mapping[str, SlotValue]
    replies: tuple[Reply, ...] = ()
    # The message was no answer to the form but a new request, answered here: the form
    # ends, and its next action stays silent (see `answered_by_validation`).
    answer: Response | None = None


class FormValidation(FormValidationAction):  # type: ignore[misc]
    """Base of form validations: rasa_sdk calls `validate_<slot>`, which calls `checked`."""

    @abstractmethod
    def name(self) -> str:
        """The validation action name in domain.yml (validate_<form>)."""

    async def checked(self, check: Callable[[object, Turn], Validation], slot_value: object,
                      dispatcher: CollectingDispatcher, tracker: Tracker) -> dict[str, Any]:
        """Run the typed `check(value, turn)` and send its replies for the channel."""
        turn = read_turn(tracker)
        crisis = crisis_response(turn, list(tracker.events or []))
        if crisis is not None:
            # Help first, and end the form (requested_slot None: Rasa deactivates it
            # instead of asking again); the form's next action sees the crisis record
            # and stays silent. The message is no value for the slots being validated.
            return self.ended_by(crisis, turn, dispatcher, tracker)
        validation = check(slot_value, turn)
        if validation.answer is not None:
            return self.ended_by(validation.answer, turn, dispatcher, tracker)
        dispatch(dispatcher, validation.replies, turn)
        return dict(validation.slots)

    def ended_by(self, response: Response, turn: Turn, dispatcher: CollectingDispatcher,
                 tracker: Tracker) -> dict[str, Any]:
        """Send `response` to a message that left the form, record it, end the form."""
        dispatch(dispatcher, response.replies, turn)
        record = turn_record(self.name(), turn, response)
        assert record is not None
        cleared: dict[str, Any] = dict.fromkeys(tracker.slots_to_validate(), None)
        return {**cleared, **dict(response.slots), "requested_slot": None,
                "gemeinde_needed": False, "gemeinde_attempts": 0.0,
                "language": turn.language, TURN_RECORD_SLOT: record.to_dict()}


def names_context(turn: Turn) -> bool:
    """Does the message name the procedure in context in its own words (title, English
    title, terms: "bees" for the livestock entry) or with lexical evidence?"""
    # Both read Turn from here: imported when called.
    from actions.safety_line import asks_for
    from actions.topic import names_procedure, topic_words

    context = load_procedure(turn.procedure_id)
    if context is None:
        return False
    return names_procedure(topic_words(turn.text), context) or asks_for(turn.text, context.id)
