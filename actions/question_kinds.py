"""What kind of question a message asks about the answer in context: how long it
takes, by when it must be done, how to hand it in, whether someone else may do it, the
same again for another thing, or a complaint. Pure text rules (umlauts folded with
`normalize_name`); the gate and its shortcuts decide what to answer.
"""

from __future__ import annotations

import re

from actions.passage import sentences
from actions.topic import topic_text
from catalogue.gemeinden import normalize_name

# "Wie lange dauert das?" / "How long does it take?": the processing time.
_DURATION = re.compile(r"\b(?:wie lang(?:e)?|dauert|dauern|bearbeitungszeit|wartezeit|"
                       r"how long|take[s]? long|processing time|waiting time)\b")


# "Wie lange ist der gültig?" asks how long something is valid, not how long it takes.
# "Wie lange habt ihr offen?" asks the opening hours.
# "Wie lange muss ich in Deutschland leben?" asks a residence period.
_VALIDITY = re.compile(r"\b(?:gueltig\w*|gilt|gelten|valid\w*|ablauf\w*|laeuft|offen|"
                       r"geoeffnet|open|leben|wohnen|gelebt|gewohnt|live|lived|living)\b")


# "Wie lange bekommt man den Unterhaltsvorschuss?" (how long it is paid), "how long do we
# have to apply?" (a deadline): no processing time — unless the question says "dauert".
_TAKES = re.compile(r"\b(?:dauert|dauern|take[s]?|bearbeitungszeit|wartezeit|processing|"
                    r"waiting)\b")
_NOT_PROCESSING = re.compile(r"\b(?:bekomm\w*|krieg\w*|erhalt\w*|erhaelt|gezahlt|zahlt|"
                             r"bezahlt|receive\w*|get|paid|zeit|frist\w*|vorher|voraus|"
                             r"advance|have)\b")


def asks_duration(text: str) -> bool:
    """Does `text` ask how long something takes (not how long it is valid or paid, nor
    a deadline)?"""
    normal = normalize_name(text)
    if _DURATION.search(normal) is None or _VALIDITY.search(normal) is not None:
        return False
    return _TAKES.search(normal) is not None or _NOT_PROCESSING.search(normal) is None


# "Bis wann muss ich das machen?", "how long do we have?": a deadline, and the
# sentence of the answer in context that states one.
# Twelfth-session probe: "wie lang hab ich zeit?", "wie schnell muss ich mich melden?",
# "wann sollte ich den antrag stellen?" were not read as asking by when.
_DEADLINE_QUESTION = re.compile(
    r"\b(?:bis wann|wie lange? (?:hab\w*|habe ich|hat man|haben wir) \w* ?zeit|wie viel zeit|"
    r"frist\w*|deadline|by when|until when|wie schnell (?:muss|soll|sollte)|"
    r"wann (?:muss|soll|sollte) (?:ich|man|wir) (?:\w+ ){0,2}"
    r"(?:stellen|beantragen|melden|machen|einreichen)|how soon|"
    r"when (?:do|should|must) (?:i|we) (?:apply|register|report)|"
    r"how (?:long|much time) do (?:i|we|you) have)\b")
_DEADLINE_SENTENCE = re.compile(
    r"\b(?:innerhalb|binnen|bis zum|spaetestens|fruehestens|vor ablauf|vor beginn|rechtzeitig|"
    r"unverzueglich|within|at the latest|deadline|before|bis (?:montag|dienstag|mittwoch|"
    r"donnerstag|freitag|samstag|sonntag|\d{1,2}[ .])|until (?:monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday|\d))\b|frist")


def asks_deadline(text: str) -> bool:
    """Does `text` ask by when something must be done (not until when it is open)?"""
    normal = normalize_name(text)
    return _DEADLINE_QUESTION.search(normal) is not None and _OPEN.search(normal) is None


# The NLU's follow-up intents: their own flow (actions.procedure_details) answers them.
FOLLOW_UP_INTENTS = frozenset({"ask_documents", "ask_fees", "ask_contact", "ask_online",
                               "ask_consultation"})

_OPEN = re.compile(r"\b(?:offen|geoeffnet|open|oeffnungszeit\w*|auf)\b")
# Words of a deadline question itself: "bis wann …?" names no new topic.
DEADLINE_WORDS = frozenset({"bis", "frist", "fristen", "zeit", "deadline", "spaetestens", "lang",
                            "melden", "einreichen", "soon", "register", "report"})


