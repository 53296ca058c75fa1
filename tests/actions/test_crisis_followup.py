"""After a crisis reply: a message that fears the consequences hears that help is anonymous."""

from __future__ import annotations

from typing import Any

import pytest

from actions.crisis_followup import crisis_in_context, fears_consequences, follow_up
from actions.handoff import ActionHandoff
from actions.search_procedure import ActionDefaultFallback, ActionSearchProcedure
from actions.smalltalk import ActionSmalltalk
from tests.actions.conftest import record_of, run_action

# Worries about what happens to the one who reports or seeks help.
FEARS = [
    "ich will aber keinen Ärger",
    "ich will aber nicht dass die wissen dass ich das war",  # fourth blind probe
    "I do not want them to know it was me",
    "Muss ich meinen Namen sagen?",
    "Erfährt er, dass ich das war?",
    "Kann ich das anonym machen?",
    "Und wenn ich mich irre?",
    "ich bin mir nicht ganz sicher",
    "Bekomme ich dann Probleme?",
    "Ich hab Angst vor dem Jugendamt",
    "Bleibt das unter uns?",
    "Ich will niemanden anschwärzen",
    "I don't want any trouble",
    "will they find out it was me?",
    "what if I'm wrong?",
]
# Next messages after a crisis reply that are no such worry.
NO_FEAR = [
    "danke",
    "Wo ist das Jugendamt?",
    "Wie beantrage ich Elterngeld?",
    "Wo kann ich mehr erfahren?",
    "ok, ich rufe da an",
    "thank you",
]


def turn_record(decision: str, reason: str | None = None,
                safety_note: str | None = None) -> dict[str, Any]:
    return {"event": "slot", "name": "turn_record",
            "value": {"decision": decision, "reason": reason, "safety_note": safety_note}}


def previous_turn(*records: dict[str, Any]) -> list[dict[str, Any]]:
    """Events of a previous message and its reply, then the latest message."""
    return [{"event": "user", "text": "…"}, {"event": "action", "name": "action_x"},
            *records, {"event": "action", "name": "action_listen"},
            {"event": "user", "text": "now"}]


@pytest.mark.parametrize("text", FEARS)
def test_fears_of_consequences(text):
    assert fears_consequences(text)


@pytest.mark.parametrize("text", NO_FEAR)
def test_other_next_messages_are_no_fear(text):
    assert not fears_consequences(text)


def test_the_crisis_in_context_is_the_previous_turns_record():
    assert crisis_in_context(previous_turn(turn_record("crisis", "child+violence"))) == (
        "child", "violence")
    assert crisis_in_context(previous_turn(turn_record("answer", None, "child"))) == ("child",)
    assert crisis_in_context(previous_turn(turn_record("answer", None))) == ()
    # A crisis two messages ago is no longer the context.
    older = [{"event": "user", "text": "a"}, turn_record("crisis", "child"),
             *previous_turn(turn_record("answer"))]
    assert crisis_in_context(older) == ()


def test_only_kinds_with_anonymous_help_get_a_follow_up(with_child_entry):
    assert follow_up("Muss ich meinen Namen sagen?", "de",
                     previous_turn(turn_record("crisis", "medical"))) is None
    assert follow_up("Muss ich meinen Namen sagen?", "de",
                     previous_turn(turn_record("crisis", "homeless"))) is None
    found = follow_up("Muss ich meinen Namen sagen?", "de",
                      previous_turn(turn_record("crisis", "suicide+child")))
    assert found is not None and found[1] == ("suicide", "child")
    assert follow_up("ich will aber keinen Ärger", "de", previous_turn()) is None


def after_child_crisis(make_tracker: Any, text: str, intent: str) -> Any:
    tracker = make_tracker(text="Das Nachbarskind wird jeden Tag geschlagen",
                           intent="search_procedure", language="de")
    state = tracker.current_state()
    state["events"] += [
        {"event": "action", "name": "action_search_procedure"},
        {"event": "bot", "text": "Ich bin ein automatischer Assistent – …"},
        {"event": "slot", "name": "gemeinde_needed", "value": False},
        turn_record("crisis", "child"),
        {"event": "action", "name": "action_listen"},
        {"event": "user", "text": text,
         "parse_data": {"intent": {"name": intent, "confidence": 0.6}, "entities": []}}]
    state["latest_message"] = {"text": text, "intent": {"name": intent, "confidence": 0.6},
                               "entities": []}
    return type(tracker).from_dict(state)


