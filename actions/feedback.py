"""Store the answer to "War das hilfreich?" as a SlotSet event.

The event lands in the tracker store next to the question and the answer, so
the staff review can show which answers did not help. Typed "ja"/"nein"
count only right after the feedback question; a "ja, und ich brauche noch …" with a
request is answered by the gate when the search is sure about it.
"""

from __future__ import annotations

from actions.gate import GatedFlow
from actions.sdk import Response, Turn
from actions.texts import say
from replies.model import Reply

_NEGATIVE = ("nicht", "ned", "kein", "falsch", "unbrauchbar", "not", "didn't", "no", "nein")


def helpful_value(turn: Turn) -> str | None:
    """'yes' / 'no' from the button payload, the NLU entity or a plain ja/nein."""
    value = turn.entity("helpful")
    if value in ("yes", "no"):
        return value
    if turn.payload is not None:
        return None  # a /feedback payload without a valid value
    if turn.intent == "feedback":
        return "no" if any(word in turn.text.lower().split() for word in _NEGATIVE) else "yes"
    if turn.intent in ("affirm", "deny") and turn.asked_for_feedback:
        return "yes" if turn.intent == "affirm" else "no"
    return None


class ActionFeedback(GatedFlow):
    """Thank the citizen and record whether the answer helped."""

    def name(self) -> str:
        return "action_feedback"

    def reply(self, turn: Turn) -> Response:
        value = helpful_value(turn)
        if value is None:
            # A "ja"/"nein" that answered no feedback question.
            key = "deny_generic" if turn.intent == "deny" else "affirm_generic"
            return Response((Reply(say(key, turn.language)),), decision="feedback",
                            reason="no_question")
        return Response((Reply(say(f"feedback_thanks_{value}", turn.language)),),
                        (("feedback", value),), decision="feedback", reason=f"helpful_{value}")
