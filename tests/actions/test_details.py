"""Several details asked in one message are answered in one reply."""

from __future__ import annotations

import pytest

from actions.details import asked_details, details_text
from catalogue.models import Procedure

PASS = Procedure(id="x", title="Reisepass", short_answer="Den Reisepass beantragen Sie im Rathaus.",
                 category="Ausweise", department="Bürgerbüro", responsible_level="gemeinde",
                 responsible="Gemeinde", info_url="https://www.lra-mue.de/x", fees="70 €",
                 processing_time="3–4 Wochen", documents=["Personalausweis", "Passfoto"])


@pytest.mark.parametrize(("text", "asked"), [
    ("was kostet des und wie lang dauerts?", ["fees", "processing_time"]),
    ("how much does it cost and what do I need to bring?", ["fees", "documents"]),
    ("Welche Unterlagen brauche ich?", ["documents"]),
    ("wie lange ist der gültig?", []),
])
def test_asked_details(text, asked):
    assert asked_details(text) == asked


def test_fees_and_documents_together_and_the_duration_once():
    text = details_text(PASS, "de", ["fees", "documents", "processing_time"])
    assert "70 €" in text and "• Passfoto" in text
    assert text.count("3–4 Wochen") == 1


def test_without_fees_a_free_service_says_so_from_its_answer():
    """Eighteenth probe: "ist das kostenlos? ich hab kein geld" after the debt counselling
    ("kostenlose Hilfe") got "Zu den Gebühren … keine Angabe"."""
    from actions.details import fees_text
    from catalogue.models import Procedure

    counselling = Procedure(
        id="s", title="Schuldnerberatung", short_answer="Beratungsstellen helfen kostenlos und "
        "vertraulich. Mit Bürgergeld vermittelt das Jobcenter.", category="Soziales",
        department="Beratung", responsible_level="other", responsible="Wohlfahrtsverbände",
        info_url="https://www.meine-schulden.de")
    assert "kostenlos und vertraulich" in fees_text(counselling, "de")
    plain = counselling.model_copy(update={"short_answer": "Beratungsstellen helfen."})
    assert "keine Angabe" in fees_text(plain, "de")


def test_a_deadline_question_gets_the_first_fact_that_states_one():
    """Tenth session's probe: "Bis wann Briefwahl beantragen?" got the ballot's return time."""
    from actions.details import fact_for
    from catalogue.models import Procedure

    vote = Procedure(
        id="b", title="Briefwahl beantragen", short_answer="Den Wahlschein beantragen Sie bei "
        "der Gemeinde.", category="Wahlen", department="Wahlamt", responsible_level="gemeinde",
        responsible="Gemeinde", info_url="https://www.bayernportal.de",
        facts=["Den Wahlschein können Sie bis Freitag vor der Wahl, 15 Uhr, beantragen.",
               "Der Wahlbrief muss spätestens am Wahltag um 18 Uhr bei der Stelle sein."])
    assert fact_for("Bis wann Briefwahl beantragen?", vote, "de").startswith("Den Wahlschein")
    assert fact_for("bis wann muss der wahlbrief da sein", vote, "de").startswith("Der Wahlbrief")
    assert fact_for("Wie beantrage ich die Briefwahl?", vote, "de") is None
