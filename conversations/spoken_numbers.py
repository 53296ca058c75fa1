"""Numbers written as words, turned into digits so the pattern rules can read them.

Messenger voice input writes what was said: "MÜ KH eins zwei drei", "geboren am
dritten april neunzehnhunderteinundfünfzig", "Rosenstraße zwölf", "K wie Konrad eins
zwei …". `spelled_digits(text)` returns the text with those numbers as digits and a map
back to the original positions; `conversations.redaction` runs its patterns on it and
keeps only what touches a converted number (the rest it has already read).

Converted: German cardinals (0–9999, "neunzehnhundert…", "zweitausend…"), German
ordinals ("dritten" → "3."), a run of single digits ("eins zwei drei" → "123", also
English "one two three"), a spoken date (ordinal, month, year → "3.4.1951") and a
letter spelled with the German alphabet ("K wie Konrad" → "K"), and a line spaced out
letter by letter in a scanned letter ("0 3 . 0 5 . 1 9 8 4" → "03.05.1984"), and the
letters a photo's text recognition reads for digits inside a number ("2l.O9.l962" →
"21.09.1962", "DE48 7115 1O2O …"). Articles ("ein", "eine") are never numbers.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

_UNITS = {"null": 0, "eins": 1, "zwei": 2, "zwo": 2, "drei": 3, "vier": 4, "fünf": 5,
          "fuenf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9}
_EN_DIGITS = {"zero": 0, "oh": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
              "six": 6, "seven": 7, "eight": 8, "nine": 9}
_TEENS = {"zehn": 10, "elf": 11, "zwölf": 12, "zwoelf": 12, "dreizehn": 13, "vierzehn": 14,
          "fünfzehn": 15, "fuenfzehn": 15, "sechzehn": 16, "siebzehn": 17, "achtzehn": 18,
          "neunzehn": 19}
_TENS = {"zwanzig": 20, "dreißig": 30, "dreissig": 30, "vierzig": 40, "fünfzig": 50,
         "fuenfzig": 50, "sechzig": 60, "siebzig": 70, "achtzig": 80, "neunzig": 90}
_UNIT_PREFIX = {"ein": 1, **{k: v for k, v in _UNITS.items() if v}}
_ORDINAL_SPECIAL = {"erst": 1, "dritt": 3, "siebt": 7, "acht": 8}
_ORDINAL_SUFFIXES = ("sten", "ster", "stem", "stes", "ste", "ten", "ter", "tem", "tes", "te")
_MONTHS = {m: i for i, names in enumerate(
    (("januar", "jänner", "january"), ("februar", "feber", "february"), ("märz", "march"),
     ("april",), ("mai", "may"), ("juni", "june"), ("juli", "july"), ("august",),
     ("september",), ("oktober", "october"), ("november",), ("dezember", "december")),
    start=1) for m in names}

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# Cheap test before the word-by-word reading: a number word's stem is there at all
# (substring tests: a regex over a long log line cost ten times as much).
_HINT_STEMS = ("null", "ein", "zwei", "zwo", "drei", "vier", "fünf", "fuenf", "sechs", "sieben",
               "acht", "neun", "zehn", "elf", "zwölf", "zwoelf", "zwanzig", "ßig", "ssig",
               "hundert", "tausend", "zero", "one", "two", "three", "four", "five", "six",
               "seven", "eight", "nine", "oh", "erst", "dritt", "siebt", " wie ")
_SPELLED = re.compile(r"\b([A-Za-zÄÖÜ])[ ]wie[ ][A-ZÄÖÜ][a-zäöüß]+\b")
_JOIN = re.compile(r"[ ,–-]+")
# Six or more single characters, each followed by one space ("K u n d e n n r . : 4 7 1").
_SPACED = re.compile(r"(?<!\S)(?:\S[ ]){5,}\S(?!\S)")
# Text recognition of a photographed document reads 0 as O and 1 as l or I: a token of
# digits and those letters only, with at least one digit, is a number ("l962", "6O3").
_OCR_TOKEN = re.compile(r"(?<![^\W_])[0-9OolI]*[0-9][0-9OolI]*(?![^\W_])")
_OCR_LETTERS = re.compile("[OolI]")
_DIGIT = re.compile(r"\d")
_OCR_DIGITS = str.maketrans("OolI", "0011")
# A street name right before the number: the number is a house number.
_STREET_END = re.compile(r"(?i:(?:stra(?:ß|ss)e|str\.?|weg|gasse|platz|ring|allee|"
                         r"feld|berg|hof|siedlung|anger|steig|zeile|ufer|au)[ ]+)$")


def _below_100(word: str) -> int | None:
    if word in _UNITS:
        return _UNITS[word]
    if word in _TEENS:
        return _TEENS[word]
    if word in _TENS:
        return _TENS[word]
    unit, sep, tens = word.partition("und")
    if sep and unit in _UNIT_PREFIX and tens in _TENS:
        return _UNIT_PREFIX[unit] + _TENS[tens]
    return None


def _scaled(word: str, marker: str, factor: int,
            lower: Callable[[str], int | None]) -> int | None:
    """`word` as [times] `marker` [rest]: "neunzehnhundertfünfzig" (a year) as well as
    "einhundert…", "hundert…" and "zweitausendelf"; without the marker, `lower(word)`."""
    head, sep, tail = word.partition(marker)
    if not sep:
        return lower(word)
    times = 1 if not head else (_UNIT_PREFIX.get(head) or _below_100(head))
    rest = 0 if not tail else lower(tail)
    if not times or rest is None:
        return None
    return times * factor + rest


def _below_1000(word: str) -> int | None:
    return _scaled(word, "hundert", 100, _below_100)


def cardinal(word: str) -> int | None:
    """The value of a German number word ("neunzehnhunderteinundfünfzig" → 1951)."""
    return _scaled(word.lower(), "tausend", 1000, _below_1000)


def ordinal(word: str) -> int | None:
    """The value of a German ordinal ("dritten" → 3, "einundzwanzigsten" → 21)."""
    word = word.lower()
    special = re.fullmatch(r"(erst|dritt|siebt|acht)e[nrsm]?", word)
    if special is not None:
        return _ORDINAL_SPECIAL[special.group(1)]
    for suffix in _ORDINAL_SUFFIXES:
        if word.endswith(suffix):
            value = cardinal(word[:-len(suffix)])
            # "-te" up to 19 ("zwölfte"), "-ste" from 20 ("zwanzigste").
            if value and (value >= 20) == suffix.startswith("s"):
                return value
    return None


@dataclass(frozen=True)
class Spelled:
    """The text with spoken numbers as digits, and where each character came from."""

    text: str
    # For every position of `text`: the original position a span starting there starts
    # at, and the original position a span ending there ends at (len(text) + 1 entries).
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    converted: tuple[bool, ...]  # per position of `text`: part of a converted number?

    def original_span(self, start: int, end: int) -> tuple[int, int] | None:
        """The original span of `text[start:end]`, or None if it touches nothing
        converted (the original text was read already)."""
        if not any(self.converted[start:end]):
            return None
        return self.starts[start], self.ends[end]


def _number_words(text: str) -> list[tuple[int, int, str, int]]:
    """(start, end, kind, value) for every number word; kind: digit | number | ordinal."""
    found = []
    for match in _WORD.finditer(text):
        word = match.group().lower()
        if word in ("ein", "eine", "elf", "acht", "oh", "one") and not _near_number(text, match):
            continue  # articles, "Elf", "Acht geben", "oh", "one of" stay words
        if word in _EN_DIGITS:
            found.append((match.start(), match.end(), "digit", _EN_DIGITS[word]))
        elif (value := cardinal(word)) is not None:
            found.append((match.start(), match.end(), "digit" if value < 10 else "number",
                          value))
        elif (value := ordinal(word)) is not None and value <= 31:
            found.append((match.start(), match.end(), "ordinal", value))
    return found


def _near_number(text: str, match: re.Match[str]) -> bool:
    """Is an ambiguous word ("acht", "elf", "one") next to another number word?"""
    before = _WORD.findall(text[max(0, match.start() - 20):match.start()])
    after = _WORD.findall(text[match.end():match.end() + 20])
    neighbours = [w.lower() for w in before[-1:] + after[:1]]
    return any(w in _EN_DIGITS or cardinal(w) is not None for w in neighbours
               if w not in ("ein", "eine", "oh", "one", "elf", "acht"))


def spelled_digits(text: str) -> Spelled | None:
    """`text` with its spoken numbers as digits, or None if it has none."""
    # A scanned letter's spaced-out line: "Geb.: 0 3 . 0 5 . 1 9 8 4" → "03.05.1984".
    spaced: list[tuple[int, int, str]] = [
        (m.start(), m.end(), _ocr_digits(m.group().replace(" ", "")))
        for m in _SPACED.finditer(text)]
    if _OCR_LETTERS.search(text) is not None and _DIGIT.search(text) is not None:
        spaced += [(m.start(), m.end(), m.group().translate(_OCR_DIGITS))
                   for m in _OCR_TOKEN.finditer(text) if _OCR_LETTERS.search(m.group())]
    lowered = text.lower()
    if not any(stem in lowered for stem in _HINT_STEMS):
        return _apply(text, spaced) if spaced else None
    words = _number_words(text)
    replacements: list[tuple[int, int, str]] = spaced + [
        (m.start(), m.end(), m.group(1)) for m in _SPELLED.finditer(text)]
    i = 0
    while i < len(words):
        start, end, kind, value = words[i]
        j = i
        # A run of single digits is one number: "eins zwei drei" → "123".
        while (kind == "digit" and j + 1 < len(words) and words[j + 1][2] == "digit"
               and _JOIN.fullmatch(text[words[j][1]:words[j + 1][0]])):
            j += 1
        if j > i:
            digits = "".join(str(w[3]) for w in words[i:j + 1])
            replacements.append((start, words[j][1], digits))
        elif kind == "ordinal":
            if (date := _spoken_date(text, words, i)) is not None:
                replacements.append(date)
        elif value >= 1000 or _STREET_END.search(text, 0, start):
            # A year, or a house number ("Rosenstraße zwölf"); a lone small number
            # ("zwei Kinder") is no personal data and is left as it is.
            replacements.append((start, end, str(value)))
        i = j + 1
    return _apply(text, replacements) if replacements else None


def _ocr_digits(text: str) -> str:
    """`text` with the recognition's O/l/I read as digits inside its numbers."""
    return _OCR_TOKEN.sub(lambda m: m.group().translate(_OCR_DIGITS), text)