def deadline_sentence(answer: str) -> str | None:
    """The sentence of `answer` that states a time limit, if one does."""
    for sentence in sentences(answer):
        if _DEADLINE_SENTENCE.search(normalize_name(sentence)):
            return sentence.strip()
    return None


# "Kann ich den Antrag per Mail schicken?": how to hand it in.
_SUBMISSION = re.compile(r"\b(?:schick\w*|send\w*|zuschick\w*|einreich\w*|abgeb\w*|"
                         # "muss ich persönlich hin?": how to apply, not a wish for a person
                         r"persoenlich (?:hin|vorbei\w*|kommen|erscheinen)|in person|"
                         r"per (?:post|mail|e-?mail|fax|brief)|submit\w*|"
                         r"by (?:post|mail|e-?mail))\b")


# "Geht das auch auf Papier?", "ich habe keinen Computer", "without internet".
_OFFLINE = re.compile(r"\b(?:auf papier|papierform\w*|in papierform|papierantrag|"
                      r"(?:kein\w*|ohne|nicht mit dem)\s+(?:computer|internet|pc|smartphone|"
                      r"handy|online|e-?mail|bayernid|bayern-id)|nicht online|"
                      r"(?:paper|printed) (?:form|application)|on paper|"
                      r"without (?:a )?(?:computer|internet|smartphone)|(?:no|not) online|"
                      r"(?:don t|do not|dont) have (?:a )?(?:computer|internet))\b")


def asks_offline(text: str) -> bool:
    """Does `text` ask for a way without the internet (paper, in person)?"""
    return _OFFLINE.search(normalize_name(text)) is not None


def asks_submission(text: str) -> bool:
    """Does `text` ask how to hand something in (post, e-mail, online)?"""
    return _SUBMISSION.search(normalize_name(text)) is not None


# "und mein Motorrad auch", "same for my motorbike": the request before, for another thing.
_ALSO = re.compile(r"\b(?:auch|ebenfalls|ebenso|dasselbe|dasgleiche|too|also|as well|same)\b")
# "Ich möchte mich beschweren": a complaint names no procedure; the Bürgerservice takes it.
# Frustration says the same: "keiner geht ran!!! Unverschämt", "nobody answers the phone".
_COMPLAINT = re.compile(r"\b(?:beschwer\w*|reklamation\w*|complain\w*|complaint\w*|"
                        r"unverschaemt\w*|frechheit|zumutung|skandal\w*|sauerei|"
                        r"(?:keiner|niemand) (?:geht|ging) (?:ran|dran)|"
                        r"geht (?:keiner|niemand) (?:ran|dran)|(?:keiner|niemand) erreichbar|"
                        r"nobody (?:answers|picks up)|no one (?:answers|picks up)|"
                        r"unacceptable|outrageous|(?:du bist|bist du|you are|you re|this is) "
                        r"(?:\w+ )?(?:nutzlos|useless))\b")


# "geht das auch für meine Frau?", "kann ich das auch anonym melden?", "muss ich da hin?",
# "does that work for my wife too?": a question about "it" — the answer in context.
_ABOUT_IT = re.compile(r"\b(?:geht|gehts|kann|koennte|muss|darf|soll|mach|mache|krieg|kriege|"
                       r"bekomm\w*|gilt|ist|klappt|brauch\w*)\s+(?:ich|man|wir|mei\w*\s+\w+)?"
                       # a pronoun, not an article: "ist das Landratsamt offen?" asks anew
                       r"\s*(?:das|des|es)\s*(?:auch|noch|schon|online|per|bei|fuer|mit|so|"
                       r"dann|da|jetzt|bis|wirklich|eigentlich|trotzdem|gleich|selbst|wieder|"
                       r"persoenlich|anonym|$)|"
                       # "kann ich das anonym melden?": "das", one word, the verb
                       r"\b(?:kann|muss|darf|soll)\s+(?:ich|man|wir)\s+(?:das|des|es)\s+\w+\s+"
                       r"(?:melden|machen|beantragen|abgeben|schicken|erledigen|bezahlen|zahlen)\b|"
                       # "darf ich die selber abbauen?" (fifteenth probe): a plural pronoun
                       r"\b(?:kann|muss|darf|soll)\s+(?:ich|man|wir)\s+(?:die|den|sie|ihn)\s+"
                       r"(?:selber|selbst|auch|noch|einfach|trotzdem|jetzt|alleine?)\b|\b(?:das|des)\s+auch\b|\bda\s*hin\b|\bdafuer\b|"
                       r"\bdazu\b|\bdabei\b|\bgleich mit\b|\b(?:does|can|will|is)\s+(?:it|that|"
                       r"this)\b|\b(?:do|can|must|should)\s+(?:i|we)\s+(?:\w+\s+)?(?:it|that|"
                       r"this|there)\b"
                       # "und für meine Frau und die Kinder?", "and for my wife?"
                       r"|^\W*(?:und|and|und was ist mit|what about)\s+(?:auch\s+)?(?:(?:fuer|for|"
                       r"mit|with)\s+)?(?:mei\w*|unser\w*|my|our)\s+(?:frau|mann|kind\w*|sohn|"
                       r"tochter|familie|wife|husband|child\w*|son|daughter|family|partner\w*)\b")
