"""action_search_procedure / action_choose_option / action_default_fallback."""

from __future__ import annotations

from rasa_sdk.events import SlotSet

from actions.choose_option import ActionChooseOption
from actions.search_procedure import ActionDefaultFallback, ActionSearchProcedure
from tests.actions.conftest import plain, record_of, run_action

ONLINE = "https://www.lra-mue.de/test/ikfz-abmeldung"
FEEDBACK_BUTTONS = [
    {"title": "Ja", "payload": '/feedback{"helpful": "yes"}'},
    {"title": "Nein", "payload": '/feedback{"helpful": "no"}'},
]


async def test_answer_has_link_in_text_and_button_and_bayernid(fake_search, make_tracker,
                                                                dispatcher):
    fake_search.set("answer", "kfz-abmeldung")
    tracker = make_tracker(text="Ich möchte mein Auto abmelden", intent="search_procedure")

    events = await run_action(ActionSearchProcedure(), dispatcher, tracker)

    assert fake_search.queries == ["Ich möchte mein Auto abmelden"]
    answer, feedback = dispatcher.messages
    assert answer["text"] == (
        "Außerbetriebsetzung (Abmeldung) eines Fahrzeugs\n"
        "Sie können Ihr Auto online über i-Kfz abmelden oder vor Ort bei der Zulassungsstelle.\n"
        f"Hier geht es direkt zum Online-Antrag: {ONLINE}\n"
        "Für den Online-Antrag brauchen Sie eine BayernID (z. B. mit dem Online-Ausweis).")
    assert answer["buttons"] == [{"title": "Zum Online-Antrag", "url": ONLINE,
                                  "type": "web_url"}]
    assert feedback["text"] == "War das hilfreich?"
    assert feedback["buttons"] == FEEDBACK_BUTTONS
    assert plain(events) == [SlotSet("language", "de"), SlotSet("procedure_id", "kfz-abmeldung"),
                      SlotSet("gemeinde_needed", False), SlotSet("search_failures", 0.0)]


async def test_english_question_gets_english_answer(fake_search, make_tracker, dispatcher):
    fake_search.set("answer", "kfz-abmeldung")
    tracker = make_tracker(text="I want to deregister my car", intent="search_procedure",
                           language="de")

    events = await run_action(ActionSearchProcedure(), dispatcher, tracker)

    answer, feedback = dispatcher.messages
    assert answer["text"].startswith("Deregistering a vehicle\nYou can deregister your car")
    assert f"Apply online here: {ONLINE}" in answer["text"]
    assert "you need a BayernID account" in answer["text"]
    assert answer["buttons"][0] == {"title": "Go to the online application", "url": ONLINE,
                                    "type": "web_url"}
    assert feedback["text"] == "Was this helpful?"
    assert plain(events)[0] == SlotSet("language", "en")


async def test_other_authority_is_named_with_its_link(fake_search, make_tracker, dispatcher):
    fake_search.set("answer", "elterngeld")
    tracker = make_tracker(text="Wo beantrage ich Elterngeld?", intent="search_procedure",
                           language="de")

    events = await run_action(ActionSearchProcedure(), dispatcher, tracker)

    text = dispatcher.messages[0]["text"]
    assert ("Dafür ist nicht das Landratsamt zuständig, sondern: "
            "Zentrum Bayern Familie und Soziales (ZBFS).") in text
    assert "https://www.lra-mue.de/test/zbfs-elterngeld-online" in text
    assert SlotSet("gemeinde_needed", False) in events


async def test_gemeinde_matter_sets_gemeinde_needed_and_waits_with_feedback(
        fake_search, make_tracker, dispatcher):
    fake_search.set("answer", "personalausweis")
    tracker = make_tracker(text="Ich brauche einen neuen Perso", intent="search_procedure",
                           language="de")

    events = await run_action(ActionSearchProcedure(), dispatcher, tracker)

    assert len(dispatcher.messages) == 1  # no feedback question before the Gemeinde form
    text = dispatcher.messages[0]["text"]
    assert "sondern Ihre Gemeinde (Rathaus bzw. Bürgerbüro)" in text
    assert "Alle Infos finden Sie hier: https://www.lra-mue.de/test/personalausweis" in text
    assert "BayernID" not in text  # no online application, so no login line
    assert dispatcher.messages[0]["buttons"] == [
        {"title": "Mehr Informationen", "url": "https://www.lra-mue.de/test/personalausweis",
         "type": "web_url"}]
    assert plain(events) == [SlotSet("procedure_id", "personalausweis"),
                      SlotSet("gemeinde_needed", True), SlotSet("search_failures", 0.0)]