def _spoken_date(text: str, words: list[tuple[int, int, str, int]],
                 i: int) -> tuple[int, int, str] | None:
    """An ordinal, a month and a year ("dritten april neunzehnhundertfünfzig") as one
    numeric date, the shape the birth-date rules know."""
    start, end, _, day = words[i]
    month = re.match(r"\.?[ ]+([^\W\d_]+)[ ]+", text[end:])
    if month is None or month.group(1).lower() not in _MONTHS or i + 1 >= len(words):
        return None
    year_start, year_end, _, year = words[i + 1]
    if year_start != end + month.end() or not 1900 <= year <= 2099:
        return None
    return start, year_end, f"{day}.{_MONTHS[month.group(1).lower()]}.{year}"


def _apply(text: str, replacements: list[tuple[int, int, str]]) -> Spelled | None:
    parts: list[str] = []
    starts: list[int] = []
    ends: list[int] = [0]
    converted: list[bool] = []
    position = 0

    def copy(upto: int) -> None:
        parts.append(text[position:upto])
        for k in range(position, upto):
            starts.append(k)
            ends.append(k + 1)
            converted.append(False)

    for start, end, digits in sorted(replacements):
        if start < position:
            continue  # inside a spoken date or a spelled letter already replaced
        copy(start)
        parts.append(digits)
        starts.extend([start] * len(digits))
        ends.extend([end] * len(digits))
        converted.extend([True] * len(digits))
        position = end
    if not any(converted):
        return None
    copy(len(text))
    starts.append(len(text))
    return Spelled("".join(parts), tuple(starts), tuple(ends), tuple(converted))
