"""actions.shortcuts: messages about the conversation so far, answered from the context."""

from __future__ import annotations

import pytest

import actions.common as common
from actions.common import language_request
from actions.search_procedure import ActionSearchProcedure
from actions.smalltalk import ActionSmalltalk
from tests.actions.conftest import record_of, run_action


@pytest.mark.parametrize(("text", "target"), [
    ("und in English please?", "en"), ("English please", "en"), ("in english pls", "en"),
    ("can you answer in English?", "en"), ("auf Deutsch bitte", "de"), ("Deutsch bitte!", "de"),
    ("in German please", "de"),
    ("Is there an English form?", None), ("Ich lerne Deutsch", None),
    ("Deutschkurs in Mühldorf", None), ("Englisch Nachweis für die Einbürgerung", None),
])
def test_language_request(text, target):
    assert language_request(text) == target


async def test_in_english_please_repeats_the_answer_in_english(make_tracker, dispatcher):
    tracker = make_tracker("after_answer.json", text="und in English please?",
                           intent="nlu_fallback", language="de")

    events = await run_action(ActionSearchProcedure(), dispatcher, tracker)

    assert dispatcher.messages[0]["text"].startswith("Deregistering a vehicle")
    slots = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    assert slots["language"] == "en"
    record = record_of(events)
    assert (record.reason, record.procedure_ids) == ("language", ("kfz-abmeldung",))


async def test_a_language_request_without_context_greets_in_that_language(make_tracker,
                                                                        dispatcher):
    tracker = make_tracker(text="auf Deutsch bitte", intent="nlu_fallback", language="en")

    events = await run_action(ActionSearchProcedure(), dispatcher, tracker)

    assert dispatcher.messages[0]["text"].startswith("Gern, ich antworte auf Deutsch")
    assert record_of(events).reason == "language"


async def test_a_message_in_another_language_says_which_languages_we_speak(make_tracker,
                                                                         dispatcher):
    tracker = make_tracker(text="Oturma iznimi uzatmak istiyorum", intent="nlu_fallback")

    events = await run_action(ActionSearchProcedure(), dispatcher, tracker)

    text = dispatcher.messages[0]["text"]
    assert "nur Deutsch und Englisch" in text and "only answer in German or English" in text
    assert record_of(events).reason == "other_language"


async def test_another_language_naming_a_procedure_in_german_is_answered(
        scripted, make_tracker, dispatcher):
    """Twelfth probe: "Oturma iznim (Aufenthaltstitel) gelecek ay bitiyor" names the
    residence permit in German; it is answered, not refused."""
    scripted.on("aufenthaltstitel", "answer", "aufenthaltstitel-verlaengerung", "elterngeld")
    tracker = make_tracker(text="Merhaba, oturma iznim (Aufenthaltstitel) gelecek ay "
                                "bitiyor. Nasıl uzatabilirim?", intent="nlu_fallback")

    events = await run_action(ActionSearchProcedure(), dispatcher, tracker)

    record = record_of(events)
    assert record.reason != "other_language"
    assert record.procedure_ids[0] == "aufenthaltstitel-verlaengerung"


@pytest.mark.parametrize("text", ["kann ich meinen Sohn mit Vollmacht schicken?",
                                  "Kann meine Frau das für mich abmelden?",
                                  "can I send someone on my behalf?"])
async def test_may_someone_else_do_it_asks_the_office_not_the_vorsorgevollmacht(
        make_tracker, dispatcher, text):
    tracker = make_tracker("after_answer.json", text=text, intent="search_procedure")

    events = await run_action(ActionSearchProcedure(), dispatcher, tracker)

    record = record_of(events)
    assert (record.reason, record.procedure_ids) == ("ask_proxy", ("kfz-abmeldung",))


async def test_must_i_come_in_person_is_how_to_apply(make_tracker, dispatcher):
    """"muss ich persönlich hin?" was read as a request for a person (handoff)."""
    tracker = make_tracker("after_answer.json", text="muss ich persönlich hin?",
                           intent="request_human")

    events = await run_action(ActionSearchProcedure(), dispatcher, tracker)

    record = record_of(events)
    assert (record.aspect, record.procedure_ids) == ("online", ("kfz-abmeldung",))


