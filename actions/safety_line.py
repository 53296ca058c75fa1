"""What may follow the safety line (docs/dialogue.md, "The safety line").

When the semantic check (`actions.crisis_semantic`) sees a possible crisis, the citizen
gets one line of help numbers before the reply (`sdk.FlowAction.with_safety_note`).
An unrelated procedure after it is tone-deaf ("mir geht's so schlecht, ich hab keine
Kraft mehr" → "Verstoß gegen den Tierschutz melden"), so behind the gate
(`gate.GatedFlow`) a flow's reply follows the line only when the message really asks
for it:

- a procedure answer, when the search was confident (decision answer / elsewhere) *and*
  one of the message's content words (`topic.content_words`) has lexical evidence for
  that procedure — the n-gram bar a one-word query must pass to be answered
  (`common.shares_words`, `SearchEngine.shares_words`). Never its next steps
  ("Außerdem wichtig für Sie"): the answer is given alone;
- a handoff or a feedback answer.

Anything else — an answer the words do not support, choices, a question back, "please
rephrase", small talk — gives way to one calm line: the citizen may write their
question to the office. That reply is recorded as decision `crisis` (the kind as
reason, and `safety_note`), so it counts as no failed search.
"""

from __future__ import annotations

from actions import answers
from actions.common import load_procedure, shares_words
from actions.sdk import Response, Turn
from actions.texts import say
from actions.topic import content_words
from replies.model import Reply

ANSWERS = frozenset({"answer", "elsewhere"})
# Replies that follow the line as they are: a person to talk to, the citizen's feedback.
KEPT_DECISIONS = frozenset({"handoff", "feedback"})


def asks_for(text: str, procedure_id: str) -> bool:
    """Does `text` name the procedure in its own words (not only in meaning)?"""
    return shares_words(content_words(text), procedure_id)


def beside_safety_line(turn: Turn, response: Response, kind: str) -> Response:
    """What of `response` may follow a safety line of `kind` (see the module doc)."""
    if response.decision in KEPT_DECISIONS:
        return response
    if response.decision in ANSWERS and response.procedure_ids:
        procedure = load_procedure(response.procedure_ids[0])
        if procedure is not None and asks_for(turn.text, procedure.id):
            if len(response.procedure_ids) == 1:
                return response
            # Without the next steps ("Außerdem wichtig für Sie").
            return answers.procedure_answer(procedure, turn.language, response.candidates,
                                            with_contact=response.aspect == "contact")
    return Response((Reply(say("crisis_hint_only", turn.language)),),
                    (("gemeinde_needed", False),), decision="crisis", outcome="crisis_help",
                    reason=kind, candidates=response.candidates)
