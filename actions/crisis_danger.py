"""The crisis detector's rules for acute danger to a building or the environment (kind
`danger`): a smell of gas, a fire or smoke, oil or chemicals running into the ground or
water, a polluted stream (dead fish, slurry in the water; tenth probe: "tote Fische in der
Isen, riecht nach Gülle" got the switchboard). The reply is the fire brigade's 112 and,
for gas, what to do before calling
(`actions.texts_crisis`); eighth blind probe: "im Treppenhaus riecht es stark nach Gas"
got the Landratsamt's switchboard, "Heizöltank undicht, es läuft in den Boden" the
notification of a new tank.

Topics are no crisis: installing a gas heating, the fire-safety rules of a building
permit, an Easter bonfire, smoke alarms, an oil change, registering a tank — the rules
need something happening now (riecht, brennt, läuft aus). Built like the other kinds'
rules (`actions.crisis_rules`).
"""

from __future__ import annotations

from actions.crisis_rules import Rule, rule
from actions.crisis_words import NOT, W

_PLACE = (r"(?:haus|wohnung|dach|scheune|stadl|garage|küche|keller|auto|wagen|wald|"
          r"nachbarhaus|hof|stall|hütte|gartenhütte|mülltonne|container|halle|werkstatt)")
_LIQUID = r"(?:öl|heizöl|diesel|benzin|sprit|chemikalie\w*|säure|gülle|jauche)"
_WATER = r"(?:bach|fluss|teich|weiher|see|isen|inn|gewässer|graben|stream|river|pond)"
_INTO = (r"(?:boden|bodenablauf|abfluss|ablauf|erdreich|erde|bach|fluss|inn|teich|see|kanal|"
         r"gully|gulli|wasser|"
         r"grundwasser|hof|garten|wiese|acker|straße|wald)")