@pytest.mark.parametrize("intent", ["ask_online", "search_procedure"])
async def test_on_paper_please_is_the_way_without_the_internet(make_tracker, dispatcher,
                                                               intent, fake_search):
    """Fifteenth probe: a pensioner without a computer asked "Geht das auch auf Papier?"
    and was told it can be done online."""
    tracker = make_tracker("after_answer.json",
                           text="Ich habe keinen Computer. Geht das auch auf Papier?",
                           intent=intent)

    events = await run_action(ActionSearchProcedure(), dispatcher, tracker)

    assert "ohne Internet" in dispatcher.messages[0]["text"]
    assert "online erledigen" not in dispatcher.messages[0]["text"]
    assert record_of(events).procedure_ids == ("kfz-abmeldung",)


@pytest.mark.parametrize("text", [
    "Das ist das dritte Mal, dass bei der Zulassungsstelle keiner ran geht!!! Unverschämt",
    "Ich will mich über die Zulassungsstelle beschweren",
])
async def test_a_complaint_naming_an_office_gets_an_apology_and_that_office(
        fake_search, make_tracker, dispatcher, text):
    fake_search.set("choose", "kfz-abmeldung", "kfz-zulassung")  # both: Zulassungsstelle
    tracker = make_tracker(text=text, intent="search_procedure")

    events = await run_action(ActionSearchProcedure(), dispatcher, tracker)

    texts = [m.get("text") or "" for m in dispatcher.messages]
    assert texts[0].startswith("Das tut mir leid")
    assert texts[1].startswith("Kfz-Zulassungsstelle") and texts[1].count("Zulassungsstelle") == 1
    assert any("Bürgerservice" in t for t in texts[2:])
    record = record_of(events)
    assert (record.decision, record.reason) == ("handoff", "complaint")
    assert record.procedure_ids == ("kfz-abmeldung",)


async def test_a_complaint_whose_office_the_search_only_guesses_goes_to_the_buergerservice(
        fake_search, make_tracker, dispatcher):
    """"foreigners office" must not become the foreign driving licence's office: the
    complaint has to name the department itself."""
    fake_search.set("answer", "kfz-abmeldung")
    tracker = make_tracker(text="nobody answers the phone at the foreigners office",
                           intent="search_procedure", language="en")

    events = await run_action(ActionSearchProcedure(), dispatcher, tracker)

    assert dispatcher.messages[0]["text"].startswith("I am sorry")
    assert record_of(events).procedure_ids == ()


async def test_a_complaint_the_catalogue_has_a_report_for_gets_that_report(
        catalogue, fake_search, make_tracker, dispatcher, monkeypatch):
    """Eighth blind set: "… der Bus kam gar nicht. Wo kann ich mich darüber beschweren?"
    was handed off; the catalogue has the report for a late school bus."""
    from catalogue.db import all_gemeinden, all_procedures, open_db, replace_catalogue
    from catalogue.models import Contact, Procedure

    bus = Procedure(id="schulbus-melden", title="Verspäteten Schulbus melden",
                    short_answer="Melden Sie es dem Landratsamt (Schülerbeförderung).",
                    category="Bildung", department="Schülerbeförderung",
                    responsible_level="landratsamt",
                    responsible="Landratsamt Mühldorf a. Inn",
                    info_url="https://www.lra-mue.de/test/schulbus",
                    contact=Contact(name="Schülerbeförderung"))
    db = open_db(None)
    replace_catalogue(db, [*all_procedures(catalogue), bus], all_gemeinden(catalogue))
    monkeypatch.setattr(common, "get_db", lambda: db)
    fake_search.db = db
    fake_search.set("answer", "schulbus-melden")
    tracker = make_tracker(text="Der Schulbus kam schon wieder nicht! Wo kann ich mich "
                                "darüber beschweren?", intent="out_of_scope")

    events = await run_action(ActionSearchProcedure(), dispatcher, tracker)

    record = record_of(events)
    assert (record.decision, record.procedure_ids) == ("answer", ("schulbus-melden",))


@pytest.mark.parametrize("text", ["du bist echt nutzlos", "you are useless"])
async def test_an_insult_gets_an_apology_not_a_smalltalk_line(make_tracker, dispatcher, text):
    from actions.smalltalk import ActionSmalltalk

    tracker = make_tracker(text=text, intent="bot_challenge")

    events = await run_action(ActionSmalltalk(), dispatcher, tracker)

    assert "leid" in dispatcher.messages[0]["text"] or "sorry" in dispatcher.messages[0]["text"]
    assert record_of(events).reason == "complaint"


@pytest.mark.parametrize("text", ["wie lange hab ich zeit?", "bis wann muss ich das machen?",
                                  "how long do we have?"])
