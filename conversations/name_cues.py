"""Names found by cues the main rules (`conversations.names`) do not read.

A message typed in capitals ("ICH HEISSE WALTRAUD SCHMIDBAUER") is read again with
only the first letter of each word kept upper-case, so the rules for names apply. The
other cues are shapes of everyday messages: "name Venkatesh Iyer" without "my", a
greeting with a name and its origin ("Hi there, Svetlana from Kyiv"), a word right
before "(born …)" or ", geboren …", a closing "Euer Quirin", an initial and surname
after a greeting word ("gruß j. wagner"), a surname after the phone number at the end
("0171 2345678, Hofmann"). Standard library only, like the other rules.
"""

from __future__ import annotations

import re

from conversations.finding import Finding
from conversations.first_names import AMBIGUOUS
from conversations.names import (
    _NOT_NAME_START,
    _NOT_NAMES,
    _known_first,
    _plausible_name,
    names,
)
from conversations.pii_patterns import LOW, UP, WORD

# Share of capital letters from which a message counts as typed in capitals.
CAPS_SHARE = 0.8
MIN_CAPS_LETTERS = 12
# Words after "Name" in a form or a question that are no person's name.
_FIELD_WORDS_TEXT = """
vorname nachname familienname name straße strasse hausnummer adresse anschrift
geburtsdatum geburtsort telefon e-mail email unterschrift datum ort plz wohnort
ihres ihrer ihren ihrem seines seiner meines meiner des der die das und oder
kindes antragsteller antragstellerin
"""
_FIELD_WORDS = frozenset(_FIELD_WORDS_TEXT.split())
# Addressees of a greeting: "Hallo Team aus Mühldorf" names nobody.
_ADDRESSEES_TEXT = "team landratsamt amt zusammen leute everyone all folks there"
_ADDRESSEES = frozenset(_ADDRESSEES_TEXT.split())

_BARE_NAME = re.compile(rf"\b[Nn]ame[ ]?[,:]?[ ]({WORD}(?:[ ]{WORD}){{0,2}})")
_GREETING_FROM = re.compile(rf"^[ ]*(?i:hi|hello|hey|hallo|servus|moin|grüß gott)"
                            rf"(?:[ ]there)?[ ,!]+({WORD})[ ](?:from|aus)[ ]{WORD}")
_BEFORE_BIRTH = re.compile(rf"(?<!\baus[ ])(?<!\bfrom[ ])(?<!\bin[ ])({WORD})"
                           rf"(?:[ ]?\((?i:born|geb\.?|geboren|\*)|,[ ]?"
                           rf"(?i:geb\.|geboren\b|born\b|dob\b|date of birth\b)|[ ]\*[ ]?\d)")
_YOURS = re.compile(rf"(?m:^[ ]*(?:Euer|Eure|Dein|Deine|Yours)[ ]*,?[ ]*\n?[ ]*)"
                    rf"({WORD}(?:[ ]{WORD})?)[ ]*(?=$|\n|\()")
_INITIAL_SURNAME = re.compile(rf"(?i:\b(?:gruß|grüße|gruss|grüsse|lg|vg|mfg|regards|cheers|"
                              rf"danke)[ ,!]+)([a-zA-Z]\.[ ]?[A-Za-z{LOW}]{{3,}})"
                              rf"(?=[ ]*(?:[.!]?\s*$|[+(]?\d))")
_SURNAME_AFTER_NUMBER = re.compile(rf"\d[ ]*,[ ]*({WORD})[ ]*[.!]?\s*$")
# A form pasted as text: "Name Weber, Vorname Michael" (the first name is read elsewhere).
_FORM_SURNAME = re.compile(rf"\b(?:Name|Nachname|Familienname|Surname|Last name)[ ]?:?[ ]"
                           rf"({WORD})[ ]?,[ ]?(?i:vorname|first name)\b")
# A forwarded message names its sender: "Forwarded from Tommy:".
_FORWARDED = re.compile(rf"(?i:\b(?:forwarded from|weitergeleitet von|fwd from))[ ]?:?[ ]"
                        rf"({WORD}(?:[ ]{WORD})?)")
