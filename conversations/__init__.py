"""The conversation log: what each turn decided (and, later, reading, redacting, analysing it).

Standard library only and no web code, so the actions, the evaluation and the
staff tools can all import it.
"""
