"""The crisis detector's vocabulary: normalising, word classes, masks and context.

Patterns are written lower case in natural spelling (with umlauts); `rx` folds them
exactly like the message (`normalise`), so "schlägt", "schlaegt" and "schlagt" all
match. `W(n)` is a gap of up to n words. The rules built from these words are in
`actions.crisis_rules`; how they are applied is in `actions.crisis`.
"""

from __future__ import annotations

import re
from typing import Literal

# In order of urgency: when a message carries several, the reply leads with the first.
Kind = Literal["medical", "danger", "suicide", "child", "violence", "homeless"]

_FOLDS = (("ä", "a"), ("ö", "o"), ("ü", "u"), ("ß", "ss"), ("ae", "a"), ("oe", "o"),
          ("ue", "u"))


def _fold(text: str) -> str:
    for old, new in _FOLDS:
        text = text.replace(old, new)
    return text


def normalise(text: str) -> str:
    """Folded message: lower case, umlauts folded, commas kept as " , ", other marks dropped."""
    text = _fold(text.lower().replace("’", "'"))
    text = re.sub(r",", " , ", text)
    text = re.sub(r"[^\w.!?;:\n',]+", " ", text)
    return re.sub(r"[ \t]+", " ", text)


def rx(*parts: str) -> re.Pattern[str]:
    """One pattern from alternatives written in natural spelling (folded like the text)."""
    return re.compile("|".join(f"(?:{_fold(p)})" for p in parts))


def W(n: int) -> str:
    """A gap of up to n words (lazy)."""
    return rf"(?:\S+\s+){{0,{n}}}?"


# -- word classes ------------------------------------------------------------------
NOT = r"(?:nicht|nich|ned|net|nimmer|nimma|nit|kaum)"
NOT_S = r"(?:nicht|nich|ned|net|nimmer|nimma|nit|nie)"
FILL = r"(?:\s+(?:ich|i|einfach|echt|wirklich|so|halt|eigentlich|überhaupt|gar|ja|doch|auch|"\
    r"irgendwie|selbst|nur|noch|ehrlich gesagt|jetzt|heute|morgen))*"
ME = r"(?:mich|mi|mir|uns)"
ME_EN = r"(?:me|us)"
RELATIVE = (r"(?:mann|ehemann|exmann|freund|exfreund|ex|partner|partnerin|lebensgefährte|"
            r"lebensgefährtin|verlobter|frau|ehefrau|freundin|exfreundin|vater|papa|papi|"
            r"stiefvater|mutter|mama|mami|stiefmutter|eltern|bruder|schwester|sohn|tochter|"
            r"onkel|tante|opa|oma|schwiegervater|schwiegermutter|nachbar|nachbarin|"
            r"mitbewohner|typ|kerl|neffe|nichte|cousin|cousine|schwager|schwägerin)")
PERSON = rf"(?:er|sie|jemand|{RELATIVE})"
PARENT = r"(?:eltern|vater|mutter|papa|mama|stiefvater|stiefmutter)"
RELATIVE_EN = (r"(?:husband|wife|boyfriend|girlfriend|partner|ex|father|dad|stepfather|stepdad|"
               r"mother|mum|mom|brother|sister|son|daughter|uncle|neighbou?r|flatmate|"
               r"roommate|nephew|niece|cousin)")
PERSON_EN = rf"(?:he|she|they|someone|somebody|guy|{RELATIVE_EN})"
# Who may be found lying, not breathing, not moving (medical signs need a person).
BODY = (rf"(?:{PERSON}|baby|kind|kleine|patient|herr|dame|mensch|person|bua|vadda|mama|"
        r"oma|opa|grandpa|grandma|granny|grandad|grandfather|grandmother|man|woman|friend|"
        rf"child|toddler|{PERSON_EN})")
