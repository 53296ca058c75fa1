"""Gemeinde form: prompt, fuzzy validation, Rathaus contact."""

from __future__ import annotations

import pytest
from rasa_sdk.events import SlotSet

from actions.responsibility import (
    UNKNOWN_GEMEINDE,
    ActionAskGemeinde,
    ActionGemeindeContact,
    ValidateGemeindeForm,
)
from conversations.turn_record import TurnRecord
from tests.actions.conftest import plain, record_of, run_action


async def validate(make_tracker, dispatcher, text, **slots):
    tracker = make_tracker("gemeinde_form.json", text=text, intent="inform_gemeinde",
                           **slots)
    return await ValidateGemeindeForm().validate_gemeinde(text, dispatcher, tracker, {})


@pytest.mark.parametrize("text, expected", [
    ("Ampfing... äh nein Waldkraiburg wohnen wir", "waldkraiburg"),  # eleventh probe
    ("wkb", "waldkraiburg"),
    ("Waldkraiburg", "waldkraiburg"),
    ("in Ampfing", "ampfing"),
    ("Ich wohne in Waldkreiburg", "waldkraiburg"),
    ("Neumarkt St. Veit", "neumarkt-sankt-veit"),
    ("Obertaufkirchen", "obertaufkirchen"),
    ("taufkirchen", "taufkirchen"),
])
async def test_validation_matches_names_aliases_and_typos(catalogue, make_tracker, dispatcher,
                                                          text, expected):
    assert await validate(make_tracker, dispatcher, text) == {
        "gemeinde": expected, "gemeinde_attempts": 0.0}
    assert dispatcher.messages == []


async def test_unknown_place_is_asked_again_once_then_given_up(catalogue, make_tracker,
                                                               dispatcher):
    result = await validate(make_tracker, dispatcher, "München")

    assert result == {"gemeinde": None, "gemeinde_attempts": 1.0}
    assert dispatcher.messages[0]["text"].startswith(
        "„München“ habe ich nicht als Gemeinde im Landkreis Mühldorf a. Inn gefunden.")

    again = type(dispatcher)()
    result = await validate(make_tracker, again, "Berlin", gemeinde_attempts=1.0)

    assert result == {"gemeinde": UNKNOWN_GEMEINDE, "gemeinde_attempts": 0.0}
    assert again.messages == []


async def test_prompt_in_the_conversation_language(catalogue, make_tracker, dispatcher):
    tracker = make_tracker("gemeinde_form.json", text="I need a new ID card",
                           intent="search_procedure")

    events = await run_action(ActionAskGemeinde(), dispatcher, tracker)

    assert dispatcher.messages[0]["text"].startswith("Which municipality do you live in?")
    assert plain(events) == [SlotSet("language", "en")]


async def test_rathaus_contact_after_the_form(catalogue, make_tracker, dispatcher):
    tracker = make_tracker("gemeinde_form.json", text="wkb", intent="inform_gemeinde",
                           gemeinde="waldkraiburg")

    events = await run_action(ActionGemeindeContact(), dispatcher, tracker)

    contact, feedback = dispatcher.messages
    assert contact["text"] == (
        "Für „Personalausweis beantragen“ ist zuständig: Rathaus der Stadt Waldkraiburg\n"
        "Adresse: Stadtplatz 26, 84478 Waldkraiburg\n"
        "Telefon: +49 8638 959-0\n"
        "E-Mail: info@waldkraiburg.de\n"
        "Öffnungszeiten: Mo–Fr 8–12 Uhr\n"
        "Website: https://www.waldkraiburg.de")
    assert feedback["text"] == "War das hilfreich?"
    assert plain(events) == [SlotSet("gemeinde", "waldkraiburg"), SlotSet("gemeinde_needed", False)]


async def test_a_further_question_with_the_place_is_answered_after_the_rathaus(
        fake_search, make_tracker, dispatcher):
    """Ninth probe: "im Krankenhaus Mühldorf. und was mach ich mit seinen Waffen und dem
    Auto?" got only the Rathaus."""
    fake_search.set("answer", "kfz-abmeldung")
    tracker = make_tracker("gemeinde_form.json", text="in Waldkraiburg. und wie melde ich "
                           "sein Auto ab?", intent="inform_gemeinde", gemeinde="waldkraiburg")
    tracker.events.append({"event": "action", "name": "gemeinde_form"})  # after the form

    events = await run_action(ActionGemeindeContact(), dispatcher, tracker)

    texts = [m.get("text") or "" for m in dispatcher.messages]
    assert "Rathaus der Stadt Waldkraiburg" in texts[0]
    assert any("Außerbetriebsetzung" in t for t in texts[1:])
    record = record_of(events)
    assert record.procedure_ids == ("personalausweis", "kfz-abmeldung")
    assert SlotSet("gemeinde", "waldkraiburg") in events


