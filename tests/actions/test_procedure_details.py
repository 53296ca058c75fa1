"""action_procedure_details: documents, fees, contact, online – in context or a new topic."""

from __future__ import annotations

import pytest
from rasa_sdk.events import SlotSet

from actions.procedure_details import ActionProcedureDetails
from tests.actions.conftest import plain, record_of, run_action

INFO_BUTTON = {"title": "Zum Online-Antrag", "url": "https://www.lra-mue.de/test/ikfz-abmeldung",
               "type": "web_url"}
CONTEXT_SLOTS = [SlotSet("procedure_id", "kfz-abmeldung"), SlotSet("gemeinde_needed", False),
                 SlotSet("search_failures", 0.0)]


async def test_fees_of_the_procedure_in_context(fake_search, make_tracker, dispatcher):
    tracker = make_tracker("after_answer.json", text="Was kostet das?", intent="ask_fees")

    events = await run_action(ActionProcedureDetails(), dispatcher, tracker)

    assert fake_search.queries == []  # nothing to search: the context answers it
    answer, feedback = dispatcher.messages
    assert answer["text"] == ("Gebühren für „Außerbetriebsetzung (Abmeldung) eines Fahrzeugs“: "
                              "online 5,70 €, vor Ort ca. 13 €\nBearbeitungszeit: sofort")
    assert answer["buttons"] == [INFO_BUTTON]
    assert feedback["text"] == "War das hilfreich?"
    assert plain(events) == CONTEXT_SLOTS


async def test_documents_of_the_procedure_in_context(fake_search, make_tracker, dispatcher):
    tracker = make_tracker("after_answer.json", text="Welche Unterlagen brauche ich?",
                           intent="ask_documents")

    await run_action(ActionProcedureDetails(), dispatcher, tracker)

    assert dispatcher.messages[0]["text"] == (
        "Für „Außerbetriebsetzung (Abmeldung) eines Fahrzeugs“ brauchen Sie:\n"
        "• Zulassungsbescheinigung Teil I (Fahrzeugschein)\n• Kennzeichenschilder")


async def test_english_follow_up_in_english(fake_search, make_tracker, dispatcher):
    tracker = make_tracker("after_answer.json", text="How much does it cost?",
                           intent="ask_fees")

    events = await run_action(ActionProcedureDetails(), dispatcher, tracker)

    assert dispatcher.messages[0]["text"].startswith(
        "Fees for “Deregistering a vehicle”: online 5,70 €")
    assert dispatcher.messages[1]["text"] == "Was this helpful?"
    assert plain(events)[0] == SlotSet("language", "en")


async def test_new_topic_is_searched_first(fake_search, make_tracker, dispatcher):
    fake_search.set("answer", "personalausweis")
    tracker = make_tracker("after_answer.json", text="Was kostet ein Personalausweis?",
                           intent="ask_fees")

    events = await run_action(ActionProcedureDetails(), dispatcher, tracker)

    # The topic, not the question words (then checked against the answer in context).
    assert fake_search.queries[0] == "Personalausweis?"
    assert dispatcher.messages[0]["text"] == (
        "Gebühren für „Personalausweis beantragen“: 37 € (ab 24 Jahren)")
    assert SlotSet("procedure_id", "personalausweis") in events


async def test_vague_remainder_falls_back_to_context(fake_search, make_tracker, dispatcher):
    fake_search.set("rephrase")
    tracker = make_tracker("after_answer.json", text="Was kostet das Ganze ungefähr?",
                           intent="ask_fees")

    events = await run_action(ActionProcedureDetails(), dispatcher, tracker)

    assert fake_search.queries == []  # "das Ganze ungefähr": question words only
    assert "Außerbetriebsetzung" in dispatcher.messages[0]["text"]
    assert plain(events) == CONTEXT_SLOTS