@pytest.mark.parametrize("action, intent", [
    (ActionHandoff(), "request_human"),          # what the tester's message got
    (ActionDefaultFallback(), "nlu_fallback"),
    (ActionSmalltalk(), "deny"),
    (ActionSearchProcedure(), "search_procedure"),
])
async def test_after_a_child_crisis_whatever_the_intent(with_child_entry, fake_search,
                                                        make_tracker, dispatcher,
                                                        action, intent):
    tracker = after_child_crisis(make_tracker, "ich will aber keinen Ärger", intent)

    events = await run_action(action, dispatcher, tracker)

    [message] = dispatcher.messages
    assert message["text"].startswith("Sie können Ihre Sorge um ein Kind auch anonym melden")
    assert "+49 8631 699-0" in message["text"] and "Bürgerservice" not in message["text"]
    assert fake_search.queries == []
    record = record_of(events)
    assert (record.decision, record.outcome, record.reason) == ("crisis", "crisis_help",
                                                                "anonymous:child")


async def test_an_ordinary_question_after_a_crisis_is_answered_normally(
        with_child_entry, fake_search, make_tracker, dispatcher):
    fake_search.set("answer", "elterngeld")
    tracker = after_child_crisis(make_tracker, "Wie beantrage ich Elterngeld?",
                                 "search_procedure")

    events = await run_action(ActionSearchProcedure(), dispatcher, tracker)

    assert "Elterngeld" in dispatcher.messages[0]["text"]
    assert record_of(events).procedure_ids == ("elterngeld",)


async def test_the_same_worry_without_a_crisis_before_is_no_follow_up(
        fake_search, make_tracker, dispatcher):
    tracker = make_tracker(text="ich will aber keinen Ärger", intent="nlu_fallback",
                           language="de")

    events = await run_action(ActionSearchProcedure(), dispatcher, tracker)

    assert "anonym" not in dispatcher.messages[0]["text"]
    assert record_of(events).decision != "crisis"


@pytest.mark.parametrize("text", ["was soll ich jetzt tun?", "wo kann ich das melden?",
                                  "Wo kann ich hin?", "what should I do now?", "und jetzt?",
                                  # not by phone, in person, in English (fifth session probe)
                                  "anrufen will ich nicht, gibt es jemand zum hingehen?",
                                  "is there someone I can see in person?",
                                  "does anyone there speak English?",
                                  "kann mir das jugendamt helfen?",
                                  # tenth probe, after the help for an eviction
                                  "I already got the eviction letter, what can the city do?",
                                  "was kann die Gemeinde da machen?"])
def test_asking_for_the_next_step_after_a_crisis_gets_the_help_again(with_child_entry, text):
    """A frightened parent's "was soll ich jetzt tun?" right after the crisis reply must not
    meet a random menu: the crisis help again, for the kinds in context."""
    found = follow_up(text, "de", previous_turn(turn_record("crisis", "suicide")))
    assert found is not None
    reply, kinds, reason = found
    assert kinds == ("suicide",) and reason == "next_step"
    assert "0800 111 0 111" in reply.text


def test_a_next_step_question_without_a_crisis_before_is_not_one(with_child_entry):
    assert follow_up("was soll ich jetzt tun?", "de", previous_turn()) is None
    assert follow_up("Wie beantrage ich Elterngeld?", "de",
                     previous_turn(turn_record("crisis", "child"))) is None


def test_the_suicide_help_names_a_chat_and_a_service_that_comes_to_you():
    """Someone who cannot phone, or needs a person nearby, finds a way in the reply."""
    from actions.texts import say

    for language in ("de", "en"):
        text = say("crisis_suicide", language)
        assert "online.telefonseelsorge.de" in text and "0800 655 3000" in text


def test_fear_that_the_parents_find_out_after_suicidal_thoughts(with_child_entry):
    """Ninth probe: "ich hab angst dass meine eltern das mitkriegen" got the contact form."""
    found = follow_up("ich weiß nicht ob ich da anrufen kann, ich hab angst dass meine "
                      "eltern das mitkriegen", "de", previous_turn(turn_record("crisis",
                                                                               "suicide")))
    assert found is not None and found[1] == ("suicide",) and "anonym" in found[0].text


def test_asking_about_the_children_after_help_for_violence_adds_the_youth_office(
        with_child_entry):
    """Ninth probe: "jemand mit dem ich reden kann wegen den kindern?" got the switchboard."""
    found = follow_up("gibt es beim landratsamt jemand mit dem ich reden kann wegen den "
                      "kindern?", "de", previous_turn(turn_record("crisis", "violence")))
    assert found is not None and found[1] == ("child", "violence")
    assert "Kinderschutz" in found[0].text and "116 016" in found[0].text


