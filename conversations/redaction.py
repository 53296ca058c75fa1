"""Redaction: personal data in a citizen's message replaced by typed placeholders.

Standard library only (it runs inside Rasa's environment, in the web app and in the
runner) and regular expressions only (a few microseconds per message, no model).
`redact("Meine IBAN ist DE89 3704 0044 0532 0130 00")` → `"Meine IBAN ist [IBAN]"`.

What is found (type → placeholder): e-mail, phone numbers (German and international),
IBAN (with or without spaces), German licence plates, dates of birth (a full date
with a birth year, or any date after "geboren"/"born"), street addresses with house
number (and the postcode + town after them), file numbers after their label
(Aktenzeichen, Az., Vorgangsnummer …), tax id (11 digits) and tax number, pension
insurance number, health insurance number, and names introduced as such ("ich bin
Max Mustermann", "mein Name ist …", "Herr/Frau …", a greeting line followed by a
name). Procedure questions stay intact: "Kennzeichen reservieren", "Hausnummer",
"Ich bin neu in Deutschland", "Ich bin Rentner".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from conversations.pii_patterns import DIGIT, EMAIL_HINT, LOW, PATTERNS, PRECHECK, UP, WORD

PLACEHOLDERS: dict[str, str] = {
    "email": "[E-MAIL]", "phone": "[TELEFON]", "iban": "[IBAN]", "plate": "[KENNZEICHEN]",
    "birthdate": "[GEBURTSDATUM]", "address": "[ADRESSE]", "file_number": "[AKTENZEICHEN]",
    "tax_id": "[STEUER-ID]", "social_insurance": "[SV-NUMMER]",
    "health_insurance": "[KV-NUMMER]", "name": "[NAME]",
}
# A placeholder already in the text is never redacted again (idempotent).
_PLACEHOLDER = re.compile("|".join(re.escape(p) for p in PLACEHOLDERS.values()))


@dataclass(frozen=True)
class Finding:
    """One piece of personal data: its type and where it is in the text."""

    type: str
    start: int
    end: int
    value: str


# Words after "ich bin"/"I am" that describe, not name, a person.
_NOT_NAMES_TEXT = """
neu neue neuer schwanger rentner rentnerin student studentin schüler schülerin azubi
arbeitslos arbeitslose arbeitsloser arbeitsuchend selbstständig selbständig selbstständige
angestellt angestellte angestellter beamter beamtin mutter vater eltern elternteil oma opa
großmutter großvater witwe witwer geschieden verheiratet ledig alleinerziehend
alleinerziehende alleinerziehender behindert schwerbehindert schwerbehinderte pflegebedürftig
pflegende krank deutsch deutscher deutsche ausländer ausländerin flüchtling geflüchtet
geflüchtete asylbewerber asylbewerberin syrer syrerin ukrainer ukrainerin türke türkin
eu-bürger eu-bürgerin bürger bürgerin einwohner einwohnerin unternehmer unternehmerin
landwirt landwirtin gewerbetreibender gastwirt handwerker jäger jägerin hundebesitzer
halter halterin fahrzeughalter eigentümer eigentümerin mieter mieterin vermieter
vermieterin arbeitgeber arbeitnehmer arbeitnehmerin pflegekraft erzieher erzieherin
lehrer lehrerin arzt ärztin minderjährig volljährig jugendlicher erwachsener
mitglied gast tourist touristin hier da gerade noch nicht nicht kein keine sehr so zu
unsicher verwirrt froh dankbar traurig müde allein alleine umgezogen zugezogen
interessiert berechtigt betroffen zuständig krankenversichert versichert
new pregnant retired unemployed student a an the not from german married divorced
single disabled looking trying here moving living self-employed employed refugee
citizen resident sure sorry confused still just also currently going interested
"""
_NOT_NAMES = frozenset(_NOT_NAMES_TEXT.split())
_NAME_INTRO = re.compile(
    rf"(?i:\b(?:mein name ist|mein name lautet|heiße|heisse|heiß|my name is|"
    rf"name:|vorname:|nachname:|this is|hier ist|hier spricht|"
    rf"(?:she|he) is|(?:er|sie) heißt|named|called)[ ]+)"
    rf"((?:(?:Dr\.|Prof\.)[ ])?{WORD}(?:[ ](?:von[ ]|van[ ]|de[ ])?{WORD}){{0,2}}"
    rf"|[{LOW}]+(?:[ ][{LOW}]+)?(?=[ ]*(?:[.,!]|$)))")
_IAM = re.compile(
    rf"(?i:\b(?:ich bin|i bin|i am|i'm)[ ]+(?:(?:der|die|da)[ ]+|d')?)"
    rf"({WORD}(?:[ ]{WORD}){{0,2}})")
_TITLE = re.compile(rf"\b(?:Herr|Herrn|Frau|Mr\.?|Mrs\.?|Ms\.?|Dr\.)[ ]+((?:Dr\.[ ])?"
                    rf"{WORD}(?:[ ]{WORD})?)")
_SIGNATURE = re.compile(
    rf"(?i:\b(?:viele grüße|vielen dank|mit freundlichen grüßen|freundliche grüße|"
    rf"liebe grüße|beste grüße|schöne grüße|mfg|lg|vg|gruß|grüße|danke|"
    rf"best regards|kind regards|regards|thanks|thank you|cheers|best)[ ]*[,!.]?[ ]*\n?[ ]*)"
    rf"(?:(?:Dipl\.-[A-Za-z]+\.|Dr\.|Prof\.|Mag\.|Ing\.)[ ])*"
    rf"((?:[{UP}]\.[ ]?)?{WORD}(?:[ ]{WORD}){{0,2}})[ ]*(?:[.!,]|$)", re.MULTILINE)
_APPOSITION = re.compile(rf"\b(?:Ich|I),[ ]({WORD}(?:[ ]{WORD}){{1,2}}),")
_IN_BRACKETS = re.compile(rf"\b(?:Ich|I)[ ]?\(({WORD}(?:[ ]{WORD}){{1,2}})[,;)]")
# A relative or neighbour named as such: "meine Mutter, Erika Schmid," (apposition),
# "meines Sohnes Noah Fischer", "my son Lukas". Without commas the first word must be a
# known first name: two capitalised nouns after "mein Sohn" may be the question itself.
_RELATIVE_WORDS = (
    "mutter|vater|sohn|sohnes|tochter|mann|mannes|frau|ehemann|ehefrau|bruder|bruders|"
    "schwester|oma|opa|großmutter|großvater|freund|freundin|nachbar|nachbarin|nachbarn|"
    "kind|kindes|enkel|enkelin|enkels|neffe|nichte|onkel|tante|schwager|schwägerin|"
    "schwiegermutter|schwiegervater|schwiegersohn|schwiegertochter|partner|partnerin|"
    "lebensgefährte|lebensgefährtin|mitbewohner|mitbewohnerin|mother|father|son|daughter|"
    "husband|wife|brother|sister|friend|neighbour|neighbor|grandmother|grandfather|child|"
    "grandson|granddaughter|nephew|niece|aunt|uncle")
_RELATIVE = re.compile(
    rf"(?i:\b(?:mein|meine|meines|meinem|meinen|meiner|unser|unsere|unseres|unserem|unseren|"
    rf"unserer|my|our)[ ](?:{_RELATIVE_WORDS}))(,?)[ ]({WORD}(?:[ ]{WORD})?)(,?)")
# Lower-case introductions and signatures: only with a known first name.
_IAM_LOWER = re.compile(rf"(?i:\b(?:ich bin|i bin|i am|i'm|mein name ist|my name is)[ ]+)"
                        rf"([{LOW}]+)(?:[ ]([{LOW}]+))?")
_SIGNATURE_LOWER = re.compile(
    r"(?i:\b(?:viele grüße|mit freundlichen grüßen|freundliche grüße|liebe grüße|"
    r"beste grüße|schöne grüße|mfg|lg|vg|gruß|grüße|best regards|kind regards|regards|"
    rf"cheers)[ ]*[,!.]?[ ]*\n?[ ]*)([{LOW}]+(?:[ ][{LOW}]+)?)[ ]*[.!]?[ ]*$")
_FUNCTION_WORDS_TEXT = """
und aus von vom in im am an auf mit bei wegen weil oder aber also and from of at with but
because so hier here da dort there wohne live wollte wollt möchte would want
"""
_FUNCTION_WORDS = frozenset(_FUNCTION_WORDS_TEXT.split())
# "Piotr Nowak hier." / "David Kern here," — at the start of a sentence, and the phrase
# ends there ("Kann ich Wohngeld Plus hier beantragen?" is no introduction).
_HERE = re.compile(rf"(?:^|(?<=[.!?,:;][ ])|(?<=\n))({WORD}(?:[ ]{WORD}){{1,2}})[ ]"
                   rf"(?:hier|here)(?=[ ]*(?:[.,!;:]|$))", re.MULTILINE)
# Sentence-opening words that are no names ("Die Stelle hier", "Mein Antrag hier").
_NOT_NAME_START_TEXT = """
der die das den dem des ein eine einen einem mein meine meinen ihr ihre unser unsere
dieser diese dieses the a an my our this that hallo servus guten grüß hello hi
"""
_NOT_NAME_START = frozenset(_NOT_NAME_START_TEXT.split())

_COMMON_NOUN_ENDINGS = ("ung", "keit", "heit", "schaft", "ion", "tät", "nis", "chen")


def _plausible_name(words: str) -> bool:
    parts = words.split()
    if not parts or parts[0].lower() in _NOT_NAMES:
        return False
    return not any(part.lower().endswith(_COMMON_NOUN_ENDINGS) for part in parts)


def _names(text: str) -> list[Finding]:
    found: list[Finding] = []
    for pattern, check in ((_NAME_INTRO, False), (_TITLE, True), (_SIGNATURE, True)):
        for match in pattern.finditer(text):
            value = match.group(1)
            if (check and not _plausible_name(value)) or value.lower() in _NOT_NAMES:
                continue
            found.append(Finding("name", match.start(1), match.end(1), value))
    for pattern in (_APPOSITION, _HERE):
        for match in pattern.finditer(text):
            value = match.group(1)
            if value.split()[0].lower() in _NOT_NAME_START or not _plausible_name(value):
                continue
            found.append(Finding("name", match.start(1), match.end(1), value))
    for match in _IN_BRACKETS.finditer(text):
        if _plausible_name(match.group(1)):
            found.append(Finding("name", match.start(1), match.end(1), match.group(1)))
    for match in _RELATIVE.finditer(text):
        value = match.group(2)
        apposition = bool(match.group(1)) and bool(match.group(3))
        if _plausible_name(value) and (apposition or value.split()[0] in _FIRST_NAMES):
            found.append(Finding("name", match.start(2), match.end(2), value))
    for pattern in (_IAM_LOWER, _SIGNATURE_LOWER):
        for match in pattern.finditer(text):
            words = match.group(1).split() if pattern is _SIGNATURE_LOWER else \
                [w for w in match.groups() if w]
            if not words or words[0].capitalize() not in _FIRST_NAMES:
                continue
            if len(words) > 1 and (words[1] in _FUNCTION_WORDS or words[1] in _NOT_NAMES):
                words = words[:1]
            start = match.start(1)
            end = start + len(" ".join(words))
            found.append(Finding("name", start, end, text[start:end]))
    for match in _IAM.finditer(text):
        parts = match.group(1).split()
        # German nouns are capitalised too ("Ich bin Rentner"): after "ich bin" a single
        # word is a name only if it is a known first name or follows "der"/"die";
        # two capitalised words that describe no status are a first and last name.
        keep: list[str] = []
        for part in parts:
            if part.lower() in _NOT_NAMES or part.lower().endswith(_COMMON_NOUN_ENDINGS):
                break
            keep.append(part)
        if not keep:
            continue
        opener = text[match.start():match.start(1)].lower()
        english = opener.startswith(("i am", "i'm"))
        article = opener.rstrip().endswith((" der", " die", " da"))
        if english or article or len(keep) >= 2 or keep[0] in _FIRST_NAMES:
            end = match.start(1) + len(" ".join(keep))
            found.append(Finding("name", match.start(1), end, text[match.start(1):end]))
    return found


_FIRST_NAMES_TEXT = """
Anna Maria Max Paul Lukas Leon Felix Jonas Elias Noah Ben Finn Luis Emil Anton Jakob
Moritz Theo Julian Tim Tobias Florian Michael Thomas Andreas Stefan Stephan Christian
Markus Martin Peter Hans Josef Sepp Franz Georg Johann Johannes Wolfgang Klaus Jürgen
Günter Günther Helmut Dieter Uwe Frank Sven Jan Daniel David Simon Sebastian Alexander
Matthias Philipp Dominik Fabian Patrick Manuel Benjamin Ali Mehmet Mustafa Ahmed Mohammed
Omar Yusuf Ivan Dmytro Oleksandr Andrii Sophie Sofia Emma Mia Hannah Lea Lena Laura Julia
Sarah Lisa Katharina Christina Sabine Petra Claudia Andrea Monika Ursula Brigitte Renate
Helga Gisela Ingrid Karin Katrin Susanne Birgit Stefanie Nicole Melanie Sandra Anja Tanja
Kerstin Nadine Jessica Vanessa Johanna Magdalena Theresa Veronika Elisabeth Barbara Eva
Greta Marie Clara Ella Lina Fatma Ayse Elif Olga Natalia Olena Iryna Svetlana Anastasia
John James Robert William Mary Linda Jennifer Emily Sarah Jessica Ahmad Hassan Fatima
Aisha Leyla Zeynep Ewa Katarzyna Piotr Tomasz Ana Elena Ion Mihai Andrei Alina Irina
Emre Can Cem Deniz Burak Murat Hakan Kemal Emine Hatice Merve Esra Selin Yasemin Hüseyin
Ibrahim Khaled Karim Mahmoud Samir Tarek Youssef Amir Reza Ali Layla Mariam Noor Rania
Amina Yara Bilal Hamza Kateryna Oksana Yulia Tetiana Viktoria Mykola Serhii Vasyl Taras
Agnieszka Magdalena Joanna Krzysztof Pawel Marek Jakub Lukasz Ionut Florin Gabriel
Ioana Andreea Elena Nikola Marko Luka Milan Dragan Jelena Ivana Mario Marco Luca Giulia
Francesca Carlos Pedro Miguel Sofia Lucia Vroni Resi Kathi Leni Vevi Wastl Hias Schorsch
Xaver Alois Korbinian Quirin Benedikt Maximilian Ludwig Leonhard Vinzenz Rupert Kilian
Valentin Konstantin Leonie Emilia Charlotte Mila Ida Frieda Luisa Amelie Paula Nele
Marlene Isabella Rosa Johanna Franziska Kerstin Heike Silke Doris Bärbel Erika Christa
Hildegard Waltraud Gerda Rosemarie Maria-Anna Hubert Herbert Manfred Rainer Werner Gerhard
Horst Karl Heinz Walter Willi Rudolf Bernd Ralf Jens Olaf Holger Norbert Reinhard Lars
Kevin Marcel Dennis Nico Niklas Tom Tim Erik Oliver Robin Leo Henry Oskar Mats Linus
Olivia Chloe Lucy Grace Sophia Emily Hannah Anna-Lena Lea-Sophie Marie-Luise Karl-Heinz
"""
_FIRST_NAMES = frozenset(_FIRST_NAMES_TEXT.split())

_PRIORITY = {kind: rank for rank, kind in enumerate(
    ("email", "iban", "social_insurance", "health_insurance", "file_number", "birthdate",
     "tax_id", "phone", "plate", "address", "name"))}


def find(text: str) -> list[Finding]:
    """Every piece of personal data in `text`, non-overlapping, in text order."""
    candidates: list[Finding] = []
    # Every pattern type needs a digit (e-mail: an "@"); most questions have neither.
    has_digit = DIGIT.search(text) is not None
    for kind, pattern, group in PATTERNS:
        if not (has_digit or (kind == "email" and EMAIL_HINT.search(text))):
            continue
        # The spelled-out e-mail patterns backtrack on long runs of word characters:
        # run them only when their "at" is there at all.
        precheck = PRECHECK.get(pattern)
        if precheck is not None and precheck.search(text) is None:
            continue
        for match in pattern.finditer(text):
            start, end = match.span(group)
            candidates.append(Finding(kind, start, end, match.group(group)))
    candidates.extend(_names(text))
    blocked = [m.span() for m in _PLACEHOLDER.finditer(text)]
    chosen: list[Finding] = []
    taken: list[tuple[int, int]] = list(blocked)
    for finding in sorted(candidates, key=lambda f: (_PRIORITY[f.type], f.start,
                                                     f.start - f.end)):
        if any(finding.start < end and start < finding.end for start, end in taken):
            continue
        chosen.append(finding)
        taken.append((finding.start, finding.end))
    return sorted(chosen, key=lambda f: f.start)


def redact(text: str) -> str:
    """`text` with every finding replaced by its placeholder, e.g. `[E-MAIL]`."""
    if not text:
        return text
    parts: list[str] = []
    position = 0
    for finding in find(text):
        parts.append(text[position:finding.start])
        parts.append(PLACEHOLDERS[finding.type])
        position = finding.end
    parts.append(text[position:])
    return "".join(parts)