async def test_a_deadline_question_is_answered_from_the_answer_in_context(
        catalogue, make_tracker, dispatcher, text):
    """"wie lange hab ich zeit?" right after an answer that states a time limit: that
    sentence, not "Dazu habe ich keine genaue Auskunft" (fifth blind probe)."""
    from actions.common import load_procedure
    from catalogue.db import insert_rows, procedure_to_row

    abmeldung = load_procedure("kfz-abmeldung")
    assert abmeldung is not None
    insert_rows(catalogue, "procedures", [procedure_to_row(abmeldung.model_copy(update={
        "short_answer": "Melden Sie das Fahrzeug ab. Das geht innerhalb von zwei Wochen "
                        "nach dem Verkauf auch online.",
        "short_answer_en": "Deregister the vehicle. Within two weeks of the sale this also "
                           "works online."}))], upsert=True)
    tracker = make_tracker("after_answer.json", text=text, intent="nlu_fallback")

    events = await run_action(ActionSearchProcedure(), dispatcher, tracker)

    assert "zwei Wochen" in dispatcher.messages[0]["text"] or \
        "two weeks" in dispatcher.messages[0]["text"]
    record = record_of(events)
    assert (record.reason, record.procedure_ids) == ("deadline", ("kfz-abmeldung",))


def test_opening_hours_are_no_deadline():
    from actions.question_kinds import asks_deadline

    assert not asks_deadline("bis wann habt ihr offen?")
    assert asks_deadline("Bis wann muss ich das erledigen?")


async def test_a_complaint_naming_a_procedure_gets_its_office(fake_search, make_tracker,
                                                            dispatcher):
    fake_search.set("answer", "elterngeld")
    tracker = make_tracker(text="Ich will mich beschweren, mein Elterngeldantrag liegt seit "
                                "Monaten", intent="search_procedure")

    events = await run_action(ActionSearchProcedure(), dispatcher, tracker)

    assert dispatcher.messages[0]["text"].startswith("Das tut mir leid")
    assert dispatcher.messages[1]["text"].startswith("ZBFS")
    assert record_of(events).procedure_ids == ("elterngeld",)


async def test_cost_and_duration_in_one_question_get_both(catalogue, make_tracker, dispatcher):
    """"was kostet des und wie lang dauerts?" got only the duration (sixth blind probe)."""
    from actions.common import load_procedure

    abmeldung = load_procedure("kfz-abmeldung")
    assert abmeldung is not None and abmeldung.fees and abmeldung.processing_time
    tracker = make_tracker("after_answer.json", text="was kostet des und wie lang dauerts?",
                           intent="ask_fees")

    await run_action(ActionSearchProcedure(), dispatcher, tracker)

    text = dispatcher.messages[0]["text"]
    assert abmeldung.fees in text and abmeldung.processing_time in text


@pytest.mark.parametrize("text", ["Welche Daten speichert der Chat?", "Datenschutz im Chat?",
                                  "is this conversation stored?"])
async def test_a_privacy_question_gets_what_the_chat_stores(fake_search, make_tracker,
                                                            dispatcher, text):
    """Tenth probe: "Datenschutz im Chat?" got a menu headed by dead farm animals."""
    tracker = make_tracker(text=text, intent="out_of_scope")

    events = await run_action(ActionSearchProcedure(), dispatcher, tracker)

    assert "90" in dispatcher.messages[0]["text"]
    assert "datenschutz" in dispatcher.messages[0]["text"]  # the notice's address
    assert record_of(events).reason == "privacy"


@pytest.mark.parametrize("text, procedure_id", [
    ("Ist mein Antrag damit jetzt eingegangen?", "kfz-abmeldung"),  # in context
    ("Wie ist der Stand meiner Außerbetriebsetzung?", "kfz-abmeldung"),
])
async def test_a_status_question_says_the_chat_cannot_see_files(
        fake_search, make_tracker, dispatcher, text, procedure_id):
    """Tenth probe: "Ist mein Antrag … eingegangen?" got "keine genaue Auskunft" — the
    citizen may believe the chat took the application."""
    fake_search.set("answer", "kfz-abmeldung")
    tracker = make_tracker("after_answer.json", text=text, intent="search_procedure")

    events = await run_action(ActionSearchProcedure(), dispatcher, tracker)

    assert dispatcher.messages[0]["text"].startswith("Den Bearbeitungsstand")
    assert record_of(events).procedure_ids == (procedure_id,)