@pytest.mark.parametrize("text, kind, number", [
    # ninth probe: a worried message after the emergency help got the violence line
    ("ich mach mir echt sorgen dass ihm was passiert ist", "medical", "112"),
    ("I'm really worried something happened to him", "medical", "112"),
    # ninth probe: after the help for leaking chemicals, a choice of dog bites
    ("nichts davon. das zeug läuft in den boden, ist das gefährlich? wen ruf ich an?",
     "danger", "112"),
])
def test_worry_about_the_danger_just_described_gets_that_help_again(text, kind, number):
    found = follow_up(text, "de", previous_turn(turn_record("crisis", kind)))
    assert found is not None
    reply, kinds, reason = found
    assert kinds == (kind,) and reason == "next_step" and number in reply.text
    assert "116 016" not in reply.text  # no violence line for a medical emergency


def test_a_worry_without_a_crisis_before_is_no_follow_up():
    assert follow_up("ist das gefährlich?", "de", previous_turn()) is None


@pytest.mark.parametrize("text", ["muss ich dann ins heim??", "nehmen die mir die Kinder weg?",
                                  "will they take my kids away?",
                                  # eleventh probe: a teenager who wants to be taken in
                                  "kann ich wirklich woanders wohnen? nimmt mich das jugendamt "
                                  "auf?"])
def test_the_fear_of_being_taken_away_after_help_for_a_child(text):
    """Tenth probe: a teenager's "muss ich dann ins heim??" after the child-protection help
    got a menu of Kita fees and foster care."""
    found = follow_up(text, "de", previous_turn(turn_record("crisis", "child")))
    assert found is not None
    reply, kinds, reason = found
    assert kinds == ("child",) and reason == "taken_away"
    assert "nur, wenn es zu Hause nicht sicher ist" in reply.text


def test_the_same_words_without_help_for_a_child_are_no_follow_up():
    assert follow_up("muss ich dann ins heim??", "de", previous_turn()) is None


@pytest.mark.parametrize("text", ["ich hab niemand zum reden", "ich bin so allein",
                                  "😢😢😢", "I feel so alone", "there is no one to talk to"])
def test_loneliness_or_tears_after_suicidal_thoughts_get_the_help_again(with_child_entry, text):
    """Twelfth probe: "ich hab niemand zum reden" after the suicide help got the
    Bürgerservice's switchboard, "😢😢😢" a "not found"."""
    found = follow_up(text, "de", previous_turn(turn_record("crisis", "suicide")))
    assert found is not None and found[1] == ("suicide",)
    assert "0800 111 0 111" in found[0].text


@pytest.mark.parametrize("text", ["ich hab niemand zum reden", "😢"])
def test_loneliness_without_a_crisis_before_is_no_follow_up(text):
    assert follow_up(text, "de", previous_turn()) is None


def test_a_single_parent_after_a_crisis_is_not_lonely(with_child_entry):
    assert follow_up("Ich bin allein erziehend, bekomme ich Unterhaltsvorschuss?", "de",
                     previous_turn(turn_record("crisis", "suicide"))) is None


@pytest.mark.parametrize("text, kind, number", [
    # twelfth-session probe: the next step in the danger got menus of unrelated options
    ("ok wir sind draußen. soll ich den stadtwerken bescheid geben oder wem?", "danger", "112"),
    ("darf ich wieder rein um die katze zu holen?", "danger", "112"),
    ("sie geht nicht ans telefon. soll ich die polizei rufen oder ist das übertrieben?",
     "medical", "112"),
    # the means at hand after suicidal thoughts got a greeting
    ("ich hab tabletten hier", "suicide", "0800 111 0 111"),
])
def test_the_next_step_in_the_danger_gets_the_help_again(with_child_entry, text, kind, number):
    found = follow_up(text, "de", previous_turn(turn_record("crisis", kind)))
    assert found is not None
    reply, kinds, reason = found
    assert kinds == (kind,) and reason == "next_step" and number in reply.text


@pytest.mark.parametrize("text", ["ich hab angerufen, die kommen. was soll ich bis dahin machen?",
                                  "I called, they are on their way. What do I do now?"])
def test_while_the_ambulance_is_on_its_way(with_child_entry, text):
    """Twelfth-session probe: "was soll ich bis dahin machen?" got "Rufen Sie sofort den
    Notruf 112 an" again."""
    found = follow_up(text, "de", previous_turn(turn_record("crisis", "medical")))
    assert found is not None
    reply, kinds, reason = found
    assert (kinds, reason) == (("medical",), "waiting") and "Seitenlage" in reply.text


