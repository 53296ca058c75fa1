"""What personal data looks like: the regular expressions of the redactor, by type.

`conversations.redaction` runs them (plus the name rules) and resolves overlaps; this
module only describes the shapes. Standard library only (it runs inside Rasa's
environment too). Each pattern: (type, compiled regex, group whose span is redacted:
0 = the whole match). Patterns with a cue word ("Steuer-ID:", "Az.", "Kennzeichen")
accept looser shapes after it; patterns without one only shapes that are rarely
anything else. Measured on three blind sets (docs/privacy.md).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from conversations.foreign_shapes import SHAPE_CHECKS, SHAPE_PATTERNS
from conversations.pii_codes import CODE_CHECKS, CODE_PATTERNS
from conversations.plate_codes import AUSTRIAN_CODES, GERMAN_CODES

UP = "A-ZÄÖÜÀÁÂÉÈÊÍÎÓÔÚÇÑŠŽČĆŁŚŹŻŞİĞØÅÆĐƠƯȘȚĂ"
LOW = ("a-zäöüßéèêáàâóòôíìîúùûçñýčćšžřěůłńśźżąęőűğışøåæœțșăţşđëïÿ"
       "ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịĩọỏốồổỗộớờởỡợụủũứừửữựỳỵỷỹơư")  # Vietnamese vowels with tones
# Anna, Müller-Lüdenscheidt, O'Neill, MacLeod
WORD = rf"(?:[OD]['’])?(?:Ma?c(?=[{UP}]))?[{UP}][{LOW}]+(?:-[{UP}][{LOW}]+)?"

# Short words that may follow "Kennzeichen" and look like a district code in lower case
# ("Kennzeichen für EU 27"): never the start of a plate.
SMALL_WORDS = (r"(?i:für|fur|von|vom|mit|ist|bis|ab|am|an|auf|aus|bei|zum|zur|ein|eine|das|der|"
               r"die|den|dem|des|und|oder|im|in|zu|so|wie|was|wo|es|er|sie|ich|wir|the|for|is|"
               r"my|of|to|on|at|by|and|or|ca|max|nur|je|pro|per|neu|alt|war|hat|hab|mal|um|"
               r"als|ob|da|du|ja|nr|no|ca|kw|ps|km|std)")

# Units that look like a code and letters before a number ("km200", "ps150").
_UNITS = r"(?i:km|ps|kw|kg|cm|ccm|mm|kwh|std|min|nr|no|ca|tel|fax)"
ORDINAL_DAY = (r"(?:ersten|zweiten|dritten|vierten|fünften|sechsten|siebten|achten|neunten|"
               r"zehnten|elften|zwölften|(?:dreizehn|vierzehn|fünfzehn|sechzehn|siebzehn|"
               r"achtzehn|neunzehn|zwanzig|einundzwanzig|zweiundzwanzig|dreiundzwanzig|"
               r"vierundzwanzig|fünfundzwanzig|sechsundzwanzig|siebenundzwanzig|"
               r"achtundzwanzig|neunundzwanzig|dreißig|einunddreißig)sten)")
MONTHS_DE = (r"(?:Januar|Jänner|Februar|Feber|März|April|Mai|Juni|Juli|August|September|Oktober|"
             r"November|Dezember)")

# Written out, after a birth label: "the twenty-first of March 1994", "am zweiten Februar
# zweitausendelf", "nineteen eighty eight".
ORDINAL_EN = (r"(?:(?:twenty|thirty)[- ]?(?:first|second|third|fourth|fifth|sixth|seventh|"
              r"eighth|ninth)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
              r"eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|"
              r"eighteenth|nineteenth|twentieth|thirtieth)")
YEAR_WORDS = (r"(?:neunzehnhundert\w*|zweitausend\w*|(?:nineteen|twenty|two thousand)"
              r"(?:[ -](?:and[ ])?[a-z]+){0,3})")

# A house-number label between street and number: "Hausnr. 14a", ", Hs.-Nr. 7", "No. 12b".
HOUSE_NO = r"(?:,?[ ](?:Hausnr|Hausnummer|Hs\.?-?Nr|Haus[ ]?Nr)\.?)?"

# Each pattern: (type, compiled regex, group whose span is redacted: 0 = whole match).
PATTERNS: list[tuple[str, re.Pattern[str], int]] = [
    # Also with a photo's line break after the "@" or a space before the ".de".
    ("email", re.compile(r"[\w.+%-]+@\n?[\w-]+(?:\.[\w-]+)*[ ]?[.,][A-Za-z]{2,}"), 0),
    # Spaced out against harvesters: "huber . franziska @ outlook . de".
    ("email", re.compile(r"[\w+%-]+(?:[ ]?\.[ ]?[\w+%-]+)*[ ]@[ ][\w-]+(?:[ ]?\.[ ]?[\w-]+)*"
                         r"[ ]?\.[ ]?[A-Za-z]{2,}\b"), 0),
    # Spelled-out "@" against spam harvesters: name(at)web.de, name [at] web.de.
    ("email", re.compile(r"[\w.+%-]+[ ]?(?:\(at\)|\[at\]|\{at\}|\(ät\)|\(@\))[ ]?[\w-]+"
                         r"(?:(?:\.|[ ]?(?:\(punkt\)|\(dot\)|\[dot\]|\[punkt\]|\{dot\})[ ]?)"
                         r"[\w-]+)*(?:\.|[ ]?(?:\(punkt\)|\(dot\)|\[dot\]|\[punkt\]|\{dot\})[ ]?)"
                         r"[A-Za-z]{2,}", re.IGNORECASE), 0),
    # "name at web dot de", dictated "anna punkt schmid at …", "email j miller 87 at …"; real
    # dots only for a mailbox-like name ("resi.kagerer ät web.de", not "look at x.de").
    ("email", re.compile(r"(?<![\w.+%-])(?!(?:me|us|him|her|them|mich|uns|ihn)[ ])"
                         r"(?:(?:(?<=mail[ ])|(?<=mail[ ]is[ ])|(?<=mail[ ]ist[ ])|(?<=mail:[ ]))"
                         r"(?!(?:is|ist|an|to)[ ])(?:[\w+%-]+[ ]){1,3}|(?:[\w+%-]+[ ](?:dot|punkt|"
                         r"unterstrich|underscore|minus)[ ])*)"
                         r"[\w.+%-]+[ ](?:at|ät)[ ][\w-]+(?:[ ](?:dot|punkt)[ ][\w-]+)+"
                         r"|[A-Za-z][\w+%-]*[._\d][\w.+%-]*[ ](?:at|ät)[ ][A-Za-z][\w-]*"
                         r"(?:\.[\w-]+)*\.[A-Za-z]{2,}\b", re.IGNORECASE), 0),
    ("iban", re.compile(r"\b(?:[A-Z]{2}|[a-z]{2})[ ]?\d{2}(?:[ .]?[A-Z0-9]{4})?(?:[ .]?\d{4}){2,7}"
                        r"(?:[ .]?\d{1,3})?\b"
                        # "DE 6871 1500 0000 2094 7163": the check digits start the groups.
                        r"|\b[A-Z]{2}[ ]\d{4}(?:[ ]\d{4}){3,7}(?:[ ]\d{1,3})?\b"), 0),
    # Rentenversicherungsnummer: area (2), birth date (6), initial letter, serial (3).
    ("social_insurance", re.compile(r"\b\d{2}[ /-]?\d{6}[ /-]?[A-Za-z][ /-]?\d{2}[ /-]?\d\b"), 0),
    # After its label any shape, the Austrian one too ("SV-Nr. 2878 150882").
    ("social_insurance", re.compile(
        r"(?i:\b(?:sv-?(?:nr|nummer)\.?|sozialversicherungs-?(?:nummer|nr\.?)|"
        r"rentenversicherungs-?(?:nummer|nr\.?)|social (?:insurance|security) (?:no\.?|number))"
        r"(?:[ ]aus[ ]\w+)?[\s:.#]*(?:(?:ist|is|lautet)[\s:]*)?)"
        r"(\d(?:[ /-]?[A-Za-z0-9]){9,13})\b"), 1),
    # Krankenversichertennummer: a letter and nine digits.
    ("health_insurance", re.compile(r"\b[A-Z][ -]?(?:\d[ -]?){8}\d\b|\b[a-z](?:\d[ -]?){8}\d\b"),
     0),
    # Steuer-ID: 11 digits, first not 0; Steuernummer: 12/345/67890 or 123/456/78901.
    # USt-IdNr.: DE and nine digits; the 13-digit nationwide Steuernummer.
    ("tax_id", re.compile(r"\b(?:DE|de)[ ]?\d{3}[ ]?\d{3}[ ]?\d{3}\b|\b\d{13}\b"), 0),
    ("tax_id", re.compile(r"(?<!\+)\b[1-9]\d[ .]?\d{3}[ .]?\d{3}[ .]?\d{3}\b"
                          r"|\b\d{2,3}/\d{3,4}/\d{4,5}\b"), 0),
    ("phone", re.compile(
        r"(?<![\w+])(?:\+|00)[1-9]\d{0,2}[\s./–-]?(?:\(0\)[\s]?)?\(?\d{1,5}\)?"
        r"(?:[\s./–-]?\d{1,8}){1,4}\b"
        r"|(?<![\w/.])\(?0[1-9]\d{1,4}\)?(?:[\s./–—-]{1,3}\d{1,8}){1,4}\b"
        # Every digit spaced out: 0 1 7 0 - 3 3 2 1 8 4 5.
        r"|(?<![\w/.])0(?:[ ](?:[-–][ ])?\d){9,13}\b"
        r"|(?<![\w/.])0[1-9]\d{5,12}\b"
        # Digits spaced out, the area code set off by a slash: 0 86 31 / 12 34 56.
        r"|(?<![\w/.])0(?:[ ]?\d){2,5}[ ]?/[ ]?\d(?:[ -]?\d){2,9}\b"), 0),
    ("phone", re.compile(
        r"(?i:\b(?:tel(?:efon|\.)?|telefonnummer|handy(?:nummer)?|mobil(?:nummer)?|"
        r"rufnummer|phone|mobile|call me(?: at| on)?|r(?:ü|ue)ckruf(?:\s+bitte)?\s+unter|"
        r"r(?:ü|ue)ckrufbitte|r(?:ü|ue)ckruf(?:\s+bitte)?\s+an|festnetz(?:nummer)?|"
        r"(?:ruf(?:en sie)?|rufen)\s+(?:mich\s+)?(?:bitte\s+)?(?:zurück|an)\s+unter|"
        r"zu\s+erreichen\s+unter|reach me (?:at|on)|"
        r"erreichbar\s+unter|unter\s+der\s+nummer|(?:meine|neue|die)\s+(?:neue\s+)?nummer"
        r"(?:\s+ist)?|whatsapp(?:-nummer)?)\b[\s:.]*(?:ist|is|lautet)?[\s:]*)"
        r"(\+?(?:\(0\)[ ]?)?\d[\d\s/–-]{4,}\d)"), 1),
    ("birthdate", re.compile(
        r"(?i:(?:\b(?:geb(?:oren|orn|\.)?|geb\.?-?dat(?:um|\.)?|gebdat|geburtsdatum|geburtstag|born|"
        r"date of birth|dob|birthday|jahrgang)\b(?:[ ](?:des|der|von|meines|meiner|of)[ ]\w+)?"
        r"|(?<![\w*])\*)[\s:.]*"
        r"(?:(?:am|on|the|den|ist|is|genauer gesagt|also|,|monday|tuesday|wednesday|thursday|"
        r"friday|saturday|sunday|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)"
        r"[\s:,]*){0,3})"
        r"(\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}"
        r"|\d{1,2}-\d{1,2}-\d{2,4}|\d{1,2}\.?\s+[A-Za-zä]+\.?\s+\d{2,4}|\d{8}|\d{6}\b"
        r"|\d{4}/\d{1,2}/\d{1,2}|\d{1,2}\.[IVX]{1,4}\.\d{2,4}"
        r"|\d{4}\.\d{1,2}\.\d{1,2}|\d{1,2}-[A-Za-zä]{3,9}-\d{2,4}"
        r"|\d{1,2}(?:st|nd|rd|th)\s+(?:of\s+)?[A-Za-z]{3,9}\.?,?\s+\d{2}(?:\d{2})?\b"
        r"|[A-Za-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:\d{4}|['’]\d{2})"
        rf"|(?:19|20)\d{{2}},?\s+(?:am\s+)?\d{{1,2}}\.\s?{MONTHS_DE}"
        rf"|{ORDINAL_DAY}\s+{MONTHS_DE}\s+(?:\d{{2,4}}|{YEAR_WORDS})"
        rf"|{ORDINAL_EN}\s+(?:of\s+)?[A-Za-z]{{3,9}},?\s+(?:\d{{4}}|{YEAR_WORDS}))"), 1),
    ("birthdate", re.compile(
        r"(\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}"
        rf"|\d{{1,2}}\.\s+{MONTHS_DE}\s+\d{{2,4}}"
        rf"|(?i:{ORDINAL_DAY})\s+{MONTHS_DE}\s+(?:\d{{2,4}}|{YEAR_WORDS}))"
        r"(?=\s+(?:\w+\s+)?(?i:geboren|born|zur\s+welt)\b)"), 1),
    ("birthdate", re.compile(
        r"\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
        r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+\d{1,2}"
        r"(?:st|nd|rd|th)?,?\s+(?:19\d{2}|200\d|201[0-5])\b"
        r"|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:January|February|March|April|May|June|"
        r"July|August|September|October|November|December),?\s+(?:19\d{2}|200\d|201[0-5])\b"),
     0),
    ("birthdate", re.compile(
        # A full date in a year no appointment has: 12.03.1985, 24.6.62 (19)62.
        r"\b(?:\d{1,2}\.\s?\d{1,2}\.\s?(?:19\d{2}|200\d|201[0-5]|[3-9]\d(?!\d|\.\d))"
        r"|(?:19\d{2}|200\d|201[0-5])-\d{2}-\d{2}"
        r"|\d{1,2}[/-]\d{1,2}[/-](?:19\d{2}|200\d|201[0-5])"
        r"|\d{1,2}\.?\s+(?:Jan(?:uar)?|Feb(?:ruar)?|Mär(?:z)?|Apr(?:il)?|Mai|Jun(?:i)?|"
        r"Jul(?:i)?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Okt(?:ober)?|Nov(?:ember)?|"
        r"Dez(?:ember)?|January|February|March|May|June|July|October|December)\.?\s+"
        r"(?:19\d{2}|200\d|201[0-5]))\b"), 0),
    ("plate", re.compile(rf"\b[{UP}]{{1,3}}(?:[- –]| [-–] )[A-Z]{{1,2}}(?:[- ]| - )?"
                         rf"\d{{1,4}}[EH]?\b"
                         rf"|\b[{UP}]{{1,3}}-[A-Z]{{1,2}}\d{{1,4}}[EH]?\b"
                         # Kurzzeitkennzeichen (MÜ-04 1234); a code with an umlaut written
                         # without separators (MÜAB12) is no other kind of code.
                         rf"|\b[{UP}]{{1,3}}-0[3-6][ ]?\d{{1,4}}\b"
                         r"|\b[A-Z]*[ÄÖÜ][A-Z]*[A-Z]{1,2}\d{1,4}[EH]?\b"), 0),
    ("plate", re.compile(
        r"(?i:\b(?:\w*kennzeichen|kennz\.|nummernschild|autonummer|plates?(?: number)?|"
        r"registration(?: number)?)\b[\s:.(]*(?:ist|is|lautet|von|vom|mit|war)?[\s:(]*)"
        rf"((?i:(?!{SMALL_WORDS}\b)[{UP}]{{1,3}}[ ]?[- ]?[ ]?(?!{SMALL_WORDS}\b)[A-Z]{{1,2}}"
        rf"[ ]?[- ]?[ ]?\d{{1,4}}[EH]?|\d{{3}}[ ]?[A-Z]{{3}})"
        # Foreign plates after the label: "GH 482 ZK", "WPR 4571C", "BR 583 EK".
        r"|[A-Z]{1,3}[ ]?\d{3,5}[ ]?[A-Z]{0,2})\b"), 1),
    # With a real district code (plate_codes, see CHECKS), in a message about a vehicle
    # (PRECHECK): any case, separators optional ("mü ab 123", "EDEA901E", "aöbx301").
    ("plate", re.compile(rf"(?i:\b(?<!['’])(?!{SMALL_WORDS}[ -])(?P<code>[a-zäöü]{{1,3}})"
                         r"(?:[ –-]| [-–] )[a-zäöü]{1,2}[ –-]?"
                         r"\d{1,4}[eh]?\b"
                         rf"|\b(?!{_UNITS}\d)(?P<run>[a-zäöü]{{2,6}})\d{{2,4}}[eh]?\b)"), 0),
    # Austrian plates read code, digits, letters: "S 481 KL", "BR-123AB".
    ("plate", re.compile(r"\b(?P<at>[A-Z]{1,2})(?:[ -]| - )\d{1,5}[ ]?[A-Z]{1,3}\b"), 0),
    # Lower-case plates ("mü ab 77e") only in a message about a vehicle (PRECHECK).
    ("plate", re.compile(rf"\b(?!{SMALL_WORDS}\b)[{LOW}]{{1,3}}[ -](?!{SMALL_WORDS}\b)[a-z]{{1,2}}"
                         r"[ -]?\d{1,4}[eh]?\b"), 0),
    ("health_insurance", re.compile(
        r"(?i:\b(?:(?:kranken)?versicherten(?:nummer|nr\.?|-nr\.?|karte)|kv-?nr\.?|kvnr|"
        r"kv-nummer|krankenkassennummer|krankenversicherungsnummer|gesundheitskarte|egk|"
        r"health insurance (?:number|no\.?))[^\d\n]{0,25}?)"
        r"([A-Za-z]?[ -]?\d(?:[ -]?\d){7,10})\b"), 1),
    ("tax_id", re.compile(
        r"(?i:\b(?:steuer[- ]?id(?:entifikationsnummer)?|steuer-?identifikationsnummer|"
        r"idnr\.?|steuer-?ident(?:nr\.?|nummer)|steuer-?nr\.?|steuernummer|st\.?-?nr\.?|"
        r"ust-?id(?:-?nr)?\.?|tax id|"
        r"(?:steuerliche[ ])?identifikationsnummer|"
        r"tax number|tin)[\s:.#]*(?:\([^)\n]{0,30}\))?[^\d\n]{0,25}?)"
        r"(\d(?:[ ./\n-]{0,3}\d){9,12})\b"), 1),
    ("file_number", re.compile(
        r"(?i:\b(?:aktenzeichen|az\.?|akz\.?|gz\.?|kz|geschäftszeichen|vorgangsnummer|"
        r"antragsnummer|referenz(?:nummer)?|(?:schreiben|bescheid|brief)\s+vom\s+[\d.]+,?"
        r"\s+nr\.?|"
        r"(?:unser|ihr|mein)(?:e|es)?[ ]zeichen|zeichen:|"
        r"kundennummer|kunden-?nr\.?|kd\.?-?nr\.?|customer (?:number|id)|"
        r"bearbeitungsnummer|fallnummer|kassenzeichen|referenznummer|"
        r"aktenz\w*\.?|kassenz\w*\.?|debitor\w*\.?|kindergeld-?(?:nummer|nr\.?)|"
        r"mitglieds-?(?:nummer|nr\.?)|"
        r"file number|reference(?: number| no\.?)?|case number|ref\.?|"
        r"(?:booking|appointment|report|bg)[ ]?(?:number|no\.?|#)|"
        r"bg-?(?:nummer|nr\.?)|buchungs(?:nummer|nr\.?)|termin(?:nummer|-nr\.?)|"
        r"\w*(?:bescheid|antrag|vorgang|akte|rechnung|kassenzeichen|verfahren|fall|"
        r"auftrag|buchung|genehmigung|erlaubnis)(?:s)?[- ]?(?:nr\.?|nummer|no\.?)|"
        r"ref(?:erence)?\.?[ ]?(?:no|nr|number|num)\.?|(?:application|case|file),? (?:id|number)|"
        r"(?:file|case|reference|application|customer|order|claim|contract) no\.?)"
        r"[\s:.#]*(?:(?:ist|lautet|is)[ ])?(?:\([^)\n]{0,30}\))?[\s:.#=„“\"»]*"
        # Up to three words between label and number: "Kundennummer Abfallwirtschaft:",
        # "Aktenzeichen Jugendamt …", "Reference number on the invoice is …".
        rf"(?:[{UP}{LOW}]+[\s:]+){{0,3}}?"
        r"(?:(?:ist|lautet|lautete|war|is|was|lautet auf|endet auf|beginnt mit)[\s:#]+)?)"
        # A letters-only prefix: "Vorgangs-Nr. BV 2024/1127", "Aktenzeichen AD 3/2024".
        r"((?:[A-Z]{1,4}[ ])?"
        r"[A-Za-z0-9ÄÖÜäöü][A-Za-z0-9ÄÖÜäöü./-]*\d[A-Za-z0-9ÄÖÜäöü./-]*"
        r"(?:[ ](?:[–—][ ])?[A-Za-z0-9./-]*\d[A-Za-z0-9./-]*)*)"),
     1),
    # "Vorgang 2025/ZL/1183", "zum Vorgang 51-JGH-2025-0087": the bare word before a
    # token with digits and a separator (a year or a count alone is no file number).
    ("file_number", re.compile(
        r"(?i:\b(?:vorgang|verfahren|akte|fall|antrag|bescheid|(?:geschäfts)?zeichen)(?:s)?"
        r"[\s:]+(?:nr\.?[ ])?)"
        r"((?=[A-Za-z0-9ÄÖÜäöü/.-]*\d)[A-Za-z0-9]+(?:[/.-][A-Za-z0-9ÄÖÜäöü]+)+)"), 1),
    # The usual shape of an Aktenzeichen even without its label: 31-602/2025; a court's
    # (chamber, register letters, year and number): 2 B 26.1187, M 9 K 24.1234, 3 K 1234/25.
    ("file_number", re.compile(r"\b\d{1,3}-\d{1,5}/\d{2,4}\b"
                               r"|\b(?:[A-Z]{1,2}[ ])?\d{1,2}[ ][A-Z][A-Za-z]{0,2}[ ]"
                               r"(?:\d{2}\.\d{2,5}|\d{1,5}/\d{2})\b"), 0),
    ("address", re.compile(
        rf"(?:\b(?:[{UP}][{LOW}]+(?:er)?[ -])?[{UP}][{LOW}-]*"
        rf"(?:straße|strasse|str\.?|weg|gasse|platz|allee|ring|damm|ufer|steig|pfad|"
        rf"anger|leite|graben|zeile|chaussee|promenade)"
        rf"|\b(?:[{UP}][{LOW}]+(?:er|sche)?)[ ](?:Straße|Strasse|Str\.|Weg|Gasse|Platz|"
        rf"Allee|Ring|Damm)"
        rf"|\b(?:Am|An der|An den|Auf dem|Auf der|Im|In der|Zum|Zur|Hinter der|Unterer|"
        rf"Oberer|Untere|Obere)[ ][{UP}][{LOW}]+)"
        rf"{HOUSE_NO}[ ]\d{{1,4}}[a-z]?\b(?:,?[ ]\d{{5}}(?:[ ][{UP}][{LOW}]+(?:[ ]a\.[ ]?Inn)?)?)?"
        rf"|\b[{LOW}]{{3,}}(?:straße|strasse|str\.?|weg|gasse|platz|allee|ring)[ ]?\d{{1,4}}"
        rf"[a-z]?\b(?:,?[ ]\d{{5}}(?:[ ][{LOW}]+)?)?"
        # St.-Georg-Str. 2, Dr.-Martin-Luther-Str. 18, Bgm.-Fischer-Str. 11, Gartenstr.9
        rf"|\b(?:[{UP}][{LOW}]*\.?-)+(?:Straße|Strasse|Str\.|Weg|Platz|Gasse|Allee|Ring)"
        rf"{HOUSE_NO}[ ]?\d{{1,4}}[a-z]?\b"
        rf"|\b[{UP}][{LOW}]+(?:str\.)\d{{1,4}}[a-z]?\b"
        rf"|\b(?i:an der|am|auf der|im|in der)[ ][{LOW}]+[ ]\d{{1,4}}[a-z]?"
        rf"(?=,?[ ](?:\d{{5}}|in[ ]))"
        # An expat's "Luitpoldallee No. 12b"
        rf"|\b[{UP}][{LOW}]+(?:straße|strasse|str\.|weg|gasse|platz|allee|ring)[ ]No\.?[ ]"
        rf"\d{{1,4}}[a-z]?\b"
        rf"|\b\d{{1,5}}[ ][{UP}][a-z]+(?:[ ][{UP}][a-z]+)?[ ](?:Street|St\.|Road|Rd\.|"
        rf"Avenue|Ave\.|Lane|Way|Drive)\b"), 0),
]

PATTERNS.extend(CODE_PATTERNS)  # labelless case codes, document numbers
PATTERNS.extend(SHAPE_PATTERNS)  # foreign plates (vehicle messages only), addresses

# Any IBAN that passes its mod-97 check, letters in the account part included
# ("GB29 NWBK 6016 1331 9268 19", "FR14 2004 1010 0505 0001 3M02 606"): see CHECKS.
PATTERNS.append(("iban", re.compile(
    r"\b(?P<iban>[A-Z]{2}\d{2}(?:[ .-]?[A-Z0-9]{4}){2,7}(?:[ .-]?[A-Z0-9]{1,4})?"
    r"|[A-Za-z]{2}\d{2}[A-Za-z0-9]{11,30})\b"), 0))
# After the word IBAN, an unspaced one whatever its check digits ("iban it02l123…").
PATTERNS.append(("iban", re.compile(
    r"(?i:\biban\b[\s:.]*(?:(?:ist|is|lautet|:)\s*)?)([A-Za-z]{2}\d{2}[A-Za-z0-9]{11,30})\b"), 1))
# "<Something>nummer: AB-1234": an identifier after any label ending in -nummer/-nr.
# that the other patterns do not know (Mandatsreferenz-, Registrier-, Mitgliedsnummer);
# not house, phone, fax or parcel numbers, and at least four digits.
PATTERNS.append(("file_number", re.compile(
    r"(?i:\b(?!(?:haus|telefon|handy|mobil|fax|flur|flurstücks|ruf|tel|post|steuer|"
    r"versicherten|sozialversicherungs|rentenversicherungs|identifikations|"
    r"krankenversicherungs|krankenversicherten)(?:nummer|nr))"
    r"[a-zäöüß]{2,}(?:-?nummer|-?nr\.?)[\s:.#]*(?:ist|lautet|war|is)?[\s:#]*)"
    r"(?P<ident>(?:[A-Z]{1,4}[ ])?[A-Za-z0-9][A-Za-z0-9ÄÖÜäöü./-]*\d[A-Za-z0-9ÄÖÜäöü./-]*"
    r"(?:[ ]\d[\d./-]*)*)"), 1))

# A place without a street suffix, a house number and a postcode: "Gut Aign 1, 84494
# Lohkirchen", "Hofmark 2, 84567 Unterreit" (the postcode makes it an address).
PATTERNS.append(("address", re.compile(
    rf"\b(?:[{UP}][{LOW}]+[ ]){{1,3}}\d{{1,4}}[a-z]?,?[ ]\d{{5}}[ ][{UP}][{LOW}]+"), 0))

# A farm or hamlet address without a street word and without a postcode, in a Gemeinde
# of the Landkreis: "Hofmark 2 in Unterreit", "Anwesen Oberfeld 3, Egglkofen".
_GEMEINDEN = ("Mühldorf|Neumarkt-Sankt Veit|Neumarkt-St\\. Veit|Waldkraiburg|Buchbach|Gars|Haag|"
              "Kraiburg|Ampfing|Aschau|Egglkofen|Erharting|Heldenstein|Jettenbach|Kirchdorf|"
              "Lohkirchen|Maitenbeth|Mettenheim|Niederbergkirchen|Niedertaufkirchen|"
              "Oberbergkirchen|Oberneukirchen|Obertaufkirchen|Polling|Rattenkirchen|Rechtmehring|"
              "Reichertsheim|Schönberg|Schwindegg|Taufkirchen|Unterreit|Zangberg")
_NOT_PLACES = ("Zimmer|Raum|Haus|Gebäude|Seite|Gleis|Linie|Bus|Tor|Stock|Etage|Kapitel|Absatz|"
               "Paragraph|Paragraf|Artikel|Nummer|Halle|Klasse|Stufe|Grad|Pflegegrad|Ebene|"
               "Punkt|Woche|Tag|Termin|Schalter|Platz|Kasse|Fenster|Buslinie|Station|Nr")
PATTERNS.append(("address", re.compile(
    rf"\b(?!(?:{_NOT_PLACES})\b)(?:[{UP}][{LOW}]{{2,}}[ ]){{1,2}}\d{{1,3}}[a-z]?"
    rf"(?:(?:,[ ]?|[ ]in[ ])(?:\d{{5}}[ ])?(?:{_GEMEINDEN})\b"
    rf"|(?=[ ]\((?:Gemeinde|Gde\.|Markt|Stadt)[ ](?:{_GEMEINDEN})\b))"), 0))

_SPOKEN = (r"(?:null|eins|zwei|drei|vier|fünf|fuenf|sechs|sieben|acht|neun|zero|one|two|"
           r"three|four|five|six|seven|eight|nine|oh|\d{1,4})")
# A number read aloud into the phone's dictation: "null eins sieben null 4 8 1 9 …".
PATTERNS.append(("phone", re.compile(
    rf"(?i:\b(?:null|zero|plus)(?:[ ,–-]+{_SPOKEN}){{7,}}\b)"), 0))

SPOKEN_PHONE = PATTERNS[-1][1]
# A fully dictated number has no digit: the dictation pattern runs after "null"/"zero".
SPOKEN_HINT = re.compile(r"(?i:\b(?:null|zero)\b)")
# A birth date written out has no digit either ("am zweiten Februar zweitausendelf
# geboren"): the date patterns also run after a birth word.
BIRTH_HINT = re.compile(r"(?i:\b(?:geboren|geborn|born|geb\.|geburtsdatum|date of birth|dob)\b)")
# A full date right after a name ("Leon Schmid (3.4.2021)", "Anna Huber, 12.5.1990"):
# `conversations.redaction` counts it as the person's date of birth.
DATE_AFTER_NAME = re.compile(r"(?:[ ]?[(,][ ]?|[ ])(?:geb\.?[ ]?|\*[ ]?)?"
                             r"(\d{1,2}\.\s?\d{1,2}\.\s?(?:19|20)?\d{2})\b")
DIGIT = re.compile(r"\d")
EMAIL_HINT = re.compile(r"@|[(\[{](?:at|ät)[)\]}]|[ ](?:at|ät)[ ]", re.IGNORECASE)
_VEHICLE = re.compile(r"kennzeichen|kennz\.|nummernschild|\bauto|fahrzeug|\bkfz|motorrad|"
                      r"zulass|abmeld|ummeld|anmeld|wagen\b|\bpkw|\blkw|oldtimer|anhänger|"
                      r"roller|moped|wohnmobil|traktor|bulldog|\bcar\b|\bcars\b|vehicle|"
                      r"\bplate|registration|knöllchen|strafzettel|bußgeld|blitz|parkaus|tüv|"
                      r"transporter|geparkt|parkt|parked|parking|falschpark|matr[ií]cula|coche|targa",
                      re.IGNORECASE)
# Patterns that run only when the message can contain what they look for.
_PLATES = [p for kind, p, _ in PATTERNS if kind == "plate"]
PRECHECK = {PATTERNS[1][1]: re.compile(r"[ ]@[ ]"),
            PATTERNS[2][1]: re.compile(r"[(\[{](?:at|ät|@)[)\]}]", re.IGNORECASE),
            PATTERNS[3][1]: re.compile(r"[ ](?:at|ät)[ ][\w-]+(?:[ ](?:dot|punkt)[ ]|\.)",
                                       re.IGNORECASE),
            # The list-based, Austrian and lower-case plate shapes.
            **{p: _VEHICLE for p in _PLATES[2:]},
            # A date followed by "geboren".
            [p for kind, p, _ in PATTERNS if kind == "birthdate"][1]:
                re.compile(r"geboren|born|zur\s+welt", re.IGNORECASE)}


def _umlaut(letters: str) -> str:
    """The first UE/OE/AE of a typed code as its umlaut ("MUE" → "MÜ")."""
    return re.sub("UE|OE|AE", lambda m: {"UE": "Ü", "OE": "Ö", "AE": "Ä"}[m.group(0)],
                  letters, count=1)


def _district_code(match: re.Match[str]) -> bool:
    """Whether a plate-shaped match starts with a real district code."""
    if match.group("code") is not None:
        # "mue ab 312": the code's umlaut typed as UE/OE/AE.
        code = match.group("code").upper()
        return code in GERMAN_CODES or _umlaut(code) in GERMAN_CODES
    run = match.group("run").upper()
    # "MUEAB777": the code's umlaut typed as UE/OE/AE.
    for spelled, umlaut in (("UE", "Ü"), ("OE", "Ö"), ("AE", "Ä")):
        if spelled in run[1:3]:
            run = run.replace(spelled, umlaut, 1)
            break
    return any(run[:i] in GERMAN_CODES and 1 <= len(run) - i <= 2 for i in (1, 2, 3))


_WEEKDAYS = frozenset(["mo", "di", "mi", "do", "fr", "sa", "so"])


def _plate_from_list(match: re.Match[str]) -> bool:
    """A real district code, and no opening hours ("Mo–Fr 7:30": Moers, then a time)."""
    if re.match(r"[:.]\d", match.string[match.end():]):
        return False
    letters = re.findall(r"[^\W\d_]+", match.group(0).lower())
    if len(letters) >= 2 and letters[0] in _WEEKDAYS and letters[1] in _WEEKDAYS:
        return False
    return _district_code(match)


def _iban_checksum(match: re.Match[str]) -> bool:
    """ISO 13616: the IBAN moved four places and read as a number is 1 modulo 97."""
    compact = re.sub(r"[ .-]", "", match.group("iban")).upper()
    if not 15 <= len(compact) <= 34:
        return False
    digits = "".join(str(int(char, 36)) for char in compact[4:] + compact[:4])
    return int(digits) % 97 == 1


def _enough_digits(match: re.Match[str]) -> bool:
    return bool(sum(char.isdigit() for char in match.group("ident")) >= 4)


def _known_code(match: re.Match[str]) -> bool:
    """A capitalised plate shape starts with a real district code: "VW T5" and "BMW X5"
    are car models, not plates."""
    head = re.match(rf"[{UP}]+", match.group(0))
    if head is None:
        return False
    letters = head.group(0)
    if not match.group(0)[len(letters)].isdigit():  # a separator after the code
        # "MUE-SK88": the code's umlaut typed as UE/OE/AE.
        return letters in GERMAN_CODES or _umlaut(letters) in GERMAN_CODES
    # Written without separators ("MÜAB12"): a code and one or two letters.
    return any(letters[:i] in GERMAN_CODES and 1 <= len(letters) - i <= 2 for i in (1, 2, 3))


_IBAN_ANY = next(p for kind, p, _ in PATTERNS if kind == "iban" and "?P<iban>" in p.pattern)
_LABELLED_ID = next(p for kind, p, _ in PATTERNS if "?P<ident>" in p.pattern)
# Patterns whose matches count only if a check on the match agrees.
CHECKS: dict[re.Pattern[str], Callable[[re.Match[str]], bool]] = {
    _IBAN_ANY: _iban_checksum,
    _LABELLED_ID: _enough_digits,
    _PLATES[0]: _known_code,
    _PLATES[2]: _plate_from_list,
    _PLATES[3]: lambda match: match.group("at") in AUSTRIAN_CODES,
    **CODE_CHECKS,
    **SHAPE_CHECKS,
}
