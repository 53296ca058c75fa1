"""The crisis detector's rules for losing one's home now (kind `homeless`).

Being evicted or thrown out, nowhere to sleep tonight, homeless: in Bavaria the
Gemeinde must give emergency accommodation, and the reply says so
(`actions.crisis_reply`). An eviction as a *topic* — fees, the bailiff, a landlord's
or an heir's question ("Zwangsräumung Gerichtsvollzieher Gebühren", "Wohnungsräumung
nach Todesfall") — is no crisis: the rules need the writer ("ich werde … geräumt",
"meine Zwangsräumung", "wo ich schlafen soll"), and the bare words (obdachlos,
Notunterkunft) count only with the writer and without a form or training framing.
Built like the other kinds' rules (`actions.crisis_rules`).
"""

from __future__ import annotations

from actions.crisis_rules import Rule, rule
from actions.crisis_words import (
    EVICTED,
    HOME,
    NOT,
    RELATIVE,
    RELATIVE_EN,
    SLEEP,
    THROWN_OUT,
    W,
)

HOMELESS = rule(
    "homeless",
    rf"\b(?:ich|i|wir|mia)\s+{W(4)}(?:werde|werd|werden|wurde|wurden|bin|sind|san)\s+{W(6)}"
    rf"{EVICTED}\b",
    rf"\b(?:werde|werd|werden|wurde|wurden)\s+(?:ich|wir|i|mia)\s+{W(6)}{EVICTED}\b",
    rf"\b(?:hat|haben|ham|hatte|hatten|will|wollen)\s+(?:mich|uns|mi)\s+{W(5)}{EVICTED}\b",
    rf"\b(?:aus|von)\s+(?:\S+\s+)?{HOME}\s+{W(3)}{THROWN_OUT}\b",
    rf"\b{THROWN_OUT}\s+{W(1)}(?:aus|von)\s+(?:\S+\s+)?{HOME}\b",
    rf"\b(?:vermieter\w*|{RELATIVE})\s+{W(3)}(?:hat|haben|ham|hatte|will|wollen)\s+(?:mich|uns|mi)"
    rf"\s+{W(4)}{THROWN_OUT}\b",
    # "meine eltern schmeißen mich raus", "der Vermieter setzt uns vor die Tür" (present).
    rf"\b(?:vermieter\w*|{RELATIVE})\s+{W(3)}(?:schmeißt|schmeißen|schmeisst|schmeissen|"
    r"schmeißn|wirft|werfen|setzt|setzen|haut|hauen)\s+(?:mich|uns|mi)\s+(?:\S+\s+){0,3}"
    r"(?:raus|hinaus|naus|vor die tür|auf die straße)\b",
    # "wo kann ich heute nacht schlafen", "wo soll ich heut schlafen"
    rf"\bwo\s+(?:kann|soll|könnte|darf|konn)\s+(?:ich|wir|i|mia)\s+{W(2)}(?:heute|heut|diese)"
    rf"\s+nacht\s+{W(2)}{SLEEP}\b",
    rf"\b(?:brauche|brauchen|suche|suchen|bräuchte)\s+{W(3)}(?:notunterkunft|notschlafstelle|"
    r"obdach)\b", r"\b(?:brauche|brauchen|suche|suchen|bräuchte)\s+(?:\S+\s+){0,3}(?:heute|heut|"
    r"dringend|sofort)\s+(?:\S+\s+){0,2}(?:schlafplatz|bleibe)\b",
    rf"\b(?:meine|unsere|mei|unsre)\s+wohnung\s+(?:wird|soll|werd)\s+{W(4)}(?:zwangs)?geräumt\b",
    r"\b(?:meine|unsere|mei|unsre)\s+(?:zwangsräumung|räumung|räumungstermin)\b",
    r"\b(?:mir|uns)\s+droht\s+(?:\S+\s+){0,2}(?:die\s+)?(?:obdachlosigkeit|wohnungslosigkeit|"
    r"zwangsräumung|räumung)\b",
    r"\b(?:ich|wir|i)\s+(?:habe|hab|haben|hob|ham)\s+(?:\S+\s+){0,3}(?:zwangsräumung|"
    r"räumungstermin|räumungsklage|räumungsurteil)\b",
    r"\b(?:verliere|verlieren|verlier)\s+(?:\S+\s+){0,4}(?:meine|unsere|mei)\s+wohnung\b",
    # "… meine Wohnung … und weiß nicht wohin" (not "wohin mit den Möbeln")
    rf"\b{HOME}\b.*\b(?:weiß|woaß|woas|weis)\s+(?:\S+\s+)?{NOT}\s+wohin\b(?!\s+mit\b)",
    r"\b(?:flat|apartment|home|house)\b.*\b(?:nowhere|no place) to go\b",
    rf"\b(?:weiß|woas|woaß|waas)\s+(?:\S+\s+){{0,2}}{NOT}\s+(?:mehr\s+)?(?:,\s+)?wo\s+(?:ich|wir|i|"
    rf"mia)\s+{W(3)}{SLEEP}\s+(?:soll|sollen|kann|können|werde|muss)\b",
    r"\b(?:kein|keine|keinen|koa|koan)\s+(?:dach über dem kopf|bleibe|schlafplatz|obdach|"
    r"unterkunft)\s+mehr\b",
    r"\b(?:habe|hab|hob|haben|ham)\s+(?:\S+\s+){0,2}(?:kein|keine|keinen|koa|koan)\s+"
    r"(?:dach über dem kopf|schlafplatz|bleibe)\b",
    rf"\b(?:ich|wir|i|mia)\s+(?:schlafe|schlaf|schlafen|penne|pennen|lebe|leben|muss|müssen)\s+"
    rf"{W(4)}(?:auf der straße|im auto|unter (?:der|einer) brücke|auf (?:der|einer) parkbank|"
    r"draußen|im park)\b",
    rf"\b(?:dann|sonst|bald|morgen|demnächst)\s+(?:bin|sind|stehe|stehen|sitze|sitzen|lande|"
    rf"landen)\s+(?:ich|wir|i|mia)\s+{W(2)}auf der straße\b",
    r"\b(?:meine|unsere|mei|unsre)\s+(?:wohnung|haus)\s+(?:ist|wurde|san|is)\s+(?:\S+\s+)?"
    r"(?:abgebrannt|ausgebrannt|unbewohnbar)\b",
    rf"\b(?:miet\w*|vermieter\w*|{HOME})\b.*\b(?:fliege|fliegen|flieg|müssen|muss)\s+(?:ich|wir|i|"
    rf"mia)\s+{W(5)}raus\b",
    rf"\b(?:ich|wir|i|mia)\s+{W(3)}(?:sitze|sitzen|sitz|lande|landen)\s+{W(3)}auf der straße\b",
    rf"\b(?:sitze|sitzen|lande|landen|stehe|stehen|steh)\s+(?:ich|wir|i|mia)\s+{W(3)}auf der "
    r"straße\b(?!\s+(?:vor|und|neben|bei|an)\b)",
    rf"\b(?:ich|wir|i|mia)\s+(?:bin|sind|werde|werden|wäre|wären|san|bi)\s+{W(3)}"
    r"(?:obdachlos|wohnungslos)",
    rf"\b(?:bin|sind|werde|werden)\s+(?:ich|wir)\s+{W(3)}(?:obdachlos|wohnungslos)",
    rf"\b(?:i|i'm|im|we|we're)\s+{W(3)}evicted\b",
    r"\b(?:kicked|thrown)\s+out\s+of\s+(?:my|our|the|his|her|their)\s+(?:flat|apartment|house|"
    r"home|place|room)\b",
    rf"\b(?:landlord|{RELATIVE_EN}|parents)\s+{W(2)}(?:kicked|threw|kicks|throws)\s+(?:me|us)\s+out\b",
    r"\b(?:i'm|im|i am|we're|we are|i'll be|we'll be|i will be|we will be|became)\s+"
    r"(?:\S+\s+){0,2}homeless\b",
    r"\b(?:nowhere|no place) to (?:sleep|stay|live)\b", r"\bmy eviction\b",
    r"\b(?:i|we)\s+(?:have|got|ve got|have got)\s+(?:nowhere|no place|no where) to go\b",
    rf"\b(?:landlord|owner)\s+{W(4)}(?:wants to|is going to|will|is trying to|plans to)\s+"
    r"(?:evict|kick out|throw out)\s+(?:me|us)\b",
    r"\b(?:got|received|have|had)\s+(?:an?\s+)?eviction (?:notice|order)\b",
    r"\blos(?:e|ing|t)\s+(?:my|our)\s+(?:flat|apartment|home|house)\b",
    r"\b(?:have|got|has)\s+no\s+(?:home|place to live|roof over (?:my|our) heads?)\b",
    rf"\b(?:i|i'm|im|we|we're)\s+{W(3)}(?:sleeping|sleep|slept|have to sleep)\s+(?:rough|on the "
    r"streets?|in (?:my|the|our) car|under a bridge|on a bench)\b")
HOMELESS_GENERIC = rule(
    "homeless",
    r"\b(?:ich|wir|mir|mich|uns|i|mia)\b.*\b(?:obdachlos\w*|wohnungslos\w*|notunterkunft|"
    r"notschlafstelle|homeless shelter|emergency accommodation)\b",
    r"\b(?:obdachlos\w*|wohnungslos\w*|notunterkunft|notschlafstelle|homeless shelter|"
    r"emergency accommodation)\b.*\b(?:ich|wir|mir|mich|uns|i|me|we)\b",
    r"\b(?:obdachlos\w*|wohnungslos\w*|homeless)\b.*\b(?:heute nacht|tonight|schlafen|sleep)\b",
    # "keine Wohnung mehr" — unless it is about moving away ("… wie melde ich mich ab?")
    r"\b(?:kein|keine|keinen|koa|koan)\s+wohnung\s+mehr\b", generic=True)


HOME_RULES: tuple[Rule, ...] = (HOMELESS, HOMELESS_GENERIC)
