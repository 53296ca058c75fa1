"""actions.outside: a town outside the district, the authority responsible there, and the
question who then (seventeenth probe)."""

from __future__ import annotations

import json

import pytest
from rasa_sdk import Tracker

from actions.common import office_outside, residence_outside
from actions.search_procedure import ActionSearchProcedure
from tests.actions.conftest import record_of, run_action


@pytest.mark.parametrize(("text", "place", "office"), [
    ("Ich wohne in Töging am Inn und will meinen Führerschein umtauschen", "Töging am Inn",
     "Landratsamt Altötting"),
    ("Wir bauen ein Einfamilienhaus in Wasserburg am Inn. Reicht man den Bauantrag bei "
     "Ihnen ein?", "Wasserburg", "Landratsamt Rosenheim"),
    ("Ich arbeite in Waldkraiburg, wohne aber in Dorfen.", "Dorfen", "Landratsamt Erding"),
    ("Hallo, ich wohne in Landshut, arbeite aber in Mühldorf.", "Landshut", "Stadt Landshut"),
    ("we live in Freising", "Freising", None),
])
def test_a_town_outside_and_its_authority(text, place, office):
    assert residence_outside(text) == place
    assert office_outside(place) == office


@pytest.mark.parametrize("text", [
    "Ich ziehe von Altötting nach Waldkraiburg, muss ich das Auto ummelden?",
    "Ich wohne in Ampfing", "Mein Auto hat ein AÖ-Kennzeichen", "Töginger Straße 18",
    "Mein Sohn geht in Altötting zur Schule, wer zahlt den Bus?", "Ich arbeite in Altötting",
])
def test_no_town_outside(text):
    assert residence_outside(text) is None


def _after_answer_from(make_tracker, previous: str, text: str) -> Tracker:
    tracker = make_tracker("after_answer.json", text=text, intent="ask_contact")
    state = json.loads(json.dumps(tracker.current_state()))
    users = [e for e in state["events"] if e.get("event") == "user"]
    users[-2]["text"] = previous
    return Tracker.from_dict(state)


@pytest.mark.parametrize("text", ["welches landratsamt ist das dann?",
                                  "also geht nicht bei euch? auch nicht ausnahmsweise?",
                                  "so which office is it then?"])
async def test_who_then_after_a_town_outside_names_its_authority(make_tracker, dispatcher,
                                                                 text):
    tracker = _after_answer_from(
        make_tracker, "Ich wohne in Töging am Inn. Wie melde ich mein Auto ab?", text)

    events = await run_action(ActionSearchProcedure(), dispatcher, tracker)

    reply = dispatcher.messages[0]["text"]
    assert "Landratsamt Altötting" in reply and "Töging" in reply
    assert record_of(events).reason == "outside_district"


async def test_who_then_without_a_town_outside_is_answered_as_before(make_tracker, dispatcher):
    tracker = _after_answer_from(make_tracker, "Wie melde ich mein Auto ab?",
                                 "welches landratsamt ist das dann?")

    events = await run_action(ActionSearchProcedure(), dispatcher, tracker)

    assert record_of(events).reason != "outside_district"


async def test_a_gemeinde_matter_from_a_town_outside_names_that_town(scripted, make_tracker,
                                                                     dispatcher):
    """Eighteenth probe: "… wohne in töging" was asked for the town twice."""
    scripted.on("ausweis", "answer", "personalausweis")
    tracker = make_tracker(text="Personalausweis beantragen, ich wohne in Töging",
                           intent="search_procedure")

    events = await run_action(ActionSearchProcedure(), dispatcher, tracker)

    texts = " ".join(m.get("text") or "" for m in dispatcher.messages)
    assert "Töging liegt nicht im Landkreis" in texts
    slots = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    assert slots["gemeinde_needed"] is False


async def test_a_gemeinde_named_once_is_remembered(scripted, make_tracker, dispatcher):
    """Eighteenth probe: "I moved to Waldkraiburg" in the first message, and the address
    registration later asked which municipality."""
    scripted.on("residence", "answer", "kfz-abmeldung")
    tracker = make_tracker(text="I moved to Waldkraiburg, my residence permit expires",
                           intent="search_procedure", language="en")

    events = await run_action(ActionSearchProcedure(), dispatcher, tracker)

    slots = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    assert slots.get("gemeinde") == "waldkraiburg"


@pytest.mark.parametrize("text", ["Ich ziehe von Ampfing nach Waldkraiburg",
                                  "Ich arbeite in Waldkraiburg, wohne aber in Dorfen"])
async def test_no_gemeinde_is_remembered_when_unclear(scripted, make_tracker, dispatcher,
                                                      text):
    scripted.on("", "answer", "kfz-abmeldung")
    tracker = make_tracker(text=text, intent="search_procedure")

    events = await run_action(ActionSearchProcedure(), dispatcher, tracker)

    slots = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    assert "gemeinde" not in slots


@pytest.mark.parametrize(("depends_on", "text", "named"), [
    ("school_type", "meine tochter kommt in die 5. klasse aufs gymnasium, wer zahlt den bus?",
     True),
    ("school_type", "Mein Sohn geht auf die FOS in Mühldorf", True),
    ("school_type", "Wer zahlt den Schulbus?", False),
    ("road", "Halteverbot an der Kreisstraße MÜ 12 für den Umzug", True),
    ("road", "Halteverbot für den Umzug vor unserem Haus", False),
])
def test_names_case(depends_on, text, named):
    from actions.outside import names_case

    assert names_case(depends_on, text) is named