async def test_the_place_alone_gets_the_rathaus_alone(fake_search, make_tracker, dispatcher):
    fake_search.set("answer", "kfz-abmeldung")
    tracker = make_tracker("gemeinde_form.json", text="in Waldkraiburg", intent="inform_gemeinde",
                           gemeinde="waldkraiburg")

    events = await run_action(ActionGemeindeContact(), dispatcher, tracker)

    assert record_of(events).procedure_ids == ("personalausweis",)


async def test_place_named_outside_the_form(catalogue, make_tracker, dispatcher):
    tracker = make_tracker(text="Ich wohne in Ampfing", intent="inform_gemeinde",
                           entities=[{"entity": "gemeinde", "value": "Ampfing"}],
                           gemeinde="Ampfing")

    events = await run_action(ActionGemeindeContact(), dispatcher, tracker)

    assert dispatcher.messages[0]["text"].startswith("Zuständig ist: Rathaus Ampfing\n")
    assert SlotSet("gemeinde", "ampfing") in events


async def test_given_up_gemeinde_explains_where_to_turn(catalogue, make_tracker, dispatcher):
    tracker = make_tracker("gemeinde_form.json", text="Berlin", intent="inform_gemeinde",
                           gemeinde=UNKNOWN_GEMEINDE)

    events = await run_action(ActionGemeindeContact(), dispatcher, tracker)

    assert dispatcher.messages[0]["text"].startswith(
        "Ihre Gemeinde habe ich leider nicht gefunden.")
    assert plain(events) == [SlotSet("gemeinde", None), SlotSet("gemeinde_needed", False)]


async def test_place_named_outside_the_form_wins_over_an_earlier_one(catalogue, make_tracker,
                                                                     dispatcher):
    tracker = make_tracker(text="Ich wohne jetzt in Waldkraiburg", intent="inform_gemeinde",
                           language="de", gemeinde="ampfing")

    events = await run_action(ActionGemeindeContact(), dispatcher, tracker)

    assert "Waldkraiburg" in dispatcher.messages[0]["text"]
    assert SlotSet("gemeinde", "waldkraiburg") in events
    assert record_of(events).reason == "gemeinde"


async def test_a_new_request_instead_of_a_place_is_answered_and_ends_the_form(
        fake_search, make_tracker, dispatcher):
    fake_search.set("answer", "kfz-abmeldung")

    result = await validate(make_tracker, dispatcher, "Nein, ich will mein Auto abmelden")

    assert "Außerbetriebsetzung" in dispatcher.messages[0]["text"]
    assert result["requested_slot"] is None and result.get("gemeinde") is None
    assert result["procedure_id"] == "kfz-abmeldung" and result["gemeinde_needed"] is False
    record = TurnRecord.from_dict(result["turn_record"])
    assert (record.action, record.decision) == ("validate_gemeinde_form", "answer")
    # The form's next action (the Rathaus) sees that record and says nothing more.
    tracker = make_tracker("gemeinde_form.json", text="Nein, ich will mein Auto abmelden",
                           intent="inform_gemeinde")
    tracker.events.append({"event": "slot", "name": "turn_record",
                           "value": result["turn_record"]})
    after = type(dispatcher)()
    await run_action(ActionGemeindeContact(), after, tracker)
    assert after.messages == []


async def test_a_place_outside_the_district_is_no_request_even_if_the_search_answers(
        fake_search, make_tracker, dispatcher):
    fake_search.set("answer", "kfz-abmeldung")  # the search ranks anything for "München"

    result = await validate(make_tracker, dispatcher, "München")

    assert result == {"gemeinde": None, "gemeinde_attempts": 1.0}


async def test_a_question_instead_of_the_place_is_not_quoted_as_a_place(
        fake_search, make_tracker, dispatcher):
    result = await validate(make_tracker, dispatcher, "und für meinen Sohn, der ist 12?")

    assert result == {"gemeinde": None, "gemeinde_attempts": 1.0}
    text = dispatcher.messages[0]["text"]
    assert "Rathaus" in text and "nicht als Gemeinde" not in text