async def test_no_context_asks_what_it_is_about(fake_search, make_tracker, dispatcher):
    tracker = make_tracker(text="Was kostet das?", intent="ask_fees")

    events = await run_action(ActionProcedureDetails(), dispatcher, tracker)

    assert dispatcher.messages[0]["text"].startswith("Gern! Um welches Anliegen geht es denn?")
    # An unknown topic is a failed message (the second in a row hands off).
    assert plain(events) == [SlotSet("language", "de"), SlotSet("gemeinde_needed", False),
                             SlotSet("search_failures", 1.0)]


async def test_new_topic_with_close_scores_offers_choices(fake_search, make_tracker,
                                                          dispatcher):
    fake_search.set("choose", "kfz-abmeldung", "kfz-zulassung")
    tracker = make_tracker(text="Welche Unterlagen brauche ich fürs Auto?",
                           intent="ask_documents")

    await run_action(ActionProcedureDetails(), dispatcher, tracker)

    assert [b["payload"] for b in dispatcher.messages[0]["buttons"]] == [
        '/choose_option{"procedure_id": "kfz-abmeldung"}',
        '/choose_option{"procedure_id": "kfz-zulassung"}']


async def test_contact_of_a_landratsamt_procedure(fake_search, make_tracker, dispatcher):
    tracker = make_tracker("after_answer.json", text="Wann habt ihr offen?",
                           intent="ask_contact")

    await run_action(ActionProcedureDetails(), dispatcher, tracker)

    assert dispatcher.messages[0]["text"] == (
        "Zuständig für „Außerbetriebsetzung (Abmeldung) eines Fahrzeugs“ ist: "
        "Landratsamt Mühldorf a. Inn\n"
        "Kfz-Zulassungsstelle\n"
        "Adresse: Töginger Straße 18, 84453 Mühldorf a. Inn\n"
        "Telefon: +49 8631 699-0\n"
        "E-Mail: kfz@lra-mue.de\n"
        "Öffnungszeiten: Mo–Fr 7:30–12:00")


async def test_contact_of_a_gemeinde_matter_asks_for_the_gemeinde(fake_search, make_tracker,
                                                                  dispatcher):
    tracker = make_tracker("after_answer.json", text="Wo muss ich hin?", intent="ask_contact",
                           procedure_id="personalausweis")

    events = await run_action(ActionProcedureDetails(), dispatcher, tracker)

    [message] = dispatcher.messages
    assert message["text"].startswith("Dafür ist nicht das Landratsamt zuständig, sondern Ihre")
    assert plain(events) == [SlotSet("procedure_id", "personalausweis"),
                      SlotSet("gemeinde_needed", True), SlotSet("search_failures", 0.0)]


async def test_rathaus_question_names_the_rathaus_directly(fake_search, make_tracker,
                                                           dispatcher):
    tracker = make_tracker(text="Wo ist das Rathaus in Ampfing?", intent="ask_contact",
                           entities=[{"entity": "gemeinde", "value": "Ampfing"}])

    events = await run_action(ActionProcedureDetails(), dispatcher, tracker)

    assert dispatcher.messages[0]["text"] == (
        "Zuständig ist: Rathaus Ampfing\nTelefon: +49 8636 9869-0\n"
        "Website: https://www.ampfing.de")
    assert SlotSet("gemeinde", "ampfing") in events


@pytest.mark.parametrize("text, rathaus", [
    ("Kontakt Ampfing", True),
    # eighth blind set: the recycling centre, not the Rathaus
    ("Wo in Ampfing kann ich Autos, Reifen und Batterien abmelden?", False),
])
async def test_a_matter_besides_the_place_is_the_topic(fake_search, make_tracker, dispatcher,
                                                       text, rathaus):
    fake_search.set("answer", "kfz-abmeldung")
    tracker = make_tracker(text=text, intent="ask_contact",
                           entities=[{"entity": "gemeinde", "value": "Ampfing"}])

    events = await run_action(ActionProcedureDetails(), dispatcher, tracker)

    assert ("Rathaus Ampfing" in dispatcher.messages[0]["text"]) is rathaus
    assert (record_of(events).procedure_ids == ("kfz-abmeldung",)) is not rathaus