# A greeting with its origin before the name: "Gruß aus Aschau, Vroni".
_GREETING_PLACE_NAME = re.compile(
    rf"(?i:\b(?:gruß|grüße|gruss|grüsse|lg|servus|greetings|hallo|hello|hi))[ ](?:aus|from)[ ]"
    rf"{WORD}(?:[ ]{WORD})?[ ]?,[ ]?({WORD}(?:[ ]{WORD})?)(?=[ ]*(?:$|\n|[.!,]|[^\w\s]))")
# Surname first after a greeting: "Grüß Gott, Obermaier Fanny, Tel. …" (one of the two
# words a known first name).
_GREETING_PAIR = re.compile(rf"^[ ]*(?:(?i:grüß gott|grüss gott|hallo|servus|guten tag|moin|hi|"
                            rf"hello)[ ,!]+)?({WORD})[ ]({WORD})(?=[ ]?[,.\n])")
_CONTACT_NEXT = re.compile(r"[ ]?,[ ]?(?:(?i:tel|telefon|handy|mobil|phone)\b|\+?\d)")
# Cyrillic and Polish introductions: "это Наталья Петрова", "мой сын Артём",
# "меня зовут …", "nazwisko Kamińska Agnieszka".
_CYR = r"[А-ЯЁІЇЄҐ][а-яёіїєґ']+"
_CYRILLIC = re.compile(r"[А-Яа-яЁёІіЇїЄєҐґ]")
_OTHER_SCRIPT = re.compile(
    rf"(?i:\b(?:это|меня зовут|мене звати|моё имя|мое имя|мій син|моя донька|мой сын|моя дочь|"
    rf"моя мама|мой муж|моя жена|мій чоловік|моя дружина|я))[ ,]+({_CYR}(?:[ ]{_CYR})?)"
    rf"|(?i:\b(?:nazwisko|nazywam się|imię i nazwisko|jestem))[ :]+({WORD}(?:[ ]{WORD})?)")

# Introductions in the languages of the district's newcomers: "je m'appelle Karima
# Benali", "mă numesc Sergiu", "tôi là Nguyễn Thị Lan", "me llamo …", "zovem se …".
# After a naming verb one capitalised word is enough; after a plain "I am" ("je suis",
# "sunt", "ja sam" …) two are needed ("je suis Amadou Diallo du Sénégal").
_NAMING = ("je m'appelle|je m’appelle|mon nom est|mă numesc|ma numesc|numele meu este|"
           "me llamo|mi nombre es|mi chiamo|il mio nome è|me chamo|meu nome é|o meu nome é|"
           "zovem se|jmenuji se|jmenuju se|kazvam se|казвам се|benim adım|adım|ismim|"
           "tên tôi là|tên của tôi là|quhem|emri im është|a nevem|nazywam się|ime mi je")
_BEING = "je suis|moi c'est|sunt|soy|sono|sou|ja sam|jsem|az sam|tôi là|vagyok|unë jam"
# Whole cues as substring tests (a first word alone, "a", "mi", "ja", is in every message).
_FOREIGN_HINTS = tuple(cue.replace("’", "'") for cue in (_NAMING + "|" + _BEING).split("|"))
_FOREIGN_INTRO = re.compile(
    rf"(?i:\b(?:({_NAMING})|{_BEING}))[ ,:]+({WORD}(?:[ ]{WORD}){{0,3}})")
# "we are the Osei family", "Ehepaar Ionescu": a family named by its surname.
_FAMILY_NAMED = re.compile(rf"\b(?:[Tt]he[ ]({WORD})[ ]family(?![ ](?:allowance|benefits?|doctor|"
                           rf"court|home|law|name|members?|reunification|insurance|card|office|"
                           rf"support|fund|business|services?|cent(?:er|re)|affairs|pass)\b)"
                           rf"|Ehepaar[ ]({WORD}))")
# A name right before the contact it leaves: "… Zulassung? Beat Zürcher, +41 79 …".
_NAME_BEFORE_CONTACT = re.compile(rf"(?:^|(?<=[.!?:\n])|(?<=[.!?][ ]))[ ]*({WORD}[ ]{WORD})"
                                  rf"[ ]?,[ ]?(?=\+\d|0\d|[\w.+-]+@)")
