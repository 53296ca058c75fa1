"""What personal data looks like: the regular expressions of the redactor, by type.

`conversations.redaction` runs them (plus the name rules) and resolves overlaps; this
module only describes the shapes. Standard library only (it runs inside Rasa's
environment too). Each pattern: (type, compiled regex, group whose span is redacted:
0 = the whole match). Patterns with a cue word ("Steuer-ID:", "Az.", "Kennzeichen")
accept looser shapes after it; patterns without one only shapes that are rarely
anything else. Measured on three blind sets (docs/privacy.md).
"""

from __future__ import annotations

import re

UP = "A-ZÄÖÜ"
LOW = "a-zäöüßéèêáàâóòôíìîúùûçñýčćšžřěůłńśźżąęőűğışøåæœ"
WORD = rf"[{UP}][{LOW}]+(?:-[{UP}][{LOW}]+)?"  # Anna, Müller-Lüdenscheidt

# Short words that may follow "Kennzeichen" and look like a district code in lower case
# ("Kennzeichen für EU 27"): never the start of a plate.
_SMALLWORDS = (r"(?i:für|fur|von|vom|mit|ist|bis|ab|am|an|auf|aus|bei|zum|zur|ein|eine|das|der|"
                r"die|den|dem|des|und|oder|im|in|zu|so|wie|was|wo|es|er|sie|ich|wir|the|for|is|"
                r"my|of|to|on|at|by|and|or|ca|max|nur|je|pro|per|neu|alt)")

