"""Identifier shapes without a label the file-number rules know.

"the number of my case at Ausländerbehörde is 421-ALB-2024-0912": a code of capitals
and digits in at least three parts, with four digits or more, is somebody's case,
customer or document number wherever it stands (plates have two parts and at most four
digits; dates and paragraphs have no letters). "Führerschein Nr. B072X1234562": a
document number after the document's name. Both are typed as file numbers. "numer
sprawy WG 2023/0977": letters, a year and a serial number is a file number too. "(0 86
31) 12 34 5", "0 176 55 48 32 11": a number read out in small groups, the area code too,
is a phone number (9 to 13 digits). "9 серпня 1990", "3 marca 1985", "12 Mayıs 1978": a
day, a month in Russian, Ukrainian, Polish or Turkish and a birth year is a date of birth
(years up to 2015, as for the English months). "passport numbers are K1234567F and
K7654321A", "Kartennummer eAT: Y4TF81N27": a passport, ID card or residence card number
(8 to 10 capitals and digits) near the document's name. "verbale n. 18823/2025/V": a
serial, a year and a code.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_MONTHS_OTHER = (
    "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря|"
    "січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|"
    "грудня|stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|"
    "października|listopada|grudnia|ocak|şubat|mart|nisan|mayıs|haziran|temmuz|ağustos|"
    "eylül|ekim|kasım|aralık")

CODE_PATTERNS: list[tuple[str, re.Pattern[str], int]] = [
    ("file_number", re.compile(
        r"\b(?=[A-Z0-9/-]*\d{4})(?=[A-Z0-9/-]*[A-Z]{2})[A-Z0-9]+(?:[-/][A-Z0-9]+){2,}\b"), 0),
    ("file_number", re.compile(
        r"(?i:\b(?:führerschein|fuehrerschein|ausweis|personalausweis|reisepass|pass|"
        r"aufenthaltstitel|licen[cs]e|passport|id card|residence card|document|dokument)"
        r"[- ]?(?:nr\.?|nummer|no\.?|number|#)[\s:.#]*(?:ist|lautet|is)?[\s:#]*)"
        r"([A-Za-z0-9]*\d[A-Za-z0-9]*(?:[ -]?[A-Za-z0-9]*\d[A-Za-z0-9]*)?)"
        r"(?<=\w{6})"), 1),
    # Not a law's number: "(EU) 2019/947", "VO 2016/679".
    ("file_number", re.compile(r"\b(?!(?:EU|EG|EWG|EC|EEC|VO|RL|DSGVO)\b)[A-Z]{1,4}[ -]?"
                               r"(?:19|20)\d{2}/\d{2,6}\b"), 0),
    ("birthdate", re.compile(rf"(?i:\b\d{{1,2}}\.?[ ](?:{_MONTHS_OTHER})[ ]"
                             rf"(?:19\d{{2}}|200\d|201[0-5])\b)"), 0),
    ("phone", re.compile(r"(?<![\w/.])(?=(?:\D{0,3}\d){9,13}(?!\d))"
                         r"\(?0(?:[ ]\d{1,4}){1,3}\)?(?:[ ]\d{1,4}){2,6}\b"), 0),
    ("file_number", re.compile(r"\b\d{2,6}/(?:19|20)\d{2}/[A-Z0-9]{1,5}\b"), 0),
]

# A document number: 8–10 capitals and digits, at least three digits and one letter.
_DOCUMENT_NUMBER = re.compile(r"\b(?=[A-Z0-9]*[A-Z])(?=(?:[A-Z]*\d){3})[A-Z0-9]{8,10}\b")
# The document it belongs to, named shortly before in the same sentence.
_DOCUMENT_CUE = re.compile(r"(?i:pass|ausweis|eat\b|karte|card|\bid\b|aufenthaltstitel|visum|"
                           r"visa\b|dokument|document|permit|titel)")
_CUE_WINDOW = 60
# A new sentence: an end mark before a capitalised word ("… Nr. C4J8K2L91" goes on).
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-ZÄÖÜ][a-zäöüß])|\n")


def _after_document(match: re.Match[str]) -> bool:
    before = match.string[max(0, match.start() - _CUE_WINDOW):match.start()]
    before = _SENTENCE_END.split(before)[-1]
    return _DOCUMENT_CUE.search(before) is not None


CODE_PATTERNS.append(("file_number", _DOCUMENT_NUMBER, 0))
# A licence's number: "Fischereischein auf Lebenszeit Nr. 183-F-2207", "WBK (Nr. 112/1998)",
# "Jagdkarte Nr. OÖ-JK 44127" (at least four digits, see _LICENCE_DIGITS).
_LICENCE = re.compile(
    r"(?i:\b(?:jagdschein|jagdkarte|fischereischein|fischerei-?karte|waffenbesitzkarte|wbk|"
    r"waffenschein|sprengstofferlaubnis|erlaubnisschein|hunting licen[cs]e|fishing licen[cs]e|"
    r"gun licen[cs]e)\w*(?:[ ]\w+){0,3}?[ ]?\(?(?:nr\.?|nummer|no\.?|number)[\s:.#]*)"
    r"((?:[A-ZÄÖÜ]{1,3}-[A-ZÄÖÜ]{1,3}[ ])?[A-Za-z0-9][A-Za-z0-9./-]*\d"
    r"(?:[A-Za-z0-9./-]*[A-Za-z0-9])?)")


def _licence_digits(match: re.Match[str]) -> bool:
    return bool(sum(char.isdigit() for char in match.group(1)) >= 4)


CODE_PATTERNS.append(("file_number", _LICENCE, 1))
CODE_CHECKS: dict[re.Pattern[str], Callable[[re.Match[str]], bool]] = {
    _DOCUMENT_NUMBER: _after_document, _LICENCE: _licence_digits}