async def test_online_yes_with_login(fake_search, make_tracker, dispatcher):
    tracker = make_tracker("after_answer.json", text="Kann ich das online machen?",
                           intent="ask_online")

    await run_action(ActionProcedureDetails(), dispatcher, tracker)

    assert dispatcher.messages[0]["text"] == (
        "Ja, „Außerbetriebsetzung (Abmeldung) eines Fahrzeugs“ können Sie online erledigen: "
        "https://www.lra-mue.de/test/ikfz-abmeldung\n"
        "Für den Online-Antrag brauchen Sie eine BayernID (z. B. mit dem Online-Ausweis).")


async def test_online_no_gives_info_link(fake_search, make_tracker, dispatcher):
    tracker = make_tracker("after_answer.json", text="Geht das auch online?",
                           intent="ask_online", procedure_id="kfz-zulassung")

    await run_action(ActionProcedureDetails(), dispatcher, tracker)

    # The entry's answer speaks of an online way whose address is not verified yet.
    assert dispatcher.messages[0]["text"] == (
        "Das geht auch online: Den Weg zum Online-Angebot finden Sie auf der Infoseite "
        "(Link unten). Sie können sich auch persönlich, per Post oder über das sichere "
        "Kontaktformular an das Landratsamt wenden.\n"
        "Alle Infos: https://www.lra-mue.de/test/kfz-zulassung")
    assert dispatcher.messages[0]["buttons"][0]["url"] == (
        "https://www.lra-mue.de/test/kfz-zulassung")


async def test_missing_fees_point_to_the_link(fake_search, make_tracker, dispatcher):
    tracker = make_tracker("after_answer.json", text="Was kostet das?", intent="ask_fees",
                           procedure_id="kfz-zulassung")

    await run_action(ActionProcedureDetails(), dispatcher, tracker)

    assert dispatcher.messages[0]["text"] == (
        "Zu den Gebühren für „Zulassung eines Fahrzeugs“ habe ich leider keine Angabe. "
        "Alle Infos: https://www.lra-mue.de/test/kfz-zulassung")


async def test_contact_of_a_gemeinde_matter_with_known_gemeinde(fake_search, make_tracker,
                                                                dispatcher):
    tracker = make_tracker("after_answer.json", text="Wann haben die offen?",
                           intent="ask_contact", procedure_id="personalausweis",
                           gemeinde="waldkraiburg")

    events = await run_action(ActionProcedureDetails(), dispatcher, tracker)

    assert dispatcher.messages[0]["text"].startswith(
        "Für „Personalausweis beantragen“ ist zuständig: Rathaus der Stadt Waldkraiburg\n")
    assert "Öffnungszeiten: Mo–Fr 8–12 Uhr" in dispatcher.messages[0]["text"]
    assert SlotSet("gemeinde_needed", False) in events


async def test_follow_up_right_after_choices_offers_them_again(fake_search, make_tracker,
                                                               dispatcher):
    tracker = make_tracker("after_choices.json", text="Was kostet das?", intent="ask_fees")

    events = await run_action(ActionProcedureDetails(), dispatcher, tracker)

    assert fake_search.queries == []
    assert [b["payload"] for b in dispatcher.messages[0]["buttons"]] == [
        '/choose_option{"procedure_id": "kfz-abmeldung"}',
        '/choose_option{"procedure_id": "kfz-zulassung"}']
    assert plain(events) == [SlotSet("gemeinde_needed", False), SlotSet("search_failures", 0.0)]