ABOUT_IT_MAX_WORDS = 14


def asks_about_it(text: str) -> bool:
    """Is `text` a short question about "it" — the answer in context?"""
    normal = normalize_name(text)
    return len(normal.split()) <= ABOUT_IT_MAX_WORDS and _ABOUT_IT.search(normal) is not None


def refers_back(text: str) -> bool:
    """Does `text` ask for the same as before ("… auch", "… too")?"""
    return _ALSO.search(normalize_name(text)) is not None


# The previous reply missed: "das hilft mir nicht", "was hat das mit Bibern zu tun?",
# "das war nicht meine Frage", "keins davon", "that's not what I asked".
_MISSED = re.compile(
    r"\b(?:(?:hilft|hilfst|bringt)\s+(?:mir|uns)\s+(?:\w+\s+)?(?:nicht|nix|nichts|ned|net|kein\w*)"
    r"|(?:das|des|es|du)\s+(?:hilft|hilfst|bringt)\s+(?:\w+\s+)?(?:nicht|nix|nichts|ned|net)"
    r"|was\s+hat\s+(?:\w+\s+){0,4}(?:zu tun|damit zu tun)|nicht\s+(?:\w+\s+)?meine\s+frage"
    r"|(?:verstehst|kapierst)\s+(?:du\s+)?(?:mich\s+)?(?:nicht|ned|net)|falsche\s+antwort"
    r"|(?:keins|keines|nichts|koans)\s+(?:davon|von denen)|(?:quatsch|bloedsinn|unsinn)"
    r"|none\s+of\s+(?:these|them|those)|not\s+what\s+i\s+(?:asked|meant|need)"
    r"|(?:doesn t|does not|didn t|did not)\s+help|not\s+helpful|wrong\s+answer"
    r"|you\s+(?:don t|do not)\s+understand|nonsense)\b")


# Money the citizen would receive, not a fee: "gibts Zuschuss für die Gebühren?", "wie viel
# Wohngeld bekomme ich?", "wer übernimmt das?" (eighteenth probe: read as the fee, "free").
_RECEIVED = re.compile(
    r"\b(?:zuschuss\w*|zuschuesse|foerder\w*|unterstuetzung\w*|beihilfe|subsid\w*|"
    r"allowance|grant)\b|\b(?:bekomm\w*|krieg\w*|erhalt\w*|get|receive)\s+(?:\w+\s+){0,3}"
    r"(?:geld|euro|zuschuss|money)\b|\bwie\s?viel\s+(?:\w+\s+){0,2}(?:bekomm\w*|krieg\w*|"
    r"erhalt\w*|gibt)\b|\bhow much\s+(?:\w+\s+){0,3}(?:get|receive)\b|"
    r"\b(?:wer|jemand|who)\s+(?:zahlt|uebernimmt|pays|covers)\b")


def asks_money_received(text: str) -> bool:
    """Does `text` ask about money the citizen would get (see `_RECEIVED`)?"""
    return _RECEIVED.search(normalize_name(text)) is not None


def dissatisfied(text: str) -> bool:
    """Does `text` say the previous reply missed (see `_MISSED`)?"""
    return _MISSED.search(normalize_name(text)) is not None