PARENT_EN = r"(?:parents?|dad|father|mum|mom|mother|stepdad|stepfather|stepmother)"
OTHER = (rf"(?:ihn|sie|ihm|(?:seine[nmrs]?|ihre[nmrs]?|die|den|meine[nmrs]?|unsere[nmrs]?)"
         rf"\s+{RELATIVE})")
OTHER_EN = rf"(?:her|him|them|(?:my|his|her|their|the)\s+(?:\S+\s+)?(?:{RELATIVE_EN}|kids?|"\
    r"children|baby))"
CHILD = (r"(?:kind|kinder|kindern|kinds|kleinkind\w*|baby|babys|säugling|sohn|tochter|"
         r"enkel\w*|junge|jungen|mädchen|madl|bub|buben|bua|nachbarskind\w*|"
         r"nachbarsjunge|nachbarsmädchen|stiefkind\w*|stieftochter|stiefsohn|"
         r"schüler\w*|schulkind\w*|kleine|kleinen|kloana|kloane|kid|kids|child|children|son|"
         r"daughters?|sons|toddlers?|infants?|babies|boys?|girls?|pupils?|little one|kiddo|"
         r"kleine[nr]? (?:bruder|schwester)|little (?:brother|sister))")
# A child word as the *agent* ("von seinem Sohn geschlagen", "hit by her son") is no
# child at risk: masked before the child rules run.
AGENT = rf"\b(?:von|vom|vo|by|durch)\s+(?:\S+\s+)?{CHILD}\b"
# Ages: a minor makes violence a child matter; an adult age makes a son/daughter an adult.
AGE = re.compile(r"\((\d{1,2})\)|\b(?:ist|bin|is|i'm|i am|erst|only)\s+(\d{1,2})\b"
                 r"(?!\s*(?:uhr|euro))"
                 r"|(?<!seit )(?<!vor )(?<!für )(?<!for )(?<!in )\b(\d{1,2})[\s-]*(?:jahre|jahren|"
                 r"jährig\w*|j|years?[\s-]+old|yo)\b")
ANIMAL = re.compile(r"\b(?:hund\w*|katze\w*|pferd\w*|tier\w*|kuh|dog|cat|horse|pet)\b")
# A person hurt beside the animal: then the medical rules apply after all.
VICTIM = re.compile(r"\b(?:tochter|sohn|kind|kinder|kindes|baby|mann|frau|opa|oma|vater|mutter|"
                    r"papa|mama|bruder|schwester|bub|buam|junge|madchen|mich|mir|daughter|son|"
                    r"child|kid|boy|girl|husband|wife|me)\b")

# Violence verbs (German: present / past / participle; English: any form).
HIT = (r"(?:schlägt|schlagt|schlogt|schlägst|schlug|schlugen|schlagen|haut|hauen|watscht|prügelt|"
       r"verprügelt|tritt|treten|würgt|würgte|würgen|misshandelt|vergewaltigt|quält|"
       r"schubst|boxt|bedroht|bedrohen|terrorisiert|stalkt)")
HIT_DONE = (r"(?:(?:zusammen|nieder|tot|halbtot|windelweich)?g(?:e)?schlag(?:e)?n|verprügelt|"
            r"vaprügelt|g(?:e)?tret(?:e)?n|gewürgt|misshandelt|vergewaltigt|missbraucht|bedroht|"
            r"eingesperrt|festgehalten|geboxt|(?:weg|um|runter|hin)?geschubst|(?:runter|weg|um|hin|nieder)"
            r"gestoßen|angegriffen|gewatscht|begrapscht|angefasst|erniedrigt)")