_CONTACT_AFTER_COMMA = re.compile(r",[ ]?(?:\+\d|0\d|[\w.+-]+@)")
# "bin die jessi (jessica reitmeier)": a nickname and the full name in brackets, lower case.
_LOWER_ALIAS = re.compile(rf"(?:\b(?:bin|bins)[ ](?:die|der|da|de)[ ]([{LOW}]+)[ ])?"
                          rf"\(([{LOW}]+)[ ]([{LOW}]{{2,}})\)")


# Fifteenth blind set: "ich bins nochmal der kevin schmidbauer", "hey its jamal price",
# "Hi, hier die Claudia von nebenan", "bin der Hinterholzer Sepp", "Szabó Péter vagyok",
# '"Wastl" <…@gmx.de>', "Läuft auf Brandl Verena", "Der Bauer heißt Kreil", "M. Fellner,
# Konrektorin", "… after Easter. – Megan O'Sullivan".
_LOWER_IAM = re.compile(rf"(?i:\b(?:ich bins|i bins|bins|ich bin|i bin)[ ]+(?:(?:nochmal|noch mal|"
                        rf"wieder|halt|eben|auch|jetzt)[ ]+)?(?:der|die|da|de)[ ]+)"
                        rf"([{LOW}]+)[ ]([{LOW}]{{3,}})")
_ITS_LOWER = re.compile(rf"(?i:\b(?:it['’]?s|this is)[ ]+)([{LOW}]+)[ ]"
                        rf"([{LOW}]{{3,}})")
_HERE_THE = re.compile(rf"\bhier[ ](?:ist[ ])?(?:die|der|da|de)[ ]({WORD})")
_BIN_DER_PAIR = re.compile(rf"\b(?:[Bb]in|[Bb]ins|ich bin|i bin)[ ](?:der|die|da|de)[ ]({WORD})"
                           rf"[ ]({WORD})")
_VAGYOK = re.compile(rf"({WORD}[ ]{WORD})[ ]vagyok\b")
_QUOTED_SENDER = re.compile(rf"[\"“„']({WORD}(?:[ ]{WORD})?)[\"”“']\s*<")
_REGISTERED_TO = re.compile(rf"(?i:\b(?:läuft auf|lautet auf|auf den namen|registered to|in the "
                            rf"name of)[ ])({WORD}(?:[ ]{WORD})?)")
_PERSON_NAMED = re.compile(rf"(?i:\b(?:bauer|landwirt|nachbar\w*|vermieter\w*|mieter\w*|chef\w*|"
                           rf"fahrer\w*|halter\w*|besitzer\w*|eigentümer\w*|typ|kerl)[ ]"
                           rf"(?:heißt|heisst)[ ])({WORD}(?:[ ]{WORD})?)")
_INITIAL_END = re.compile(rf"(?:^|(?<=[.!?:\n])[ ]*)([A-Z]\.[ ]?{WORD})"
                          rf"(?=,[ ]?{WORD}[ ]*[.!]?\s*$|[ ]*[.!]?\s*$)")
_DASH_FINAL = re.compile(rf"[.!?][ ]+[–—-][ ]*({WORD}(?:[ ]{WORD})?)[ ]*$")


_INITIAL_HINT = re.compile(rf"\b[A-Z]\.[ ]?[{UP}]")
# Cheap tests first: each phrasing runs only when one of its words is there at all.
_HINTS: dict[re.Pattern[str], tuple[str, ...]] = {
    _LOWER_IAM: ("bin",), _ITS_LOWER: ("its ", "it's", "it’s", "this is"),
    _HERE_THE: ("hier ",), _BIN_DER_PAIR: ("bin",), _VAGYOK: ("vagyok",),
    _QUOTED_SENDER: ("<",), _REGISTERED_TO: ("t auf ", "namen", "registered", "name of"),
    _PERSON_NAMED: ("heißt", "heisst"), _DASH_FINAL: ("–", "—", " - "),
}


def _present(pattern: re.Pattern[str], text: str, lowered: str) -> bool:
    """Can `pattern` match `text` at all (its hint words, or an initial before a name)?"""
    if pattern is _INITIAL_END:
        return _INITIAL_HINT.search(text) is not None
    return any(hint in lowered for hint in _HINTS[pattern])


