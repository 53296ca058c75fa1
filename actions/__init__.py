"""Custom actions (rasa-sdk action server): one flow module per dialogue flow.

Flow modules (search_procedure, choose_option, procedure_details, responsibility,
consultation, handoff, feedback, smalltalk) import only the shared modules below,
never each other; tests/actions/test_module_boundaries.py enforces it. Every flow that
answers a user message subclasses `actions.gate.GatedFlow`, so the NLU's intent never
vetoes a confident search answer.
"""

# The modules flows may share. Everything else in this package is a flow.
SHARED_MODULES = frozenset({
    "actions.sdk",       # the one typed adapter around rasa_sdk + the FlowAction base
    "actions.common",    # catalogue access, search with scores, language
    "actions.texts",     # every citizen-facing text (de/en)
    "actions.texts_crisis",  # the crisis texts, merged into actions.texts
    "actions.texts_details",  # the detail texts (documents, fees, time …), merged too
    "actions.answers",   # shared answer building (procedure, choices, contacts, failures)
    "actions.topic",     # topic words of a message and the procedure they point to
    "actions.question_kinds",  # how long / by when / how to hand in / complaint …
    "actions.needs",     # what one message asks for: the first need and the further ones
    "actions.gate",      # the gate before every flow: search first, choices, failures
    "actions.ellipsis",  # "und ab der 11. Klasse?": a short follow-up varying the case
    "actions.outside",   # a town outside the district: the note and who is responsible
    "actions.failures",  # the one failure counter and the handoff at the second failure
    "actions.typed_choice",  # "2", "die zweite" typed while options are pending
    "actions.details",   # fees, documents, duration texts, alone or together
    "actions.correction",  # "nein, ich meinte …", "keins davon": the rejected left out
    "actions.passage",   # the sentence of the answer in context that a question asks for
    "actions.negation",  # a state the message rules out ("nicht denkmalgeschützt")
    "actions.shortcuts",  # the gate's answers from the context (duration, language …)
    "actions.crisis",        # crisis detector (a citizen in danger), run by sdk first
    "actions.crisis_rules",  # its rules, one group per kind
    "actions.crisis_semantic",  # the embedding check that adds a safety line (sdk)
    "actions.crisis_words",  # its word classes, masks and negative context
    "actions.crisis_reply",  # the help numbers reply for a detected crisis
    "actions.crisis_home",   # the rules for losing one's home (kind homeless)
    "actions.crisis_danger",  # the rules for gas, fire, oil spills (kind danger)
    "actions.crisis_followup",  # after a crisis reply: fear of consequences → anonymous help
    "actions.safety_line",   # what may follow the safety line (gate)
})
