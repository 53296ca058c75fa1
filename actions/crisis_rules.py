"""The crisis detector's vocabulary: word classes, masks and rules (see `actions.crisis`).

Patterns are written lower case in natural spelling (with umlauts); `_rx` folds them
exactly like the message (`normalise`), so "schlägt", "schlaegt" and "schlagt" all
match. `W(n)` is a gap of up to n words. A rule's `generic` flag marks terms that
ordinary legal, training, statistics or form questions use as well.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Kind = Literal["violence", "child", "suicide", "medical"]

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


def _rx(*parts: str) -> re.Pattern[str]:
    """One pattern from alternatives written in natural spelling (folded like the text)."""
    return re.compile("|".join(f"(?:{_fold(p)})" for p in parts))


def W(n: int) -> str:
    """A gap of up to n words (lazy)."""
    return rf"(?:\S+\s+){{0,{n}}}?"


# -- word classes ------------------------------------------------------------------
NOT = r"(?:nicht|nich|ned|net|nimmer|nimma|nit|kaum)"
NOT_S = r"(?:nicht|nich|ned|net|nimmer|nimma|nit|nie)"
FILL = r"(?:\s+(?:ich|i|einfach|echt|wirklich|so|halt|eigentlich|überhaupt|gar|ja|doch|auch|"\
    r"irgendwie|einfach))*"
ME = r"(?:mich|mi|mir|uns)"
ME_EN = r"(?:me|us)"
RELATIVE = (r"(?:mann|ehemann|exmann|freund|exfreund|ex|partner|partnerin|lebensgefährte|"
            r"lebensgefährtin|verlobter|frau|ehefrau|freundin|exfreundin|vater|papa|papi|"
            r"stiefvater|mutter|mama|mami|stiefmutter|eltern|bruder|schwester|sohn|tochter|"
            r"onkel|tante|opa|oma|schwiegervater|schwiegermutter|nachbar|nachbarin|"
            r"mitbewohner|typ|kerl)")
PERSON = rf"(?:er|sie|jemand|{RELATIVE})"
PARENT = r"(?:eltern|vater|mutter|papa|mama|stiefvater|stiefmutter)"
RELATIVE_EN = (r"(?:husband|wife|boyfriend|girlfriend|partner|ex|father|dad|stepfather|stepdad|"
               r"mother|mum|mom|brother|sister|son|daughter|uncle|neighbou?r|flatmate|"
               r"roommate)")
PERSON_EN = rf"(?:he|she|they|someone|somebody|guy|{RELATIVE_EN})"
PARENT_EN = r"(?:parents?|dad|father|mum|mom|mother|stepdad|stepfather|stepmother)"
OTHER = (rf"(?:ihn|sie|ihm|(?:seine[nmrs]?|ihre[nmrs]?|die|den|meine[nmrs]?|unsere[nmrs]?)"
         rf"\s+{RELATIVE})")
OTHER_EN = rf"(?:her|him|them|(?:my|his|her|their|the)\s+(?:\S+\s+)?(?:{RELATIVE_EN}|kids?|"\
    r"children|baby))"
CHILD = (r"(?:kind|kinder|kindern|kinds|kleinkind\w*|baby|babys|säugling|sohn|tochter|"
         r"enkel\w*|junge|jungen|mädchen|madl|bub|buben|bua|nachbarskind\w*|"
         r"nachbarsjunge|nachbarsmädchen|stiefkind\w*|stieftochter|stiefsohn|"
         r"schüler\w*|schulkind\w*|kleine|kleinen|kid|kids|child|children|son|daughter|"
         r"toddler|infant|boy|girl|pupil|little one)")
ANIMAL = re.compile(r"\b(?:hund\w*|katze\w*|pferd\w*|tier\w*|kuh|dog|cat|horse|pet)\b")

# Violence verbs (German: present / past / participle; English: any form).
HIT = (r"(?:schlägt|schlagt|schlägst|schlug|schlugen|schlagen|haut|hauen|watscht|prügelt|"
       r"verprügelt|tritt|treten|würgt|würgte|würgen|misshandelt|vergewaltigt|quält|"
       r"schubst|boxt|bedroht|bedrohen|terrorisiert|stalkt)")
HIT_DONE = (r"(?:geschlagen|zusammengeschlagen|verprügelt|getreten|gewürgt|misshandelt|"
            r"vergewaltigt|missbraucht|bedroht|eingesperrt|geboxt|geschubst|angegriffen|"
            r"gewatscht|begrapscht|angefasst|erniedrigt)")
NOT_VOR = r"(?!(?:\s+\S+){0,6}?\s+vor\s*(?:$|dass|zu\b|,))"   # "schlägt … vor" = proposes
HIT_EN = (r"(?:hit|hits|hitting|beat|beats|beating|punch(?:es|ed|ing)?|kick(?:s|ed|ing)?|"
          r"chok(?:e|es|ed|ing)|strangl\w+|slap(?:s|ped|ping)?|smack(?:s|ed)?|"
          r"abus(?:e|es|ed|ing)|rap(?:e|es|ed)|assault(?:s|ed)?|attack(?:s|ed)|"
          r"threaten(?:s|ed|ing)?|hurt(?:s|ing)?|push(?:es|ed)|shov(?:es|ed)|stalk(?:s|ed|ing)|"
          r"molest\w*|grop\w+)")
CHILD_HARMED = (r"(?:geschlagen|verprügelt|misshandelt|missbraucht|vernachlässigt|verwahrlost|"
                r"allein(?:e)?\s+(?:\S+\s+){0,2}gelassen|eingesperrt|gequält|getreten|"
                r"geschüttelt|angefasst|blaue[nr]? flecken|blutergüsse|striemen|nichts zu essen|"
                r"kein essen|traut sich nicht|will nicht (?:mehr )?nach hause|in gefahr|"
                rf"schreit um hilfe|angst vor (?:\S+\s+)?{RELATIVE})")
CHILD_HARM = (r"(?:schlägt|schlagt|schlagen|prügelt|verprügelt|misshandelt|vernachlässigt|"
              r"vernachlässigen|quält|sperrt|tritt|schüttelt|missbraucht|beat|beats|hits|"
              r"hit|abuses|abused|neglects|neglected|starves|locks|hurts|shakes|molests|"
              r"molested)")
CHILD_HARMED_EN = (r"(?:beaten|hit|abused|neglected|hurt|left alone|locked (?:in|up)|"
                   r"starv\w+|molested|shaken|bruised|bruises|in danger|not safe|unsafe|"
                   rf"(?:scared|afraid) of (?:his|her|their) {RELATIVE_EN})")
DETERMINER = (r"(?:seine[nmrs]?|ihre[nmrs]?|die|das|den|dem|unser\w*|mein\w*|his|her|their|"
              r"the|my|our)")
KILL_SELF = r"(?:umbringen|umzubringen|töten|zu töten|erhängen|aufhängen|umbringa)"
SUBSTANCE = (r"(?:putzmittel|reiniger|rattengift|gift|waschmittel|spülmaschinentabs?|lauge|"
             r"bleach|poison|cleaner|detergent)")

# -- masks and context ---------------------------------------------------------------
IDIOMS = _rx(
    rf"\b(?:bringt|bringen|bringst)\s+mich\s+{W(2)}um\b(?=.*\b(?:weil|wenn|wegen|noch)\b)",
    r"\b(?:sterbe|sterben|sterb)\s+(?:\S+\s+)?vor\s+\w+", r"\bzum sterben\b", r"\bzu tode\b",
    r"\btod(?:müde|langweilig|schick|sicher|ernst)\b", r"\btotlach\w*",
    r"\bhaut mich\s+(?:\S+\s+){0,2}um\b", r"\bschlägt mir\s+(?:\S+\s+)?(?:auf|aufs)\b",
    r"\bdying (?:to|for|of)\b", r"\bkill(?:ing|s|ed)? (?:it|time)\b", r"\bto die for\b",
    r"\b(?:is|are) killing me\b", r"\bbored to death\b", r"\bhit me up\b", r"\bbeat me to\b",
    r"\bkill for\b", r"\bsuicide (?:squad|mission)\b", r"\bstroke of (?:luck|genius)\b",
    r"\b(?:it|that|this) hurts me\b", r"\bchoking hazard\b", r"\bseizure of\b",
    r"\bkönnte mich\s+(?:selbst\s+)?umbringen\b",
)
HYPOTHETICAL = _rx(
    r"\b(?:wenn|falls|ob|sobald|angenommen)\s+(?:\S+\s+){0,2}?(?:jemand|man|ein|eine|einem|"
    r"einen|einer|eines|personen|menschen|kinder)\b",
    r"\b(?:if|when|whether|what if)\s+(?:\S+\s+){0,2}?(?:someone|somebody|a|an|one|people|"
    r"children|kids)\b",
    r"\b(?:wie erkennt man|woran erkennt man|how (?:do you|to|can you|can i) "
    r"(?:recogni[sz]e|spot|tell))\b",
)
FRAMING = _rx(
    r"\b\w*(?:kurs|kurse|ausbildung|schulung|seminar|fortbildung|weiterbildung|lehrgang|studium|"
    r"statistik|studie|präventi\w*|gesetz\w*|paragraph\w*|rechtslage|rechtlich\w*|"
    r"anwalt\w*|mandant\w*|definition|hausarbeit|referat|fachkraft|fachkräfte|"
    r"sanitäter\w*|ersthelfer\w*)\b", r"§",
    r"\bwas (?:ist|sind|bedeutet|versteht man)\b",
    r"\b(?:course|training|class|statistics?|study|prevention|law|legal|lawyer|client|"
    r"definition|essay|thesis|what is|what does|paramedic training)\b",
    r"\b(?:sterbeurkunde|beerdigung|bestattung|nachlass|erbschein|death certificate|funeral)\b",
)
PAST = _rx(
    r"\b(?:vor|seit)\s+(?:\d+|einem|einer|zwei|drei|vier|ein paar|mehreren|einigen|langer)\s+"
    r"(?:tag|tagen|woche|wochen|monat|monaten|jahr|jahren|zeit)\b",
    r"\bletzte[nrs]?\s+(?:woche|monat|jahr)\b", r"\b(?:damals|früher|gestern|verheilt)\b",
    r"\b(?:19|20)\d\d\b", r"\b(?:ago|last (?:week|month|year)|yesterday|healed|back then)\b",
)
ADMIN = _rx(
    r"\b\w*(?:ausweis|antrag|antrage|beantrag\w*|bescheinigung|formular|nachweis|attest|"
    r"versicherung|meldung|gutachten|pflegegrad|rente|reha|entschädigung|führerschein|"
    r"rechnung|kosten|kostet|gebühr\w*|erstatt\w*|krankengeld|schwerbehindert\w*|urkunde|"
    r"bezahl\w*|zahlen|fahrerlaubnis|fahrtauglich\w*|autofahren|krankschreibung|"
    r"arbeitsunfähig\w*|arbeitgeber)\b", r"\bauto fahren\b",
    r"\b(?:apply|application|certificate|form|insurance|claim|licen[cs]e|bill|invoice|"
    r"compensation|disability|pay|cost|costs|fee)\b",
)


@dataclass(frozen=True)
class Rule:
    kind: Kind
    pattern: re.Pattern[str]
    generic: bool = False   # a term that legal / training / form questions use too
    priority: int = 0       # higher wins when several kinds match


def _rule(kind: Kind, *parts: str, generic: bool = False, priority: int = 0) -> Rule:
    return Rule(kind, _rx(*parts), generic, priority)


SUICIDE = _rule(
    "suicide",
    rf"\b(?:will|wuill|wui|wuil|wollt|wollte|mag|mog|möchte|möcht|mocht|werd){FILL}\s+{NOT_S}\s+"
    r"(?:mehr\s+)?(?:weiter\s*)?(?:leben|lebn|da sein|existieren|aufwachen)\b",
    rf"\b{NOT_S}\s+mehr\s+(?:leben|lebn|weiterleben)\s+(?:will|möchte|mag|mog|wui)\b",
    r"\b(?:nicht|nie)\s+(?:mehr|wieder)\s+aufwachen\b",
    rf"\b(?:will|mag|mog|wui){FILL}\s+{NOT_S}\s+mehr\s*$",
    r"\b(?:keine?n?)\s+(?:lust|kraft|grund|sinn|bock|mut)\s+mehr\s+(?:zu|zum|am)\s+leben",
    r"\blebensmüde\b", rf"\b(?:will|möchte|wollte|mag|mog|wui){FILL}\s+sterben\b",
    r"\b(?:wäre|wär|bin)\s+(?:\S+\s+){0,2}(?:lieber|besser)\s+tot\b",
    r"\b(?:will|möchte)\s+tot\s+sein\b", r"\bbesser ohne mich\b",
    r"\bniemand würde mich vermissen\b",
    rf"\bsich\s+(?:selbst\s+)?{KILL_SELF}\b",
    rf"\b(?:ich|will|möchte|werde|denke|überlege|wollte|plane|versuche)\s+{W(4)}mich\s+"
    rf"(?:selbst\s+)?{KILL_SELF}\b",
    r"\b(?:mir|sich)\s+das leben\s+(?:zu\s+)?nehmen\b",
    r"\b(?:mir|sich)\s+(?:was|etwas|ernsthaft was)\s+(?:zu\s+)?antun\b",
    r"\b(?:ritze|ritz|schneide|verletze)\s+mich\b(?!\s+(?:beim|bei|an))",
    r"\bmich\s+(?:zu\s+)?ritzen\b", r"\b(?:suizid|selbstmord)gedanken\b",
    r"\b(?:von|vor)\s+(?:der|die|den|einer|einen|dem)\s+(?:brücke|zug|dach|hochhaus)\s+"
    r"(?:\S+\s+){0,2}(?:springen|werfen|spring)",
    r"\bschluss machen mit (?:dem|meinem) leben",
    r"\b(?:alles|das leben|mein leben)\s+(?:\S+\s+){0,2}(?:keinen sinn|sinnlos)",
    r"\b(?:want|wanna|going|gonna|plan\w*|thinking (?:about|of)|think about|tempted)\s+"
    r"(?:to\s+)?(?:die|kill(?:ing)? myself|end(?:ing)? (?:it all|my life)|"
    r"take my (?:own )?life|hurt(?:ing)? myself|harm(?:ing)? myself)\b",
    r"\bkill(?:ing)? myself\b", r"\b(?:been|keep|started|i'm|im) (?:cutting|hurting|harming) "
    r"myself\b", r"\bend(?:ing)? my (?:own )?life\b", r"\btake my (?:own )?life\b",
    r"\b(?:suicidal|self ?harm\w*)\b",
    r"\b(?:do not|don't|dont|no longer|never) (?:want|wanna|wish) (?:to )?(?:live|be alive|"
    r"be here|exist|wake up)\b",
    r"\bno (?:reason|point) (?:to|in) (?:live|living|going on)\b",
    r"\bbetter off (?:dead|without me)\b",
    r"\bwish (?:i|i'd) (?:was|were|had) (?:dead|died|never been born)\b",
    r"\b(?:tired|sick) of (?:living|life|being alive)\b", r"\bend it all\b",
    r"\bdone with (?:life|living)\b",
    r"\bkill (?:himself|herself|themselves)\b", r"\bend (?:his|her|their) life\b",
    priority=3)
SUICIDE_GENERIC = _rule(
    "suicide", r"\b(?:suizid\w*|selbstmord\w*|selbstmort|freitod|suicide|selbstverletz\w*)\b",
    r"\balles\s+(?:beenden|ein ende setzen)\b", generic=True, priority=3)

MEDICAL = _rule(
    "medical",
    rf"\batm(?:et|e|en|est)\s+{W(2)}{NOT}\b", rf"\b{NOT}\s+(?:mehr\s+)?atm(?:et|e|en|est)\b",
    r"\b(?:keine|kaum|koa)\s+luft\b", r"\b(?:atemnot|luftnot|erstickt|ersticken)\b",
    r"\b(?:not|isn't|isnt|stopped|can't|cant|cannot|can not|struggling to|trouble) "
    r"(?:breathing|breathe)\b", r"\bchoking\b",
    r"\b(?:bewusstlos|bewustlos|unconscious|unresponsive|passed out)\b",
    r"\b(?:ohnmächtig geworden|(?:ist|wurde|wird) ohnmächtig)\b",
    rf"\b{PERSON}\s+{W(3)}(?:reagiert {NOT}|wacht {NOT}\s*(?:mehr\s+)?auf|"
    r"(?:ist\s+)?(?:umgekippt|zusammengebrochen|kollabiert)|nicht (?:mehr )?ansprechbar)",
    r"\bnicht (?:mehr )?ansprechbar\b",
    rf"\b{PERSON_EN}\s+{W(3)}(?:collapsed|won't wake up|wont wake up|is not responding|"
    r"isn't responding|fainted)\b",
    r"\bbrustschmerz\w*", r"\b(?:schmerzen|stechen|druck|engegefühl|enge|ziehen) (?:in|auf) der "
    r"brust\b", r"\b(?:chest pains?|pain in (?:my|his|her) chest|chest (?:is )?(?:tight|hurts))\b",
    r"\b(?:gesicht|mundwinkel)\s+(?:\S+\s+){0,2}(?:hängt|hängen|schief|verzogen)\b",
    r"\bhalbseitig gelähmt\b",
    r"\barm\s+(?:\S+\s+){0,2}(?:gelähmt|nicht (?:mehr )?(?:heben|bewegen))\b",
    r"\b(?:plötzlich|auf einmal)\s+(?:\S+\s+){0,3}(?:nicht mehr sprechen|undeutlich|"
    r"verwaschen|lallt|lallend)\b", r"\bspricht\s+(?:\S+\s+)?(?:undeutlich|verwaschen)\b",
    r"\b(?:having|had|is having) a stroke\b", r"\bsigns of (?:a )?stroke\b",
    r"\b(?:face (?:is )?droop\w*|drooping face|slurred speech|slurring)\b",
    rf"\bblutet\s+{W(2)}(?:stark|sehr|heftig|viel|ohne aufzuhören|wie verrückt)\b",
    r"\b(?:starke|heftige|schwere) blutung\b", r"\bhört nicht auf zu bluten\b",
    r"\b(?:viel|überall|so viel) blut\b", r"\bstark blutend\b",
    r"\bbleeding (?:heavily|badly|a lot|profusely|everywhere|so much)\b",
    r"\b(?:won't|wont|doesn't|does not) stop bleeding\b", r"\b(?:lots? of|losing) blood\b",
    r"\b(?:krampfanfall|epileptischer anfall|krampft|zuckt am ganzen körper|seizure|"
    r"convulsi\w+)\b",
    r"\b(?:allergischer schock|anaphyla\w*|zunge schwillt|hals schwillt|throat (?:is )?"
    r"(?:swelling|closing))\b",
    r"\b(?:alle|viele|zu viele|ganze|ganzen|eine|handvoll|haufen|packung)\s+(?:\S+\s+)?"
    r"(?:tabletten|pillen|schlaftabletten|medikamente)\s+(?:\S+\s+){0,2}(?:geschluckt|genommen"
    r"|gegessen)\b",
    rf"\b{SUBSTANCE}\s+(?:\S+\s+){{0,2}}(?:geschluckt|getrunken|gegessen)\b",
    rf"\b(?:swallowed|drank|ate)\s+(?:\S+\s+){{0,3}}(?:{SUBSTANCE}|pills|tablets)\b",
    r"\b(?:all|too many|a lot of|lots of|a bottle of|a handful of|a bunch of) (?:my |his |her )?"
    r"(?:sleeping )?(?:pills|tablets)\b", r"\b(?:überdosis|overdos\w*)\b",
    r"\b(?:schwer|schwerst|lebensgefährlich) verletzt\b", r"\bschwerverletzt\w*",
    r"\b(?:badly|seriously|severely) (?:hurt|injured)\b",
    r"\b(?:schwer|stark|schlimm) (?:verbrannt|verbrüht)\b",
    priority=4)
MEDICAL_GENERIC = _rule(
    "medical",
    r"\b(?:schlaganfall|hirnschlag|stroke|herzinfarkt|herzstillstand|herzanfall|heart attack|"
    r"cardiac arrest|vergiftung|vergiftet|poisoned|medizinischer notfall|medical emergency|"
    r"reanimier\w*|wiederbeleb\w*|herzdruckmassage|cpr)\b",
    r"\b(?:brauche|brauchen|ruf\w*|schick\w*|hol\w*|need|call|send)\s+(?:\S+\s+){0,3}"
    r"(?:notarzt|krankenwagen|rettungswagen|rettungsdienst|sanka|ambulance|paramedics)\b",
    r"\b(?:notarzt|krankenwagen|rettungswagen|ambulance)\s+(?:\S+\s+)?(?:rufen|schicken|kommen|"
    r"sofort|bitte|now|please)\b",
    generic=True, priority=4)

CHILD_AT_RISK = _rule(
    "child",
    rf"\b{CHILD}\b\s+{W(6)}{CHILD_HARMED}\b",
    rf"\b{CHILD_HARM}\s+{W(3)}{DETERMINER}\s+(?:\S+\s+)?{CHILD}\b",
    rf"\b(?:lässt|lassen|ließ|leaves?|left)\s+{W(3)}{CHILD}\s+{W(3)}(?:allein\w*|alone)\b",
    rf"\b{CHILD}\b\s+{W(5)}(?:is|are|was|were|gets|get|being|been|has|have|keeps?)\s+{W(2)}"
    rf"{CHILD_HARMED_EN}\b",
    rf"\b{PARENT}\s+{W(2)}{HIT}{NOT_VOR}\s+{W(1)}{ME}\b",
    rf"\b{PARENT}\s+{W(3)}{ME}\s+{W(3)}(?:{HIT}|{HIT_DONE})\b",
    rf"\b{PARENT_EN}\s+{W(2)}{HIT_EN}\s+{ME_EN}\b",
    priority=2)

VIOLENCE = _rule(
    "violence",
    rf"\b{HIT}{NOT_VOR}\s+{W(1)}{ME}\b",
    rf"\b{ME}\s+{W(4)}(?:{HIT_DONE}|{HIT})\b",
    rf"\b(?:ich|i|wir)\s+(?:werde|werden|wurde|wurden|bin|sind)\s+{W(4)}{HIT_DONE}\b",
    rf"\b{RELATIVE}\s+{W(1)}(?:wird|werden|wurde|wurden)\s+{W(4)}{HIT_DONE}\b",
    r"\b(?:handgreiflich|schlägt zu|haut zu|prügel bekomm\w*|kriege? prügel)\b",
    r"\b(?:wird|ist|war|werden|sind)\s+(?:\S+\s+){0,2}gewalttätig\b",
    rf"\bgewalttätige[nr]?\s+{RELATIVE}\b",
    r"\b(?:will|wollte|droht|drohte|gedroht|versucht)\s+(?:\S+\s+){0,3}(?:mich|uns|mir)\s+"
    r"(?:\S+\s+){0,2}(?:umzubringen|umbringen|zu töten|töten|abzustechen|zu schlagen|"
    r"abzumurksen|kalt ?zu ?machen)\b",
    r"\bdroht\w*\s+(?:\S+\s+){0,3}mit (?:dem|einem|seinem|ihrem) (?:messer|tod|waffe|"
    r"pistole|gewehr)\b", r"\bmit (?:dem|einem) messer\s+(?:\S+\s+){0,2}(?:bedroht|auf mich)",
    rf"\bangst vor (?:ihm|ihr|(?:meinem|meiner|mein|meinen)\s+(?:\S+\s+)?{RELATIVE})\b",
    r"\btraue? mich nicht (?:mehr )?(?:nach hause|heim)\b",
    rf"\bfasst\s+{ME}\s+{W(3)}an\b",
    r"\bgewalt\w*\s+(?:\S+\s+){0,3}(?:von|durch)\s+(?:meine[mnr]?|mein|ihm|ihr|meinen)\b",
    r"\b(?:erlebe|erfahre|erleide|leide unter)\s+(?:\S+\s+){0,2}gewalt\b",
    r"\b(?:bin|wurde|werde|sind|wurden)\s+(?:\S+\s+){0,2}opfer\s+(?:\S+\s+){0,2}(?:gewalt|"
    r"vergewaltigung|misshandlung|missbrauch|häusliche\w*)",
    r"\b(?:sexuell|sexuelle)\s+(?:belästigt|missbraucht|genötigt|angegriffen|gewalt)\b",
    r"\b(?:k\.? ?o\.? tropfen|zwangsheirat\w*|zwangsverheirat\w*)\b",
    rf"\b{HIT_EN}\s+{ME_EN}\b(?! up\b)", rf"\b{PERSON_EN}\s+{W(2)}{HIT_EN}\s+{OTHER_EN}\b",
    r"\b(?:i|we)\s+(?:am|was|'m|im|got|get|have been|keep getting|are|were)\s+(?:being\s+)?"
    r"(?:beaten|abused|raped|assaulted|hit|attacked|threatened|stalked|choked|strangled)\b",
    rf"\b(?:scared|afraid|terrified|frightened)\s+(?:of\s+(?:him|her|them|my\s+(?:\S+\s+)?"
    rf"{RELATIVE_EN})|to go (?:home|back))\b",
    r"\bthreaten\w*\s+(?:\S+\s+){0,2}(?:to kill|to hurt|to beat|with a knife|with a gun)\b",
    r"\b(?:wants|tried|going|gonna|is going)\s+(?:to\s+)?(?:kill|hurt|strangle|stab)\s+"
    r"(?:me|us)\b", r"\babusive (?:husband|partner|boyfriend|relationship|wife|father|ex)\b",
    r"\b(?:i am|i'm|im|i was) (?:a )?(?:victim|survivor) of (?:domestic|abuse|violence|rape)",
    priority=1)
VIOLENCE_GENERIC = _rule(
    "violence",
    rf"\b{PERSON}\s+{W(2)}{HIT}{NOT_VOR}\s+{W(1)}{OTHER}\b",
    r"\b(?:häusliche[rn]?|häuslich) gewalt\b", r"\bfrauenhaus\w*",
    r"\b(?:domestic (?:violence|abuse)|women's shelter|womens shelter|safe house)\b",
    r"\b(?:vergewaltigung|vergewaltigt|missbrauch|misshandlung)\b",
    generic=True, priority=1)

RULES: tuple[Rule, ...] = (MEDICAL, MEDICAL_GENERIC, SUICIDE, SUICIDE_GENERIC, CHILD_AT_RISK,
                           VIOLENCE, VIOLENCE_GENERIC)
