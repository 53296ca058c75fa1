"""Plates and addresses from other countries, and post-office boxes.

Newcomers and commuters write about the car they brought ("mein bulgarisches Auto CA 4821
PB", "Abmeldung für WPR 38K71", "SPZ 2AK 4417", "Mein Auto hat ZH 481227", "truck plate
23-BLK-7", "matrícula 4821 KLM", "türkisches Auto 34 ABC 127", "UK plate AB19 CDE") and
the address they came from ("ul. Długa 15/3, 80-831 Gdańsk"). The plate shapes run only
in a message about a vehicle (`pii_patterns.PRECHECK`) and never for a unit, a currency
or a car model ("PKW 2000 kg", "EUR 1500", "BMW 5200"). A private post-office box
("Postfach 11 02 45, 84461 Waldkraiburg") is an address too.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_CANTONS = ("ZH|BE|LU|UR|SZ|OW|NW|GL|ZG|FR|SO|BS|BL|SH|AR|AI|SG|GR|AG|TG|TI|VD|VS|NE|GE|JU")
FOREIGN_PLATE = re.compile(
    r"\b(?P<letters>[A-Z]{1,2}[ ]\d{4}[ ][A-Z]{1,2}"  # Bulgaria, Romania: CA 4821 PB
    r"|\d[A-Z]{1,2}[A-Z0-9]?[ ]\d{4}"  # Czechia, Slovakia: 2AK 4417
    r"|[A-Z]{2}[ ]\d{3,4}-[A-Z]{1,2}"  # Croatia: ZG 7734-DK (before the Swiss ZG)
    rf"|(?:{_CANTONS})[ ]\d{{2,6}}"  # Switzerland: ZH 481227
    # Poland: WPR 38K71, KR 1234A (district letters, then digits and letters).
    r"|[A-Z]{2,3}[ ](?=(?:[A-Z]*\d){2})\d[A-Z0-9]{3,4}"
    r"|[A-Z]{1,2}-(?=[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])[A-Z0-9]{3,6}"  # Austria: BR-8KL7
    # The Netherlands: 23-BLK-7, GB-123-X; Spain: 4821 KLM.
    r"|(?=[A-Z0-9-]*\d)(?=[A-Z0-9-]*[A-Z])[A-Z0-9]{1,3}-[A-Z0-9]{2,3}-[A-Z0-9]{1,2}"
    r"|\d{4}[ ][B-DF-HJ-NP-TV-Z]{3}"
    r"|[A-Z]{2}\d{2}[ ][A-Z]{3}"  # United Kingdom: AB19 CDE
    # Turkey: 34 ABC 127; a German moped's insurance plate: 482 KTZ.
    r"|\d{2}[ ][A-Z]{1,3}[ ]\d{2,4}|\d{3}[ ][A-Z]{3})\b")

_NOT_PLATES = frozenset((
    "EUR", "USD", "CHF", "PLN", "CZK", "GBP", "KW", "PS", "CO", "CO2", "ISO", "DIN", "EN",
    "KFZ", "PKW", "LKW", "TÜV", "BMW", "VW", "MPU", "HU", "AU", "GPS", "ABS", "ESP", "DB",
    "ICE", "RE", "RB", "BUS", "NR", "TEL", "FAX", "PLZ", "ST", "SGB", "BGB"))
_UNIT_AFTER = re.compile(r"[ ]?(?i:kg|t\b|km|ccm|cm|ps|kw|euro|eur|€|chf|zł|pln|mal|stück|"
                         r"tonnen|liter|jahre)")


def _plate_shape(match: re.Match[str]) -> bool:
    letters = re.findall(r"[A-Z]+", match.group(0))
    if letters and (letters[0] in _NOT_PLATES or letters[-1] in _NOT_PLATES):
        return False
    return _UNIT_AFTER.match(match.string, match.end()) is None


UP = "A-ZÄÖÜŁŚŻŹĆŃÓŠČŘŽ"
LOW = "a-zäöüßąćęłńóśźżščřžěůýáíé"
FOREIGN_ADDRESS = re.compile(
    # Polish, Czech, Slovak street abbreviations: "ul. Długa 15/3, 80-831 Gdańsk".
    rf"\b(?:ul\.|al\.|ulica|ulice|ul)[ ]?(?:[{UP}][{LOW}]+[ ]){{1,3}}\d{{1,4}}[a-z]?"
    rf"(?:/\d{{1,4}})?(?:,?[ ]\d{{2}}-?\d{{3}}[ ][{UP}][{LOW}]+)?"
    # A post-office box with its number, and the postcode and town after it.
    rf"|\bPostfach[ ]\d{{1,3}}(?:[ ]?\d{{2,3}}){{0,3}}(?:,?[ ]\d{{5}}[ ][{UP}][{LOW}]+)?")

SHAPE_PATTERNS: list[tuple[str, re.Pattern[str], int]] = [
    ("plate", FOREIGN_PLATE, 0),
    ("address", FOREIGN_ADDRESS, 0),
]
SHAPE_CHECKS: dict[re.Pattern[str], Callable[[re.Match[str]], bool]] = {
    FOREIGN_PLATE: _plate_shape}
