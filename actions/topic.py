"""What a message is about: its topic words and the procedure they point to.

`content_words` are the words that could name a request at all (no greeting, no
"ja"/"nein", no "Mitarbeiter bitte"): the gate (`actions.gate`) searches a message
of any intent that has some. `segments` splits a message with several needs
("Auto ummelden und Hund anmelden") into clauses searched one by one.

"Was kostet ein Reisepass?" names a topic: whatever is left after removing the
question words is searched, and only a confident hit switches the context (a
vague remainder falls back to the procedure already in the conversation).
Shared by the follow-up, consultation and small-talk flows and the gate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from actions.common import load_procedure, search
from actions.ellipsis import elliptical
from actions.sdk import Turn
from catalogue.gemeinden import normalize_name
from catalogue.models import Procedure
from catalogue.search.contrast import opposite
from conversations.turn_record import Candidate


def _words(text: str) -> list[str]:
    return text.split()


# Words of the follow-up questions themselves (umlauts folded, see normalize_name).
# What remains after removing them is a topic worth searching.
QUESTION_WORDS = frozenset(_words("""
was wie wo wann wer welche welcher welches welchen wieviel viel kostet kosten kostn koste
teuer tuer gebuehr gebuehren zahlen bezahlen zahln zahle karte bar kostenlos umsonst gratis
hoch sind ist is das des es da dafuer dazu damit davon der die den dem ein eine einen einer
eines a fuer mit zum zur bei beim im in an am auf aus muss musst muessen ich i mir mich man
ma wir sie ihr euch ihnen habt hat haben hab ham offen offn geoeffnet oeffnungszeiten
zeiten finde finden hin gehen geht gehts auch noch mal bitte denn eigentlich dann so oder
und unterlagen unterlagn dokumente papiere nachweise vorlegen mitbringen mitnehmen mitnehma
brauche brauch braucht brauchen benoetige benoetigt benoetigen noetig reicht mehr
online onlien internet digital machen erledigen antrag antrags formular herunterladen
zuhause hause zu von persoenlich vorbeikommen kommen kann koennen gibt sprechstunde video
videotermin termin beratung buchen vereinbaren ausmachen adresse telefonnummer telefon
nummer email mail erreichen zustaendig zustaendige stelle amt ansprechpartner wende wenden
jemandem sprechen per gern gerne haette moechte einen bayernid konto ausweis online
ausweis passbild foto lichtbild montag dienstag mittwoch donnerstag freitag samstag
sonntag heute morgen ned nicht kein keine
what how where when who which much does do is it cost costs fee fees free the an for to
of me my we you your need bring documents papers required can could apply form there
person come have has open opening hours phone number email address contact responsible
consultation appointment video book please this that with on at are be get pay card
would like there any in i
lange lang dauert dauern dauer bearbeitungszeit wartezeit schnell zeit wochen tage
wem wen einem einer ueber
schicken schick senden zuschicken einreichen abgeben post brief fax send submit
beschweren beschwerde complain complaint
long take takes taking time wait quick fast weeks days
stellen stelle stellt gestellt beantragen beantrage beantragt ausfuellen ausgefuellt
bekomme bekommen bekommt kriege krieg kriegen kriegt erhalte erhalten soll sollte sollen
darf duerfen wird werden er seine sein ihre unsere unser meine mein meinen
muas muass muassn miassn derf deaf kriag
ungefaehr etwa circa zirka genau insgesamt ueberhaupt jeweils ca ganze ganzen approximately roughly
about exactly
application applications applying again still also
extra eigens ins ans aufs ums
"""))
MIN_TOPIC_CHARS = 3


# Words that alone never name a request (umlauts folded): greetings and thanks,
# yes/no, wanting a person, living somewhere, and plain function words.
SMALLTALK_WORDS = frozenset(_words("""
hallo servus gruess gott griass griess guten morgen tag abend moin tach huhu hey hello
hi there wegweiser zusammen danke dank vielen herzlichen schoen dankeschoen merci
vergelts thanks thank lot cheers info infos auskunft antwort super toll prima klasse
perfekt nochmal tschuess tschues ciao pfiat wiedersehen bye goodbye servas baba
bot computer mensch roboter chatbot programm echt echter
"""))
HANDOFF_WORDS = frozenset(_words("""
mitarbeiter mitarbeiterin sachbearbeiter sachbearbeiterin mensch menschen menschn person
personen jemand jemanden jemandem wen reden redn sprechen telefonieren anrufen rufen
zurueckrufen rueckruf verbinden verbinde weiterleiten persoenlich persoenliche hilfe
buergerservice hotline ansprechpartner echten echte real human agent someone somebody
talk speak call connect office staff
"""))
FILLER_WORDS = frozenset(_words("""
ja jo jaa jep jup genau passt okay stimmt richtig nein nee noe naa nix yes yeah yep nope
sure right wrong alles klar gut schlecht bitte bitteschoen mal halt eben doch schon
wohne wohn wohnen lebe leben komme kommen bin sind sein war waren aus nach hier dort
dann also aber weil wenn dass oder und sowie noch mehr nur auch sehr ganz
jetzt nun neu seit gerade inzwischen mittlerweile seitdem now currently recently
nicht nich ned net nimmer nimma nichts not
ich du er wir ihr sie mir mich dir dich uns euch ihnen mein meine meinen meinem meiner
dein deine ihre ihren unser unsere
der die das den dem des ein eine einen einem einer eines kein keine keinen
mit von vom zum zur bei beim fuer ueber unter auf aus an am im in zu um
ist hat habe haben hab wird werden wuerde kann koennen koennte moechte moecht mag will
wollen haette gern gerne brauche brauch frage fragen anliegen
was wie wo wann wer warum wieso weshalb welche welcher welches
the and but for with about from into you your yours our they them their this that
what how where when who why which can could would will want like please just
have has had are was were been not any some also then too very
"""))


# Handoff words that say "a person, please" (not just "help").
PERSON_WORDS = frozenset(_words("""
mitarbeiter mitarbeiterin sachbearbeiter sachbearbeiterin mensch menschen menschn person
jemand jemanden jemandem reden redn sprechen telefonieren anrufen zurueckrufen rueckruf
ansprechpartner human agent someone somebody talk speak call
"""))


def wants_person(text: str) -> bool:
    """Does `text` ask to talk to someone ("mit jemandem über meinen Bauantrag sprechen")?"""
    return any(w in PERSON_WORDS for w in normalize_name(text).split())


def content_words(text: str) -> list[str]:
    """Words of `text` that could name a request (see the lists above)."""
    words = normalize_name(text).split()
    return [w for w in words if len(w) >= MIN_TOPIC_CHARS and not w.isdigit()
            and w not in SMALLTALK_WORDS and w not in HANDOFF_WORDS
            and w not in FILLER_WORDS]


# Clause boundaries of a message with several needs: sentence ends, commas, and
# "und" / "sowie" / "außerdem" / "and" / "also" between clauses.
_CLAUSE_BREAK = re.compile(
    r"[.!?;:\n]+\s*|,\s*|\s+(?:und|sowie|au(?:ss|ß)erdem|zudem|dann noch|and|also|plus)\s+",
    re.IGNORECASE)


def segments(text: str) -> list[str]:
    """The clauses of `text` that could each name a request, in the order written."""
    parts = [part.strip() for part in _CLAUSE_BREAK.split(text)]
    return [part for part in parts if content_words(part)]


_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")


def asked_segments(text: str) -> list[tuple[str, bool]]:
    """`segments` of `text`, each with whether it opens a question: in "Mein
    Arbeitslosengeld läuft aus. Kann ich dann Bürgergeld beantragen?" the first clause
    is background, the second what the citizen asks. A later clause of a question ("…,
    und gibt es dafür Förderung?") is an add-on, not the question."""
    out: list[tuple[str, bool]] = []
    for match in _SENTENCE.finditer(text):
        sentence = match.group(0)
        question = sentence.rstrip().endswith("?") or is_question(sentence)
        out.extend((part, question and n == 0) for n, part in enumerate(segments(sentence)))
    return out


def asks_person_only(text: str) -> bool:
    """"Mit wem kann ich sprechen?": a person wanted, and no topic named."""
    return wants_person(text) and not [w for w in topic_words(text) if w not in PERSON_WORDS]


def topic_text(text: str) -> str:
    """`text` without its question words, in the citizen's own spelling."""
    kept = [word for word in text.split()
            if (folded := normalize_name(word)) and folded not in QUESTION_WORDS
            and len(folded) >= MIN_TOPIC_CHARS]
    return " ".join(kept)


def topic_words(text: str) -> list[str]:
    """Words of `text` that are not part of the question itself."""
    words = normalize_name(text).split()
    # "Adresse? Straße?": asking for the address, not about a road (fifteenth probe).
    asked = _ADDRESS_WORDS if "adresse" in words or "anschrift" in words else frozenset()
    return [w for w in words if w not in QUESTION_WORDS and len(w) >= MIN_TOPIC_CHARS
            and not w.isdigit() and w not in asked]


_ADDRESS_WORDS = frozenset({"anschrift", "strasse", "str", "hausnummer", "plz", "postleitzahl",
                            "ort", "genau", "genaue"})


# Question words of follow-ups that still name a thing when there is no context yet.
_THING_WORDS = frozenset(_words("ausweis passbild foto lichtbild formular bayernid konto"))


def _names_a_thing(text: str) -> bool:
    return any(w in _THING_WORDS for w in normalize_name(text).split())


@dataclass(frozen=True)
class Topic:
    """What a follow-up question is about: one procedure, choices, or nothing yet."""

    procedure: Procedure | None = None
    choices: list[Procedure] = field(default_factory=list)
    # What the search returned for the question (empty when none ran).
    candidates: tuple[Candidate, ...] = ()


def _stem(word: str) -> str:
    return word[:max(4, len(word) - 3)]


def shares_stem(word: str, words: list[str] | set[str]) -> bool:
    """Does `word` share its stem with one of `words` ("Kennzeichen" ~ "kennzeichens",
    "exempt" ~ "exemption")? The match `names_procedure` and the passages use."""
    stem = _stem(word)
    return any(w.startswith(stem) or (len(w) >= 5 and word.startswith(_stem(w)))
               for w in words)


# Words that name no procedure however often they occur in one ("melden", "leben").
GENERIC_WORDS = _GENERIC = frozenset(_words("""
melden meldung leben lebe wohnen wohne arbeiten arbeite deutschland germany landkreis
muehldorf landratsamt amt behoerde anonym ungefaehr genau zwischenzeit inzwischen
meinte meine gemeint doch eigentlich lieber sondern meant rather
neu neue neuer neues neuen neuem alt alte alter altes alten altem andere anderer anderes
anderen anderem eigene eigener eigenes eigenen new old other own
"""))
# Verbs of the matter in context that name no new one in a follow-up: "darf ich solang
# fahren?" after the lost licence is no question about accompanied driving (BF17). (They
# still name a procedure in a first message: "mit 17 fahren".)
_NO_SWITCH = frozenset(_words("fahren fahre faehrt drive driving"))
# Verbs of applying: in a title ("Personalausweis beantragen") but no name of a thing.
APPLYING = frozenset(_words("beantragen beantragt beantrage beantragung antrag antraege"))


def option_named(turn: Turn) -> str | None:
    """The one pending option the message names in its own words ("nein, ich meinte
    abmelden" under anmelden / abmelden), else None."""
    words = topic_words(turn.text)
    if len(turn.offered_last_turn) < 2 or not words:
        return None
    # Not the opposite action: "nein, das Auto abmelden" under "Hund anmelden" (eighteenth
    # probe: the dog registration was chosen).
    named = [pid for pid in turn.offered_last_turn
             if (p := load_procedure(pid)) is not None and names_procedure(words, p)
             and not opposite(turn.text, f"{p.title} {p.title_en or ''}")]
    return named[0] if len(named) == 1 else None


def strays_from(turn: Turn, context: Procedure, found: list[Procedure]) -> bool:
    """A short question after an answer that names none of the procedures the search
    found for it ("bis wann?", "muss ich zur Polizei?"): it is about the answer in
    context, whatever the search made of its words."""
    words = topic_words(turn.text)
    if len(turn.text.split()) > STRAY_MAX_WORDS:
        return False
    # Naming the answer in context ("Polizei" in its text) is no reason to stray from it.
    return not any(names_procedure(words, p) for p in found[:3] if p.id != context.id)


STRAY_MAX_WORDS = 12
# A follow-up searched together with the title of the answer in context: if the answer
# in context comes first and the procedure the follow-up found alone scores below this,
# the follow-up is about the answer in context ("wie viele tage vorher muss man das
# beantragen?" after the Halteverbot found the 5-day plate alone). On the fourth blind
# probe's strays the other procedure scored ≤ 0.43 together; named new topics ("und wie
# melde ich meinen Hund an?") ≥ 0.49 (docs/dialogue.md).
FOLLOWUP_SWITCH_MIN = 0.45
FOLLOWUP_MAX_WORDS = 20


def about_context(turn: Turn, context: Procedure, found: Procedure) -> bool:
    """Is a follow-up that the search alone sent to `found` really about `context`?
    Not when the last reply itself offered `found` ("Außerdem wichtig für Sie: Reisepass"
    → "was kostet der pass?")."""
    text = turn.text
    if found.id == context.id or found.id in turn.offered_last_turn \
            or len(text.split()) > FOLLOWUP_MAX_WORDS:
        return False
    words = topic_words(text)
    if names_procedure(words, found) and not names_procedure(words, context, full=True) \
            and not elliptical(text):  # "und ab der 11. Klasse?": the joint search decides
        # "wo kann ich grüngut abgeben" after the parking permit, "und das gartenhaus?"
        # after asbestos: the message names the new matter (title or search terms), which
        # the answer in context never mentions (tenth and eleventh probes: the joint
        # search is ruled by the context's title).
        return False
    joint = search(f"{context.title} {text}")
    if not joint.hits or joint.hits[0].procedure.id != context.id:
        return False
    score = next((h.score for h in joint.hits if h.procedure.id == found.id), 0.0)
    return score < FOLLOWUP_SWITCH_MIN


def names_procedure(words: list[str], procedure: Procedure, *, full: bool = False) -> bool:
    """Does one of the topic `words` name `procedure` in its own words (title, search
    terms, department; with `full` also its answer and documents)? "Was kostet ein
    Reisepass?" names the passport; "was kostet das ungefähr?" names nothing, whatever
    the search made of "ungefähr"."""
    texts = [procedure.title, procedure.title_en or "", procedure.department or "",
             *procedure.search_terms]
    if full:
        texts += [procedure.short_answer, procedure.short_answer_en or "",
                  *procedure.documents, *procedure.documents_en]
    vocabulary = {w for w in normalize_name(" ".join(texts)).split()
                  if len(w) >= MIN_TOPIC_CHARS}
    return any(shares_stem(word, vocabulary) for word in words if word not in _GENERIC)


def names_title(words: list[str], procedure: Procedure) -> bool:
    """Does one of the topic `words` occur in the procedure's title (German or English)?
    Stricter than `names_procedure`: "anonym" is a search term of the child-protection
    report, not its name."""
    return names_procedure(words, procedure.model_copy(update={"search_terms": [],
                                                               "department": None}))


# "was kostet ein Reisepass?", "wie lange dauert die Umschreibung?": an aspect of the
# thing the question names, not a requirement of the answer in context.
_ASKS_ABOUT_IT = re.compile(r"^(?:\W*(?:und|and|ok|danke)\W+)*(?:was kostet|was kosten|"
                            r"wie teuer (?:ist|sind)|wie lange dauert|wie lang dauert|"
                            r"welche unterlagen brauche ich fuer|how much (?:is|does|for)|"
                            r"what does)\b")


def resolve_topic(turn: Turn) -> Topic:
    """A confidently searched new topic, else the procedure already in context.

    Without a context the question is also searched when its only topic is a word the
    follow-ups know as a question word ("Was kostet ein Ausweis?").
    """
    context = load_procedure(turn.procedure_id)
    candidates: tuple[Candidate, ...] = ()
    if context is not None and _opens_about_it(turn.text):
        # "Was kostet das? Ich bin 72, gibts da was unbefristetes?" after the ID card:
        # the first question is about the answer in context (fifteenth probe: the fee of
        # the unlimited residence permit).
        return Topic(context)
    if not turn.payload_like and (topic_words(turn.text)
                                  or (context is None and _names_a_thing(turn.text))):
        # The topic alone: "wie lange dauert eine Zulassung" searched whole leans
        # towards "verlängern" and "Probezeit"; "Zulassung" does not.
        topic = topic_text(turn.text)
        outcome = search(topic or turn.text)
        if context is None and topic and topic != turn.text:
            # Unless the whole question is surer: "wann kommt die tonne" is the collection
            # calendar, "tonne" alone the bin and its fees (tenth blind set).
            whole = search(turn.text)
            if whole.decision == "answer" and whole.hits and (
                    not outcome.hits or whole.hits[0].score > outcome.hits[0].score):
                outcome = whole
        candidates = outcome.candidates
        # With a procedure in context, a new topic must be named in its own words: the
        # search of a stray word ("ungefähr", "Zwischenzeit") must not switch the topic.
        words = [w for w in topic_words(turn.text) if w not in _NO_SWITCH]
        found = outcome.procedures[0] if outcome.decision == "answer" and \
            outcome.procedures else None
        if found is not None and (
                context is None or (names_procedure(words, found) and (
                    _ASKS_ABOUT_IT.search(normalize_name(turn.text)) is not None
                    or not names_procedure(words, context, full=True))
                    and not about_context(turn, context, found))):
            # A follow-up about something the answer in context speaks of ("brauche ich
            # eine ärztliche Untersuchung?" after the lorry licence) stays with it; "was
            # kostet ein Reisepass?" after the ID card asks about the passport itself.
            return Topic(found, candidates=candidates)
        if outcome.decision == "choose" and len(outcome.procedures) > 1 and context is None:
            return Topic(choices=outcome.procedures, candidates=candidates)
        top = outcome.procedures[0] if outcome.procedures else None
        if context is not None and top is not None and top.id != context.id \
                and outcome.decision == "choose" and names_title(words, top) \
                and not names_title(words, context):
            # "Gebrauchtwagen zulassen, welche Unterlagen?" after the new-car answer:
            # the first choice named by its title, not the context (tenth probe).
            return Topic(top, candidates=candidates)
    if context is None:
        # "Was kostet das?" right after the choice buttons: offer them again.
        offered = [p for p in map(load_procedure, turn.offered_last_turn) if p is not None]
        if offered:
            return Topic(choices=offered, candidates=candidates)
    return Topic(context, candidates=candidates)


_FIRST_QUESTION = re.compile(r"^[^?!.]*\?")
_IT = re.compile(r"\b(?:das|des|es|dafuer|dazu|davon|it|that|this)\b")


def _opens_about_it(text: str) -> bool:
    """Does `text` open with a question about "it" alone, followed by more sentences?"""
    first = _FIRST_QUESTION.match(text)
    return first is not None and first.end() < len(text.rstrip()) \
        and not topic_words(first.group()) and _IT.search(normalize_name(first.group())) is not None


# A leading "und", "aber", "ok" does not hide the question word: "und was brauch ich alles".
_QUESTION = re.compile(r"\?(?:\s|$)|^\s*(?:(?:und|and|aber|but|also|ok|okay|gut|ja|so)[ ,]+)?"
                       r"(?:gibt|kann|muss|darf|wie|was|wo|wann|wer|welche\w*|ist|"
                       r"sind|habe|hat|brauche|brauch|braucht|is|are|can|do|does|how|what|"
                       r"where|when|who|which)\b", re.IGNORECASE)


def is_question(text: str) -> bool:
    """Is `text` a question (a question mark ending a sentence, or a question word
    first)? "reicht der kinderreisepass noch? ich hab gehört …" is one (tenth probe: the
    NLU's goodbye answered it)."""
    return _QUESTION.search(text) is not None
