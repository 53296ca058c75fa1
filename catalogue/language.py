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