async def test_a_place_outside_the_district_in_a_sentence_is_named_as_such(
        fake_search, make_tracker, dispatcher):
    """"Wir wohnen in Töging am Inn" (Landkreis Altötting) is a place, not a question:
    the reply says it is not in the district and who is responsible instead."""
    result = await validate(make_tracker, dispatcher, "Wir wohnen in Töging am Inn")

    assert result == {"gemeinde": None, "gemeinde_attempts": 1.0}
    text = dispatcher.messages[0]["text"]
    assert "„Töging am Inn“ habe ich nicht als Gemeinde" in text
    assert "außerhalb des Landkreises" in text


def test_an_unconfirmed_gemeinde_website_is_not_shown() -> None:
    """Gemeinden whose own website is not confirmed carry the Landratsamt's home page in
    the catalogue; the Rathaus reply must not call it their website."""
    from actions.answers import rathaus_text
    from catalogue.models import Gemeinde

    data = {"id": "heldenstein", "name": "Gemeinde Heldenstein", "kind": "Gemeinde",
            "official_key": "09183120", "website": "https://www.lra-mue.de",
            "rathaus": {"name": "Verwaltungsgemeinschaft Heldenstein",
                        "address": "Schulstraße 5a, 84431 Heldenstein"}}
    text = rathaus_text(Gemeinde.model_validate(data), "de", None)
    assert "Schulstraße 5a" in text
    assert "lra-mue.de" not in text
    own = Gemeinde.model_validate({**data, "website": "https://www.heldenstein.de"})
    assert "https://www.heldenstein.de" in rathaus_text(own, "de", None)


async def test_a_short_question_in_the_form_is_not_quoted_back_as_a_place(
        catalogue, make_tracker, dispatcher):
    """"wie lange dauert das ungefähr" (no question mark) is a question, not a Gemeinde."""
    result = await validate(make_tracker, dispatcher, "wie lange dauert das ungefähr")

    assert result.get("gemeinde") is None
    assert "nicht als Gemeinde" not in " ".join(m.get("text") or "" for m in dispatcher.messages)
    assert "Rathaus" in dispatcher.messages[0]["text"]


async def test_a_gemeinde_matter_with_the_place_in_the_message_names_the_rathaus_at_once(
        catalogue, make_tracker, dispatcher):
    from actions import answers
    from actions.common import load_procedure

    passport = load_procedure("personalausweis")
    assert passport is not None and passport.responsible_level == "gemeinde"
    base = answers.procedure_answer(passport, "de")
    response = answers.with_rathaus(base, passport, "ich wohne in waldkraiburg und mein "
                                    "perso läuft ab", "de")
    slots = dict(response.slots)
    assert slots["gemeinde"] == "waldkraiburg" and slots["gemeinde_needed"] is False
    assert "Waldkraiburg" in response.replies[-2].text
    # The district's name is no place of residence.
    same = answers.with_rathaus(base, passport, "Macht das Landratsamt Mühldorf Ausweise?",
                                "de")
    assert same is base


async def test_for_a_death_the_form_asks_where_it_happened(catalogue, make_tracker, dispatcher):
    """The Standesamt of the place of death is responsible, not that of the residence."""
    tracker = make_tracker("gemeinde_form.json", text="Mein Vater ist gestorben",
                           intent="search_procedure", procedure_id="sterbefall")

    await run_action(ActionAskGemeinde(), dispatcher, tracker)

    assert dispatcher.messages[0]["text"].startswith("In welcher Gemeinde ist der Todesfall")


@pytest.mark.parametrize("text, expected", [
    # tenth probe: the residence answered the question about the place of death
    ("wir haben in Polling gewohnt, sie ist im krankenhaus in mühldorf gestorben",
     "muehldorf-a-inn"),
    ("er ist in Ampfing verstorben, wir wohnen in Waldkraiburg", "ampfing"),
    ("Waldkraiburg", "waldkraiburg"),  # the place alone
])
async def test_for_a_death_the_place_of_the_event_wins_over_the_residence(
        catalogue, make_tracker, dispatcher, text, expected):
    result = await validate(make_tracker, dispatcher, text, procedure_id="sterbefall")
    assert result["gemeinde"] == expected