async def test_close_scores_offer_up_to_three_choices(fake_search, make_tracker, dispatcher):
    fake_search.set("choose", "kfz-abmeldung", "kfz-zulassung", "personalausweis",
                    "elterngeld")
    tracker = make_tracker(text="Auto", intent="search_procedure", language="de")

    events = await run_action(ActionSearchProcedure(), dispatcher, tracker)

    [message] = dispatcher.messages
    assert message["text"] == "Dazu habe ich mehrere Möglichkeiten gefunden. Was meinen Sie?"
    assert message["buttons"] == [
        {"title": "Außerbetriebsetzung (Abmeldung) eines Fahrzeugs",
         "payload": '/choose_option{"procedure_id": "kfz-abmeldung"}'},
        {"title": "Zulassung eines Fahrzeugs",
         "payload": '/choose_option{"procedure_id": "kfz-zulassung"}'},
        {"title": "Personalausweis beantragen",
         "payload": '/choose_option{"procedure_id": "personalausweis"}'},
    ]
    assert plain(events) == [SlotSet("gemeinde_needed", False), SlotSet("search_failures", 0.0)]


async def test_rephrase_once_then_hand_off(fake_search, make_tracker, dispatcher):
    fake_search.set("rephrase")
    first = make_tracker(text="Dings da mit dem Zeug", intent="search_procedure",
                         language="de")

    events = await run_action(ActionSearchProcedure(), dispatcher, first)

    assert dispatcher.messages[0]["text"].startswith("Das habe ich leider nicht genau verstanden")
    assert plain(events)[-1] == SlotSet("search_failures", 1.0)

    second_dispatcher = type(dispatcher)()
    second = make_tracker(text="na das Zeug halt", intent="nlu_fallback", language="de",
                          search_failures=1.0)
    events = await run_action(ActionSearchProcedure(), second_dispatcher, second)

    apology, contact = second_dispatcher.messages
    assert apology["text"].startswith("Das habe ich leider wieder nicht gefunden")
    assert "Telefon: +49 8631 699-0" in contact["text"]
    assert "E-Mail: poststelle@lra-mue.de" in contact["text"]
    assert "Sicheres Kontaktformular: https://www.lra-mue.de/test/kontaktformular" in \
        contact["text"]
    assert contact["buttons"] == [{"title": "Zum Kontaktformular",
                                   "url": "https://www.lra-mue.de/test/kontaktformular",
                                   "type": "web_url"}]
    assert plain(events)[-1] == SlotSet("search_failures", 0.0)


async def test_out_of_scope_is_answered_only_when_search_is_confident(fake_search,
                                                                       make_tracker,
                                                                       dispatcher):
    fake_search.set("rephrase", "kfz-abmeldung", "kfz-zulassung")
    tracker = make_tracker(text="Wie wird das Wetter morgen?", intent="out_of_scope",
                           language="de")

    events = await run_action(ActionSearchProcedure(), dispatcher, tracker)

    [message] = dispatcher.messages
    assert message["text"].startswith("Dabei kann ich leider nicht helfen.")
    # A failed message like any other: the second one in a row hands off.
    assert plain(events) == [SlotSet("gemeinde_needed", False), SlotSet("search_failures", 1.0)]


async def test_out_of_scope_with_close_options_offers_them(fake_search, make_tracker,
                                                           dispatcher):
    """"Der Nachbar hält seinen Hund an der Kette": the NLU says off-topic, the search
    has close options — a choice, not "Dabei kann ich leider nicht helfen"."""
    fake_search.set("choose", "kfz-abmeldung", "kfz-zulassung")
    tracker = make_tracker(text="der nachbar hält seinen hund an der kette",
                           intent="out_of_scope", language="de")

    events = await run_action(ActionSearchProcedure(), dispatcher, tracker)

    assert not dispatcher.messages[0]["text"].startswith("Dabei kann ich leider nicht helfen")
    assert record_of(events).decision == "choose"


async def test_out_of_scope_second_gate_answers_confident_search(fake_search, make_tracker,
                                                                 dispatcher):
    fake_search.set("answer", "kfz-abmeldung")
    tracker = make_tracker(text="Karre weg, Auto abmelden", intent="out_of_scope",
                           language="de")

    events = await run_action(ActionSearchProcedure(), dispatcher, tracker)

    assert ONLINE in dispatcher.messages[0]["text"]
    assert SlotSet("procedure_id", "kfz-abmeldung") in events


async def test_short_off_topic_message_must_name_what_the_search_found(
        fake_search, make_tracker, dispatcher):
    """"wie spät ist es" resembles a procedure only by meaning: the NLU's reading stands."""
    fake_search.set("answer", "kfz-abmeldung")
    tracker = make_tracker(text="wie spät ist es", intent="out_of_scope", language="de")

    events = await run_action(ActionSearchProcedure(), dispatcher, tracker)

    assert SlotSet("procedure_id", "kfz-abmeldung") not in events
    assert record_of(events).decision == "out_of_scope"