# Each pattern: (type, compiled regex, group whose span is redacted: 0 = whole match).
PATTERNS: list[tuple[str, re.Pattern[str], int]] = [
    ("email", re.compile(r"[\w.+%-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}"), 0),
    # Spelled-out "@" against spam harvesters: name(at)web.de, name [at] web.de.
    ("email", re.compile(r"[\w.+%-]+[ ]?(?:\(at\)|\[at\]|\{at\}|\(ät\))[ ]?[\w-]+"
                         r"(?:\.[\w-]+)*\.[A-Za-z]{2,}", re.IGNORECASE), 0),
    ("email", re.compile(r"[\w.+%-]+[ ](?:at|ät)[ ][\w-]+(?:[ ](?:dot|punkt)[ ][\w-]+)+",
                         re.IGNORECASE), 0),
    ("iban", re.compile(r"\b(?:[A-Z]{2}|[a-z]{2})\d{2}(?:[ ]?[A-Z0-9]{4})?(?:[ ]?\d{4}){2,7}"
                        r"(?:[ ]?\d{1,3})?\b"), 0),
    # Rentenversicherungsnummer: area (2), birth date (6), initial letter, serial (3).
    ("social_insurance", re.compile(r"\b\d{2}[ -]?\d{6}[ -]?[A-Za-z][ -]?\d{3}\b"), 0),
    # Krankenversichertennummer: a letter and nine digits.
    ("health_insurance", re.compile(r"\b[A-Za-z][ ]?\d{3}[ ]?\d{3}[ ]?\d{3}\b"), 0),
    # Steuer-ID: 11 digits, first not 0; Steuernummer: 12/345/67890 or 123/456/78901.
    ("tax_id", re.compile(r"\b[1-9]\d[ ]?\d{3}[ ]?\d{3}[ ]?\d{3}\b"
                          r"|\b\d{2,3}/\d{3,4}/\d{4,5}\b"), 0),
    ("phone", re.compile(
        r"(?<![\w+])(?:\+|00)[1-9]\d{0,2}[\s./-]?(?:\(0\)[\s]?)?\(?\d{1,5}\)?"
        r"(?:[\s./-]?\d{1,8}){1,4}\b"
        r"|(?<![\w/.])\(?0[1-9]\d{1,4}\)?(?:[\s./-]{1,3}\d{1,8}){1,4}\b"
        r"|(?<![\w/.])0[1-9]\d{5,12}\b"), 0),
    ("phone", re.compile(
        r"(?i:\b(?:tel(?:efon|\.)?|telefonnummer|handy(?:nummer)?|mobil(?:nummer)?|"
        r"rufnummer|phone|mobile|call me(?: at| on)?)\b[\s:.]*(?:ist|is|lautet)?[\s:]*)"
        r"(\+?\d[\d\s/-]{4,}\d)"), 1),
    ("birthdate", re.compile(
        r"(?i:(?:\b(?:geb(?:oren|\.)?|geburtsdatum|geburtstag|born|date of birth|dob|"
        r"birthday)\b|(?<![\w*])\*)[\s:.]*(?:am|on|ist|is)?[\s:]*)"
        r"(\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}"
        r"|\d{1,2}\.?\s+[A-Za-zä]+\.?\s+\d{4})"), 1),
    ("birthdate", re.compile(
        r"(\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4})"
        r"(?=\s+(?:\w+\s+)?(?:geboren|born)\b)"), 1),
    ("birthdate", re.compile(
        r"\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
        r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+\d{1,2}"
        r"(?:st|nd|rd|th)?,?\s+(?:19\d{2}|200\d|201[0-5])\b"
        r"|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:January|February|March|April|May|June|"
        r"July|August|September|October|November|December),?\s+(?:19\d{2}|200\d|201[0-5])\b"),
     0),
    ("birthdate", re.compile(
        r"\b(?:\d{1,2}\.\s?\d{1,2}\.\s?(?:19\d{2}|200\d|201[0-5])"
        r"|(?:19\d{2}|200\d|201[0-5])-\d{2}-\d{2}|\d{1,2}/\d{1,2}/(?:19\d{2}|200\d|201[0-5])"
        r"|\d{1,2}\.?\s+(?:Jan(?:uar)?|Feb(?:ruar)?|Mär(?:z)?|Apr(?:il)?|Mai|Jun(?:i)?|"
        r"Jul(?:i)?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Okt(?:ober)?|Nov(?:ember)?|"
        r"Dez(?:ember)?|January|February|March|May|June|July|October|December)\.?\s+"
        r"(?:19\d{2}|200\d|201[0-5]))\b"), 0),
    ("plate", re.compile(rf"\b[{UP}]{{1,3}}[- ][A-Z]{{1,2}}[- ]?\d{{1,4}}[EH]?\b"
                         rf"|\b[{UP}]{{1,3}}-[A-Z]{{1,2}}\d{{1,4}}[EH]?\b"), 0),
    ("plate", re.compile(
        r"(?i:\b(?:\w*kennzeichen|kennz\.|nummernschild|autonummer|plate(?: number)?|"
        r"registration(?: number)?)[\s:.]*(?:ist|is|lautet|von|vom|mit|war)?[\s:]*)"
        rf"((?i:(?!{_SMALLWORDS}\b)[{UP}]{{1,3}}[ ]?[- ]?[ ]?(?!{_SMALLWORDS}\b)[A-Z]{{1,2}}"
        rf"[ ]?[- ]?[ ]?\d{{1,4}}[EH]?))\b"), 1),
    ("health_insurance", re.compile(
        r"(?i:\b(?:(?:kranken)?versicherten(?:nummer|nr\.?|-nr\.?)|kv-?nr\.?|kvnr|"
        r"krankenkassennummer|health insurance (?:number|no\.?))[\s:.#]*(?:ist|is|lautet)?"
        r"[\s:#]*)([A-Za-z]?[ ]?\d[\d ]{7,11}\d)\b"), 1),
    ("tax_id", re.compile(
        r"(?i:\b(?:steuer-?id(?:entifikationsnummer)?|steuer-?identifikationsnummer|idnr\.?|"
        r"steuer-?nr\.?|steuernummer|st\.?-?nr\.?|tax id|tax number|tin)"
        r"[\s:.#]*(?:ist|is|lautet)?[\s:#]*)(\d[\d /]{8,16}\d)\b"), 1),
    ("file_number", re.compile(
        r"(?i:\b(?:aktenzeichen|az\.?|gz\.?|geschäftszeichen|vorgangsnummer|antragsnummer|"
        r"(?:unser|ihr|mein)(?:e|es)?[ ]zeichen|zeichen:|"
        r"kundennummer|bearbeitungsnummer|fallnummer|kassenzeichen|referenznummer|"
        r"file number|reference(?: number| no\.?)?|case number|ref\.?|"
        r"(?:bescheid|antrag|vorgang|akte|rechnung|kassenzeichen)(?:s)?[- ]?(?:nr\.?|nummer)|"
        r"(?:file|case|reference) no\.?)"
        r"[\s:.#]*(?:ist|lautet|is|lautet auf)?[\s:#]*)"
        r"([A-Za-z0-9][A-Za-z0-9./-]*\d[A-Za-z0-9./-]*(?:[ ][A-Za-z0-9./-]*\d[A-Za-z0-9./-]*)*)"),
     1),
    ("address", re.compile(
        rf"(?:\b(?:[{UP}][{LOW}]+(?:er)?[ -])?[{UP}][{LOW}-]*"
        rf"(?:straße|strasse|str\.?|weg|gasse|platz|allee|ring|damm|ufer|steig|pfad|"
        rf"anger|leite|graben|zeile|chaussee|promenade)"
        rf"|\b(?:[{UP}][{LOW}]+(?:er|sche)?)[ ](?:Straße|Strasse|Str\.|Weg|Gasse|Platz|"
        rf"Allee|Ring|Damm)"
        rf"|\b(?:Am|An der|An den|Auf dem|Auf der|Im|In der|Zum|Zur|Hinter der|Unterer|"
        rf"Oberer|Untere|Obere)[ ][{UP}][{LOW}]+)"
        rf"[ ]\d{{1,4}}[a-z]?\b(?:,?[ ]\d{{5}}(?:[ ][{UP}][{LOW}]+(?:[ ]a\.[ ]?Inn)?)?)?"
        rf"|\b[{LOW}]+(?:straße|strasse|str\.?)[ ]\d{{1,4}}[a-z]?\b"
        rf"(?:,?[ ]\d{{5}}(?:[ ][{LOW}]+)?)?"
        rf"|\b\d{{1,5}}[ ][{UP}][a-z]+(?:[ ][{UP}][a-z]+)?[ ](?:Street|St\.|Road|Rd\.|"
        rf"Avenue|Ave\.|Lane|Way|Drive)\b"), 0),
]

DIGIT = re.compile(r"\d")
EMAIL_HINT = re.compile(r"@|[(\[{](?:at|ät)[)\]}]|[ ](?:at|ät)[ ]", re.IGNORECASE)
PRECHECK = {PATTERNS[1][1]: re.compile(r"[(\[{](?:at|ät)[)\]}]", re.IGNORECASE),
             PATTERNS[2][1]: re.compile(r"[ ](?:at|ät)[ ].*[ ](?:dot|punkt)[ ]",
                                         re.IGNORECASE)}