async def test_a_question_about_another_matter_in_the_form_is_answered(
        fake_search, make_tracker, dispatcher):
    """"do I need a health certificate too?" while the form waits for the place (seventh
    probe): the search's answer, not "I just need your municipality"; the form ends."""
    fake_search.set("answer", "kfz-abmeldung")

    result = await validate(make_tracker, dispatcher, "and what do I do with the old one?")

    assert dispatcher.messages[0]["text"].startswith("Deregistering a vehicle")
    assert result["requested_slot"] is None and result["procedure_id"] == "kfz-abmeldung"


async def test_a_question_the_search_cannot_answer_keeps_asking_for_the_place(
        fake_search, make_tracker, dispatcher):
    fake_search.set("rephrase")

    result = await validate(make_tracker, dispatcher, "und wie lange hat das offen?")

    assert result == {"gemeinde": None, "gemeinde_attempts": 1.0}
    assert "Rathaus" in dispatcher.messages[0]["text"]


async def test_where_the_citizen_lives_wins_over_another_place(catalogue, make_tracker,
                                                               dispatcher):
    """"Wir wohnen in Waldkraiburg, aber wollen in Kraiburg heiraten" (eighth probe): the
    NLU's entity was the wedding town; the marriage is registered where they live."""
    tracker = make_tracker("gemeinde_form.json", intent="inform_gemeinde",
                           text="Wir wohnen in Waldkraiburg, aber wollen in Kraiburg heiraten")

    result = await ValidateGemeindeForm().validate_gemeinde("Kraiburg", dispatcher, tracker, {})

    assert result == {"gemeinde": "waldkraiburg", "gemeinde_attempts": 0.0}


async def test_an_event_outside_the_district_names_the_office_there(
        catalogue, make_tracker, dispatcher):
    """Eleventh probe: "geboren ist er in Altötting" got the Rathaus of the residence."""
    result = await validate(make_tracker, dispatcher, "geboren ist er in Altötting, wir "
                            "wohnen in Mühldorf", procedure_id="sterbefall")

    assert result.get("gemeinde") is None and result["requested_slot"] is None
    assert dispatcher.messages[0]["text"].startswith("Altötting liegt nicht im Landkreis")


@pytest.mark.parametrize("text", [
    "Ich will angeln gehen am Inn. Brauch ich einen Fischereischein? Hab keinen.",
    "Ich habe meinen Reisepass verloren und fliege in 5 Tagen. Was tun??",
])
async def test_the_form_opening_on_an_answered_message_only_asks_for_the_place(
        scripted, make_tracker, dispatcher, text):
    """Twelfth probe: the answer was printed twice — once by the flow that answered the
    message, once more by the form's validation opening on the same message."""
    scripted.on("fischereischein", "answer", "personalausweis")
    scripted.on("reisepass", "answer", "personalausweis")
    tracker = make_tracker("gemeinde_form.json", text=text, intent="search_procedure",
                           procedure_id="personalausweis")
    tracker.events.append({"event": "action", "name": "action_search_procedure"})
    # Rasa inserts the form's own execution before it calls the validation.
    tracker.events.append({"event": "action", "name": "gemeinde_form"})

    result = await ValidateGemeindeForm().validate_gemeinde(text, dispatcher, tracker, {})

    assert dispatcher.messages == []
    assert result.get("gemeinde") is None and not result.get("gemeinde_attempts")


async def test_a_question_while_the_form_waits_is_still_answered(scripted, make_tracker,
                                                                 dispatcher):
    """The form's own execution before its validation is no answer to the message."""
    scripted.on("elterngeld", "answer", "elterngeld")
    text = "und wie ist das mit dem Elterngeld?"
    tracker = make_tracker("gemeinde_form.json", text=text, intent="search_procedure",
                           procedure_id="personalausweis")
    tracker.events.append({"event": "action", "name": "gemeinde_form"})

    result = await ValidateGemeindeForm().validate_gemeinde(text, dispatcher, tracker, {})

    assert dispatcher.messages and "Elterngeld" in dispatcher.messages[0]["text"]
    assert result.get("gemeinde") is None


async def test_a_place_outside_typed_in_lower_case_is_named_not_the_whole_message(
        catalogue, make_tracker, dispatcher):
    """Twelfth probe: "ich wohn in töging" was quoted back whole as an unknown Gemeinde."""
    result = await validate(make_tracker, dispatcher, "ich wohn in töging")

    assert result == {"gemeinde": None, "gemeinde_attempts": 1.0}
    assert dispatcher.messages[0]["text"].startswith("„Töging“ habe ich nicht als Gemeinde")
