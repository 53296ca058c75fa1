"""Tell German from English in a single chat message.

The bot answers in the language of each message. A full language identifier
is overkill (and unreliable) for 3-word messages, so this counts function
words and German letters; short or mixed messages return None and the
conversation keeps its previous language.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[a-zäöüß']+")


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Frequent words that are (almost) never used in the other language. "i" is
# left out on purpose: it is English "I" and Bavarian "ich".
GERMAN_WORDS = _wordset("""
ich mein meine meinen meinem meiner wie was wo wer wann warum welche welcher welches
der die das dem den des ein eine einen einem einer und oder nicht kein keine ist sind
bin habe hab haben hat kann können muss müssen möchte möchten will brauche brauch
brauchen für fuer mit von zu zum zur im auf bei nach aus über ja nein nee danke bitte
hallo servus grüß gott tschüss wiedersehen guten morgen tag abend gibt es auch noch
schon mir mich dir sie ihr wir uns beantragen antrag anmelden abmelden ummelden
verlängern kostet kosten gebühren unterlagen öffnungszeiten geht machen online-antrag
da dort hier wohne wohnen lebe gemeinde stadt auto führerschein ausweis perso
des isch mog wos ned net griaß pfiat is a
""")

ENGLISH_WORDS = _wordset("""
the a my your our to do does did how what where who when why which is are was were
be have has had can could would should will need want like please thanks thank you
hello hi hey yes no not of for with from on at this that it me get apply renew
register deregister lost car driving licence license permit residence passport fee fees
cost costs much open opening hours documents bring online human person bye goodbye
there i'm i've don't can't it's morning afternoon evening
""")

# Words spelled the same in both languages must not count for either side.
_SHARED = GERMAN_WORDS & ENGLISH_WORDS
_GERMAN_CHARS = re.compile(r"[äöüß]")


def detect_language(text: str | None) -> str | None:
    """'de', 'en', or None when the message is too short or mixed to tell."""
    if not text or text.lstrip().startswith("/"):
        return None  # empty, or a button payload such as /feedback{...}
    lowered = text.lower()
    words = _WORD.findall(lowered)
    german = sum(1 for w in words if w in GERMAN_WORDS and w not in _SHARED)
    english = sum(1 for w in words if w in ENGLISH_WORDS and w not in _SHARED)
    if _GERMAN_CHARS.search(lowered):
        german += 2
    if german > english:
        return "de"
    if english > german:
        return "en"
    return None


# Frequent words of languages the assistant does not answer in, none of them German or
# English (nor Bavarian: "de", "da", "so" are left out). Two of them, and fewer German or
# English words, make a message "other".
OTHER_WORDS: dict[str, frozenset[str]] = {
    "tr": _wordset("ve bir bu için icin nasıl nasil nerede var yok benim istiyorum mı mi "
                   "mu mü değil degil ile çok cok ama ne zaman lazım lazim nereye"),
    "pl": _wordset("jest nie się sie czy jak gdzie mam mój moj moja chcę chce proszę prosze "
                   "dla że ze jestem mogę moge potrzebuję"),
    "ro": _wordset("și si este nu sunt pentru cum unde vreau să sa cu pe în un o ce am "
                   "trebuie pot"),
    "hr": _wordset("je i u na se za kako gdje trebam imam želim zelim ne sam mogu"),
    "it": _wordset("il non che per come dove sono ho voglio una con della posso"),
    "es": _wordset("el que no es por cómo como dónde donde tengo quiero una con para puedo"),
    "fr": _wordset("le les est je pas pour comment où ou suis ai veux une avec puis-je "
                   "voudrais bonjour merci"),
    "sq": _wordset("dhe një nje është eshte për per si ku kam dua nuk me mund"),
}
_OTHER_SCRIPT = re.compile(r"[\u0400-\u04ff\u0600-\u06ff\u0370-\u03ff\u0530-\u058f"
                           r"\u10a0-\u10ff\u0590-\u05ff]")
_ANY_WORD = re.compile(r"[^\W\d_]+")


def other_language(text: str | None) -> bool:
    """Is `text` written in a language other than German or English (Turkish, Polish,
    Ukrainian, Arabic …)? Then the reply says which languages the assistant speaks."""
    if not text or text.lstrip().startswith("/"):
        return False
    letters = [c for c in text if c.isalpha()]
    if letters and sum(bool(_OTHER_SCRIPT.match(c)) for c in letters) > len(letters) / 2:
        return True
    words = [w.lower() for w in _ANY_WORD.findall(text)]
    german = sum(w in GERMAN_WORDS for w in words)
    english = sum(w in ENGLISH_WORDS for w in words)
    # Short words ("i", "na", "je", "ne") are Bavarian or English too: three letters up.
    long_words = [w for w in words if len(w) >= 3]
    counts = {code: sum(w in vocabulary for w in long_words)
              for code, vocabulary in OTHER_WORDS.items()}
    # Letters German and English never use: Turkish ı ğ ş, Polish ł ą ę, Romanian ă ș ț.
    for code, letters_of in (("tr", "ığş"), ("pl", "łąęśźż"), ("ro", "ășț")):
        counts[code] += sum(any(c in letters_of for c in w) for w in words)
    # Turkish verb endings: infinitive -mak/-mek, present -(i)yorum, question -miyim.
    counts["tr"] += sum(w.endswith(("yorum", "mak", "mek", "miyim", "mıyım")) and len(w) > 4
                        for w in words)
    other = max(counts.values())
    return other >= 2 and other > german + english