def test_pills_without_a_crisis_before_are_no_follow_up():
    assert follow_up("ich hab tabletten hier, darf ich die im Urlaub mitnehmen?", "de",
                     previous_turn()) is None


@pytest.mark.parametrize("text, kind", [
    # twelfth-session probe (fourteenth writer): the switchboard, a postal-vote answer and a
    # goodbye right after the crisis help
    ("ich will mit niemandem telefonieren", "suicide"),
    ("Kann ich auch per Mail melden?", "child"),
    ("ach, ist eh alles egal", "suicide"),
])
def test_more_next_steps_after_a_crisis_get_the_help_again(with_child_entry, text, kind):
    found = follow_up(text, "de", previous_turn(turn_record("crisis", kind)))
    assert found is not None and found[1] == (kind,) and found[2] == "next_step"


def test_reporting_by_mail_without_a_crisis_before_is_no_follow_up():
    assert follow_up("Kann ich den Antrag auch per Mail melden?", "de", previous_turn()) is None


@pytest.mark.parametrize("text", [
    "ich will nicht dass die polizei kommt. gibts nicht so ne notunterkunft für jugendliche?",
    "keins davon. ich brauch heute nacht einen platz zum schlafen",
    "is there a shelter where I can sleep tonight?"])
def test_a_young_person_with_nowhere_to_sleep_after_help_for_a_child(text):
    """Fifteenth probe: a 15-year-old thrown out got a menu of holiday jobs, then the
    Gemeinde's emergency housing for adults."""
    found = follow_up(text, "de", previous_turn(turn_record("crisis", "child")))
    assert found is not None
    reply, kinds, reason = found
    assert (kinds, reason) == (("child",), "youth_night")
    assert "Inobhutnahme" in reply.text and "110" in reply.text and "116 111" in reply.text


def test_a_place_to_sleep_without_help_for_a_child_before_is_no_follow_up():
    assert follow_up("wo kann ich heute nacht schlafen?", "de", previous_turn()) is None



def test_after_help_for_violence_the_fear_of_losing_the_children_and_the_shelter():
    """Fifteenth probe: "Gibt es hier ein Frauenhaus? Und nimmt mir das Jugendamt die
    Kinder weg wenn ich mich melde?" after the help for violence got the child-protection
    report card."""
    events = previous_turn(turn_record("crisis", "violence"))
    found = follow_up("Gibt es hier im Landkreis ein Frauenhaus? Und nimmt mir das Jugendamt "
                      "die Kinder weg wenn ich mich melde?", "de", events)
    assert found is not None and found[2] == "taken_away"
    found = follow_up("Gibt es hier im Landkreis ein Frauenhaus?", "de", events)
    assert found is not None and found[1] == ("violence",) and "116 016" in found[0].text


@pytest.mark.parametrize("text, kind", [
    # seventeenth probe: the office switchboard, a menu of foster care and driving-licence
    # procedures right after the crisis help
    ("ich trau mich nicht anzurufen er hört das", "violence"),
    ("I can't call, he will hear me", "violence"),
    ("es ist sonntag, ist beim jugendamt da überhaupt wer?", "child"),
    ("is anyone there at the weekend?", "child"),
    ("soll ich ihn nicht lieber selber ins krankenhaus fahren geht schneller", "medical"),
    ("should I drive her to the hospital myself?", "medical"),
])
def test_cannot_phone_nobody_there_or_driving_oneself_get_the_help_again(
        with_child_entry, text, kind):
    found = follow_up(text, "de", previous_turn(turn_record("crisis", kind)))
    assert found is not None and found[1] == (kind,) and found[2] == "next_step"


def test_driving_to_hospital_without_a_crisis_before_is_no_follow_up():
    assert follow_up("Darf ich meinen Vater selber ins Krankenhaus fahren?", "de",
                     previous_turn()) is None


def test_the_poison_line_after_a_medical_emergency(with_child_entry):
    """Eighteenth probe: "gibt es einen giftnotruf?" after a child drank cleaning agent
    got the Bürgerservice; the medical help names the poison control centre."""
    found = follow_up("er atmet normal, gibt es einen giftnotruf den ich anrufen kann?", "de",
                      previous_turn(turn_record("crisis", "medical")))
    assert found is not None and found[2] == "next_step"
    assert "089 19240" in found[0].text
