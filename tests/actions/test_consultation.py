"""action_consultation: booking link where one exists, otherwise contact."""

from __future__ import annotations

from rasa_sdk.events import SlotSet

from actions.consultation import ActionConsultation
from tests.actions.conftest import plain, record_of, run_action

BOOKING = "https://www.lra-mue.de/test/sprechstunde-auslaenderbehoerde"


async def test_booking_link_in_text_and_button(fake_search, make_tracker, dispatcher):
    tracker = make_tracker("after_answer.json", text="Gibt es eine Online-Sprechstunde?",
                           intent="ask_consultation",
                           procedure_id="aufenthaltstitel-verlaengerung")

    events = await run_action(ActionConsultation(), dispatcher, tracker)

    offer, feedback = dispatcher.messages
    assert offer["text"] == ("Für „Aufenthaltstitel verlängern“ können Sie eine "
                             f"Online-Sprechstunde (Video) buchen: {BOOKING}")
    assert offer["buttons"] == [{"title": "Sprechstunde buchen", "url": BOOKING,
                                 "type": "web_url"}]
    assert feedback["text"] == "War das hilfreich?"
    assert plain(events) == [SlotSet("procedure_id", "aufenthaltstitel-verlaengerung"),
                      SlotSet("gemeinde_needed", False), SlotSet("search_failures", 0.0)]


async def test_english_booking(fake_search, make_tracker, dispatcher):
    tracker = make_tracker("after_answer.json", text="Can I book a video consultation?",
                           intent="ask_consultation",
                           procedure_id="aufenthaltstitel-verlaengerung")

    await run_action(ActionConsultation(), dispatcher, tracker)

    assert dispatcher.messages[0]["text"] == (
        "For “Renewing a residence permit” you can book an online video consultation: "
        f"{BOOKING}")
    assert dispatcher.messages[0]["buttons"][0]["title"] == "Book a consultation"


async def test_no_consultation_gives_contact(fake_search, make_tracker, dispatcher):
    tracker = make_tracker("after_answer.json", text="Kann ich einen Videotermin machen?",
                           intent="ask_consultation")

    await run_action(ActionConsultation(), dispatcher, tracker)

    text = dispatcher.messages[0]["text"]
    assert text.startswith("Für „Außerbetriebsetzung (Abmeldung) eines Fahrzeugs“ gibt es "
                           "leider keine Online-Sprechstunde.\nSo erreichen Sie die "
                           "zuständige Stelle:\nKfz-Zulassungsstelle\n")
    assert "Telefon: +49 8631 699-0" in text


async def test_gemeinde_matter_asks_for_the_gemeinde(fake_search, make_tracker, dispatcher):
    tracker = make_tracker("after_answer.json", text="Videoberatung möglich?",
                           intent="ask_consultation", procedure_id="personalausweis")

    events = await run_action(ActionConsultation(), dispatcher, tracker)

    assert "keine Online-Sprechstunde" in dispatcher.messages[0]["text"]
    assert SlotSet("gemeinde_needed", True) in events


async def test_without_context_asks_for_the_topic(fake_search, make_tracker, dispatcher):
    tracker = make_tracker(text="Ich möchte einen Termin", intent="ask_consultation")

    events = await run_action(ActionConsultation(), dispatcher, tracker)

    assert fake_search.queries == []
    assert dispatcher.messages[0]["text"].startswith("Gern! Zu welchem Anliegen")
    assert SlotSet("gemeinde_needed", False) in events


async def test_named_topic_is_searched(fake_search, make_tracker, dispatcher):
    fake_search.set("answer", "aufenthaltstitel-verlaengerung")
    tracker = make_tracker(text="Sprechstunde zur Aufenthaltserlaubnis",
                           intent="ask_consultation")

    await run_action(ActionConsultation(), dispatcher, tracker)

    # The topic first; the whole question only where it is surer (actions.topic).
    assert fake_search.queries[0] == "Aufenthaltserlaubnis"
    assert dispatcher.messages[0]["buttons"][0]["url"] == BOOKING


def add_booking(catalogue) -> None:
    """The Landratsamt's appointment booking in the test catalogue (online at /t)."""
    from catalogue.db import all_gemeinden, all_procedures, replace_catalogue
    from catalogue.models import Procedure

    booking = Procedure(id="termin-online-buchen", title="Termin im Landratsamt online buchen",
                        short_answer="Termine vereinbaren Sie online über die Terminbuchung.",
                        category="Bürgerservice", department="Bürgerservice",
                        responsible_level="landratsamt", responsible="Landratsamt",
                        info_url="https://www.lra-mue.de", online_url="https://www.lra-mue.de/t")
    replace_catalogue(catalogue, [*all_procedures(catalogue), booking], all_gemeinden(catalogue))


async def test_an_appointment_at_the_office_gets_the_booking_not_no_video(
        fake_search, make_tracker, dispatcher, catalogue):
    add_booking(catalogue)
    tracker = make_tracker("after_answer.json", text="Ich brauche einen Termin dafür",
                           intent="ask_consultation")

    events = await run_action(ActionConsultation(), dispatcher, tracker)

    text = dispatcher.messages[0]["text"]
    assert "Termin im Landratsamt online buchen" in text and "Online-Sprechstunde" not in text
    record = record_of(events)
    assert record.procedure_ids == ("termin-online-buchen", "kfz-abmeldung")
    assert "https://www.lra-mue.de/t" in record.links


async def test_a_matter_named_with_the_appointment_question_comes_first(
        fake_search, make_tracker, dispatcher, catalogue):
    """"auto wird verschrottet wie meld ich den ab brauch ich da en termin" (seventh blind
    set): the deregistration first, the booking as its next step."""
    add_booking(catalogue)
    fake_search.set("answer", "kfz-abmeldung")
    tracker = make_tracker(text="Auto abmelden, brauche ich dafür einen Termin?",
                           intent="ask_consultation")

    events = await run_action(ActionConsultation(), dispatcher, tracker)

    assert record_of(events).procedure_ids == ("kfz-abmeldung", "termin-online-buchen")


async def test_an_appointment_at_the_landratsamt_itself_is_the_booking_alone(
        fake_search, make_tracker, dispatcher, catalogue):
    """Eighth blind set: "Kann man beim Landratsamt übers Internet einen Termin ausmachen?"
    found the contact entry by the word "Landratsamt" and answered it first."""
    add_booking(catalogue)
    fake_search.set("answer", "buergerservice-kontakt")
    tracker = make_tracker(text="Kann man beim Landratsamt übers Internet einen Termin "
                                "ausmachen?", intent="ask_consultation")

    events = await run_action(ActionConsultation(), dispatcher, tracker)

    assert record_of(events).procedure_ids == ("termin-online-buchen",)


async def test_an_appointment_for_a_rathaus_matter_is_not_the_landratsamt_booking(
        fake_search, make_tracker, dispatcher, catalogue):
    """"Do I need an appointment?" after the ID card (a Rathaus matter): that answer, which
    asks for the Gemeinde – not the Landratsamt's booking."""
    tracker = make_tracker("after_answer.json", text="Brauche ich einen Termin?",
                           intent="ask_consultation", procedure_id="personalausweis")

    events = await run_action(ActionConsultation(), dispatcher, tracker)

    record = record_of(events)
    assert record.procedure_ids == ("personalausweis",)
    assert "termin-online-buchen" not in record.procedure_ids
