"""What a messenger channel says besides the dialogue's answers.

- The disclosure: the first reply of every conversation on a messenger says that an
  automated assistant answers and links the privacy notice (the web widget shows the
  same above its chat, `bot/static/widget-app.js`).
- The answer to a message without text (a photo, a voice message): Rasa's connectors
  cannot pass it to the dialogue, so the connector answers it itself (`rasa_addons`).

Standard library only: used by the action server and inside Rasa.
"""

from __future__ import annotations

from replies.model import Reply

# Where the privacy notice is when the channel did not say (the Landratsamt's own page).
FALLBACK_PRIVACY_URL = "https://www.lra-mue.de/datenschutz"
# Bot event metadata key / user message metadata key carrying the notice's address.
PRIVACY_URL_KEY = "privacy_url"

_DISCLOSURE = {
    "de": ("Hinweis: Hier antwortet Wegweiser, ein automatischer Assistent des "
           "Landratsamts Mühldorf a. Inn – kein Mensch. Bitte senden Sie keine "
           "persönlichen Daten. Datenschutzhinweise: {url}"),
    "en": ("Note: Wegweiser, an automated assistant of the district office Mühldorf a. "
           "Inn, answers here – not a person. Please do not send personal data. "
           "Privacy notice: {url}"),
}
_TEXT_ONLY = {
    "de": ("Ich kann leider nur Textnachrichten lesen, keine Bilder, Sprachnachrichten "
           "oder Dateien. Bitte schreiben Sie mir Ihre Frage, z. B. „Auto abmelden“."),
    "en": ("Sorry, I can only read text messages, no pictures, voice messages or files. "
           "Please type your question, e.g. “deregister my car”."),
}


def disclosure_text(language: str, privacy_url: str | None) -> str:
    """The disclosure line in `language` (German unless "en")."""
    template = _DISCLOSURE["en" if language == "en" else "de"]
    return template.format(url=privacy_url or FALLBACK_PRIVACY_URL)


def with_disclosure(replies: tuple[Reply, ...], language: str,
                    privacy_url: str | None) -> tuple[Reply, ...]:
    """`replies` with the disclosure as the first line of the first one (one message:
    on SMS one more message would be billed), or the disclosure alone if there is none."""
    line = disclosure_text(language, privacy_url)
    if not replies:
        return (Reply(line),)
    first = replies[0]
    merged = Reply(f"{line}\n{first.text}", first.links, first.choices, first.quick_reply,
                   first.feedback_question)
    return (merged, *replies[1:])


def text_only(language: str = "de") -> str:
    """The answer to a message without text."""
    return _TEXT_ONLY["en" if language == "en" else "de"]
