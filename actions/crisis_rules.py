"""The crisis detector's rules: one group per kind, built from `actions.crisis_words`.

Each rule is a set of alternatives for one *meaning* (an act of violence aimed at a
person, a wish to die, a child next to harm, an acute symptom). `generic` marks terms
that legal, training, statistics or form questions use as well: they count only
without such framing. `mask` hides words before the rule runs (a child word as the
agent of violence is no child at risk). When kinds compete, `actions.crisis` orders them
by urgency (`crisis_words.Kind`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from actions.crisis_words import (
    AGENT,
    BODY,
    CAREGIVER,
    CHILD,
    CHILD_HARMED,
    CHILD_HARMED_EN,
    DETERMINER,
    DRUNK,
    FALL,
    FALL_SIGN,
    FILL,
    HIT,
    HIT_DONE,
    HIT_EN,
    HIT_EN_DONE,
    KILL_SELF,
    ME,
    ME_EN,
    NOT,
    NOT_S,
    NOT_VOR,
    OTHER,
    OTHER_EN,
    PARENT,
    PARENT_EN,
    PERSON,
    PERSON_EN,
    PILLS,
    RELATIVE,
    RELATIVE_EN,
    SUBSTANCE,
    THREAT,
    UNATTENDED,
    Kind,
    W,
    rx,
)


@dataclass(frozen=True)
class Rule:
    kind: Kind
    pattern: re.Pattern[str]
    generic: bool = False   # a term that legal / training / form questions use too
    mask: re.Pattern[str] | None = None
    # Kinds this rule's match already means when their cues overlap: a parent hitting
    # the writer is a child at risk (the adult violence lines, 116 016 …, are not for
    # that writer); "ich will mich umbringen" is no threat by someone else.
    covers: tuple[Kind, ...] = ()


def rule(kind: Kind, *parts: str, generic: bool = False, mask: str | None = None,
         covers: tuple[Kind, ...] = ()) -> Rule:
    return Rule(kind, rx(*parts), generic, rx(mask) if mask else None, covers)


SUICIDE = rule(
    "suicide",
    # wish to die / not to live, also in Bavarian and with fillers ("will ich selbst auch …")
    rf"\b(?:will|wuill|wui|wuil|wollt|wollte|mag|mog|möchte|möcht|mocht|werd){FILL}\s+{NOT_S}\s+"
    r"(?:mehr\s+)?(?:weiter\s*)?(?:leben|lebn|da sein|existieren|aufwach\w*)\b",
    rf"\b{NOT_S}\s+mehr\s+(?:leben|lebn|weiterleben)\s+(?:will|möchte|mag|mog|wui)\b",
    r"\b(?:nicht|nie|nimmer)\s+(?:mehr|wieder)\s+aufwach\w*",
    rf"\b(?:will|mag|mog|wui){FILL}\s+{NOT_S}\s+(?:mehr|mer)\s*$",
    r"\b(?:keine?n?|koan|koa)\s+(?:lust|kraft|grund|sinn|bock|mut)\s+mehr\s+(?:zu|zum|am)\s+"
    r"(?:leben|lebn)\b",
    r"\b(?:keinen|koan|kein)\s+sinn\s+(?:mehr\s+)?(?:in|im)\s+(?:allem|leben|nichts|meinem leben)",
    r"\b(?:alles|ois|allem|das leben|mein leben|mei leben)\s+(?:\S+\s+){0,2}(?:keinen|koan|kein)"
    r"\s+sinn", r"\b(?:leben|lebn)\s+(?:\S+\s+){0,2}(?:nix|nichts|nimmer)\s+(?:mehr\s+)?wert\b",
    r"\blebensmüde\b", rf"\b(?:will|möchte|wollte|mag|mog|wui){FILL}\s+sterben\b",
    r"\b(?:wäre|wär|bin)\s+(?:\S+\s+){0,2}(?:lieber|besser)\s+tot\b",
    r"\b(?:will|möchte)\s+tot\s+sein\b", r"\bbesser ohne mich\b",
    r"\b(?:besser|lieber)\s+(?:,\s+)?tot\s+(?:zu\s+)?(?:sein|wäre|wär)\b",
    rf"\b(?:bringt\s+sich|bring(?:e)?\s+mich)\s+{W(3)}um\b(?!\s+(?:zu|die|den|das))",
    r"\bwenn ich (?:\S+\s+)?nicht mehr (?:da|hier|am leben) (?:wäre|bin|wär)\b",
    r"\bob ich morgen (?:noch|nicht mehr) (?:da|am leben) bin\b",
    r"\b(?:niemand|keiner|koana|no one|nobody)\s+(?:würde|wird|would|will)\s+mich\s+vermissen\b",
    r"\b(?:no one|nobody) (?:would|will) miss me\b",
    rf"\bsich\s+{W(3)}{KILL_SELF}\b",
    rf"\b(?:ich|i|will|möchte|werde|denke|überlege|wollte|plane|versuche)\s+{W(4)}"
    rf"(?:mich|mir)\s+{W(3)}{KILL_SELF}\b",
    r"\b(?:mir|sich|mich)\s+(?:\S+\s+){0,3}das leben\s+(?:zu\s+)?(?:nehmen|nimmt|nehme|genommen)\b",
    r"\b(?:ritze|ritz|schneide|verletze)\s+mich\b(?!\s+(?:beim|bei|an))",
    r"\bmich\s+(?:zu\s+)?ritzen\b", r"\b(?:suizid|selbstmord)gedanken\b",
    r"\b(?:denke|gedanken|thinking|think|thought)\s+(?:\S+\s+){0,2}(?:an|über|about|of)\s+"
    r"(?:suizid|selbstmord|suicide|killing myself)\b",
    r"\b\w*(?:brücke|dach|hochhaus|bridge|roof|ledge)\s+(?:\S+\s+){0,8}(?:springen|spring|"
    r"runterspringen|jump\w*)\b",
    r"\bschluss machen mit (?:dem|meinem) leben",
    rf"\bwill\s+{W(3)}(?:,\s+)?dass (?:es|alles) (?:endlich\s+)?aufhört",
    r"\b(?:i|ich)\s+mach\w*\s+(?:jetzt|jetz|heute|heut)\s+schluss\s*$",
    r"\b(?:heute|heut|morgen|jetzt|jetz)\s+(?:\S+\s+){0,2}schluss\s+(?:zu\s+)?mach\w*\s*$",
    rf"\b{PILLS}\s+(?:\S+\s+){{0,2}}(?:gesammelt|gehortet|gebunkert)\b",
    rf"\b(?:saved up|stockpiled|collected|hoarded|been saving)\s+(?:\S+\s+){{0,2}}{PILLS}",
    rf"\b(?:wie viele|how many)\s+{W(2)}{PILLS}\s+{W(6)}(?:tödlich|sterben|tot|aufwach\w*|die|"
    r"kill|lethal|fatal|dead)\b",
    r"\b(?:seil|strick|rope|noose)\s+(?:\S+\s+){0,3}(?:gekauft|besorgt|bought|got|ready)\b",
    r"\b(?:abschiedsbrief|suicide note|goodbye letter)\b",
    rf"\bplan\w*\s+{W(3)}(?:wie|how)\s+{W(2)}(?:mich|myself)\s+{W(1)}(?:töte|umbringe|kill|end)",
    r"\b(?:will|möchte)\s+(?:ich\s+)?nur noch zu (?:ihm|ihr)\b",
    r"\b(?:wants?|wanna|going|gonna|plan\w*|thinking (?:about|of)|think about|tempted)\s+"
    r"(?:to\s+)?(?:die(?!\s+(?:my|his|her|the|a|it|them|your)\b)|kill(?:ing)? myself|"
    r"end(?:ing)? (?:it all|my life)|take my (?:own )?life|"
    r"hurt(?:ing)? myself|harm(?:ing)? myself|kms)\b",
    r"\b(?:thinking about|thinking of|think about) ending it\b",
    r"\bwant (?:it|everything) (?:all )?to (?:end|stop|be over)\b",
    r"\b(?:springen|spring\w*|jump\w*)\s+(?:\S+\s+){0,3}(?:von|off|from)\s+(?:\S+\s+){0,2}"
    r"\w*(?:brücke|dach|hochhaus|bridge|roof|ledge|building|balcony)\b",
    r"\bkill(?:ing)? myself\b", r"\b(?:been|keep|started|i'm|im) (?:cutting|hurting|harming) "
    r"myself\b", r"\bend(?:ing)? my (?:own )?life\b", r"\btake my (?:own )?life\b",
    r"\b(?:suicidal|self ?harm\w*)\b",
    r"\b(?:do not|don't|dont|no longer|never) (?:want|wanna|wish) (?:to )?(?:live|be alive|"
    r"be here|exist|wake up)\b",
    r"\bno (?:reason|point) (?:to|in) (?:live|living|going on|anything|life)\b",
    r"\b(?:see|find) (?:no|the|any) (?:point|reason|sense) (?:of|in|to) (?:living|live|life|"
    r"going on)\b",
    r"\bbetter off (?:dead|without me)\b", r"\b(?:i'd|i would|id) rather (?:be dead|die)\b",
    r"\bwish (?:i|i'd) (?:was|were|had) (?:dead|died|never been born)\b",
    r"\b(?:tired|sick) of (?:living|life|being alive)\b", r"\bend it all\b",
    r"\bdone with (?:life|living)\b", r"\btake them all\b",
    r"\bkill (?:himself|herself|themselves)\b", r"\bend (?:his|her|their) life\b",
    # no way out; the means at hand; not being there tomorrow; everyone better off
    r"\b(?:sehe|seh|finde|find|gibt|gibt es|hab|habe)\s+(?:\S+\s+){0,2}(?:keinen|koan|kein)\s+"
    r"ausweg\s+mehr\b", r"\b(?:no way out|see no way|can't see a way)\b",
    rf"\b{PILLS}\s+{W(3)}(?:vor mir|neben mir|bereit\w*|in der hand|in my hand|in front of me|"
    r"ready)\b",
    r"\bwenn es mich\s+(?:\S+\s+)?(?:nicht|nimmer|nimma|ned)\s+(?:mehr\s+)?(?:gäbe|gäb|gibt)\b",
    r"\b(?:für|fuer)\s+alle\s+(?:\S+\s+){0,2}besser\s+(?:\S+\s+){0,3}(?:ohne mich|"
    r"wenn ich\s+(?:\S+\s+){0,2}(?:weg|tot|nicht mehr))",
    r"\b(?:morgen|moing|moang|bald|heute nacht)\s+(?:bin|is|ist)\s+(?:i|ich)\s+(?:nicht|nimma|"
    r"nimmer|ned|net)\s+(?:mehr\s+)?(?:da|do|hier)\b",
    r"\b(?:i|i'm|im|i am)\s+(?:\S+\s+)?(?:want|wanna|going|gonna)\s+(?:to\s+)?end it\s*"
    r"(?:all\s*|now\s*|tonight\s*|today\s*)?(?:[.!]|$)",
    r"\b(?:everyone|everybody)\s+(?:would be|is|'d be)\s+better off\b",
    # passive wishes not to be there (fifth session's blind probe)
    r"\bbetter (?:off )?if i (?:was|were|wasn't|wasnt|weren't|werent|am not|'m not|im not|"
    r"didn't|didnt)\s+(?:\S+\s+)?(?:here|around|alive|gone|dead|exist\w*|born)\b"
    r"(?!\s+(?:on|at|in|for|when|during|tomorrow|today|tonight|next|this|until|while|"
    r"because|so)\b)",
    r"\bwish (?:i|i'd) (?:wasn't|wasnt|weren't|werent|was not|were not) (?:here|alive|"
    r"around|born)\b",
    r"\b(?:fall asleep|go to sleep|einschlafen)\s+(?:and|und)\s+(?:never|not|nie|nicht)\s+"
    r"(?:\S+\s+)?(?:wake up|aufwach\w*)",
    r"\b(?:wish i could|want to|wanna) (?:just )?disappear (?:forever|for good|for ever)\b",
    r"\b(?:besser|lieber),?\s+wenn (?:es )?(?:ich|mich)\s+(?:\S+\s+){0,2}(?:nicht mehr|nimmer|"
    r"nimma)\s+(?:da|hier|gäbe|gäb|geben würde)\b",
    covers=("violence",))   # "will mich umbringen" is no threat by someone else
SUICIDE_GENERIC = rule(
    "suicide", r"\b(?:suizid\w*|selbstmord\w*|selbstmort|freitod|suicide|selbstverletz\w*)\b",
    r"\balles\s+(?:beenden|ein ende setzen)\b", generic=True)

MEDICAL = rule(
    "medical",
    # breathing
    rf"\b(?:atm(?:et|e|en|est)|schnauft|schnaufa|schnauf)\s+{W(2)}(?:{NOT}|komisch|schwer|"
    r"flach|röchelnd|unregelmäßig)\b", rf"\b{NOT}\s+(?:mehr\s+)?atm(?:et|e|en|est)\b",
    r"\b(?:keine|kaum|koa)\s+luft\b", r"\b(?:erstickt|ersticken|röchelt)\b",
    r"\b(?:not|isn't|isnt|stopped|can't|cant|cannot|can not|struggling to|trouble|hardly|barely)"
    r" (?:breathing|breathe)\b", r"\bchoking\b",
    r"\b(?:blau angelaufen|blaue lippen|lips (?:are |look )?blue|turning blue)\b",
    r"\b(?:grau|blau|fahl|aschfahl) im (?:gesicht|gsicht)\b",
    # consciousness, collapse, falls
    r"\b(?:bewusstlos|bewustlos|unconscious|unresponsive|passed out)\b",
    r"\b(?:ohnmächtig geworden|(?:ist|wurde|wird) ohnmächtig)\b",
    rf"\b{BODY}\s+{W(4)}(?:reagiert {NOT}|wacht {NOT}\s*(?:mehr\s+)?auf|(?:ist\s+)?(?:umgekippt|"
    rf"zusammengebrochen|kollabiert)|nicht (?:mehr )?ansprechbar|bewegt sich {NOT}|"
    rf"rührt sich {NOT}|(?:redet|redt|spricht) (?:{NOT}|nix)|kaum (?:noch )?wach)",
    r"\bnicht (?:mehr )?ansprechbar\b", r"\bkaum (?:noch |mehr )?wach\b",
    # fever with drowsiness (fifteenth probe: a two-year-old, 39.8 and very sleepy)
    r"\b(?:fieber|fever)\b.*\b(?:schläfrig|apathisch|teilnahmslos|schlapp und schläfrig|"
    r"(?:very|so|really|extremely) (?:sleepy|drowsy)|lethargic|hard to wake|floppy)\b",
    # someone alone who no longer answers the door: maybe helpless behind it
    # for a while ("seit gestern"), not once ("macht nicht auf, wenn der Paketbote klingelt")
    r"\b(?:nachbar\w*|mutter|vater|oma|opa|mama|papa|tante|onkel|bruder|schwester)\b"
    r"(?=.*\bseit\s+(?:gestern|vorgestern|heute\w*|(?:\S+\s+)?(?:stunden|tagen)\b))"
    rf".*\b(?:(?:macht|öffnet)\s+{W(3)}{NOT}\s+(?:mehr\s+)?(?:die tür\s+)?auf|"
    rf"meldet sich\s+{W(4)}{NOT}|(?:rollo|rollos|rollladen|rollläden|rolladen|jalousie\w*)\s+"
    rf"{W(2)}unten|briefkasten\s+{W(2)}(?:quillt|voll)|zeitung\w*\s+{W(4)}{NOT}\s+"
    r"(?:rein|reingeholt|geholt)|riecht\s+(?:\S+\s+){0,3}aus (?:der|seiner|ihrer) wohnung)\b",
    r"\b(?:neighbou?r|mother|father|mom|mum|dad|grandma|grandpa)\b"
    r"(?=.*\b(?:since yesterday|for (?:\S+\s+)?(?:hours|days))\b).*"
    r"\b(?:doesn't|does not|won't|isn't|is not)\s+(?:open(?:ing)? the door|answer(?:ing)? the "
    r"door)\b",
    rf"\b{BODY}\s+{W(8)}(?:collapsed|won't wake up|wont wake up|is not responding|"
    r"isn't responding|not responding|fainted|isn't moving|is not moving|not moving)\b",
    rf"\b{FALL}\s+{W(8)}{FALL_SIGN}",
    r"\bliegt\s+(?:\S+\s+){0,4}(?:blutend|regungslos|bewegungslos|leblos|bewusstlos)\b",
    r"\b(?:blutend|regungslos|bewegungslos|leblos)\s+(?:\S+\s+){0,3}(?:liegt|da)\b",
    # heart, stroke signs
    r"\bbrustschmerz\w*", r"\b(?:schmerzen|stechen|druck|engegefühl|enge|ziehen) (?:in|auf) der "
    r"brust\b", r"\b(?:chest pains?|pain in (?:my|his|her) chest|chest (?:is )?(?:tight|hurts))\b",
    r"\b(?:gesicht|mundwinkel)\s+(?:\S+\s+){0,2}(?:hängt|hängen|schief|verzogen)\b",
    r"\bhängende[nrs]?\s+(?:gesicht\w*|mundwinkel|augenlid)\b",
    r"\b(?:plötzlich|auf einmal)\s+(?:\S+\s+){0,8}kann\s+(?:\S+\s+)?nicht\s+(?:mehr\s+)?"
    r"(?:richtig\s+)?(?:sprechen|reden)\b",
    r"\bhalbseitig gelähmt\b",
    r"\barm\s+(?:\S+\s+){0,2}(?:gelähmt|nicht (?:mehr )?(?:heben|bewegen))\b",
    r"\b(?:plötzlich|auf einmal)\s+(?:\S+\s+){0,3}(?:nicht mehr sprechen|undeutlich|"
    r"verwaschen|lallt|lallend)\b", r"\bspricht\s+(?:\S+\s+)?(?:undeutlich|verwaschen)\b",
    r"\b(?:having|had|is having) a stroke\b", r"\bsigns of (?:a )?stroke\b",
    r"\b(?:face (?:is )?droop\w*|drooping face|slurred speech|slurring)\b",
    # bleeding
    rf"\bblut(?:e|et|en)\s+{W(4)}(?:stark|sehr|heftig|viel|ohne aufzuhören|wie verrückt)\b",
    rf"\bblut\w*\s+{W(8)}hört\s+(?:einfach\s+)?nicht\s+(?:mehr\s+)?auf\b",
    rf"\bverschluckt\s+{W(3)}(?:würgt|keine luft|blau|hustet)",
    r"\b(?:münze|knopf|murmel|coin|marble)\s+(?:\S+\s+){0,2}(?:verschluckt|swallowed)\b",
    r"\b(?:starke|heftige|schwere)n? blutung(?:en)?\b", r"\bhört nicht auf zu bluten\b",
    r"\b(?:viel|überall|so viel) blut\b", r"\bstark blutend\b",
    r"\bschwanger\w*\s+(?:\S+\s+){0,6}(?:blutung\w*|blute|krämpfe|bleeding)\b",
    r"\bpregnan\w*\b.*\b(?:bleeding|cramps|contractions)\b",  # tenth probe, in English
    r"\b(?:strong|severe|bad|heavy|starke|heftige)n?\s+(?:pain|schmerz\w*)\b.*\b(?:bleeding|blute\w*)\b",
    r"\bbleeding (?:heavily|badly|a lot|profusely|everywhere|so much)\b",
    r"\b(?:she|he|i|it|they|child|daughter|son|baby)(?:'s| is| are| am|'m)\s+bleeding\b",
    r"\b(?:bleeding|blood) (?:won't|wont|doesn't|does not|will not) stop\b",
    r"\b(?:won't|wont|doesn't|does not) stop bleeding\b", r"\b(?:lots? of|losing) blood\b",
    r"\bblood everywhere\b",
    # seizures, allergy, poisoning, overdose, injuries
    r"\b(?:krampfanfall|fieberkrampf|epileptischer anfall|krampft|zuckt am ganzen körper|seizure|"
    r"convulsi\w+)\b",
    r"\b(?:allergische[nr]? schock|anaphyla\w*|zunge schwillt|hals schwillt|throat (?:is )?"
    r"(?:swelling|closing))\b",
    rf"\b(?:alle|viele|zu viele|ganze|ganzen|eine|handvoll|haufen|packung)\s+(?:\S+\s+)?{PILLS}"
    r"\s+(?:\S+\s+){0,2}(?:geschluckt|genommen|gegessen)\b",
    rf"\b{SUBSTANCE}\s+(?:\S+\s+){{0,2}}(?:geschluckt|verschluckt|getrunken|gegessen)\b",
    rf"\b{PILLS}\s+{W(4)}geschluckt\b.*\b(?:viele|alle|ganze|packung|zu viel)\b",
    rf"\b(?:viele|alle|ganze|packung|zu viel)\b.*\b{PILLS}\s+{W(4)}geschluckt\b",
    rf"\b(?:swallowed|drank|ate)\s+(?:\S+\s+){{0,3}}(?:{SUBSTANCE}|pills|tablets)\b",
    rf"\b(?:all|too many|a lot of|lots of|a bottle of|a handful of|a bunch of) (?:my |his |her )?"
    rf"{PILLS}", r"\b(?:überdosis|overdos\w*)\b",
    r"\b(?:schwer|schwerst|lebensgefährlich) verletzt\b", r"\bschwerverletzt\w*",
    r"\b(?:badly|seriously|severely) (?:hurt|injured)\b",
    r"\b(?:schwer|stark|schlimm) (?:verbrannt|verbrüht)\b",
    # a child who swallowed medicine or household chemicals; low blood sugar
    rf"\b{CHILD}\b\s+{W(4)}(?:hat|haben|has|have|had)\s+{W(6)}{PILLS}\s+{W(6)}(?:gegessen|"
    r"geschluckt|genommen|erwischt|eaten|swallowed|taken)\b",
    rf"\b{CHILD}\b\s+{W(4)}(?:hat|haben)\s+{W(4)}{SUBSTANCE}\s+{W(6)}(?:gegessen|geschluckt|"
    r"getrunken|erwischt)\b",
    r"\b(?:unterzucker\w*|hypo\b|blutzucker\s+(?:\S+\s+){0,3}(?:niedrig|tief|unter))",
    r"\b(?:diabetiker\w*|diabetes|diabetic|zucker\w*)\b.*\b(?:zittrig|zitter\w*|doppelt|"
    r"verwirrt|kalter schweiß|shaky|confused)\b")
MEDICAL_GENERIC = rule(
    "medical",
    r"\b(?:atemnot|luftnot|schlaganfall|hirnschlag|stroke|herzinfarkt|herzstillstand|herzanfall|"
    r"heart attack|"
    r"cardiac arrest|vergiftung|vergiftet|poisoned|medizinischer notfall|medical emergency|"
    r"reanimier\w*|wiederbeleb\w*|herzdruckmassage|cpr)\b",
    r"\b(?:brauche|brauchen|ruf\w*|schick\w*|hol\w*|need|call|send)\s+(?:\S+\s+){0,3}"
    r"(?:notarzt|krankenwagen|rettungswagen|rettungsdienst|sanka|ambulance|paramedics)\b",
    r"\b(?:notarzt|krankenwagen|rettungswagen|ambulance)\s+(?:\S+\s+)?(?:rufen|schicken|kommen|"
    r"sofort|bitte|now|please)\b",
    generic=True)

CHILD_AT_RISK = rule(
    "child",
    rf"\b{CHILD}\b\s+{W(10)}{CHILD_HARMED}\b(?!\s+{ME}\b)",
    rf"\b(?:{HIT}|vernachlässigt|vernachlässigen|sperrt|schüttelt|missbraucht|beat|beats|hits|"
    rf"abuses|abused|neglects|neglected|starves|locks|hurts|shakes|molests|molested)\s+{W(3)}"
    rf"{DETERMINER}\s+(?:\S+\s+)?{CHILD}\b",
    rf"\b{DETERMINER}\s+{CHILD}\s+{W(3)}(?:{HIT}|einsperrt|anfasst|vernachlässigt|"
    r"(?:hungern|verhungern|allein) lässt)\b(?=\s*(?:$|,|und\b|and\b|oder\b))",
    rf"\b(?:lässt|lassen|ließ|leaves?|left)\s+{W(3)}{CHILD}\s+{W(3)}(?:allein\w*|alone|schreien|"
    r"hungern|verhungern)\b",
    rf"\b{CHILD}\b\s+{W(5)}(?:is|are|was|were|gets|get|being|been|has|have|keeps?)\s+{W(2)}"
    rf"{CHILD_HARMED_EN}\b",
    rf"\b{CHILD}\b\s+{W(10)}(?:touches|touched|touching|molests|abuses|beats|hits|hurts)\s+"
    r"(?:her|him|them)\b",
    rf"\b{CHILD}\b\s+{W(8)}{UNATTENDED}", rf"\b{UNATTENDED}\s+{W(6)}{CHILD}\b",
    rf"\b{CHILD}\b\s+{W(8)}(?:schreien|schreit|weinen|weint|wimmert)\b.*\b(?:brüllt|klatscht|"
    r"schlägt|prügelt|schläge)\b",
    # crying for hours with nobody there; beaten (noun: "kriegen Schläge"); locked out
    rf"\b{CHILD}\b\s+{W(8)}(?:schreit|schreien|weint|weinen|brüllt|crying|screaming)\s+"
    r"(?:\S+\s+){0,2}(?:seit|for)\s+(?:stunden|tagen|hours|days)\b",
    rf"\b{CHILD}\b\s+{W(6)}(?:kriegen|kriegt|kriang|kriagn|bekommen|bekommt|griagn)\s+{W(4)}"
    r"(?:schläge|schläg|prügel|watschn|watschen)\b",
    rf"\b{PARENT}\s+{W(3)}(?:haben|hat|ham)\s+(?:sie|ihn|es|die kinder)\s+{W(2)}(?:ausgesperrt|"
    r"eingesperrt|rausgeworfen|rausgesperrt)\b",
    rf"\b{CHILD}\b\s+{W(6)}(?:locked|shut)\s+(?:out|outside|on|in)\b",
    rf"\b{PARENT_EN}\s+{W(3)}(?:leave|leaves|left|keep|keeps)\s+(?:him|her|them)\s+"
    r"(?:\S+\s+)?without\s+(?:food|eating)\b",
    rf"\b{PARENT_EN}\s+{W(3)}{HIT_EN}\s+(?:him|her|them)\b", mask=AGENT)
# The writer is the child: a parent hits, hurts or locks up "me".
CHILD_WRITER = rule(
    "child",
    rf"\b{PARENT}\s+{W(2)}{HIT}{NOT_VOR}\s+{W(1)}{ME}\b",
    rf"\b{PARENT}\s+{W(3)}{ME}\s+{W(3)}(?:{HIT}|{HIT_DONE})\b",
    rf"\b{PARENT_EN}\s+{W(2)}{HIT_EN}\s+{ME_EN}\b",
    rf"\b{PARENT}\s+{W(2)}tut\s+(?:mir|uns)\s+(?:\S+\s+)?weh\b",
    rf"\b{PARENT}\s+{W(2)}sperrt\s+(?:mich|uns)\b", mask=AGENT, covers=("violence",))
CHILD_GENERIC = rule(
    "child", rf"\b{CAREGIVER}\b.*\b{DRUNK}\b.*\b{CHILD}\b", rf"\b{CHILD}\b.*\b{CAREGIVER}\b.*"
    rf"\b{DRUNK}\b", generic=True, mask=AGENT)

VIOLENCE = rule(
    "violence",
    rf"\b{HIT}{NOT_VOR}\s+{W(1)}{ME}\b",
    rf"\b{ME}\s+{W(4)}(?:{HIT_DONE}|{HIT})\b",
    rf"\b(?:ich|i|wir)\s+(?:werde|werd|werden|wurde|wurden|bin|sind)\s+{W(4)}{HIT_DONE}\b",
    rf"\b{RELATIVE}\s+{W(2)}(?:wird|werden|wurde|wurden)\s+{W(5)}{HIT_DONE}\b",
    rf"\b{PERSON}\s+{W(3)}(?:hat|habe|hatte|hätte)\s+(?:sie|ihn|ihr|ihm|mich|mir|uns)\s+"
    rf"{W(6)}(?:{HIT_DONE}|verletzt|gezogen|gezerrt|geschleift|gebissen|gepackt|geworfen)\b",
    rf"\b{PERSON}\s+{W(2)}tut\s+(?:mir|uns|ihr|ihm)\s+(?:\S+\s+)?weh\b",
    rf"\bwirft\s+{W(3)}(?:nach|auf)\s+(?:mir|mich|uns)\b",
    rf"\b{HIT}\s+{ME}\s+{W(4)}ein\b", r"\bsperrt\s+(?:mich|uns)\b",
    # (not "er hat sich … mit der Axt …": an accident)
    rf"\b{PERSON}\s+(?:(?!sich\b)\S+\s+){{0,4}}?mit\s+(?:einem|einer|dem|der|seinem|ihrem)\s+(?:messer|pistole|waffe|"
    r"gewehr|axt|beil)\b",
    rf"\b{PERSON_EN}\s+{W(4)}(?:with|has|got)\s+(?:a|the|his|her)\s+(?:knife|gun|weapon|axe)\b",
    rf"\b(?:er|sie)\s+(?:sie|ihn|ihr|ihm)\s+{W(3)}{HIT}\b",
    r"\b(?:handgreiflich|schlägt zu|haut zu|prügel bekomm\w*|kriege? prügel)\b",
    r"\b(?:wird|ist|war|werden|sind)\s+(?:\S+\s+){0,2}gewalttätig\w*\b",
    rf"\bgewalttätige[nr]?\s+{RELATIVE}\b",
    rf"\b{RELATIVE}\s+(?:hat|hatte)\s+(?:mir|ihr|ihm|uns)\s+{W(4)}(?:gebrochen|ausgeschlagen|"
    r"blutig geschlagen|aufgeschlagen)\b",
    rf"\b{RELATIVE_EN}\s+{W(2)}(?:is|gets|becomes|has become|was)\s+(?:\S+\s+)?violent\b",
    rf"\b{RELATIVE_EN}\s+{W(2)}(?:broke|has broken)\s+my\b",
    rf"\b(?:will|wollte|droht|drohte|gedroht|versucht)\s+{W(3)}(?:mich|uns|mir|sie|ihn|ihr|ihm|"
    rf"es|die kinder)\s+{W(4)}{THREAT}\b",
    r"\bdroht\w*\s+(?:\S+\s+){0,3}mit (?:dem|einem|seinem|ihrem|seim|am) (?:messer|tod|waffe|"
    r"pistole|gewehr|gwehr)\b",
    rf"\bbedroht\s+{ME}\s+mit\b",
    r"\bmit (?:dem|einem) messer\s+(?:\S+\s+){0,2}(?:bedroht|auf mich)",
    rf"\bangst vor (?:ihm|ihr|(?:meinem|meiner|mein|meinen)\s+(?:\S+\s+)?{RELATIVE})\b",
    r"\btraue? mich nicht (?:mehr )?(?:nach hause|heim)\b",
    rf"\bfasst\s+{ME}\s+{W(3)}an\b",
    r"\b(?:sachen|dinge)\s+mit\s+(?:mir|ihr|ihm)\s+(?:\S+\s+){0,3}(?:die|was)\s+(?:sie|er|ich)\s+"
    r"nicht\s+(?:will|mag|möchte|wollte)\b",
    r"\bgewalt\w*\s+(?:\S+\s+){0,3}(?:von|durch)\s+(?:meine[mnr]?|mein|ihm|ihr|meinen)\b",
    r"\b(?:erlebe|erfahre|erleide|leide unter)\s+(?:\S+\s+){0,2}gewalt\b",
    r"\b(?:bin|wurde|werde|sind|wurden)\s+(?:\S+\s+){0,2}opfer\s+(?:\S+\s+){0,2}(?:gewalt|"
    r"vergewaltigung|misshandlung|missbrauch|häusliche\w*)",
    r"\b(?:sexuell|sexuelle)\s+(?:belästigt|missbraucht|genötigt|angegriffen|gewalt)\b",
    r"\b(?:k\.? ?o\.? tropfen|zwangsheirat\w*|zwangsverheirat\w*)\b",
    r"\b(?:erpresst|verlangt|will|wants|pressur\w+|send|schicken)\s+(?:\S+\s+){0,4}"
    r"(?:nacktbilder|nacktfotos|naked (?:pictures|photos|pics)|nude\w*)\b",
    rf"\b{HIT_EN}\s+{ME_EN}\b(?! (?:up|out)\b)", r"\block(?:s|ed)?\s+(?:me|us)\s+(?:in|up)\b",
    rf"\b{PERSON_EN}\s+{W(2)}touch(?:es|ed|ing)?\s+(?:me|her|him)\b",
    rf"\bbeing\s+(?:\w+ly\s+)?{HIT_EN_DONE}\b", rf"\b(?:{PERSON_EN}|him|her)\s+{W(2)}{HIT_EN}\s+"
    rf"{OTHER_EN}\b",
    rf"\b(?:i|we)\s+(?:am|was|'m|im|got|get|have been|keep getting|are|were)\s+(?:being\s+)?"
    rf"(?:\w+ly\s+)?{HIT_EN_DONE}\b",
    rf"\b{RELATIVE_EN}\s+{W(2)}(?:is|was|gets|got|keeps getting|has been)\s+(?:being\s+)?"
    rf"(?:\w+ly\s+)?{HIT_EN_DONE}\b",
    rf"\b(?:scared|afraid|terrified|frightened)\s+(?:of\s+(?:him|her|them|my\s+(?:\S+\s+)?"
    rf"{RELATIVE_EN})|to go (?:home|back))\b",
    rf"\bthreaten\w*\s+{W(2)}(?:to kill|to hurt|to beat|with a knife|with a gun|to take)\b",
    r"\b(?:wants|tried|going|gonna|is going)\s+(?:to\s+)?(?:kill|hurt|strangle|stab)\s+"
    r"(?:me|us)\b",
    r"\b(?:he|she|they)\s*(?:'ll|'d| will| would)?\s+(?:kill|murder|strangle|stab)\s+(?:me|us)\b",
    r"\babusive (?:husband|partner|boyfriend|relationship|wife|father|ex)\b",
    r"\b(?:i am|i'm|im|i was) (?:a )?(?:victim|survivor) of (?:domestic|abuse|violence|rape)",
    # stalking, locked in, kicking at the door, threats against home or car
    r"\b(?:verfolgt|stalkt|belagert|beobachtet)\s+(?:mich|uns)\b",
    r"\b(?:lauert|lauerte|passt)\s+(?:mir|uns)\s+(?:\S+\s+)?(?:auf|ab)\b",
    r"\b(?:steht|wartet|stand)\s+(?:\S+\s+){0,4}vor\s+(?:meiner|unserer|der)\s+(?:tür|haustür|"
    r"wohnung)\b.*\b(?:angst|fürchte|bedroh\w*)\b",
    r"\b(?:is\s+)?(?:stalking|following)\s+me\b",
    rf"\b{PERSON}\s+{W(3)}(?:hat|hatte)\s+(?:mich|sie|ihn|uns)\s+{W(6)}gestoßen\b",
    r"\b(?:lässt|lasst|ließ)\s+(?:mich|sie|uns)\s+(?:\S+\s+)?(?:nicht|ned|net)\s+(?:mehr\s+)?"
    r"(?:raus|weg|gehen|aus dem haus)\b",
    rf"\b(?:bin|ist|sind|sitz\w*)\s+{W(4)}(?:eingesperrt|eingeschlossen)\b",
    r"\b(?:er|sie)\s+(?:tritt|schlägt|hämmert|haut|kicks|is kicking|bangs)\s+(?:\S+\s+)?"
    r"(?:gegen|an|at|on)\s+(?:die|the)\s+(?:tür|door)\b",
    r"\b(?:gesagt|gedroht|droht|schreibt|sagt)\s+(?:\S+\s+){0,3}(?:er|sie)\s+(?:\S+\s+){0,3}"
    r"(?:zündet|fackelt|bringt)\s+(?:\S+\s+){0,3}(?:an|ab|um)\b")
VIOLENCE_GENERIC = rule(
    "violence",
    rf"\b{PERSON}\s+{W(2)}{HIT}{NOT_VOR}\s+{W(1)}{OTHER}\b",
    r"\b(?:häusliche[rn]?|häuslich) gewalt\b", r"\bfrauenhaus\w*",
    r"\b(?:domestic (?:violence|abuse)|women's shelter|womens shelter|safe house)\b",
    r"\b(?:vergewaltigung|vergewaltigt|missbrauch|misshandlung)\b",
    generic=True)

RULES: tuple[Rule, ...] = (MEDICAL, MEDICAL_GENERIC, SUICIDE, SUICIDE_GENERIC, CHILD_AT_RISK,
                           CHILD_WRITER, CHILD_GENERIC, VIOLENCE, VIOLENCE_GENERIC)
