"""After a crisis reply: a next message that fears the consequences.

"Ich will aber keinen Ärger", "Muss ich meinen Namen sagen?", "Erfährt er, dass ich
das war?", "what if I'm wrong?" right after a crisis reply is about that crisis,
whatever the NLU makes of it (request_human, deny, nlu_fallback …): the citizen hears
that the help is anonymous — for a child at risk, that the Kreisjugendamt accepts
anonymous reports (with its contact again); for violence, the helplines; for
suicidal thoughts, the TelefonSeelsorge (`crisis_reply.anonymity_reply`). The crisis
in context is the previous turn's record (decision `crisis` with its kinds, or a
safety line's kind); a follow-up is recorded as reason `anonymous:<kind>`, so a
second worried message is answered the same way. Meanings, not sentences: the fear
words below are folded like the crisis rules (`crisis_words.rx`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from actions.crisis import URGENCY, Crisis
from actions.crisis_reply import ANONYMOUS_KINDS, anonymity_reply, crisis_kinds, crisis_reply
from actions.crisis_words import CHILD, Kind, normalise, rx
from actions.texts import say
from conversations.turn_record import records_of_turn
from replies.model import Reply

FOLLOW_UP_REASON = "anonymous"

# Fear of consequences: trouble, being found out, one's name, revenge, being wrong.
_FEAR = rx(
    r"\b(?:ärger|schwierigkeiten|stress|konsequenzen|rache|rächt|rächen)\b",
    r"\bfolgen\b(?!\s+sie\b)", r"\bprobleme?\s+(?:\S+\s+)?(?:bekomme|bekommen|kriege|krieg|"
    r"kriegen|hab|habe|haben)\b", r"\b(?:bekomme|kriege|krieg|hab|habe)\s+(?:ich\s+)?"
    r"(?:\S+\s+)?probleme?\b",
    r"\banonym\w*", r"\b(?:geheim|vertraulich|unter uns)\b",
    r"\b(?:meinen|meine|mein)\s+(?:namen|name|adresse|daten)\b",
    r"\b(?:erfährt|merkt|rausfindet|herausfindet|rauskriegt|mitkriegt|mitbekommt)\b",
    r"\b(?:erfahren|merken|rausfinden|herausfinden|rauskriegen|mitkriegen|mitbekommen)\s+"
    r"(?:\S+\s+){0,3}(?:dass ich|wer|davon|von mir|ich das)\b",
    r"\b(?:wissen|weiß|weiss|wisst)\s+(?:\S+\s+){0,3}(?:dass ich|ich das|von mir)\b",
    r"\b(?:dass|das) ich (?:das|es) war\b", r"\b(?:it was me|that it was me)\b",
    r"\b(?:verraten|verrate|anschwärzen|verpfeifen|petzen|reinreißen|einmischen)\b",
    r"\b(?:niemanden|keinen|koan)\s+(?:\S+\s+)?(?:anzeigen|beschuldigen|reinziehen)\b",
    r"\bangst\s+vor\s+(?:\S+\s+)?(?:folgen|konsequenzen|jugendamt|polizei|behörde|amt|ärger)\b",
    # "ich hab angst, dass meine eltern das mitkriegen"
    r"\b(?:angst|sorge)\s+(?:\S+\s+){0,2}(?:dass|das|,)\s+(?:\S+\s+){0,4}(?:mitkriegen|"
    r"mitbekommen|erfahren|merken|rausfinden|herausfinden|wissen|sehen)\b",
    r"\b(?:afraid|scared|worried)\s+(?:\S+\s+){0,4}(?:find out|finds out|know|see)\b",
    r"\bwenn ich mich\s+(?:\S+\s+)?(?:irre|täusche)\b",
    r"\b(?:bin mir|bin)\s+(?:\S+\s+)?(?:nicht|ned|net)\s+(?:ganz\s+)?(?:sicher|sicha)\b",
    r"\b(?:trouble|consequences|anonymous\w*|confidential|revenge|retaliat\w*|snitch\w*)\b",
    r"\bmy (?:name|details|identity)\b", r"\b(?:find|finds|found) out\b",
    r"\bknow (?:it was me|that i|who)\b", r"\bget(?:ting)? involved\b",
    r"\b(?:what if|in case) (?:i'm|im|i am) wrong\b", r"\b(?:i'm|im|i am) not (?:\S+ )?sure\b",
)


# Fear that a child is taken from the family: "muss ich dann ins heim??", "nehmen die mir
# die Kinder weg?", "will they take my kids away?" (tenth probe, after help for a teen).
_TAKEN_AWAY = rx(
    r"\b(?:muss|komm\w*|müssen)\s+(?:\S+\s+){0,3}(?:ins|in ein)\s+(?:heim|kinderheim|"
    r"pflegefamilie)\b", r"\b(?:ins|in ein)\s+(?:kinder)?heim\b",
    r"\b(?:nehmen|nimmt|nehmt)\s+(?:\S+\s+){0,5}weg\b", r"\bweggenommen\b",
    r"\btake\s+(?:\S+\s+){0,3}away\b", r"\b(?:put|go)\s+(?:\S+\s+){0,2}(?:in|into)\s+"
    r"(?:care|a home|foster care)\b",
    # or wishes to be taken in: "kann ich woanders wohnen? nimmt mich das jugendamt auf?"
    r"\b(?:nimmt|nehmen)\s+(?:mich|uns)\s+(?:\S+\s+){0,3}auf\b", r"\bwoanders\s+wohnen\b",
    r"\b(?:take me in|live somewhere else)\b")
TAKEN_AWAY_REASON = "taken_away"
# A young person with nowhere to sleep (fifteenth probe: "gibts ne notunterkunft für
# jugendliche? das jugendamt hat doch jetzt zu" got a menu of holiday jobs).
_NIGHT = rx(r"\b(?:notunterkunft|notschlafstelle|schlafplatz|platz zum schlafen|übernacht\w*|"
            r"heute nacht|wo\s+(?:soll|kann)\s+(?:ich|wir)\s+(?:\S+\s+){0,2}schlafen)\b",
            r"\b(?:place to sleep|somewhere to sleep|shelter|tonight)\b")
NIGHT_REASON = "youth_night"


def fears_consequences(text: str) -> bool:
    """Does `text` worry about what happens to the writer if they seek help or report?"""
    return _FEAR.search(normalise(text)) is not None


def crisis_in_context(events: Iterable[Mapping[str, Any]]) -> tuple[Kind, ...]:
    """The crisis kinds the reply to the previous message answered (or its safety line's
    kind), most urgent first."""
    found = {kind for record in records_of_turn(events, 1) for kind in crisis_kinds(record)}
    return tuple(kind for kind in URGENCY if kind in found)


# "Was soll ich jetzt tun?", "wo kann ich das melden?", "wo kann ich hin?", "what should
# I do?": asking for the next step right after a crisis reply.
_NEXT_STEP = rx(
    r"\bwas\s+(?:soll|kann|muss)\s+(?:ich|man|wir)\s+(?:\S+\s+){0,2}(?:tun|machen)\b",
    # "was kann die Stadt da tun?", "what can the city do?" (tenth probe, after eviction help)
    r"\bwas\s+(?:kann|können|koennen)\s+(?:die|der|das)\s+\S+\s+(?:\S+\s+)?(?:tun|machen|"
    r"unternehmen)\b", r"\bwhat\s+can\s+(?:the\s+)?\S+\s+do\b",
    r"\b(?:wo|wohin|bei wem|wem)\s+(?:kann|soll|muss)\s+(?:ich|man|wir)\s+(?:\S+\s+){0,3}"
    r"(?:melden|hin|hingehen|anrufen|wenden|schlafen|sagen)\b",
    r"\bwer\s+(?:hilft|kann\s+(?:\S+\s+)?helfen)\b",
    r"\bkann\s+(?:mir|uns)\s+(?:\S+\s+){0,2}helfen\b",
    r"\bcan\s+(?:\S+\s+){1,3}help\s+(?:me|us)\b", r"^\W*(?:und\s+)?(?:jetzt|was jetzt|"
    r"wohin|und dann)\W*$",
    r"\bwhat\s+(?:should|can|do)\s+(?:i|we)\s+do\b",
    r"\bwhere\s+(?:can|should|do)\s+(?:i|we)\s+(?:go|report|call|turn|sleep)\b",
    r"\bwho\s+(?:can\s+)?helps?\b",
    # not by phone, in person, in English: the help again (it names a chat and a
    # service that comes to you)
    r"\b(?:jemand\w*|wen|wo|stelle|ort)\s+(?:\S+\s+){0,4}(?:hingehen|hin gehen|vorbeigehen|"
    r"persönlich)\b", r"\b(?:telefonieren|anrufen)\s+(?:\S+\s+)?(?:mag|will|kann)\s+ich\s+"
    r"(?:nicht|ned|net)\b", r"\b(?:nicht|ned|net)\s+(?:\S+\s+)?(?:telefonieren|anrufen)\b",
    r"\b(?:in person|face to face|somewhere (?:i|to) (?:can )?go|someone (?:i can|to) "
    r"(?:go to|see|talk to))\b", r"\b(?:don't|dont|do not|can't|cant)\s+(?:want to\s+|like to\s+)?"
    r"(?:call|phone|talk on the phone)\b",
    r"\b(?:speak|spricht|sprechen)\s+(?:\S+\s+){0,2}(?:english|englisch)\b",
    # "ich will mit niemandem telefonieren", "kann ich auch per Mail melden?"
    r"\b(?:niemand\w*|keinem|keiner)\s+(?:\S+\s+)?(?:telefonieren|anrufen|reden|sprechen)\b",
    r"\b(?:kann|darf)\s+(?:ich|man)\s+(?:\S+\s+){0,4}(?:melden|mailen|schreiben|anzeigen)\b",
    r"\b(?:can|may)\s+(?:i|we)\s+(?:\S+\s+){0,4}(?:report|email|e-mail|write)\b",
    # "Gibt es hier ein Frauenhaus?" after help for violence
    r"\b(?:frauenhaus|frauenhauser|frauenhäuser|schutzwohnung|schutzhaus|women'?s shelter)\b",
    # "gibt es jemand, mit dem ich reden kann wegen den kindern?"
    r"\b(?:jemand\w*|wer|wem)\s+(?:\S+\s+){0,4}(?:reden|sprechen|talk|speak)\b",
    # The poison line: "gibt es einen giftnotruf?" (eighteenth probe: the Bürgerservice).
    r"\b(?:giftnotruf\w*|giftzentrale|giftinformations\w*|poison (?:control|centre|center|"
    r"hotline|line))\b",
    # Cannot phone: "ich trau mich nicht anzurufen, er hört das" (seventeenth probe: the
    # office switchboard was offered).
    r"\b(?:nicht|ned|net)\s+(?:\S+\s+)?(?:anzurufen|zu telefonieren)\b",
    r"\b(?:er|sie)\s+(?:hört|hoert|merkt|sieht)\s+(?:das|es|mit|mich|alles)\b",
    r"\b(?:he|she)(?:'ll| will| would| can)?\s+(?:hear|hears|notice)\b",
    # Is anyone there now: "es ist sonntag, ist beim jugendamt da überhaupt wer?"
    r"\b(?:ist|sind)\s+(?:\S+\s+){0,4}(?:überhaupt\s+)?(?:wer|jemand|einer)\s*(?:da|erreichbar)?"
    r"\s*\?", r"\berreichbar\b", r"\b(?:sonntag|wochenende|feiertag|nachts|mitten in der nacht)"
    r"\b", r"\b(?:anyone|anybody|someone)\s+(?:there|available|working)\b",
    r"\b(?:sunday|weekend|at night)\b",
    # Taking the patient oneself: "soll ich ihn nicht lieber selber ins krankenhaus fahren?"
    r"\b(?:selber|selbst|schnell)\s+(?:\S+\s+){0,4}(?:fahren|hinfahren|bringen|hinbringen)\b",
    r"\b(?:ins|in die)\s+(?:krankenhaus|klinik|notaufnahme)\s+(?:\S+\s+)?(?:fahren|bringen)\b",
    r"\b(?:drive|take)\s+(?:him|her|them)\s+(?:\S+\s+){0,3}(?:myself|hospital|er)\b",
)
# Worry about the person or the danger just described: "ich mach mir echt sorgen, dass
# ihm was passiert ist", "ist das gefährlich?", "wen ruf ich an?", "I'm really worried".
_WORRY = rx(
    r"\b(?:sorgen|sorge|angst)\b\s+(?:\S+\s+){0,4}(?:passiert|zugestoßen|zusammengebrochen|"
    r"tot|stirbt|sterben|lebt)\b",
    r"\bwas\s+passiert\s+(?:ist|sein könnte)\b",
    r"\bist\s+(?:das|es|der|die)\s+(?:\S+\s+)?(?:gefährlich|giftig|schlimm)\b",
    r"\b(?:wen|wo|wer)\s+(?:ruf|rufe|rufen)\s+(?:ich|man|wir)\b",
    r"\b(?:worried|afraid|scared)\s+(?:\S+\s+){0,4}(?:happened|dead|dying|hurt)\b",
    r"\bis\s+(?:it|this|that)\s+(?:\S+\s+)?(?:dangerous|toxic|poisonous)\b",
    r"\bwho\s+(?:do|should|can)\s+(?:i|we)\s+call\b",
)
# Loneliness or tears right after a crisis reply: "ich hab niemand zum reden", "ich bin
# so allein", "😢😢😢" (twelfth probe: the Bürgerservice was offered as someone to talk to).
_ALONE = rx(
    r"\b(?:niemand|niemanden|keinen|keiner|koan|neamd)\s+(?:\S+\s+){0,2}(?:zum reden|"
    r"zum sprechen|zum redn|mit dem ich (?:\S+\s+)?(?:reden|sprechen)|der mir zuhört|"
    r"der zuhört|für mich da)\b",
    r"\b(?:bin|fühle mich|fühl mich|fuehl mich)\s+(?:so\s+|ganz\s+|total\s+|voll\s+)?"
    r"(?:allein|alleine|einsam)\b(?!\s*(?:erziehend|stehend|lebend|wohnend))",
    r"\b(?:no one|nobody|noone)\s+(?:to talk to|listens|to listen|cares)\b",
    r"\b(?:i'm|im|i am|i feel|feel)\s+(?:so\s+|very\s+|all\s+)?(?:alone|lonely)\b",
    # despair ("ach, ist eh alles egal" got a goodbye in the twelfth-session probe)
    r"\balles\s+(?:egal|sinnlos|zwecklos)\b", r"\bhat\s+(?:\S+\s+)?keinen\s+sinn\b",
    r"\b(?:nothing|it all)\s+(?:matters|doesn't matter|is pointless)\b")
# Right after a crisis reply, the next step in the danger: may I go back in, whom to tell,
# should I call the police ("soll ich die polizei rufen oder ist das übertrieben?").
_DANGER_STEP = rx(
    r"\b(?:soll|sollte|muss|darf|kann)\s+(?:ich|man|wir)\s+(?:\S+\s+){0,4}(?:wieder\s+)?"
    r"(?:rein|hinein|reingehen|zurück|ins haus|in die wohnung)\b",
    r"\b(?:soll|sollte|muss)\s+(?:ich|man|wir)\s+(?:\S+\s+){0,4}(?:polizei|notruf|112|110|"
    r"feuerwehr|krankenwagen|rettungsdienst|bescheid|melden|informieren|anrufen|rufen)\b",
    r"\b(?:übertrieben|overreacting)\b",
    r"\b(?:should|can|may)\s+(?:i|we)\s+(?:\S+\s+){0,3}(?:go back|call the police|call 112|"
    r"call 110|tell)\b")
# The means at hand after suicidal thoughts: "ich hab tabletten hier" (twelfth-session probe:
# answered with a greeting).
_MEANS = rx(r"\b(?:tabletten|pillen|medikamente|schlaftabletten|messer|strick|seil|rasierklinge|"
            r"waffe|pistole|brücke|gleise|pills|tablets|knife|rope|gun|bridge)\b")
# Help is on its way: "ich hab angerufen, die kommen. was soll ich bis dahin machen?"
_WAITING = rx(r"\b(?:hab|habe|haben)\s+(?:\S+\s+)?(?:angerufen|gerufen|112 gewählt)\b",
              r"\b(?:die|der|sie|er)\s+(?:kommen|kommt|sind unterwegs|ist unterwegs)\b",
              r"\bbis\s+(?:dahin|die kommen|der kommt|sie kommen)\b",
              r"\b(?:called|they are coming|on (?:their|its) way|until they (?:come|arrive))\b")
WAITING_REASON = "waiting"
_TEARS = re.compile(r"^[\s.!?]*(?:[😢😭😞😔☹🙁💔😿🥺😥😓😩😫][\s.!?\ufe0f]*)+$")
# Children named in a follow-up to help for a parent: the Kreisjugendamt's help too.
_CHILDREN = rx(rf"\b{CHILD}\b")


def asks_next_step(text: str) -> bool:
    """Does `text` ask what to do or where to turn ("was soll ich jetzt tun?"), worry
    about the danger or the person just described ("ist das gefährlich?"), or say that
    the writer is alone or crying ("ich hab niemand zum reden", "😢")?"""
    folded = normalise(text)
    return _NEXT_STEP.search(folded) is not None or _WORRY.search(folded) is not None \
        or _ALONE.search(folded) is not None or _TEARS.match(text) is not None


NEXT_STEP_REASON = "next_step"


def follow_up(text: str, language: str, events: Iterable[Mapping[str, Any]]
              ) -> tuple[Reply, tuple[Kind, ...], str] | None:
    """Right after a crisis reply: the anonymity reply when `text` fears the consequences,
    the crisis help again when it asks what to do or where to turn; else None."""
    if not text or text.lstrip().startswith("/"):
        return None
    in_context = crisis_in_context(events)
    if "child" in in_context and _NIGHT.search(normalise(text)):
        return Reply(say("crisis_youth_night", language)), ("child",), NIGHT_REASON
    if ("child" in in_context or "violence" in in_context) and _TAKEN_AWAY.search(
            normalise(text)):
        # After help for violence too: "nimmt mir das Jugendamt die Kinder weg, wenn ich
        # mich melde?" (fifteenth probe: the child-protection report card).
        return Reply(say("crisis_taken_away", language)), ("child",), TAKEN_AWAY_REASON
    if fears_consequences(text):
        kinds = tuple(kind for kind in in_context if kind in ANONYMOUS_KINDS)
        return (anonymity_reply(kinds, language), kinds, FOLLOW_UP_REASON) if kinds else None
    folded = normalise(text)
    if "medical" in in_context and _WAITING.search(folded):
        return Reply(say("crisis_medical_waiting", language)), ("medical",), WAITING_REASON
    if in_context and (asks_next_step(text) or _DANGER_STEP.search(folded)
                       or ("suicide" in in_context and _MEANS.search(folded))):
        # A frightened parent's "was soll ich jetzt tun?" must not meet a random menu;
        # "… wegen den Kindern?" after help for violence adds the child-protection help.
        kinds = in_context
        if "child" not in kinds and _CHILDREN.search(normalise(text)):
            kinds = tuple(kind for kind in URGENCY if kind in {*kinds, "child"})
        crisis = Crisis(kinds[0], "follow-up", tuple((kind, "follow-up") for kind in kinds[1:]))
        return crisis_reply(crisis, language, text), kinds, NEXT_STEP_REASON
    return None