async def test_search_failure_hands_off(catalogue, monkeypatch, make_tracker, dispatcher):
    import actions.common as common

    def broken() -> None:
        raise RuntimeError("model missing")

    monkeypatch.setattr(common, "get_search_engine", broken)
    tracker = make_tracker(text="Auto abmelden", intent="search_procedure", language="de")

    await run_action(ActionSearchProcedure(), dispatcher, tracker)

    unavailable, contact = dispatcher.messages
    assert unavailable["text"] == "Die Suche ist gerade leider nicht erreichbar."
    assert contact["buttons"][0]["url"] == "https://www.lra-mue.de/test/kontaktformular"


async def test_choose_option_button_answers_that_procedure(catalogue, make_tracker, dispatcher):
    tracker = make_tracker("after_choices.json", text='/choose_option{"procedure_id": '
                           '"kfz-zulassung"}', intent="choose_option",
                           entities=[{"entity": "procedure_id", "value": "kfz-zulassung"}])

    events = await run_action(ActionChooseOption(), dispatcher, tracker)

    assert dispatcher.messages[0]["text"].startswith("Zulassung eines Fahrzeugs\n")
    assert dispatcher.messages[0]["buttons"] == [
        {"title": "Mehr Informationen", "url": "https://www.lra-mue.de/test/kfz-zulassung",
         "type": "web_url"}]
    assert plain(events) == [SlotSet("procedure_id", "kfz-zulassung"),
                      SlotSet("gemeinde_needed", False), SlotSet("search_failures", 0.0)]


async def test_typed_ordinal_picks_from_offered_choices(catalogue, make_tracker, dispatcher):
    tracker = make_tracker("after_choices.json", text="die zweite bitte",
                           intent="choose_option")

    events = await run_action(ActionChooseOption(), dispatcher, tracker)

    assert SlotSet("procedure_id", "kfz-zulassung") in events


async def test_unknown_choice_asks_again(catalogue, make_tracker, dispatcher):
    tracker = make_tracker(text='/choose_option{"procedure_id": "gibtsnicht"}',
                           intent="choose_option", language="de",
                           entities=[{"entity": "procedure_id", "value": "gibtsnicht"}])

    events = await run_action(ActionChooseOption(), dispatcher, tracker)

    assert dispatcher.messages[0]["text"] == (
        "Diese Auswahl kenne ich leider nicht. Worum geht es Ihnen?")
    assert plain(events) == [SlotSet("gemeinde_needed", False), SlotSet("search_failures", 1.0)]


async def test_core_fallback_counts_as_failed_search(catalogue, make_tracker, dispatcher):
    tracker = make_tracker(text="hä", intent="affirm", language="de")

    events = await run_action(ActionDefaultFallback(), dispatcher, tracker)

    assert dispatcher.messages[0]["text"].startswith("Das habe ich leider nicht genau")
    assert plain(events)[-1] == SlotSet("search_failures", 1.0)


async def test_real_lexical_search_answers_auto_abmelden(lexical_search, make_tracker,
                                                         dispatcher):
    """Integration with the real engine (lexical mode): the flagship question works."""
    tracker = make_tracker(text="Ich möchte mein Auto abmelden", intent="search_procedure")

    events = await run_action(ActionSearchProcedure(), dispatcher, tracker)

    offered = dispatcher.messages[0]
    if offered.get("buttons") and "payload" in offered["buttons"][0]:
        # Lexical mode may only be sure enough to offer choices: the right one is first.
        assert offered["buttons"][0]["payload"] == (
            '/choose_option{"procedure_id": "kfz-abmeldung"}')
    else:
        assert ONLINE in offered["text"]
        assert SlotSet("procedure_id", "kfz-abmeldung") in events


async def test_responsibility_by_road_asks_which_road(fake_search, catalogue, make_tracker,
                                                    dispatcher):
    from catalogue.db import all_gemeinden, all_procedures, replace_catalogue
    from catalogue.models import Procedure

    order = Procedure(id="verkehrsrechtliche-anordnung", title="Verkehrsrechtliche Anordnung",
                      short_answer="Für Arbeiten auf öffentlichen Straßen brauchen Sie eine "
                                   "Anordnung.", category="Verkehr", department="Verkehr",
                      responsible_level="landratsamt", responsible="Landratsamt",
                      info_url="https://www.lra-mue.de/verkehr", depends_on="road")
    replace_catalogue(catalogue, [*all_procedures(catalogue), order], all_gemeinden(catalogue))
    fake_search.set("answer", "verkehrsrechtliche-anordnung")
    tracker = make_tracker(text="Baustelle an der Straße absperren", intent="search_procedure")

    await run_action(ActionSearchProcedure(), dispatcher, tracker)

    texts = [m.get("text") or "" for m in dispatcher.messages]
    assert any(t.startswith("Um welche Straße geht es?") for t in texts)
