"""The sentence of the answer in context that a specific follow-up asks for."""

from __future__ import annotations

import pytest

from actions.passage import answering_sentence, sentences
from catalogue.models import Procedure


def procedure(short: str, short_en: str | None = None, title: str = "Ersatzkennzeichen",
              title_en: str | None = "Replacement number plates") -> Procedure:
    return Procedure(id="x", title=title, title_en=title_en, short_answer=short,
                     short_answer_en=short_en, category="Kfz", department="Zulassung",
                     responsible_level="landratsamt", responsible="LRA",
                     info_url="https://www.lra-mue.de/x")


PLATES = procedure(
    "Neue Schilder bekommen Sie bei der Zulassungsstelle. Wurde ein Kennzeichen gestohlen, "
    "zeigen Sie das zuerst bei der Polizei an. Die Gebühr beträgt ca. 20 €.",
    "You get new plates at the registration office. If a plate was stolen, report it to "
    "the police first.")


@pytest.mark.parametrize(("question", "language", "expected"), [
    ("muss ich zur polizei?", "de", "Wurde ein Kennzeichen gestohlen"),
    ("do I have to go to the police?", "en", "If a plate was stolen"),
])
def test_the_sentence_that_shares_a_specific_word(question, language, expected):
    assert answering_sentence(question, PLATES, language).startswith(expected)


@pytest.mark.parametrize("question", [
    "muss ich das beantragen?",       # generic words only
    "und was ist mit dem Kennzeichen?",  # the title's own word: every sentence is about it
    "gibt es Infoabende?",            # nothing in the answer
])
def test_no_sentence_when_nothing_specific_is_shared(question):
    assert answering_sentence(question, PLATES, "de") is None


def test_abbreviations_do_not_end_a_sentence():
    gewerbe = procedure("Ein Gewerbe melden Sie bei der Gemeinde an. Das Gewerbeamt "
                        "informiert Finanzamt, Berufsgenossenschaft und IHK bzw. "
                        "Handwerkskammer; für manche Gewerbe brauchen Sie eine Erlaubnis.",
                        title="Gewerbe anmelden", title_en=None)
    sentence = answering_sentence("muss ich das dem Finanzamt melden?", gewerbe, "de")
    assert sentence is not None and sentence.endswith("brauchen Sie eine Erlaubnis.")


def test_the_last_part_of_a_compound_counts():
    """"muss ich da zum gericht?" after the guardianship answer: the Betreuungsgericht."""
    care = procedure("Die Betreuungsstelle berät zur Vorsorgevollmacht. Kann ein Angehöriger "
                     "keine Vollmacht mehr erteilen, regen Sie beim Betreuungsgericht eine "
                     "Betreuung an.", title="Vorsorgevollmacht und Betreuung")
    assert answering_sentence("muss ich da zum gericht?", care, "de").startswith(
        "Kann ein Angehöriger")
    assert answering_sentence("gibt es ein Gerücht?", care, "de") is None


def test_a_short_word_inside_a_compound_is_specific():
    """Ninth probe: "Bekommt man als Pflegefamilie Geld?" after "… erhalten Pflegegeld"
    got "keine genaue Auskunft"."""
    foster = procedure("Das Kreisjugendamt prüft und schult Sie. Pflegefamilien erhalten "
                       "Pflegegeld für den Unterhalt des Kindes.", title="Pflegefamilie werden")
    assert answering_sentence("Bekommt man als Pflegefamilie Geld?", foster, "de").startswith(
        "Pflegefamilien erhalten Pflegegeld")


def test_a_document_item_and_an_acronym_can_answer():
    """Eleventh probe: "wo bekomme ich die eVB?" got boilerplate; the documents say where."""
    car = procedure("Ein neues Auto melden Sie bei der Zulassungsstelle an.",
                    title="Neuzulassung")
    car = car.model_copy(update={"documents": ["Ausweis", "eVB-Nummer der Kfz-Versicherung"]})
    assert answering_sentence("wo bekomme ich die eVB?", car, "de") == \
        "eVB-Nummer der Kfz-Versicherung"
    assert answering_sentence("wo bekomme ich die evb?", car, "de") is None  # too short


def test_a_sentence_with_z_b_is_not_cut_at_its_abbreviation():
    """Fifteenth probe: "Für Hunde der Kategorie I (z." was sent as an answer."""
    assert sentences("Für Hunde der Kategorie I (z. B. Pitbull) brauchen Sie eine Erlaubnis. "
                     "Sonst nicht.") == [
        "Für Hunde der Kategorie I (z. B. Pitbull) brauchen Sie eine Erlaubnis.", "Sonst nicht."]


def test_ordinals_and_place_abbreviations_end_no_sentence():
    """Sixteenth probe: "… (bis zum 18." and "Inn – am einfachsten online" were sent."""
    assert sentences("Das Jugendamt zahlt (bis zum 18. Geburtstag). Im Jobcenter Mühldorf "
                     "a. Inn geht es online.") == [
        "Das Jugendamt zahlt (bis zum 18. Geburtstag).",
        "Im Jobcenter Mühldorf a. Inn geht es online."]


LICENCE = Procedure(
    id="y", title="Umtausch in den EU-Kartenführerschein", short_answer="Alte Führerscheine "
    "müssen fristgerecht umgetauscht werden.", category="Kfz", department="Führerschein",
    responsible_level="landratsamt", responsible="LRA", info_url="https://www.lra-mue.de/y",
    facts=["Frist für Papierführerscheine nach Geburtsjahr (Jahrgang): 1959–1964 bis "
           "19.01.2023.", "Fahren mit dem abgelaufenen Dokument kostet ein Verwarnungsgeld."],
    facts_en=["Deadline for paper licences (issued until 1998) by year of birth (born): "
              "1959–1964 by 19 Jan 2023.", "Driving with the expired document costs a fine."])


@pytest.mark.parametrize(("question", "language", "expected"), [
    ("bis wann muss ich umtauschen, ich bin jahrgang 1962", "de", "Jahrgang"),
    ("I was born in 1962, until when do I have to swap?", "en", "born"),
    ("Was kostet das Verwarnungsgeld?", "de", "Verwarnungsgeld"),
])
def test_a_checked_fact_answers_the_question(question, language, expected):
    """Seventeenth probe: the deadline by year of birth was asked and never given."""
    found = answering_sentence(question, LICENCE, language, facts_only=True)
    assert found is not None and expected in found


def test_facts_only_leaves_out_the_short_answer():
    assert answering_sentence("muss ich zur polizei?", PLATES, "de", facts_only=True) is None
    assert answering_sentence("muss ich zur polizei?", PLATES, "de") is not None