def is_complaint(text: str) -> bool:
    """Is `text` a complaint ("Ich möchte mich beschweren", "keiner geht ran")?"""
    return _COMPLAINT.search(normalize_name(text)) is not None


def complaint_topic(text: str) -> str:
    """What a complaint is about, without the complaint's own words."""
    return topic_text(_COMPLAINT.sub(" ", normalize_name(text)))


# "Kann ich meinen Sohn mit Vollmacht schicken?", "kann meine Tochter das für mich
# abholen?": whether someone else may do it — the office of the procedure can tell.
_PROXY = re.compile(r"\b(?:vollmacht|bevollmaecht\w*|fuer mich (?:abholen|erledigen|"
                    r"beantragen|zulassen|anmelden|abmelden|machen|unterschreiben)|"
                    r"(?:jemanden|jemand anderen|jemand anders) (?:schicken|hinschicken)|"
                    r"on my behalf|power of attorney|send someone)\b")


def asks_proxy(text: str) -> bool:
    """May someone else do it for the citizen (a Vollmacht)? Not a Vorsorgevollmacht."""
    normal = normalize_name(text)
    return _PROXY.search(normal) is not None and "vorsorge" not in normal \
        and "betreuung" not in normal


# "Wie ist der Stand meines Bauantrags?", "Ist mein Antrag eingegangen?", "is my licence
# ready?": the state of a file, which the assistant cannot see.
_STATUS = re.compile(
    r"\b(?:(?:bearbeitungs)?stand|status|wie weit)\b\s+(?:\S+\s+){0,3}(?:\w*antrag\w*|"
    r"verfahren\w*|vorgang\w*|akte\w*|bescheid\w*|application|file|case)\b"
    r"|\b(?:bearbeitungs)?stand\s+(?:meine[rs]?|unsere[rs]?)\b|\bstatus of (?:my|our)\b"
    r"|\b(?:\w*antrag\w*|unterlagen|formular|application|documents?)\b\s+(?:\S+\s+){0,6}"
    r"(?:eingegangen|angekommen|erhalten|bearbeitet|received|arrived|processed)\b"
    r"|\b(?:schon|bereits|already)\s+(?:fertig|bearbeitet|genehmigt|ready|processed|approved)\b"
    r"|\b(?:is my|(?:if|whether) (?:my|the)) \w+(?: \w+){0,3} (?:is |has been )?"
    r"(?:ready|processed|approved)\b")
# "Welche Daten speichert der Chat?", "Datenschutz im Chat?", "is this chat stored?"
_PRIVACY = re.compile(
    r"\b(?:datenschutz\w*|dsgvo|privacy|data protection|gdpr)\b"
    r"|\b(?:daten|data|chat|gespraech|unterhaltung|nachrichten|conversation|messages)\b"
    r"\s+(?:\S+\s+){0,5}(?:gespeichert|speicher\w*|mitgelesen|mitlesen|stored|saved|kept|read)\b"
    r"|\b(?:speicher\w*|store|save|keep)\s+(?:\S+\s+){0,3}(?:meine|my|die|the)?\s*"
    r"(?:daten|data|nachrichten|messages|chat)\b")


def asks_status(text: str) -> bool:
    """Does `text` ask about the state of the citizen's own application or file?"""
    return _STATUS.search(normalize_name(text)) is not None


def asks_privacy(text: str) -> bool:
    """Does `text` ask what this chat stores, or about data protection?"""
    return _PRIVACY.search(normalize_name(text)) is not None


# "und was brauch ich alles", "what do I need?": the documents of the answer in context
# (the twelfth probe's was read as a goodbye). Nothing else in the message.
_WHAT_NEEDED = re.compile(
    r"^(?:(?:und|ok|okay|also|aber|so|gut|and)\s+)?(?:was|welche sachen|what)\s+"
    r"(?:brauch|brauche|braucht|brauchen|benoetige|benoetigt|benoetigen|do)\s+"
    r"(?:ich|man|ma|mer|wir|i|we)(?:\s+(?:alles|dafuer|dazu|da|noch|denn|genau|so|mit|need|"
    r"to|bring|have|for|it|this|that|mitbringen|mitnehmen|vorlegen|haben))*\s*$")


def asks_what_is_needed(text: str) -> bool:
    """Does `text` only ask what is needed ("was brauch ich alles?")?"""
    return _WHAT_NEEDED.search(normalize_name(text)) is not None