NOT_VOR = r"(?!(?:\s+\S+){0,6}?\s+vor\s*(?:$|dass|zu\b|,))"   # "schlägt … vor" = proposes
HIT_EN = (r"(?:hit|hits|hitting|beat|beats|beating|punch(?:es|ed|ing)?|kick(?:s|ed|ing)?|"
          r"chok(?:e|es|ed|ing)|strangl\w+|slap(?:s|ped|ping)?|smack(?:s|ed|ing)?|"
          r"abus(?:e|es|ed|ing)|rap(?:e|es|ed|ing)|assault(?:s|ed|ing)?|attack(?:s|ed|ing)?|"
          r"threaten(?:s|ed|ing)?|hurt(?:s|ing)?|push(?:es|ed|ing)|shov(?:es|ed|ing)|"
          r"stalk(?:s|ed|ing)|molest\w*|grop\w+|burn(?:s|ed|ing)?)")
HIT_EN_DONE = (r"(?:beaten|hit|abused|raped|assaulted|attacked|threatened|stalked|choked|"
               r"strangled|kicked(?! out)|punched|molested|groped|touched|locked (?:in|up))")
CHILD_HARMED = (rf"(?:{HIT_DONE}|vernachlässigt|verwahrlost|gequält|geschüttelt|"
                r"allein(?:e)?\s+(?:\S+\s+){0,2}gelassen|blaue[nr]? flecken|blutergüsse|striemen|"
                r"brandwunden|verbrennungen|brandmale|abgemagert|unterernährt|"
                r"(?:immer|ständig|dauernd) hungrig|(?:nichts|kaum was|kaum etwas) zu essen|"
                r"kein essen|traut sich nicht|will nicht (?:mehr )?nach hause|in gefahr|"
                r"schreit um hilfe|(?:schläge|prügel|watschn) (?:kriegt|bekommt|kriegen|bekommen)|"
                r"anfasst|anfassen|befummelt|entführ\w*|ins auto (?:zu )?(?:ziehen|zerren|locken)|"
                rf"nackt\w*|angst vor (?:\S+\s+)?{RELATIVE})")
CHILD_HARM = (r"(?:schlägt|schlagt|schlagen|prügelt|verprügelt|misshandelt|vernachlässigt|"
              r"vernachlässigen|quält|sperrt|tritt|schüttelt|missbraucht|beat|beats|hits|"
              r"hit|abuses|abused|neglects|neglected|starves|locks|hurts|shakes|molests|"
              r"molested)")
CHILD_HARMED_EN = (r"(?:beaten|hit|abused|neglected|hurt|left alone|locked (?:in|up)|"
                   r"starv\w+|molested|shaken|bruised|bruises|burn marks|burns|in danger|not safe|"
                   r"unsafe|alone (?:for|in|at)|home alone|all alone|no food|nothing to eat|"
                   r"(?:always|constantly) hungry|"
                   rf"(?:scared|afraid|terrified) of (?:his|her|their) {RELATIVE_EN})")
# Signs that a child is alone and unattended in danger (with a child word nearby).
UNATTENDED = (r"(?:allein\w*\s+(?:\S+\s+){0,4}(?:auto|wagen|wohnung|balkon\w*|fenster\w*|"
              r"geländer|dach|zu hause|daheim)|(?:seit|tagelang|stundenlang|nächtelang|ständig|"
              r"nachts)\s+"
              r"(?:\S+\s+){0,4}allein\w*|alone\s+(?:\S+\s+){0,4}(?:car|days|hours|flat|"
              r"apartment|balcony|window|ledge|roof)|überhitzt\w*|hot car|locked car)")
CAREGIVER = (r"(?:vater|mutter|eltern|papa|mama|tagesmutter|babysitter|father|mother|mum|"
             r"mom|dad|parents?)")
DRUNK = r"(?:betrunken|besoffen|bsoffa|stockbesoffen|zugedröhnt|drunk|high on|wasted)"
DETERMINER = (r"(?:seine[nmrs]?|ihre[nmrs]?|die|das|den|dem|unser\w*|mein\w*|his|her|their|"
              r"the|my|our)")
KILL_SELF = (r"(?:umbringen|umzubringen|umbringa|töten|zu töten|erhängen|aufhängen|"
             r"erschießen|zu erschießen|vergiften|ertränken|das leben nehmen|was antun|"
             r"etwas antun)")