def _phrases(text: str) -> list[Finding]:
    """The fifteenth set's phrasings of a name (see above)."""
    found: list[Finding] = []
    lowered = text.lower()
    for pattern in (_LOWER_IAM, _ITS_LOWER):
        if not _present(pattern, text, lowered):
            continue
        for match in pattern.finditer(text):
            if _known_first(match.group(1).capitalize()) \
                    and match.group(2) not in _NOT_NAMES and match.group(2) not in _FIELD_WORDS:
                found.append(Finding("name", match.start(1), match.end(2),
                                     text[match.start(1):match.end(2)]))
    for match in _HERE_THE.finditer(text) if _present(_HERE_THE, text, lowered) else ():
        if _known_first(match.group(1)):
            found.append(Finding("name", match.start(1), match.end(1), match.group(1)))
    for match in _BIN_DER_PAIR.finditer(text) if _present(_BIN_DER_PAIR, text, lowered) \
            else ():
        if (_known_first(match.group(1)) or _known_first(match.group(2))) \
                and _person(f"{match.group(1)} {match.group(2)}"):
            found.append(Finding("name", match.start(1), match.end(2),
                                 text[match.start(1):match.end(2)]))
    for pattern in (_VAGYOK, _QUOTED_SENDER, _REGISTERED_TO, _PERSON_NAMED, _INITIAL_END,
                    _DASH_FINAL):
        if not _present(pattern, text, lowered):
            continue
        for match in pattern.finditer(text):
            value = match.group(1)
            if pattern is _DASH_FINAL and " " not in value and not _known_first(value):
                continue
            if _person(value.split(".")[-1].strip() or value):
                found.append(Finding("name", match.start(1), match.end(1), value))
    return found


def _foreign(text: str, lowered: str) -> list[Finding]:
    """Introductions in other languages, families, names before their contact details."""
    found: list[Finding] = []
    if any(hint in lowered.replace("’", "'") for hint in _FOREIGN_HINTS):
        for match in _FOREIGN_INTRO.finditer(text):
            words = match.group(2).split()
            keep = []
            for word in words:  # "Amadou Diallo du Sénégal": stop at a lower-case word
                if word.lower() in _NOT_NAMES or word.lower() in _FIELD_WORDS:
                    break
                keep.append(word)
            if not keep or (match.group(1) is None and len(keep) < 2
                            and not _known_first(keep[0])):
                continue
            value = " ".join(keep)
            if _person(value):
                found.append(Finding("name", match.start(2), match.start(2) + len(value),
                                     value))
    if "family" in lowered or "ehepaar" in lowered:
        for match in _FAMILY_NAMED.finditer(text):
            group = 1 if match.group(1) else 2
            if _person(match.group(group)):
                found.append(Finding("name", match.start(group), match.end(group),
                                     match.group(group)))
    contact = _CONTACT_AFTER_COMMA.search(text) is not None
    for match in _NAME_BEFORE_CONTACT.finditer(text) if contact else ():
        first, second = match.group(1).split()
        known = _known_first(first) or first in AMBIGUOUS
        if known and _person(match.group(1)) and second.lower() not in _NOT_NAMES:
            found.append(Finding("name", match.start(1), match.end(1), match.group(1)))
    if "(" in text:
        for match in _LOWER_ALIAS.finditer(text):
            if not _known_first(match.group(2).capitalize()):
                continue
            for group in (1, 2):
                if match.group(group):
                    end = match.end(group) if group == 1 else match.end(3)
                    found.append(Finding("name", match.start(group), end,
                                         text[match.start(group):end]))
    return found


# "wir sind familie bajrami: vater arben, mutter drita, kinder liridon und blerina": a
# family introduced with a colon, each member after a kin word (any case).
_FAMILY_HEADER = re.compile(rf"(?i:\bfamilie)[ ]([{LOW}A-Z][{LOW}]+(?:-[{LOW}A-Z][{LOW}]+)?)"
                            rf"[ ]?:[ ]?([^.!?\n]+)")
_FAMILY_MEMBER = re.compile(rf"(?i:\b(?:vater|mutter|papa|mama|kinder|kind|sohn|söhne|tochter|"
                            rf"töchter|oma|opa|baby|father|mother|children|son|daughter))[ ]"
                            rf"([{LOW}A-Z][{LOW}]+)(?:[ ](?:und|and)[ ]([{LOW}A-Z][{LOW}]+))?")


