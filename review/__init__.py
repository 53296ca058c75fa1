"""Reading the conversation log for the staff review: the tracker store by its SQLAlchemy
URL (read-only), one summary per conversation, transcripts, analytics and safe CSV.

No web code (the pages are `bot/staff/`). Runs in `.venv` only: it uses SQLAlchemy 2,
which Rasa's environment (SQLAlchemy 1.4) does not have, so it is its own room next to
the standard-library-only `conversations/` (docs/architecture.md).
"""