async def test_a_status_question_without_a_matter_goes_to_the_buergerservice(
        fake_search, make_tracker, dispatcher):
    fake_search.set("answer", "personalausweis")  # a guess from the word "Stand"
    tracker = make_tracker(text="Wie ist der Stand meines Antrags?", intent="search_procedure")

    events = await run_action(ActionSearchProcedure(), dispatcher, tracker)

    assert dispatcher.messages[0]["text"].startswith("Den Bearbeitungsstand")
    assert (record_of(events).decision, record_of(events).reason) == ("handoff", "status")


@pytest.mark.parametrize("text, intent", [("und was brauch ich alles", "goodbye"),
                                          ("Was brauche ich dafür?", "search_procedure"),
                                          ("what do I need to bring?", "nlu_fallback")])
async def test_what_is_needed_after_an_answer_gets_its_documents(make_tracker, dispatcher,
                                                                 text, intent):
    """Twelfth probe: "und was brauch ich alles" after an answer got "Auf Wiedersehen"."""
    tracker = make_tracker("after_answer.json", text=text, intent=intent)

    events = await run_action(ActionSearchProcedure(), dispatcher, tracker)

    record = record_of(events)
    assert (record.aspect, record.procedure_ids) == ("documents", ("kfz-abmeldung",))


async def test_yes_but_how_much_after_the_feedback_question_is_the_fee(make_tracker, dispatcher):
    """Sixteenth probe: "Ja aber wie viel Euro?" after "War das hilfreich?" got "Danke für
    Ihre Rückmeldung!"."""
    from actions.feedback import ActionFeedback

    tracker = make_tracker("after_answer.json", text="Ja aber wie viel Euro?", intent="affirm")

    events = await run_action(ActionFeedback(), dispatcher, tracker)

    record = record_of(events)
    assert (record.aspect, record.procedure_ids) == ("fees", ("kfz-abmeldung",))


@pytest.mark.parametrize("intent", ["goodbye", "nlu_fallback"])
async def test_a_deadline_question_without_a_stated_limit_says_so(
        catalogue, make_tracker, dispatcher, intent):
    """Seventeenth probe: "und bis wann muas i des beantragt ham" after the postal-vote
    answer (read as a goodbye) got "Auf Wiedersehen"; without a time limit in the answer
    it is told honestly that there is none to name, with the page to read."""
    from actions.common import load_procedure
    from catalogue.db import insert_rows, procedure_to_row

    abmeldung = load_procedure("kfz-abmeldung")
    assert abmeldung is not None
    insert_rows(catalogue, "procedures", [procedure_to_row(abmeldung.model_copy(update={
        "short_answer": "Melden Sie das Fahrzeug bei der Zulassungsstelle ab."}))],
        upsert=True)
    tracker = make_tracker("after_answer.json", text="und bis wann muas i des beantragt ham",
                           intent=intent)
    action = ActionSmalltalk() if intent == "goodbye" else ActionSearchProcedure()

    events = await run_action(action, dispatcher, tracker)

    text = dispatcher.messages[0]["text"]
    assert "Frist" in text and "Wiedersehen" not in text
    assert abmeldung.link in text
    record = record_of(events)
    assert (record.reason, record.procedure_ids) == ("deadline", ("kfz-abmeldung",))


async def test_a_deadline_question_with_a_story_stays_with_the_answer(
        catalogue, make_tracker, dispatcher):
    """Eighteenth probe: "bis wann muss ich das machen? er ist vor 3 wochen gestorben"
    after the inherited weapons got the death registration."""
    from actions.common import load_procedure
    from catalogue.db import insert_rows, procedure_to_row

    abmeldung = load_procedure("kfz-abmeldung")
    assert abmeldung is not None
    insert_rows(catalogue, "procedures", [procedure_to_row(abmeldung.model_copy(update={
        "short_answer": "Melden Sie das Fahrzeug ab. Das geht innerhalb von zwei Wochen "
                        "nach dem Verkauf auch online."}))], upsert=True)
    tracker = make_tracker("after_answer.json", intent="nlu_fallback",
                           text="bis wann muss ich das machen? mein vater ist vor 3 wochen "
                                "gestorben")

    events = await run_action(ActionSearchProcedure(), dispatcher, tracker)

    assert "zwei Wochen" in dispatcher.messages[0]["text"]
    assert record_of(events).reason == "deadline"
