"""Every message the web app itself shows a citizen or API client, German / English.

The dialogue's texts live in `actions/texts.py`; these are the web app's own answers
to bad input and outages, in one place so wording and tone stay consistent.
"""

from __future__ import annotations


def both(german: str, english: str) -> str:
    """One message in both languages: the web app does not know the citizen's yet."""
    return f"{german} / {english}"


EMPTY_MESSAGE = both("Bitte geben Sie eine Frage ein.", "Please type a question.")
INVALID_JSON = both("Ungültiges JSON", "invalid JSON")
MISSING = both("fehlt", "missing")
NOT_UTF8_JSON = both("Die Anfrage ist kein gültiges JSON in UTF-8.",
                     "The request body is not valid UTF-8 JSON.")
ASSISTANT_UNAVAILABLE = both(
    "Der Assistent ist gerade nicht erreichbar. Bitte versuchen Sie es gleich noch einmal "
    "oder wenden Sie sich direkt an das Landratsamt Mühldorf a. Inn.",
    "The assistant is unavailable right now. Please try again shortly or contact the "
    "district office Mühldorf a. Inn directly.")
OUTAGE_INTRO = both("Der Assistent ist gerade gestört. Bitte versuchen Sie es gleich noch "
                    "einmal. Der Bürgerservice hilft Ihnen gern persönlich weiter",
                    "The assistant is having a problem right now. Please try again shortly. "
                    "The citizens' service will gladly help you in person")
HISTORY_FORBIDDEN = both("Nur für das Chatfenster selbst.", "Only for the chat window itself.")
CONTACT_FORM_BUTTON = both("Zum Kontaktformular", "Contact form")


def outage_contact(phone: str | None, email: str | None, form_url: str | None) -> str:
    """The outage message with whatever contact details the catalogue has."""
    parts = [f"Telefon / phone {phone}" if phone else "",
             f"E-Mail {email}" if email else "",
             f"sicheres Kontaktformular / secure contact form: {form_url}" if form_url else ""]
    details = "; ".join(part for part in parts if part)
    return f"{OUTAGE_INTRO}: {details}." if details else ASSISTANT_UNAVAILABLE


def message_too_long(limit: int) -> str:
    return both(f"Ihre Nachricht ist zu lang (höchstens {limit} Zeichen). Bitte fassen Sie "
                f"Ihre Frage kürzer.", f"Your message is too long (at most {limit} characters).")


def limit_out_of_range(maximum: int) -> str:
    return both(f"'limit' muss zwischen 1 und {maximum} liegen",
                f"'limit' must be between 1 and {maximum}.")


def too_many_requests(seconds: int) -> str:
    return both(f"Sie haben sehr viele Nachrichten in kurzer Zeit gesendet. Bitte warten Sie "
                f"{seconds} Sekunden und versuchen Sie es dann noch einmal.",
                f"You sent many messages in a short time. Please wait {seconds} seconds "
                f"and try again.")