async def test_contact_without_known_hours_says_where_they_are(fake_search, make_tracker,
                                                               dispatcher):
    """"Öffnungszeiten Ausländerbehörde": the catalogue has a phone but no hours."""
    tracker = make_tracker("after_answer.json", text="Wann habt ihr offen?",
                           intent="ask_contact", procedure_id="aufenthaltstitel-verlaengerung")

    await run_action(ActionProcedureDetails(), dispatcher, tracker)

    text = dispatcher.messages[0]["text"]
    assert "Telefon: +49 8631 699-111" in text
    assert "Die aktuellen Öffnungszeiten stehen auf der Infoseite" in text


def test_a_landratsamt_contact_without_address_gets_the_landratsamt_address(monkeypatch):
    """"und wo ist das Landratsamt?" after the hunting licence: its department has a phone
    but no address in the catalogue; the Landratsamt's own address stands in."""
    from actions import answers
    from catalogue.models import Procedure

    base = {"category": "Sicherheit", "department": "Jagd", "responsible_level": "landratsamt",
            "responsible": "Landratsamt Mühldorf a. Inn", "short_answer": "Antrag stellen.",
            "info_url": "https://www.lra-mue.de/jagd"}
    hunting = Procedure(id="jagdschein", title="Jagdschein", contact={"phone": "+49 8631 1"},
                        **base)
    service = Procedure(id="buergerservice-kontakt", title="Bürgerservice",
                        contact={"address": "Töginger Straße 18, 84453 Mühldorf a. Inn"}, **base)
    monkeypatch.setattr(answers, "load_procedure", lambda pid: service)

    text = answers.contact_text(hunting, "de")

    assert "Adresse: Töginger Straße 18" in text and "Telefon: +49 8631 1" in text


def test_english_answers_use_the_english_detail_fields():
    from actions.details import documents_text, fees_text
    from catalogue.models import Procedure

    procedure = Procedure(
        id="x-test", title="Test", title_en="Test", short_answer="Kurz und gut, bitte.",
        category="Test", department="Amt", responsible_level="landratsamt",
        responsible="Landratsamt", info_url="https://www.lra-mue.de",
        fees="ca. 10 €", fees_en="approx. €10", processing_time="sofort",
        processing_time_en="immediately", documents=["Personalausweis", "Foto"],
        documents_en=["ID card", "photo"])
    assert "approx. €10" in fees_text(procedure, "en") and "immediately" in fees_text(
        procedure, "en")
    assert "ca. 10 €" in fees_text(procedure, "de")
    assert "• ID card\n• photo" in documents_text(procedure, "en")
    assert "• Personalausweis" in documents_text(procedure, "de")
    # An incomplete English list is not mixed with the German one.
    partial = procedure.model_copy(update={"documents_en": ["ID card"]})
    assert "• Personalausweis\n• Foto" in documents_text(partial, "en")


async def test_a_choice_led_by_the_named_title_leaves_the_context(fake_search, make_tracker,
                                                                  dispatcher):
    """Tenth probe: "Gebrauchtwagen zulassen, welche Unterlagen?" after the new-car answer
    got the new car's documents; the search's first choice is named by its title."""
    fake_search.set("choose", "kfz-zulassung", "kfz-abmeldung")
    tracker = make_tracker("after_answer.json", text="Zulassung, welche Unterlagen?",
                           intent="ask_documents")

    events = await run_action(ActionProcedureDetails(), dispatcher, tracker)

    assert record_of(events).procedure_ids == ("kfz-zulassung",)


async def test_an_online_question_the_answer_in_context_answers_gets_that_sentence(
        fake_search, make_tracker, dispatcher):
    """Tenth probe: "Kann ich das auch anonym melden?" (read as "online?") after the child
    protection answer ("– auf Wunsch anonym") got the online boilerplate."""
    tracker = make_tracker("after_answer.json", text="Geht das auch vor Ort bei der "
                           "Zulassungsstelle?", intent="ask_online")

    events = await run_action(ActionProcedureDetails(), dispatcher, tracker)

    assert "vor Ort bei der Zulassungsstelle" in dispatcher.messages[0]["text"]
    assert record_of(events).reason == "passage"