DANGER = rule(
    "danger",
    # gas
    rf"\b(?:riecht|riechts|stinkt|stinkts)\s+{W(6)}(?:stark\s+)?nach\s+gas\b",
    r"\bgasgeruch\b", r"\bgas\s+(?:\S+\s+){0,2}(?:strömt|tritt|ausgetreten|entweicht|zischt)\b",
    r"\b(?:smell|smells|smelling)\s+(?:\S+\s+){0,2}(?:of\s+)?gas\b", r"\bgas (?:leak|leaking)\b",
    # fire, smoke
    rf"\b{_PLACE}\s+{W(3)}(?:brennt|brennen|steht in flammen|qualmt|raucht)\b(?!\s+{NOT})",
    r"(?:^|\s)es brennt\b(?!\s+(?:nicht|mir|ihm|ihr|uns|licht))",
    r"\b(?:rauch|qualm)\s+(?:\S+\s+){0,4}(?:kommt|quillt|dringt|zieht)\b",
    r"\b(?:is|are|was)\s+on fire\b", r"\b(?:fire|smoke)\s+(?:is\s+)?(?:coming|pouring)\b",
    # oil or chemicals running out, into the ground or water
    rf"\b{_LIQUID}\s+{W(6)}(?:läuft|lauft|ausgelaufen|laufen|sickert|fließt|fliesst|tritt|"
    rf"getreten|ausläuft)\s+{W(6)}(?:in|ins|auf|aus|über)\s+{W(2)}{_INTO}\b",
    # "der Tank im Keller leckt, es ist schon was in den Bodenablauf gelaufen" (16th probe)
    rf"\b(?:tank|heizöltank|öltank|öltanks|heizöltanks)\s+{W(4)}(?:leckt|tropft|läuft aus|"
    r"ist undicht|ist leck)\b",
    rf"\b(?:tank|heizöltank|öltank|fass|kanister)\s+{W(4)}(?:undicht|leck|kaputt|ausgelaufen)"
    rf"\b.*\b(?:läuft|sickert|fließt|boden|erde|bach|grundwasser)\b",
    # leaking barrels or canisters ("Fässer mit stinkender Flüssigkeit, die laufen aus")
    r"\b(?:fass|fässer|kanister|behälter|container)\b.*\b(?:laufen|läuft|lauft|sind|ist)\s+"
    r"(?:\S+\s+)?(?:aus|undicht|leck)\b",
    r"\b(?:barrels?|drums?|canisters?)\b.*\bleak\w*",
    # ammunition or explosives found (old war ordnance turns up in fields and woods)
    r"\b(?:hand)?granate\b", r"\b(?:flieger|weltkriegs)bombe\b", r"\bblindgänger\b",
    r"\bbombe\b.*\b(?:gefunden|entdeckt|ausgegraben)\b",
    r"\b(?:alte\s+)?munition\s+(?:\S+\s+){0,4}(?:gefunden|entdeckt|ausgegraben)\b",
    r"\b(?:gefunden|entdeckt|ausgegraben)\s+(?:\S+\s+){0,4}(?:munition|sprengkörper)\b",
    r"\b(?:hand )?grenades?\b", r"\bunexploded\b",
    r"\b(?:found|dug up)\s+(?:\S+\s+){0,4}(?:bomb|ammunition|explosives?)\b",
    # water in the house now
    rf"\b(?:keller|erdgeschoss|wohnung|haus)\s+{W(3)}(?:steht\s+|ist\s+)?(?:\S+\s+)?"
    r"unter wasser\b", r"\bhochwasser\b.*\b(?:keller|haus|wohnung|strom|evakuier\w*)\b",
    r"\b(?:keller|haus|wohnung)\b.*\b(?:läuft\s+(?:\S+\s+){0,2}voll|vollgelaufen|überschwemmt|"
    r"überflutet)\b",
    # a stream over its banks or the street, the water rising at the house (twelfth probe)
    rf"\b{_WATER}\s+{W(4)}(?:geht|tritt|läuft|lauft|ist)\s+(?:schon\s+|gerade\s+)?über\s+"
    r"(?:die|das|den)\s+(?:ufer|straße|strasse)\b",
    r"\bwasser\s+steigt\b.*\b(?:keller|haus|wohnung|straße|strasse)\b",
    r"\bwasser\s+(?:läuft|lauft|dringt|steht|kommt)\s+(?:\S+\s+){0,2}(?:in|im)\s+(?:die\s+|den\s+|"
    r"das\s+|der\s+|unsere\w*\s+)?(?:garage|keller|haus|wohnung|erdgeschoss)\b",
    r"\b(?:keller|haus|wohnung)\b.*\bwasser\s+steigt\b",
    rf"\b(?:keller|erdgeschoss|wohnung)\s+{W(2)}voll(?:er)?\s+wasser\b",
    r"\b(?:basement|cellar|house|flat)\s+(?:\S+\s+){0,3}(?:flooded|flooding|under water)\b",
    # floodwater already at the house (fifteenth probe: "das Wasser steht schon im Garten!")
    r"\bwasser\s+(?:steht|ist)\s+(?:schon|bereits|jetzt)\s+(?:\S+\s+)?(?:im|in unserem|bis zum|"
    r"vor dem|am)\s+(?:garten|hof|haus|keller|zaun|tür|haustür)\b",
    # an obstacle on the road now (fifteenth probe: a tree across the road in the dark)
    rf"\b(?:baum|bäume|ast|äste|stamm|ladung|felsbrocken|steine)\s+{W(4)}(?:liegt|liegen|"
    rf"lag|ist|sind)\s+{W(3)}(?:quer\s+)?(?:auf|über)\s+(?:der|die|dem)\s+(?:straße|strasse|"
    r"fahrbahn|bundesstraße|staatsstraße|kreisstraße|gleise?n?)\b"
    r"(?!\s+(?:\S+\s+)?(?:gewachsen|gewuchert|hängt|hängen|ragt|ragen|wachsen))",
    r"\bquer\s+über\s+(?:der|die)\s+(?:straße|strasse|fahrbahn)\b",
    r"\b(?:tree|branch|load)\s+(?:\S+\s+){0,3}(?:across|blocking|on)\s+the\s+(?:road|street|"
    r"lane)\b",
    # a polluted stream or pond: dead fish, slurry or oil in the water, discoloured water
    rf"\b(?:tote|toten|verendete|treiben)\s+{W(2)}fische?\b(?=.*\b{_WATER}\b)",
    rf"\b{_WATER}\b.*\b(?:tote|toten|verendete|treiben)\s+{W(2)}fische?\b",
    r"\bfischsterben\b",
    r"\b(?:dead fish|fish (?:are |were )?dying)\b(?=.*\b(?:river|stream|pond|lake|creek)\b)",
    r"\b(?:river|stream|pond|lake|creek)\b.*\b(?:dead fish|fish (?:are |were )?dying)\b",
    rf"\b(?:gülle|jauche|öl|heizöl|diesel|abwasser)\s+{W(4)}(?:im|in der|in den|in die|ins)\s+"
    rf"{W(1)}{_WATER}\b",
    rf"\b{_WATER}\s+{W(3)}(?:ist|sind|wird)?\s*(?:ganz\s+)?(?:braun|verfärbt|schäumt|"
    r"verschmutzt|voller schaum)\b",
    r"\b(?:oil|diesel|fuel|chemicals?)\s+(?:\S+\s+){0,4}(?:leaking|leaked|spilled|running)\s+"
    r"(?:\S+\s+){0,3}(?:into|onto|in)\s+(?:\S+\s+){0,2}(?:ground|soil|river|stream|water|"
    r"drain)\b")

DANGER_RULES: tuple[Rule, ...] = (DANGER,)
