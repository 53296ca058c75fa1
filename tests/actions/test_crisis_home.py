"""Losing one's home (crisis kind `homeless`): the rules, the reply, the routing."""

from __future__ import annotations

import pytest

from actions.crisis import detect_crisis
from actions.crisis_reply import crisis_reply
from actions.search_procedure import ActionSearchProcedure
from tests.actions.conftest import record_of, run_action

# Written for these tests (not copied into the semantic references).
HOMELESS = [
    "Ich werde morgen aus meiner Wohnung geräumt und weiß nicht wo ich schlafen soll",
    "Morgen ist meine Zwangsräumung, ich habe nichts gefunden",
    "Mein Vermieter hat mich rausgeworfen, ich weiß nicht, wo ich heute Nacht schlafen soll",
    "Ich bin seit zwei Wochen obdachlos",
    "Ich lebe seit drei Tagen draußen im Park",
    "Wenn ich die Miete nicht zahle, sitze ich nächsten Monat auf der Straße",
    "Wo ist die nächste Notunterkunft? Ich brauche heute einen Schlafplatz",
    "Mir droht die Obdachlosigkeit",
    "Unsere Wohnung ist abgebrannt und wir wissen nicht wohin",
    "Wegen Mietschulden fliegen wir Ende des Monats raus",
    # a court case for the eviction: early, but the advice (Gemeinde, counselling) fits
    "Ich habe eine Räumungsklage bekommen, was kann ich tun?",
    "I'm being evicted tomorrow and have nowhere to sleep",
    "I lost my apartment and have been couch surfing for weeks",
    "My landlord kicked me out",
    # found by the third blind conversation probe
    "Ich verliere Ende des Monats meine Wohnung und weiß nicht wohin",
    "We have to leave our flat next week and have nowhere to go",
]

# Eviction, shelters and moving as a *topic*: procedural questions, no crisis.
NOT_HOMELESS = [
    "Kinderschutz-Meldung",
    "Notfallsanitäter Ausbildung",
    "Räumungsverkauf",
    "Wohnungsräumung nach Todesfall Sperrmüll",
    "Zwangsräumung Gerichtsvollzieher Gebühren",
    "Was kostet eine Zwangsräumung für den Vermieter?",
    "Ich bin Vermieter, mein Mieter zahlt nicht, wie läuft eine Räumungsklage?",
    "Ich ziehe um und weiß nicht, wo ich mich ummelden muss",
    "Ich komme zur Messe und weiß nicht, wo ich übernachten soll",
    "Wie bekomme ich als Obdachloser einen Personalausweis?",
    "Meldeadresse für Obdachlose",
    "Ich möchte ehrenamtlich in der Notunterkunft helfen",
    "Ich habe keine Wohnung mehr in Deutschland, wie melde ich mich ab?",
    "Unsere Kinder sitzen oft auf der Straße und spielen",
    "Ich stehe auf der Straße vor dem Landratsamt",
    "Ich wurde aus dem Kurs rausgeworfen",
    "Der Chef hat mich rausgeworfen",
    "I got kicked out of the course",
    "Wohnungskündigung Fristen",
    "Ich ziehe aus meiner Wohnung aus und weiß nicht wohin mit den Möbeln",
]


@pytest.mark.parametrize("text", HOMELESS)
def test_losing_ones_home_now_is_a_crisis(text):
    crisis = detect_crisis(text)
    assert crisis is not None and crisis.kinds == ("homeless",), crisis


@pytest.mark.parametrize("text", NOT_HOMELESS)
def test_eviction_and_shelters_as_a_topic_are_no_crisis(text):
    assert detect_crisis(text) is None


def test_not_knowing_where_to_turn_is_no_homelessness():
    """ "ich weiß nicht wohin" in a message about violence is about help, not a bed."""
    crisis = detect_crisis("Mein Mann schlägt mich und ich weiß nicht wohin")
    assert crisis is not None and "homeless" not in crisis.kinds


def test_the_reply_says_the_gemeinde_must_house_and_names_no_violence_number(catalogue):
    text = HOMELESS[0]
    reply = crisis_reply(detect_crisis(text), "de", text)  # type: ignore[arg-type]
    assert "Gemeinde muss Ihnen eine Notunterkunft geben" in reply.text
    assert "Rathaus (Ordnungsamt)" in reply.text and "Sozialberatung" in reply.text
    for number in ("110", "112", "116 016"):
        assert number not in reply.text
    # "Wohnung" is the crisis here, not a question for the office.
    assert "danach gern stellen" not in reply.text
    # No Gemeinde known: ask for it (action_gemeinde_contact names the Rathaus next).
    assert reply.text.endswith("Nennen Sie mir Ihre Gemeinde, dann gebe ich Ihnen die "
                               "Kontaktdaten Ihres Rathauses.")


def test_the_rathaus_comes_from_the_gemeinde_named_or_known(catalogue):
    text = "Ich wohne in Waldkraiburg und werde morgen geräumt"
    named = crisis_reply(detect_crisis(text), "de", text)  # type: ignore[arg-type]
    assert "Ihr Rathaus: Rathaus der Stadt Waldkraiburg\nTelefon: +49 8638 959-0" in named.text
    assert "Nennen Sie mir Ihre Gemeinde" not in named.text
    # Known from earlier in the conversation; the data has no phone: what it has.
    known = crisis_reply(detect_crisis(HOMELESS[3]), "de", HOMELESS[3],  # type: ignore[arg-type]
                         gemeinde_id="taufkirchen")
    assert "Ihr Rathaus: Gemeinde Taufkirchen" in known.text and "Telefon:" not in known.text
    assert "Website: https://" in known.text
    # No fuzzy guess from the words of the message ("Ampfinger" is no place named).
    guess = crisis_reply(detect_crisis(HOMELESS[3]), "de",  # type: ignore[arg-type]
                         HOMELESS[3] + ", Ampfinger Straße")
    assert "Ihr Rathaus:" not in guess.text and "Nennen Sie mir Ihre Gemeinde" in guess.text


def test_english_reply(catalogue):
    text = "I'm being evicted tomorrow and have nowhere to sleep"
    reply = crisis_reply(detect_crisis(text), "en", text)  # type: ignore[arg-type]
    assert "your municipality (Gemeinde) must give you emergency accommodation" in reply.text
    assert "116 016" not in reply.text


def test_violence_and_losing_ones_home_get_both(catalogue):
    text = "Mein Mann hat mich rausgeworfen und geschlagen, ich weiß nicht, wo ich schlafen soll"
    crisis = detect_crisis(text)
    assert crisis is not None and crisis.kinds == ("violence", "homeless")
    reply = crisis_reply(crisis, "de", text)
    assert reply.text.index("116 016") < reply.text.index("Notunterkunft")


async def test_routed_as_a_crisis_without_a_question_back(fake_search, make_tracker,
                                                          dispatcher):
    """The search would ask about moving (family meldewesen): it is not asked at all."""
    fake_search.set("choose", "personalausweis", "kfz-abmeldung")
    tracker = make_tracker(intent="search_procedure", text=HOMELESS[0], language="de")

    events = await run_action(ActionSearchProcedure(), dispatcher, tracker)

    [message] = dispatcher.messages
    assert "Notunterkunft" in message["text"] and not message.get("buttons")
    assert fake_search.queries == []
    record = record_of(events)
    assert (record.decision, record.reason, record.procedure_ids) == ("crisis", "homeless", ())
