"""Small fixture catalogue in in-memory SQLite; no model unless a test is marked slow."""

from __future__ import annotations

import pytest

from catalogue.db import open_db, replace_catalogue
from catalogue.models import Procedure


def make(pid: str, title: str, short: str, terms: list[str], title_en: str | None = None,
         level: str = "landratsamt") -> Procedure:
    return Procedure(id=pid, title=title, short_answer=short, search_terms=terms,
                     category="Test", department="Test", responsible_level=level,
                     responsible="Landratsamt Mühldorf a. Inn", title_en=title_en,
                     info_url=f"https://example.org/{pid}")


PROCEDURES = [
    make("kfz-abmeldung", "Außerbetriebsetzung (Abmeldung) eines Fahrzeugs",
         "Sie können Ihr Auto online über i-Kfz oder bei der Zulassungsstelle abmelden.",
         ["Auto abmelden", "Stilllegung"], "Deregistering a vehicle"),
    make("fuehrerschein-ersatz", "Ersatzführerschein bei Verlust oder Diebstahl",
         "Bei Verlust des Führerscheins beantragen Sie bei der Fahrerlaubnisbehörde einen Ersatz.",
         ["Führerschein verloren"], "Replacement driving licence"),
    make("personalausweis", "Personalausweis beantragen",
         "Den Personalausweis beantragen Sie im Bürgerbüro Ihrer Gemeinde.",
         ["Perso", "Ausweis"], "Identity card", level="gemeinde"),
    make("sperrmuell", "Sperrmüll entsorgen",
         "Sperrige Möbel holt die Abfallwirtschaft nach Anmeldung mit dem Sperrmüllscheck ab.",
         ["Möbel entsorgen"], "Bulky waste"),
    make("wohngeld", "Wohngeld beantragen",
         "Wohngeld ist ein Zuschuss zur Miete für Haushalte mit geringem Einkommen.",
         ["Mietzuschuss"], "Housing benefit"),
]


@pytest.fixture
def db():
    database = open_db(None)
    replace_catalogue(database, PROCEDURES, None)
    return database