# What someone threatens to do to the writer or another person.
THREAT = (r"(?:umzubringen|umbringen|zu töten|töten|abzustechen|zu erstechen|zu erschießen|"
          r"zu erwürgen|anzuzünden|abzufackeln|zu schlagen|zu entführen|zu verschleppen|"
          r"wegzunehmen|anzutun|antun|wehzutun|weh zu tun|abzumurksen|kalt ?zu ?machen)")
# With any ending: "von den Putzmitteln getrunken" (eighteenth probe: no crisis found).
SUBSTANCE = (r"(?:putzmittel|reiniger|rattengift|gift|waschmittel|spülmaschinentabs?|lauge|"
             r"batterie|knopfzelle|magnete?|bleach|poison|cleaner|detergent|\w*battery|magnets?)\w*")
PILLS = r"(?:\w*tabletten|\w*pillen|medikamente|\w*pills|\w*tablets|medication)"
FALL = (r"(?:gestürzt|hingefallen|umgefallen|umgfoin|umgfalln|hingfoin|runtergefallen|"
        r"gefallen|fell|fallen|collapsed)")
FALL_SIGN = (rf"(?:blut\w*|bluat\w*|bewegt sich {NOT}|rührt sich {NOT}|kann {NOT}\s+(?:mehr\s+)?"
             rf"aufstehen|steht {NOT}\s+(?:mehr\s+)?auf|redet {NOT}|redt nix|spricht {NOT}|"
             rf"reagiert {NOT}|verwirrt|bewusstlos|bleeding|blood|not moving|isn't moving|"
             r"is not moving|can't get up|cannot get up|unconscious|confused)")

# Losing one's home now (the homeless rules): being evicted, thrown out, nowhere to sleep.
EVICTED = r"(?:(?:zwangs)?geräumt|auf die straße gesetzt|vor die tür gesetzt)"
# Thrown out: of a course or a job as well, so only with a home or a household member.
THROWN_OUT = (r"(?:(?:raus|hinaus)?(?:geworfen|geschmissen|gschmissn|gschmissen|gworfen)|"
              r"rausgeflogen)")
HOME = r"(?:wohnung|haus|zuhause|zu hause|daheim|elternhaus|wg|zimmer)"
SOON = (r"(?:heute|heut|morgen|moang|übermorgen|jetzt|sofort|gleich|bald|demnächst|"
        r"nächste woche|am (?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)|"
        r"ab dem \d+\.?|in (?:\S+ )?(?:tagen|tag|woche|wochen)|tonight|tomorrow|today|"
        r"next week|soon|now)")
# Where to sleep ("übernachten" is left out: travellers ask where to stay).
SLEEP = r"(?:schlafen|pennen|unterkommen|bleiben)"

