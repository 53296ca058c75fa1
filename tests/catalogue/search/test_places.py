"""catalogue.search.places: Gemeinde names are no evidence for a procedure."""

from catalogue.search.places import PlaceNames

PLACES = PlaceNames.from_names(["Waldkraiburg", "Neumarkt-Sankt Veit", "Mühldorf a. Inn",
                                "Mühldorf", "Polling", "Haag"])


def test_place_names_are_dropped_from_the_query():
    assert PLACES("Ich suche einen Zahnarzt in Waldkraiburg") == "Ich suche einen Zahnarzt in"
    assert PLACES("Wertstoffhof neumarkt-sankt veit Öffnungszeiten") == \
        "Wertstoffhof Öffnungszeiten"
    assert PLACES("Landratsamt Mühldorf a. Inn, Zulassung") == "Landratsamt , Zulassung"


def test_only_whole_words_and_never_everything():
    assert PLACES("Haager Straße Sperrmüll") == "Haager Straße Sperrmüll"
    assert PLACES("Waldkraiburg") == "Waldkraiburg"  # nothing else left: unchanged
    assert PLACES("where is my polling station?") == "where is my polling station?"


def test_without_names_the_text_is_unchanged():
    assert PlaceNames.from_names([])("Auto abmelden in Waldkraiburg") == \
        "Auto abmelden in Waldkraiburg"
