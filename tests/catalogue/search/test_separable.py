"""Split separable verbs are joined again, only into verbs the catalogue uses."""

from __future__ import annotations

import pytest

from catalogue.db import open_db, replace_catalogue
from catalogue.search.engine import SearchEngine
from catalogue.search.separable import SeparableVerbs, infinitives
from tests.catalogue.search.conftest import PROCEDURES, make

# As the catalogue writes them (from_texts folds and lower-cases).
CATALOGUE = ["Auto abmelden", "Gewerbe anmelden", "Führerschein umtauschen", "Sperrmüll abholen",
             "Wohnsitz ummelden", "umziehen", "Bescheinigung ausstellen", "Formular ausfüllen",
             "Unterlagen mitbringen", "Fahrgemeinschaft mitfahren", "Kaution zurückgeben",
             "Fahrzeug zulassen", "Antrag abändern", "Termin stattfinden", "auswandern"]


@pytest.fixture
def join() -> SeparableVerbs:
    return SeparableVerbs.from_texts(CATALOGUE)


@pytest.mark.parametrize(("text", "verbs"), [
    ("Wie melde ich mein Auto ab?", ["abmelden"]),
    ("wie melde ich mein auto ab", ["abmelden"]),
    ("WIE MELDE ICH MEIN AUTO AB", ["abmelden"]),
    ("Ich melde mein Gewerbe an", ["anmelden"]),
    ("Wo tausche ich meinen Führerschein um?", ["umtauschen"]),
    ("Wann holt ihr den Sperrmüll ab?", ["abholen"]),
    ("Muss ich das Formular ausfüllen oder füllt ihr es aus?", ["ausfüllen"]),
    ("Ich ziehe nächsten Monat nach Ampfing um", ["umziehen"]),
    ("Nächsten Monat ziehe ich um.", ["umziehen"]),                 # inversion
    ("Stellt das Landratsamt das aus?", ["ausstellen"]),           # verb first
    ("Das Landratsamt stellt das aus.", ["ausstellen"]),           # verb after a noun phrase
    ("Wenn ich umziehe, melde ich mich um", ["ummelden"]),
    ("Wie melde ich denn mein Auto ab?", ["abmelden"]),            # modal particle "denn"
    ("Melde ich mein Auto ab oder an?", ["abmelden", "anmelden"]),  # the verb is shared
    ("Ich melde das Auto und das Motorrad an", ["anmelden"]),
    ("Meine Frau meldet das Auto ab weil wir umziehen", ["abmelden"]),
])
def test_split_verbs_are_joined(join: SeparableVerbs, text: str, verbs: list[str]) -> None:
    assert join.find(text) == verbs


@pytest.mark.parametrize(("text", "verbs"), [
    ("Gibt ihr mir die Kaution zurück?", ["zurückgeben"]),         # gib → geben
    ("Lässt man das Auto hier zu?", ["zulassen"]),                  # lässt → lassen
    ("Ich zog letztes Jahr um", ["umziehen"]),                     # past: zog → ziehen
    ("Ich ändere den Antrag ab", ["abändern"]),                    # -ern verb
    ("Wir wandern nach Kanada aus", ["auswandern"]),
    ("Wann findet der Termin statt?", ["stattfinden"]),
    ("Meld ich mein Auto ab?", ["abmelden"]),                      # colloquial, no ending
])
def test_irregular_and_colloquial_forms(join: SeparableVerbs, text: str,
                                        verbs: list[str]) -> None:
    assert join.find(text) == verbs


@pytest.mark.parametrize("text", [
    "Ich bin ab Montag da",                 # copula, "ab" a preposition
    "Das kostet ab 30 Euro",
    "Was muss ich mitbringen?",             # already joined
    "Bin um 8 Uhr da",
    "Ich fahre mit dem Auto zur Arbeit",    # "mit" a preposition mid-clause
    "Die Frist ist um",                     # copula: "um" is a predicate
    "Das Auto muss weg",                    # modal verb
    "Ich melde mich bei euch",              # "bei" not at the clause end
    "Nach langem Hin und Her",              # a noun, not a particle
    "Ich nehme das Formular mit",           # mitnehmen: the catalogue does not use it
    "",
])
def test_no_joined_verb(join: SeparableVerbs, text: str) -> None:
    assert join.find(text) == []
    assert join(text) == text


