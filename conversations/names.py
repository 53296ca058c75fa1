"""Names in a citizen's message: the redactor's rules for people named as such.

German capitalises nouns, so a capitalised word is no name by itself. A name is found
where the message introduces one ("ich bin …", "mein Name ist …", "hier schreibt …", a
title, a greeting line, "Resi hier", a relative or client named as such) or where a
known first name (`conversations.first_names`) is followed by a capitalised surname.
A surname found once is found again elsewhere in the message ("Amara Okafor").
Standard library only; `conversations.redaction` resolves overlaps with the patterns.
"""

from __future__ import annotations

import re

from conversations.finding import Finding
from conversations.first_names import AMBIGUOUS as _AMBIGUOUS
from conversations.first_names import FIRST_NAMES as _FIRST_NAMES
from conversations.pii_patterns import LOW, UP, WORD

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
betreuer betreuerin vormund bevollmächtigter bevollmächtigte sohn tochter ehemann ehefrau
enkel enkelin nachbar nachbarin inhaber inhaberin geschäftsführer geschäftsführerin
vorsitzende vorsitzender ansprechpartner ansprechpartnerin gott
new pregnant retired unemployed student a an the not from german married divorced
single disabled looking trying here moving living self-employed employed refugee
citizen resident sure sorry confused still just also currently going interested
american british english irish scottish canadian australian indian pakistani chinese
japanese korean vietnamese thai filipino turkish syrian iraqi iranian afghan ukrainian
russian polish romanian bulgarian hungarian czech slovak croatian serbian bosnian albanian
kosovar greek italian spanish portuguese french dutch belgian swiss austrian swedish
norwegian danish finnish brazilian mexican colombian nigerian ghanaian kenyan ethiopian
eritrean egyptian moroccan tunisian algerian somali european african asian
"""
_NOT_NAMES = frozenset(_NOT_NAMES_TEXT.split())
_NAME_INTRO = re.compile(
    rf"(?i:\b(?:mein name ist|mein name lautet|heiße|heisse|heiß|my name is|"
    rf"name:|(?:vorname|nachname|familienname)(?:[ ]ist|:)?|(?:surname|last name|family name|"
    rf"given names?|first names?):|this is|hier ist|hier spricht|"
    rf"hier schreibt|es schreibt|(?:she|he) is|(?:er|sie) heißt|named|called|geboren als|"
    rf"geborene|geb\.|früher|formerly|née|mädchenname[n]?|geburtsname[n]?|gebürtige[r]?|"
    rf"(?:jetzt|nun|inzwischen)[ ](?:verheiratete|verwitwete|geschiedene))[ ]+"
    rf"(?:(?:jetzt|nun|inzwischen|seit der hochzeit|now|der|die|da)[ ]+)?)"
    rf"((?:(?:Dr\.|Prof\.)[ ])?{WORD}(?:[ ](?:von[ ]|van[ ]|de[ ])?{WORD}){{0,2}}"
    rf"|[{LOW}]+(?:[ ][{LOW}]+)?(?=[ ]*(?:[.,!]|$)))")
_IAM = re.compile(
    rf"(?i:(?:\b(?:ich bin|i bin|i bins|i am|i'm)|(?:^|(?<=[^\w\s]))[ ]*bins?"
    # Bavarian "do is d'Maria", "da is da Sepp": only with the article before the name.
    rf"|\b(?:do|da|hier)[ ]is(?=[ ]+(?:d['’]|da[ ]|de[ ])))[ ,]+"
    rf"(?:(?:der|die|da|de)[ ]+|d['’][ ]?)?)"
    rf"({WORD}(?:[ ]{WORD}){{0,2}})")
_TITLE = re.compile(rf"(?:\b(?:Herr|Herrn|Frau|Hr\.|Fr\.|Mr\.?|Mrs\.?|Ms\.?|Dr\.|Fam\.|"
                    rf"Familie)|\bc/o)"
                    rf"[ ]+((?:Dr\.[ ])?(?:(?:von|van|de|zu)(?:[ ](?:der|den|dem|de|la))?[ ])?"
                    rf"{WORD}(?:[ ]{WORD})?)")
_SIGNATURE = re.compile(
    rf"(?i:\b(?:viele grüße|vielen dank|mit freundlichen grüßen|freundliche grüße|"
    rf"liebe grüße|beste grüße|schöne grüße|mfg|lg|vg|gruß|grüße|grüsse|gruss|danke|"
    rf"best regards|kind regards|regards|thanks|thank you|cheers|best|gruaß|pfiat di|"
    rf"pfiat eich)[ ]*[,!.]?[ ]*\n?[ ]*"
    rf"(?:(?:von|from)[ ](?:der|dem|die|da)?[ ]?|vom[ ])?)"
    rf"(?:(?:Dipl\.-[A-Za-z]+\.|Dr\.|Prof\.|Mag\.|Ing\.)[ ])*"
    rf"((?:[{UP}]\.[ ]?)?{WORD}(?:[ ](?:u\.|und|&)[ ]{WORD})?(?:[ ]{WORD}){{0,2}})"
    rf"[ ]*(?:[.!,(]|$)", re.MULTILINE)
_APPOSITION = re.compile(rf"\b(?:Ich|I),[ ]({WORD}(?:[ ]{WORD}){{1,2}})[ ]?[,(]")
# "Meine Daten: Rustam Nazarov, geb. …": a name introduced by a label.
_LABELLED = re.compile(rf"(?i:\b(?:meine daten|my details|angaben|"
                       rf"antragsteller(?::in|\*in|/in|in)?|"
                       rf"absender|kontoinhaber(?:in)?|account holder|name on (?:the )?account|"
                       rf"kind|child|"
                       rf"(?:fahrzeug)?halter(?:in)?|patient(?:in)?|schüler(?:in)?|"
                       rf"versicherte[r]?|inhaber(?:in)?|verstorbene[r]?|holder|owner|"
                       rf"applicant)(?:[ ]\w+){{0,4}}[ ]?:[ ]?)"
                       rf"({WORD}(?:,?[ ]{WORD}\b(?![ ]?\d)){{1,2}})")
_IN_BRACKETS = re.compile(rf"\b(?:[Ii]ch|I)[ ]?\(({WORD}(?:[ ]{WORD}){{0,2}})[,;)]")
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
    "grandson|granddaughter|nephew|niece|aunt|uncle|patient|patientin|mandant|mandantin|"
    "klient|klientin|klienten|patienten|mandanten|kunden|kunde|kundin|kollegen|mitarbeiter|mitarbeiterin|kollege|kollegin|chef|chefin|"
    "bewohner|bewohnerin|mieter|mieterin|pflegekind|stiefsohn|stieftochter|betreute|"
    "betreuter|cousin|cousine|verlobte|verlobter|ex-mann|ex-frau|colleague|client|tenant|"
    "employee|boss|fiancé|fiancee|stepson|stepdaughter|pflegetochter|pflegesohn|"
    "adoptivkind|adoptivsohn|adoptivtochter|mündel|tagesmutter|tagesvater|pflegeperson|"
    "betreuerin|betreuer|vermieter|vermieterin|foster child|foster daughter|foster son|"
    "stiefvater|stiefmutter|pflegemutter|pflegevater|stepfather|stepmother|"
    "mama|papa|mami|papi|mum|mom|dad")
_RELATIVE = re.compile(
    rf"(?i:\b(?:mein|meine|meines|meinem|meinen|meiner|unser|unsere|unseres|unserem|unseren|"
    rf"unserer|my|our)[ ](?:{_RELATIVE_WORDS}))(,?|[ ]?\()[ ]?({WORD}(?:[ ]{WORD}){{0,2}})([,()]?)")
# "der Tochter Emilia", "meine Kinder Tomáš und Ema": a relative's known first name(s).
_KIN_FIRST = re.compile(rf"\b(?:Tochter|Sohn|Sohnes|Kind|Kinder|Kindes|Töchter|Söhne|Enkel|"
                        rf"Enkelin|Enkelkinder|Zwillinge|Bruder|Schwester|Geschwister|Ehefrau|"
                        rf"Ehemann|Gattin|Gatte|Partnerin|Partner|Lebensgefährtin|Lebensgefährte|"
                        rf"Mama|Papa|Oma|Opa|Mutter|Vater|Neffe|Nichte|Cousine|Cousin)[:]?"
                        rf"[ ]({WORD}(?:(?:,[ ]|[ ](?:und|u\.|&)[ ]){WORD}){{0,3}})")
# Known first names in a list with an age or a date in brackets: "Emma (6), Paul (4)
# und Ida (1)", "Laura (12.03.2014)"; after "unserem"/"my": "von unserem Jonas".
_FIRST_WITH_AGE = re.compile(rf"(?<![{UP}{LOW}-])({WORD})(?=[ ]?\((?:\d|(?i:baby|säugling))|,[ ]?"
                             r"\d{1,2}[ ]?(?:J\.|Jahre?\b|y\b|yrs|years|Monate|months))")
# Children listed with ages after "kids/Kinder": every item is a name ("the kids are Aoife
# (7) and Cian (4)"), known first name or not.
_KIDS_LIST = re.compile(rf"(?i:\b(?:kids|children|kinder|söhne|töchter|sons|daughters)\b"
                        rf"(?:[ ](?:are|sind|heißen|named))?[ :]+)"
                        rf"((?:{WORD}[ ]?\(\d{{1,2}}\)(?:,[ ]|[ ](?:and|und|&)[ ])?){{2,}})")
# A full name opening the message before "born"/"geb.": "Nguyen Van Minh, born …".
_OPENING_NAME = re.compile(rf"^[ ]*({WORD}(?:[ ]{WORD}){{1,3}}),?[ ](?:born|geb\.|geboren)\b")
_OWN_FIRST = re.compile(rf"(?i:\b(?:mein|meine|meinem|meinen|meiner|unser|unsere|unserem|"
                        rf"unseren|unserer|my|our)[ ])({WORD})\b")
# "it's Daniela from Brazil", "Hi im Peter O'Brien": only with a known first name.
_ITS = re.compile(rf"(?i:\b(?:it['’]s|it is|(?:hi|hello|hey)[ ,]+i(?:m|ts)))"
                  rf"[ ]+({WORD}(?:[ ]{WORD})?)")
# Bavarian article before a name, reversed or not: "…, da Huber Alois, …", "d'Resi".
_ARTICLE_NAME = re.compile(rf"(?:^|(?<=[,.!?;:])|(?<=\n))[ ]*(?:da|de|d['’])[ ]?"
                           rf"({WORD}(?:[ ]{WORD})?)(?=[ ]*(?:[,.!?;:]|$))", re.MULTILINE)
# E-mail header lines: "Von: Behrens, Claudia", "From: Anna Roth".
_HEADER = re.compile(rf"(?m:^[ ]*(?:Von|From|An|To|Cc|Absender|Sender)[ ]?:[ ]*)"
                     rf"({WORD}(?:,?[ ]{WORD}){{1,2}})")
# A lower-case full name opening the message: "tobias reiter 12.12.02 wollte fragen".
_OPENING_LOWER = re.compile(rf"^[ ]*([{LOW}]+)[ ]([{LOW}]{{3,}})(?=[ ,]+\d)")
_NOT_A_PERSON_BEFORE = re.compile(r"(?i:\b(?:modell|model|marke|brand|typ|type)[ ]$)")
# "Oma von Ben", "die Mutter von Lena": a relative of a known first name.
_RELATIVE_OF = re.compile(rf"(?i:\b(?:{_RELATIVE_WORDS})[ ](?:von|of|vom)[ ](?:der[ ]|dem[ ])?)"
                          rf"({WORD}|[{LOW}]+(?=[ ][{LOW}]+|\b))(?:[ ]([{LOW}]{{3,}}))?")
# "mein sohn emil": lower case, only with a known first name.
_RELATIVE_LOWER = re.compile(
    rf"(?i:\b(?:mein|meine|meinem|meinen|meiner|unser|unsere|unserem|unseren|my|our)[ ]"
    rf"(?:{_RELATIVE_WORDS})[ ])([{LOW}]+)\b")
# Lower-case introductions and signatures: only with a known first name.
_IAM_LOWER = re.compile(rf"(?i:\b(?:ich bin|i bin|bin|i bins|bins|i am|i'm|im|mein name ist|"
                        rf"mein name is|name|"
                        rf"my name is|hier ist|hier is|hier schreibt|this is|ich heiße|ich heiß|"
                        rf"ich heisse)[ ]+(?:(?:der|die|da)[ ]+)?)"
                        rf"([{LOW}]+)(?:[ ]([{LOW}]+))?")
_SIGNATURE_LOWER = re.compile(
    r"(?i:\b(?:viele grüße|mit freundlichen grüßen|freundliche grüße|liebe grüße|"
    r"beste grüße|schöne grüße|mfg|lg|vg|gruß|grüße|best regards|kind regards|regards|"
    rf"cheers)[ ]*[,!.]?[ ]*\n?[ ]*)([{LOW}]+(?:[ ][{LOW}]+)?)[ ]*[.!]?[ ]*$")
# The message ends with a name alone, as a signature: "…, ruafts mi o, Kathi",
# "… in der Schweiz. Beat Zürcher" (a known first name; two words also an ambiguous one).
_FINAL_NAME = re.compile(rf"(?:^|[.!?,\n])[ ]*({WORD}(?:[ ]{WORD})?)[ ]*[.!]?\s*$")
_FUNCTION_WORDS_TEXT = """
und aus von vom in im am an auf mit bei wegen weil oder aber also and from of at with but
because so hier here da dort there wohne live wollte wollt möchte would want
"""
_FUNCTION_WORDS = frozenset(_FUNCTION_WORDS_TEXT.split())
# "Piotr Nowak hier." / "David Kern here," — at the start of a sentence, and the phrase
# ends there ("Kann ich Wohngeld Plus hier beantragen?" is no introduction).
_HERE = re.compile(rf"(?:^|(?<=[.!?,:;][ ])|(?<=\n)|(?<=\())(?:(?:[Dd]er|[Dd]ie|[Dd]a|d')[ ]?)?"
                   rf"({WORD}(?:[ ]{WORD}){{0,2}})[ ]((?:aus|from|von)[ ]{WORD}[ ])?"
                   rf"(?:hier|here|do)(?=[ ]*(?:[.,!;:()]|$))", re.MULTILINE)
# "servus, toni hier": lower case, only with a known first name.
_HERE_LOWER = re.compile(rf"(?:^|(?<=[.!?,:;][ ])|(?<=\n))([{LOW}]+)(?:[ ]([{LOW}]+))?[ ]"
                         rf"(?:hier|here|do)"
                         rf"(?=[ ]*(?:[.,!;:]|$))", re.MULTILINE)
# Sentence-opening words that are no names ("Die Stelle hier", "Mein Antrag hier").
_NOT_NAME_START_TEXT = """
der die das den dem des ein eine einen einem mein meine meinen ihr ihre unser unsere
dieser diese dieses the a an my our this that hallo servus guten grüß hello hi
"""
_NOT_NAME_START = frozenset(_NOT_NAME_START_TEXT.split())

_COMMON_NOUN_ENDINGS = ("ung", "keit", "heit", "schaft", "ion", "tät", "nis", "chen", "erin")
# "ich bin die Pflegemutter / Tagesmutter / der Stiefvater": a role, no name.
_ROLE_ENDINGS = ("mutter", "vater", "tochter", "eltern", "betreuer", "betreuerin")

# A known first name and a capitalised word: "Josef Obermaier", "Grace Okafor". Not when
# the second word makes it a place, holiday or institution ("Maria Himmelfahrt",
# "Max Planck Gymnasium" keeps "Gymnasium" but loses the name — harmless).
_FULL_NAME = re.compile(rf"(?<![{UP}{LOW}-])([{UP}][{LOW}]+(?:-[{UP}][{LOW}]+)?)"
                        rf"(?=[ ]((?:(?:von|van|de|di|da|del|al|el|bin|ben|ibn)[ -])?"
                        rf"[{UP}][{LOW}]+(?:-[{UP}][{LOW}]+)?)\b)")
_PAIR_BEFORE = re.compile(rf"(?<![{UP}{LOW}-])([{UP}][{LOW}]+)[ ](?:und|&|and|u\.)[ ]$")
_NOT_SURNAMES_TEXT = """
himmelfahrt hilf empfängnis lichtmess geburt heimsuchung gymnasium realschule grundschule
mittelschule schule kindergarten kita kirche kapelle klinik klinikum krankenhaus stift
stiftung haus heim hof apotheke halle platz straße strasse weg gasse allee ring park
bad see berg tal dorf kaserne siedlung zentrum center
"""
_NOT_SURNAMES = frozenset(_NOT_SURNAMES_TEXT.split())


def _plausible_name(words: str) -> bool:
    parts = words.split()
    if not parts or parts[0].lower() in _NOT_NAMES:
        return False
    return not any(part.lower().endswith(_COMMON_NOUN_ENDINGS) for part in parts)


def names(text: str) -> list[Finding]:
    """Every name in `text` (may overlap; the caller keeps one finding per span)."""
    found: list[Finding] = []
    for pattern, check in ((_NAME_INTRO, False), (_TITLE, True), (_SIGNATURE, True)):
        for match in pattern.finditer(text):
            value = match.group(1)
            if (check and not _plausible_name(value)) or value.lower() in _NOT_NAMES:
                continue
            found.append(Finding("name", match.start(1), match.end(1), value))
    for pattern in (_APPOSITION, _HERE, _LABELLED):
        for match in pattern.finditer(text):
            value = match.group(1)
            if value.split()[0].lower() in _NOT_NAME_START or not _plausible_name(value):
                continue
            if " " not in value and value not in _FIRST_NAMES and not (
                    pattern is _HERE and match.group(2)):  # "Can from Waldkraiburg here"
                continue
            found.append(Finding("name", match.start(1), match.end(1), value))
    for match in _IN_BRACKETS.finditer(text):
        if _plausible_name(match.group(1)):
            found.append(Finding("name", match.start(1), match.end(1), match.group(1)))
    for match in _RELATIVE.finditer(text):
        value = match.group(2)
        apposition = bool(match.group(1)) and bool(match.group(3))
        # English capitalises names, not nouns: "my wife Li Na" is a name whatever it is.
        english = match.group(0)[:3].lower() in ("my ", "our")
        if _plausible_name(value) and (apposition or english
                                       or _known_first(value.split()[0])):
            found.append(Finding("name", match.start(2), match.end(2), value))
    for pattern in (_RELATIVE_OF, _RELATIVE_LOWER):
        for match in pattern.finditer(text):
            if not _known_first(match.group(1).capitalize()):
                continue
            end = match.end(1)
            surname = match.group(2) if pattern is _RELATIVE_OF else None
            if surname and match.group(1).islower() and surname not in _FUNCTION_WORDS \
                    and surname not in _NOT_NAMES:
                end = match.end(2)  # "mama von leonie schmid"
            found.append(Finding("name", match.start(1), end, text[match.start(1):end]))
    for match in _KIN_FIRST.finditer(text):
        for word in re.finditer(rf"{WORD}", match.group(1)):
            if _known_first(word.group(0)):
                start = match.start(1) + word.start()
                found.append(Finding("name", start, start + len(word.group(0)), word.group(0)))
    for pattern in (_FIRST_WITH_AGE, _OWN_FIRST, _ITS, _ARTICLE_NAME, _HEADER):
        for match in pattern.finditer(text):
            value = match.group(1)
            if any(_known_first(word.strip(",")) and word not in _AMBIGUOUS
                   for word in value.split()[: 1 if pattern in (_FIRST_WITH_AGE, _OWN_FIRST)
                                              else 3]):
                found.append(Finding("name", match.start(1), match.end(1), value))
    for match in _KIDS_LIST.finditer(text):
        for word in re.finditer(rf"{WORD}(?=[ ]?\()", match.group(1)):
            start = match.start(1) + word.start()
            found.append(Finding("name", start, start + len(word.group(0)), word.group(0)))
    named = _OPENING_NAME.match(text)
    if named is not None and _plausible_name(named.group(1)):
        found.append(Finding("name", named.start(1), named.end(1), named.group(1)))
    opening = _OPENING_LOWER.match(text)
    if opening is not None and _known_first(opening.group(1).capitalize()):
        found.append(Finding("name", opening.start(1), opening.end(2),
                             text[opening.start(1):opening.end(2)]))
    found.extend(_final_name(text))
    for pattern in (_IAM_LOWER, _SIGNATURE_LOWER, _HERE_LOWER):
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
            lower = part.lower()
            if lower in _NOT_NAMES or lower.endswith(_ROLE_ENDINGS) or (
                    lower.endswith(_COMMON_NOUN_ENDINGS) and lower not in _COMMON_NOUN_ENDINGS):
                break
            keep.append(part)
        if not keep:
            continue
        opener = text[match.start():match.start(1)].lower()
        english = opener.startswith(("i am", "i'm"))
        article = opener.rstrip().endswith((" der", " die", " da", " de"))
        if opener.lstrip().startswith("bin") and keep[0] not in _FIRST_NAMES:
            continue  # "bin da Montag nicht da": without "ich", only a known first name
        if english or article or len(keep) >= 2 or keep[0] in _FIRST_NAMES:
            end = match.start(1) + len(" ".join(keep))
            found.append(Finding("name", match.start(1), end, text[match.start(1):end]))
    found.extend(_known_full_names(text))
    found.extend(_aliases(text, found))
    return found + _surnames_again(text, found)


_ALIAS = re.compile(rf"[ ]?\(({WORD}(?:[ ]{WORD}){{1,2}})\)")


def _aliases(text: str, found: list[Finding]) -> list[Finding]:
    """A full name in brackets right after a found one: "Oma Rosl (Rosalinde Mayerhofer)"."""
    out = []
    for finding in found:
        match = _ALIAS.match(text, finding.end)
        if match is not None and _plausible_name(match.group(1)):
            out.append(Finding("name", match.start(1), match.end(1), match.group(1)))
    return out


def _known_first(word: str) -> bool:
    """A known first name, also hyphenated from known ones ("Luca-Elias")."""
    return word in _FIRST_NAMES or ("-" in word and all(
        part in _FIRST_NAMES for part in word.split("-")))


def _final_name(text: str) -> list[Finding]:
    """A name standing alone at the end of the message, as a signature."""
    match = _FINAL_NAME.search(text)
    if match is None:
        return []
    words = match.group(1).split()
    if words[0].lower() in _NOT_NAME_START or not _plausible_name(match.group(1)):
        return []
    known = _known_first(words[0]) or (len(words) == 2 and words[0] in _AMBIGUOUS
                                       and words[1].lower() not in _NOT_SURNAMES) \
        or (len(words) == 2 and _known_first(words[1])  # "Wimmer Resi": surname first
            and words[0].lower() not in _NOT_SURNAMES and words[0].lower() not in _NOT_NAMES
            and not words[0].lower().endswith(_COMMON_NOUN_ENDINGS))
    if not known:
        return []
    return [Finding("name", match.start(1), match.end(1), match.group(1))]


def _known_full_names(text: str) -> list[Finding]:
    found: list[Finding] = []
    for match in _FULL_NAME.finditer(text):
        first, surname = match.group(1), match.group(2)
        last = surname.split()[-1].split("-")[-1].lower()
        if not _known_first(first) or last in _NOT_SURNAMES or last in _NOT_NAMES:
            continue
        if last.endswith(_COMMON_NOUN_ENDINGS) and last not in _COMMON_NOUN_ENDINGS:
            continue
        end = match.end(2)  # the surname is in a lookahead: "Kontoinhaber Helmut Huber"
        following = text[end:].split(maxsplit=1)
        if following and following[0].strip(".,;:!?-").lower() in _NOT_SURNAMES:
            continue  # "Max Planck Gymnasium", "Maria Hilf Kirche"
        start = match.start(1)
        if _NOT_A_PERSON_BEFORE.search(text, 0, start):
            continue  # "Modell John Deere X350"
        pair = _PAIR_BEFORE.search(text, 0, start)
        if pair is not None and pair.group(1) in _FIRST_NAMES:
            start = pair.start(1)  # "Claudia und Martin Feichtner"
        found.append(Finding("name", start, end, text[start:end]))
    return found


def _surnames_again(text: str, found: list[Finding]) -> list[Finding]:
    """A surname already found as part of a full name, after another capitalised word."""
    surnames = {f.value.split()[-1] for f in found if " " in f.value}
    again: list[Finding] = []
    for surname in surnames:
        pattern = rf"(?<![{UP}{LOW}-])[{UP}][{LOW}]+(?:-[{UP}][{LOW}]+)?[ ]{re.escape(surname)}\b"
        for match in re.finditer(pattern, text):
            first = match.group(0).split()[0]
            if first.lower() in _NOT_NAME_START or first.lower() in _NOT_NAMES:
                continue
            if not _plausible_name(first):  # "Gaststättenerlaubnis Yıldız": the surname
                start = match.end() - len(surname)
                again.append(Finding("name", start, match.end(), surname))
                continue
            again.append(Finding("name", match.start(), match.end(), match.group(0)))
    return again