# -- masks and context ---------------------------------------------------------------
IDIOMS = rx(
    rf"\b(?:bringt|bringen|bringst)\s+mich\s+{W(2)}um\b(?=.*\b(?:weil|wenn|wegen|noch)\b)",
    r"\b(?:sterbe|sterben|sterb)\s+(?:\S+\s+)?vor\s+\w+", r"\bzum sterben\b", r"\bzu tode\b",
    r"\btod(?:müde|langweilig|schick|sicher|ernst)\b", r"\btotlach\w*",
    r"\bhaut mich\s+(?:\S+\s+){0,2}um\b", r"\bschlägt mir\s+(?:\S+\s+)?(?:auf|aufs)\b",
    r"\bdying (?:to|for|of)\b", r"\bkill(?:ing|s|ed)? (?:it|time)\b", r"\bto die for\b",
    r"\b(?:is|are) killing me\b", r"\bbored to death\b", r"\bhit me up\b", r"\bbeat me to\b",
    r"\bkill for\b", r"\bsuicide (?:squad|mission)\b", r"\bstroke of (?:luck|genius)\b",
    r"\b(?:it|that|this) hurts me\b", r"\bchoking hazard\b", r"\bseizure of\b",
    r"\bkönnte mich\s+(?:selbst\s+)?umbringen\b",
    r"\bvon\s+(?:\S+\s+)?\w*(?:ung|keit|heit|armut|not|insolvenz|pleite)\s+bedroht\b",
    r"\bbungee\w*",
)
HYPOTHETICAL = rx(
    r"\b(?:wenn|falls|ob|sobald|angenommen)\s+(?:\S+\s+){0,2}?(?:jemand|man|ein|eine|einem|"
    r"einen|einer|eines|personen|menschen|kinder)\b",
    r"\b(?:if|when|whether|what if)\s+(?:\S+\s+){0,2}?(?:someone|somebody|a|an|one|people|"
    r"children|kids)\b",
    r"\b(?:wie erkennt man|woran erkennt man|how (?:do you|to|can you|can i) "
    r"(?:recogni[sz]e|spot|tell))\b",
)
FRAMING = rx(
    r"\b\w*(?:kurs|kurse|ausbildung|schulung|seminar|fortbildung|weiterbildung|lehrgang|studium|"
    r"statistik|studie|präventi\w*|gesetz\w*|paragraph\w*|rechtslage|rechtlich\w*|"
    r"anwalt\w*|mandant\w*|definition|hausarbeit|referat|fachkraft|fachkräfte|"
    r"sanitäter\w*|ersthelfer\w*)\b", r"§",
    r"\bwas (?:ist|sind|bedeutet|versteht man)\b",
    r"\b(?:course|training|class|statistics?|study|prevention|law|legal|lawyer|client|"
    r"definition|essay|thesis|what is|what does|paramedic training)\b",
    r"\b(?:sterbeurkunde|beerdigung|bestattung|nachlass|erbschein|death certificate|funeral)\b",
    r"\b(?:spende\w*|spenden|donate|donation\w*|ehrenamt\w*|volunteer\w*)\b",
)
PAST = rx(
    r"\b(?:vor|seit)\s+(?:\d+|einem|einer|zwei|drei|vier|ein paar|mehreren|einigen|langer)\s+"
    r"(?:tag|tagen|woche|wochen|monat|monaten|jahr|jahren|zeit)\b",
    r"\bletzte[nrs]?\s+(?:woche|monat|jahr)\b", r"\b(?:damals|früher|gestern|verheilt)\b",
    r"\b(?:19|20)\d\d\b", r"\b(?:ago|last (?:week|month|year)|yesterday|healed|back then)\b",
)
# An illness named as something that happened ("seit seinem Schlaganfall", "hatte einen
# Herzinfarkt", "after his stroke"): the care or paperwork after it, no emergency now.
PAST_EVENT = rx(
    r"\b(?:seit|nach|hatte|hatten|had|has had|after|since)\s+(?:(?!gerade|jetzt|now)\S+\s+){0,4}"
    r"(?:schlaganfall\w*|herzinfarkt\w*|hirnschlag\w*|herzanfall\w*|stroke|heart attack)\b"
    r"(?!\s*(?:gerade|jetzt|now|right now))",
)
ADMIN = rx(
    r"\b\w*(?:ausweis|antrag|antrage|beantrag\w*|bescheinigung|formular|nachweis|attest|"
    r"versicherung|meldung|melden|melde|gutachten|pflegegrad|rente|reha|entschädigung|führerschein|"
    r"rechnung|kosten|kostet|gebühr\w*|erstatt\w*|krankengeld|schwerbehindert\w*|urkunde|"
    r"bezahl\w*|zahlen|fahrerlaubnis|fahrtauglich\w*|autofahren|krankschreibung|"
    r"arbeitsunfähig\w*|arbeitgeber)\b", r"\bauto fahren\b",
    r"\b(?:apply|application|certificate|form|insurance|claim|licen[cs]e|bill|invoice|"
    r"compensation|disability|pay|cost|costs|fee)\b",
)