def test_syntax_alone_proposes_no_copula_verbs() -> None:
    everything = SeparableVerbs({})
    everything.verbs = _AcceptAll()
    assert everything.find("Ich bin ab Montag da") == []
    assert everything.find("Ich bin ab") == []
    assert list(infinitives("bin")) == [] and list(infinitives("ist")) == []


class _AcceptAll(dict[str, str]):
    """A vocabulary that knows every word: shows what the syntax alone proposes."""

    def get(self, key, default=None):
        return key


def test_infinitives_of_regular_and_strong_forms() -> None:
    assert "melden" in infinitives("meldet")
    assert "holen" in infinitives("holt")
    assert "fahren" in infinitives("faehrt")
    assert "laufen" in infinitives("laeuft")
    # The strong-verb table comes first: "gibt" is "geben", not "gibten".
    assert next(infinitives("gibt")) == "geben"
    assert next(infinitives("nimmt")) == "nehmen"
    assert "halten" in infinitives("haelt")
    assert "tragen" in infinitives("traegt")


def test_joined_verbs_are_appended_once(join: SeparableVerbs) -> None:
    assert join("Wie melde ich mein Auto ab?") == "Wie melde ich mein Auto ab? abmelden"
    # Already in the text: nothing to add.
    text = "Muss ich das Formular ausfüllen oder füllt ihr es aus?"
    assert join(text) == text
    assert join("Melde ich es ab? Oder melde ich es ab?") == \
        "Melde ich es ab? Oder melde ich es ab? abmelden"


def test_a_clause_with_its_own_verb_does_not_borrow_the_previous_one() -> None:
    join = SeparableVerbs.from_texts(["abmelden", "ummelden"])      # no "umziehen"
    assert join.find("Ich melde das Auto ab und ziehe nach Ampfing um") == ["abmelden"]


def test_catalogue_spelling_is_used() -> None:
    join = SeparableVerbs.from_texts(["Die Kaution zurückgeben"])
    assert join.find("Gibt der Vermieter die Kaution zurueck?") == ["zurückgeben"]


VEHICLES = [
    PROCEDURES[0],  # kfz-abmeldung: "Auto abmelden"
    make("kfz-neuzulassung", "Neuzulassung eines Fahrzeugs",
         "Ein neues Auto melden Sie bei der Zulassungsstelle an.",
         ["Auto anmelden", "Neuwagen anmelden", "Zulassung"], "Registering a new vehicle"),
    make("kfz-wiederzulassung", "Wiederzulassung eines abgemeldeten Fahrzeugs",
         "Ein abgemeldetes Auto lassen Sie bei der Zulassungsstelle wieder zu.",
         ["Auto wieder anmelden", "abgemeldetes Auto"], "Re-registering a vehicle"),
    *PROCEDURES[1:],
]


@pytest.fixture
def vehicles_db():
    database = open_db(None)
    replace_catalogue(database, VEHICLES, None)
    return database


def test_engine_sees_the_joined_verb(vehicles_db) -> None:
    engine = SearchEngine(vehicles_db, None)
    assert engine.prepared("Wie melde ich mein Auto ab?") == \
        "Wie melde ich mein Auto ab? abmelden"
    assert engine.prepared("wia moid i mei auto ab") == "wie melde ich mein Auto ab abmelden"
    # English is left alone; a verb the catalogue does not use is not added.
    assert engine.prepared("How do I sign up?") == "How do I sign up?"
    assert engine.prepared("Ich ziehe nach Ampfing um") == "Ich ziehe nach Ampfing um"


@pytest.mark.parametrize(("query", "expected"), [
    ("Wie melde ich mein Auto ab?", "kfz-abmeldung"),
    ("wia moid i mei auto ab", "kfz-abmeldung"),
    ("Ich melde mein neues Auto an", "kfz-neuzulassung"),
])
def test_engine_ranks_by_the_joined_verb(vehicles_db, query: str, expected: str) -> None:
    assert SearchEngine(vehicles_db, None).search(query).hits[0].procedure.id == expected


@pytest.mark.slow
def test_real_catalogue_answers_deregistration_for_a_split_verb() -> None:
    """The blind tester's question, on the real catalogue and model: it used to be a
    choice between re-registration and deregistration."""
    from eval.evaluate import make_engine

    engine = make_engine("e5-onnx", cache=None)
    for query in ("Wie melde ich mein Auto ab?", "wie melde ich mein Auto ab?",
                  "wia moid i mei auto ab"):
        assert engine.search(query).hits[0].procedure.id == "kfz-abmeldung", query