def _family_list(text: str) -> list[Finding]:
    found: list[Finding] = []
    for header in _FAMILY_HEADER.finditer(text):
        found.append(Finding("name", header.start(1), header.end(1), header.group(1)))
        for member in _FAMILY_MEMBER.finditer(text, header.start(2), header.end(2)):
            for group in (1, 2):
                if member.group(group) and member.group(group).lower() not in _NOT_NAMES:
                    found.append(Finding("name", member.start(group), member.end(group),
                                         member.group(group)))
    return found


def in_capitals(text: str) -> bool:
    """Is `text` typed (almost) all in capitals?"""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= MIN_CAPS_LETTERS and \
        sum(c.isupper() for c in letters) >= CAPS_SHARE * len(letters)


def decapitalised(text: str) -> str:
    """`text` with only the first letter of each word upper-case, same length."""
    out: list[str] = []
    previous_letter = False
    for char in text:
        lower = char.lower()
        out.append(lower if previous_letter and len(lower) == 1 else char)
        previous_letter = char.isalpha()
    return "".join(out)


_DETERMINERS_TEXT = """
der die das den dem des ein eine einen einem einer mein meine meinen meinem unser unsere
unseren the a an my our
"""
_DETERMINERS = frozenset(_DETERMINERS_TEXT.split())


def _after_article(text: str, start: int) -> bool:
    """Is the word at `start` a noun after an article or adjective ("den grauen Lappen")?"""
    before = re.search(r"([a-zäöüß]+)[ ]$", text[:start])
    if before is None:
        return False
    word = before.group(1)
    return word in _DETERMINERS or (len(word) > 4 and word.endswith(("en", "em", "es")))


def _person(value: str) -> bool:
    first = value.split()[0].lower()
    return _plausible_name(value) and first not in _NOT_NAME_START \
        and not any(word.lower() in _FIELD_WORDS for word in value.split())


def cue_names(text: str) -> list[Finding]:
    """Every name the cues above find in `text` (may overlap other findings)."""
    found: list[Finding] = []
    if in_capitals(text):
        readable = decapitalised(text)
        found += [Finding("name", f.start, f.end, text[f.start:f.end]) for f in names(readable)]
        text_for_cues = readable
    else:
        text_for_cues = text
    for match in _GREETING_PAIR.finditer(text_for_cues):
        contact_next = _CONTACT_NEXT.match(text_for_cues, match.end(2)) is not None
        if (_known_first(match.group(1)) or _known_first(match.group(2)) or contact_next) \
                and _person(f"{match.group(1)} {match.group(2)}") \
                and match.group(1).lower() not in _ADDRESSEES:
            found.append(Finding("name", match.start(1), match.end(2),
                                 text[match.start(1):match.end(2)]))
    lowered = text.lower()
    other_script = _CYRILLIC.search(text) is not None or "nazw" in lowered \
        or "jestem" in lowered
    for match in _OTHER_SCRIPT.finditer(text) if other_script else ():
        group = 1 if match.group(1) else 2
        if group == 1 or _person(match.group(2)):
            found.append(Finding("name", match.start(group), match.end(group),
                                 match.group(group)))
    for pattern in (_BARE_NAME, _BEFORE_BIRTH, _YOURS, _SURNAME_AFTER_NUMBER, _GREETING_FROM,
                    _FORM_SURNAME, _FORWARDED, _GREETING_PLACE_NAME):
        for match in pattern.finditer(text_for_cues):
            value = match.group(1)
            if not _person(value) or value.lower() in _ADDRESSEES \
                    or value.lower() in _NOT_NAMES:
                continue
            if pattern is _FORWARDED and not _known_first(value.split()[0]):
                continue  # "Weitergeleitet von Kanal Landkreis Mühldorf"
            if pattern is _BEFORE_BIRTH and _after_article(text_for_cues, match.start(1)):
                continue  # "den grauen Lappen, geboren bin ich …"
            if pattern is _BARE_NAME and " " not in value and not _BEFORE_BIRTH.match(
                    text_for_cues, match.start(1)):
                continue  # "Name Milan, geb. …" alone; else two words ("name Hiroshi Tanaka")
            found.append(Finding("name", match.start(1), match.end(1),
                                 text[match.start(1):match.end(1)]))
    found += _family_list(text)
    found += _foreign(text, lowered)
    found += _phrases(text)
    for match in _INITIAL_SURNAME.finditer(text):
        found.append(Finding("name", match.start(1), match.end(1), match.group(1)))
    return found
