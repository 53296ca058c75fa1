"""Crisis routing: the detector, the help-numbers reply, and "before anything else"."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
import yaml
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet

from actions.crisis import detect_crisis
from actions.responsibility import ActionAskGemeinde, ActionGemeindeContact, ValidateGemeindeForm
from actions.search_procedure import ActionDefaultFallback, ActionSearchProcedure
from actions.smalltalk import ActionSmalltalk
from conversations.turn_record import TurnRecord
from tests.actions.conftest import plain, record_of, run_action

ROOT = Path(__file__).resolve().parents[2]
NOT_HELPING = ("Dabei kann ich leider nicht helfen", "Sorry, I cannot help")

# -- the detector: phrasings written for these tests (not the independent list) -------
CRISES = [
    # eleventh probe: war ordnance, a flooded cellar, bleeding in pregnancy (in English)
    ("I found an old hand grenade in the field near Polling, kids played there", "danger"),
    ("Beim Pflügen haben wir alte Munition gefunden", "danger"),
    ("Mein Keller steht 20 cm unter Wasser und der Strom ist noch an", "danger"),
    ("Hochwasser! Keller voll Wasser! Wen ruf ich an?", "danger"),
    ("strong pain in the belly now and bleeding a little", "medical"),
    ("my wife is pregnant and since an hour she has bleeding", "medical"),
    # tenth probe: a polluted stream
    ("In der Isen bei Schwindegg treiben tote Fische und es riecht nach Gülle", "danger"),
    ("der Bach hinterm Hof ist ganz braun und schäumt", "danger"),
    ("there are dead fish everywhere in the river near Ampfing", "danger"),
    # ninth probe: leaking barrels, an eviction in English, signs of a helpless neighbour
    ("Im Wald habe ich Fässer gefunden, die laufen aus und es riecht nach Chemie", "danger"),
    ("my landlord wants to evict me and I have nowhere to go with my 2 kids", "homeless"),
    ("Mein Nachbar hat seit Tagen sein Rollo unten, der Briefkasten quillt über", "medical"),
    # danger (eighth probe): gas, fire, oil running into the ground
    ("In unserem Treppenhaus riecht es seit einer Stunde stark nach Gas. Wen soll ich anrufen?",
     "danger"),
    ("Heizöltank im Keller undicht, das Öl läuft in den Boden im Hof", "danger"),
    ("Hilfe, die Scheune vom Nachbarn brennt!", "danger"),
    ("there is smoke coming out of the house next door", "danger"),
    # a 16-year-old thrown out (eighth probe): the youth office, not adult homelessness
    ("ich bin 16 und meine eltern schmeißen mich raus, wo kann ich heute nacht schlafen", "child"),
    ("wo kann ich heute nacht schlafen?", "homeless"),
    # someone alone who has not opened the door since yesterday
    ("meine nachbarin (82) macht seit gestern nicht auf, ich hör aber den fernseher", "medical"),
    ("Mein Mann hat gerade einen Schlaganfall!", "medical"),
    ("mein vater hatte gerade einen herzinfarkt, was soll ich tun", "medical"),
    # violence: act or threat + a person, fear of a partner, German and English
    ("Mein Mann schlägt mich", "violence"),
    ("er wird immer wieder handgreiflich wenn er trinkt", "violence"),
    ("mei oida haut mi jeden obend", "violence"),
    ("Mein Ex bedroht mich mit einem Messer", "violence"),
    ("Ich trau mich nicht mehr nach hause", "violence"),
    ("Was soll ich tun, wenn mein Mann mich schlägt?", "violence"),
    ("Meine Nachbarin wird von ihrem Mann geschlagen, ich höre sie schreien", "violence"),
    ("Ich brauche einen neuen Aufenthaltstitel, mein Mann schlaegt mich", "violence"),
    ("mein freund hat gedroht mich umzubringen", "violence"),
    ("I'm scared of my boyfriend, he hit me", "violence"),
    ("my husband keeps hurting me", "violence"),
    ("I was raped last night", "violence"),
    ("he threatened to kill me if I leave", "violence"),
    # child: a child next to harm or neglect, also reported by neighbours and teachers
    ("Das Nachbarskind wird jeden Tag geschlagen", "child"),
    ("Ich bin Lehrerin, eine Schülerin kommt immer mit blauen Flecken", "child"),
    ("Die Nachbarn lassen ihre Kinder tagelang allein", "child"),
    ("mein Stiefvater schlägt mich und ich bin 14", "child"),
    ("the kid next door is left alone for days", "child"),
    ("my neighbour beats his kids", "child"),
    # suicide and self-harm, first person and about someone else
    ("ich will nicht mehr leben", "suicide"),
    ("i mog nimmer lebn", "suicide"),
    ("Ich denke darüber nach, mich umzubringen", "suicide"),
    ("Ich ritze mich wieder", "suicide"),
    ("Meine Freundin sagt, sie will sich umbringen", "suicide"),
    ("Wo beantrage ich Wohngeld? Eigentlich will ich gar nicht mehr leben", "suicide"),
    ("I want to die", "suicide"),
    ("i dont want to live anymore", "suicide"),
    ("I keep thinking about ending my life", "suicide"),
    # acute medical emergency
    ("Mein Vater atmet nicht mehr!", "medical"),
    ("Hilfe meine Oma ist umgekippt und reagiert nicht", "medical"),
    ("Ich habe starke Brustschmerzen und mir ist schlecht", "medical"),
    ("Ihr Gesicht hängt auf einer Seite und sie spricht undeutlich", "medical"),
    ("mein sohn blutet ganz stark am kopf", "medical"),
    ("my husband collapsed and is unconscious", "medical"),
    ("my baby swallowed bleach", "medical"),
    ("she can't breathe", "medical"),
    # fifteenth probe: a tree across the road in the dark, floodwater at the house, a
    # feverish toddler who is very sleepy
    ("Auf der Straße bei Maitenbeth liegt ein Baum quer über der Fahrbahn!", "danger"),
    ("there is a tree lying across the road near Haag", "danger"),
    ("es ist Sonntag und das Wasser steht schon im Garten! Wen ruf ich an?", "danger"),
    ("she is 2 years old, 39.8 fever and very sleepy", "medical"),
    ("Mein Sohn hat hohes Fieber und ist ganz apathisch", "medical"),
    # sixteenth probe: a leaking oil tank, oil in the floor drain
    ("der Tank im Keller leckt, es ist schon was in den Bodenablauf gelaufen!", "danger"),
]

ORDINARY = [
    "Wo bekomme ich Munition für meinen Jagdschein?",
    "Gibt es einen Zuschuss nach dem Hochwasser letztes Jahr?",
    "Wie melde ich mein Hochwasserschutz-Projekt an?",
    "Meine Frau ist schwanger, wo bekommen wir Elterngeld?",
    "Wie entsorge ich tote Fische aus meinem Aquarium?",
    "Angelschein für den Inn: wo bekomme ich den?",
    "Brauche ich für meinen Fischteich eine Genehmigung?",
    "Wohin mit leeren Farbkanistern?",
    "Darf ich alte Ölfässer beim Wertstoffhof abgeben?",
    "Der Rollladen im Kinderzimmer ist seit Tagen kaputt, zahlt das der Vermieter?",
    "Ich möchte eine Gasheizung einbauen, gibt es Förderung?",
    "Muss ich meinen Heizöltank anmelden?",
    "Darf ich ein Osterfeuer machen?",
    "mein Auto verliert Öl, muss ich zum TÜV",
    "das Licht im Treppenhaus brennt nicht",
    "Wo kann ich heute in Mühldorf übernachten, gibt es ein Hotel?",
    "Der Nachbar macht nicht auf, wenn der Paketbote klingelt",
    "Mein Vater meldet sich seit Jahren nicht, bekomme ich Unterhaltsvorschuss?",
    # An illness that happened, and the care after it (seventh probe: an overburdened carer).
    "Ich bin 79 und pflege meinen Mann seit seinem Schlaganfall. Ich schaffe das nicht mehr.",
    "Nach dem Herzinfarkt meiner Mutter brauchen wir Hilfe im Haushalt.",
    "Mein Vater hatte vor zwei Monaten einen Schlaganfall, ich pflege ihn und schaffe es nicht.",
    "Wo finde ich das Formular für eine Kinderschutz-Meldung?",
    "Wie melde ich eine Kindeswohlgefährdung beim Jugendamt?",
    "Notfallsanitäter Ausbildung Voraussetzungen",
    "Wie beantrage ich einen Waffenschein?",
    "Sterbeurkunde beantragen nach dem Tod meiner Mutter",
    "Welche Voraussetzungen hat § 1 Gewaltschutzgesetz für meine Mandantin?",
    "Erste-Hilfe-Kurs für den Führerschein",
    "Ich brauche einen Notreisepass",
    "das Formular bringt mich um, weil ich nichts verstehe",
    "I'm killing it with these forms",
    "I'm dying to know when my permit arrives",
    "Hundebiss melden, der Biss vor zwei Wochen ist verheilt",
    "Wo kann ich mich impfen lassen?",
    "Ich kann von der Rente nicht leben, gibt es Grundsicherung?",
    "Ich habe meine Tabletten genommen, brauche ich ein Attest?",
    "Mein Kind hat Angst vor dem Zahnarzt",
    "Was schlagen Sie mir vor?",
    "Die Website reagiert nicht",
    "Herzinfarkt letztes Jahr, wie beantrage ich einen Schwerbehindertenausweis?",
    "Was kostet ein Krankenwagen?",
    "Kinderreisepass für meine Tochter beantragen",
    "Das haut mich um!",
    "Ich war letzte Woche ohnmächtig geworden, darf ich Auto fahren?",
    "Mein Hund wurde vergiftet, wo melde ich Giftköder?",
    "Wie erkennt man, ob ein Kind vernachlässigt wird?",
    "Was tun, wenn jemand nicht atmet?",
    "Ich habe Angst vor meiner Prüfung",
    "I'm scared of the driving test",
    "Suizidprävention Fortbildung für Lehrkräfte",
    "Meine Daten wurden missbraucht",
    "Ich habe mich beim Sport verletzt, zahlt die Unfallversicherung?",
    "Tritt meine Kündigung sofort in Kraft?",
    "this form is killing me",
    "The ATM is not working",
    "Statistik häusliche Gewalt im Landkreis",
    "Mein Baum ist über die Straße gewachsen, darf ich ihn schneiden?",
    "Wasser steht im Garten nach dem Regen, muss ich das melden?",
    "Mein Kind hat Fieber, braucht es ein Attest für die Kita?",
    "Wir wollen einen neuen Öltank einbauen, muss ich den anmelden?",
]


@pytest.mark.parametrize("text, kind", CRISES)
def test_crises_are_detected_with_their_kind(text, kind):
    crisis = detect_crisis(text)
    assert crisis is not None, text
    assert crisis.kind == kind, crisis


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_questions_with_similar_words_are_not_crises(text):
    assert detect_crisis(text) is None


# A message can carry several kinds (most urgent first); the same words mean one kind.
KINDS = [
    ("Ich kann nicht mehr. Mein Mann schlägt mich und die Kinder und ich weiß nicht wohin",
     ("child", "violence")),
    ("my husband hits me and the kids", ("child", "violence")),
    ("Mein Mann schlägt mich und die Kinder (5 und 8)", ("child", "violence")),  # not my age
    ("Ich will nicht mehr aufwachen. Hab alle Schlaftabletten genommen", ("medical", "suicide")),
    ("Er hat mich gewürgt, ich bekomme keine Luft", ("medical", "violence")),
    ("Mein Vater schlägt mich", ("child",)),                     # the writer is the child
    ("mein Stiefvater schlägt mich und ich bin 14", ("child",)),
    ("Ich will mich umbringen", ("suicide",)),                   # no threat by someone else
    ("Mein Nachbar hat sich mit dem Messer tief in die Hand geschnitten, es blutet stark",
     ("medical",)),                                               # an accident, no attack
]


@pytest.mark.parametrize("text, kinds", KINDS)
def test_every_kind_of_a_message_most_urgent_first(text, kinds):
    crisis = detect_crisis(text)
    assert crisis is not None and crisis.kinds == kinds, crisis
    assert crisis.kind == kinds[0] and len(crisis.cues) == len(kinds)


def load_cases(name: str) -> dict[str, list[Any]]:
    return yaml.safe_load((Path(__file__).parent / "fixtures" / name).read_text(encoding="utf-8"))


def text_of(item: Any) -> str:
    return str(item["text"] if isinstance(item, dict) else item)


OWN = load_cases("crisis_own_cases.yaml")


@pytest.mark.parametrize("item", OWN["crisis"], ids=lambda item: item["text"][:40])
def test_own_crisis_phrasings(item):
    crisis = detect_crisis(item["text"])
    assert crisis is not None and crisis.kind == item["kind"], crisis


@pytest.mark.parametrize("text", OWN["not_crisis"], ids=lambda text: text[:40])
def test_own_ordinary_phrasings(text):
    assert detect_crisis(text) is None


def test_independent_list_recall_and_false_positives():
    """crisis_cases.yaml was written by someone who never saw the detector.

    Blind (first version, before anyone here read the list): recall 74/139 = 0.53, false
    positives 0/130. The detector was then generalised (word classes, verb-final clauses,
    ages, Bavarian forms — no sentences copied); see docs/dialogue.md.
    """
    cases = load_cases("crisis_cases.yaml")
    found: dict[str, list[bool]] = {}
    for item in cases["crisis"]:
        found.setdefault(item["kind"], []).append(detect_crisis(text_of(item)) is not None)
    hits = [hit for kind in found.values() for hit in kind]
    recall = sum(hits) / len(hits)
    per_kind = {kind: f"{sum(v)}/{len(v)}" for kind, v in found.items()}
    false = [text_of(item) for item in cases["not_crisis"] if detect_crisis(text_of(item))]
    false_rate = len(false) / len(cases["not_crisis"])
    assert recall >= 0.9, per_kind
    assert false_rate <= 0.05, false


def test_ordinary_training_messages_are_almost_never_crises():
    """The NLU examples are what citizens ask every day (900+ messages)."""
    texts = []
    for path in sorted((ROOT / "data" / "nlu").glob("*.yml")):
        for item in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu", []):
            texts += [line.strip()[2:] for line in (item.get("examples") or "").splitlines()
                      if line.strip().startswith("- ")]
    flagged = [text for text in texts if detect_crisis(text)]
    assert len(texts) > 500
    assert len(flagged) <= len(texts) * 0.002, flagged


def test_button_payloads_and_empty_messages_are_never_crises():
    assert detect_crisis('/choose_option{"procedure_id": "kinderschutz-meldung"}') is None
    assert detect_crisis("") is None
    assert detect_crisis(None) is None


def test_the_detector_is_fast():
    texts = [text for text, _ in CRISES] + ORDINARY
    start = time.perf_counter()
    for _ in range(20):
        for text in texts:
            detect_crisis(text)
    per_message = (time.perf_counter() - start) / (20 * len(texts))
    assert per_message < 0.005


# -- routing: before anything else ---------------------------------------------------
def crisis_record(events: list[dict[str, Any]]) -> TurnRecord:
    record = record_of(events)
    assert (record.decision, record.outcome) == ("crisis", "crisis_help")
    # Only help for a child names a catalogue entry: the Kreisjugendamt's child protection.
    expected = ("kinderschutz-meldung",) if "child" in record.reason else ()
    assert record.procedure_ids == expected and record.candidates == ()
    return record


async def test_greeting_with_a_crisis(catalogue, make_tracker, dispatcher):
    tracker = make_tracker(text="Hallo, mein Mann schlägt mich", intent="greet", language="de")

    events = await run_action(ActionSmalltalk(), dispatcher, tracker)

    [message] = dispatcher.messages
    assert "116 016" in message["text"] and "Grüß Gott" not in message["text"]
    assert plain(events) == [SlotSet("gemeinde_needed", False)]
    record = crisis_record(events)
    assert (record.action, record.intent, record.reason) == ("action_smalltalk", "greet",
                                                             "violence")


async def test_out_of_scope_crisis_is_not_declined(fake_search, make_tracker, dispatcher):
    tracker = make_tracker(text="I want to kill myself", intent="out_of_scope",
                           language="de")

    events = await run_action(ActionSearchProcedure(), dispatcher, tracker)

    [message] = dispatcher.messages
    assert "0800 111 0 111" in message["text"]
    assert not any(phrase in message["text"] for phrase in NOT_HELPING)
    assert fake_search.queries == []
    assert plain(events) == [SlotSet("language", "en"), SlotSet("gemeinde_needed", False)]
    assert crisis_record(events).language == "en"


async def test_search_crisis_keeps_the_context_and_is_no_failed_search(fake_search,
                                                                       make_tracker,
                                                                       dispatcher):
    fake_search.set("answer", "personalausweis")
    tracker = make_tracker("after_answer.json", intent="search_procedure",
                           text="Mein Vater atmet nicht mehr, was mache ich", search_failures=1.0)

    events = await run_action(ActionSearchProcedure(), dispatcher, tracker)

    assert fake_search.queries == []
    assert dispatcher.messages[0]["text"].splitlines()[1] == "Rufen Sie sofort den Notruf 112 an."
    names = [e["name"] for e in plain(events)]
    assert "procedure_id" not in names and "search_failures" not in names
    assert crisis_record(events).reason == "medical"


async def test_core_fallback_crisis_is_no_failed_search(catalogue, make_tracker, dispatcher):
    tracker = make_tracker(text="mei bua wird vom papa verprügelt", intent="nlu_fallback",
                           search_failures=1.0, language="de")

    events = await run_action(ActionDefaultFallback(), dispatcher, tracker)

    assert "116 111" in dispatcher.messages[0]["text"]
    assert [e["name"] for e in plain(events)] == ["gemeinde_needed"]
    assert crisis_record(events).reason == "child"


# -- inside the Gemeinde form ---------------------------------------------------------
DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))


def form_tracker(make_tracker, text: str, intent: str = "inform_gemeinde") -> Tracker:
    """The tracker Rasa's form sends its validation: the slot candidate after the message."""
    tracker = make_tracker("gemeinde_form.json", text=text, intent=intent)
    state = tracker.current_state()
    state["events"].append({"event": "slot", "name": "gemeinde", "value": text})
    return Tracker.from_dict(state)


def rasa_form_is_done(events: list[dict[str, Any]]) -> bool:
    """Rasa 3.6 FormAction.is_done: the last requested_slot set by validation is None."""
    requested = [e for e in events if e.get("event") == "slot" and e["name"] == "requested_slot"]
    return bool(requested) and requested[-1]["value"] is None


async def test_crisis_inside_the_form_ends_it_politely(catalogue, make_tracker, dispatcher):
    tracker = form_tracker(make_tracker, "Ich kann gerade nicht, mein Mann schlägt mich")

    events = await ValidateGemeindeForm().run(dispatcher, tracker, DOMAIN)

    [message] = dispatcher.messages
    assert "116 016" in message["text"]
    assert "Gemeinde" not in message["text"]
    slots = {e["name"]: e["value"] for e in events}
    assert slots["gemeinde"] is None          # the message is no Gemeinde
    assert slots["gemeinde_needed"] is False and slots["gemeinde_attempts"] == 0.0
    assert "procedure_id" not in slots
    assert rasa_form_is_done(events)          # Rasa deactivates instead of asking again
    record = TurnRecord.from_dict(slots["turn_record"])
    assert (record.action, record.decision, record.reason) == (
        "validate_gemeinde_form", "crisis", "violence")

    # The rule "form complete" then runs action_gemeinde_contact: it must stay silent
    # (no second crisis reply, no "Ihre Gemeinde habe ich leider nicht gefunden").
    state = tracker.current_state()
    state["events"] += [*events, {"event": "active_loop", "name": None}]
    after = Tracker.from_dict(state)
    for action in (ActionGemeindeContact(), ActionAskGemeinde()):
        silent = type(dispatcher)()
        follow_up = await run_action(action, silent, after)
        assert silent.messages == []
        assert follow_up == [SlotSet("gemeinde_needed", False)]


async def test_a_gemeinde_answer_is_still_validated(catalogue, make_tracker, dispatcher):
    tracker = form_tracker(make_tracker, "wkb")

    events = await ValidateGemeindeForm().run(dispatcher, tracker, DOMAIN)

    assert {e["name"]: e["value"] for e in events} == {"gemeinde": "waldkraiburg",
                                                       "gemeinde_attempts": 0.0}
    assert not rasa_form_is_done(events)


@pytest.mark.parametrize("text", [
    "sometimes I think it would be better if I wasn't here anymore",
    "honestly it would be better if I was gone",
    "I wish I wasnt alive",
    "I just want to fall asleep and never wake up",
    "Es wäre für alle besser, wenn es mich nicht mehr gäbe",
])
def test_passive_wishes_not_to_be_there_are_suicidal_thoughts(text):
    """Passive ideation in English was missed by the fifth session's blind probe."""
    crisis = detect_crisis(text)
    assert crisis is not None and crisis.kind == "suicide"


@pytest.mark.parametrize("text", [
    "It would be better if I wasn't there on Monday, can my wife come instead?",
    "Is it better if I am not here when the chimney sweep comes?",
])
def test_being_away_on_a_day_is_no_crisis(text):
    assert detect_crisis(text) is None


def test_a_womens_shelter_with_children_is_violence_not_child_protection():
    """"ein Frauenhaus? ich hab zwei Kinder": a place for her and them, 116 016 finds one."""
    crisis = detect_crisis("gibt es hier im landkreis ein frauenhaus? ich hab zwei kinder")
    assert crisis is not None and crisis.kind == "violence"


def test_a_minor_without_a_home_is_a_matter_for_the_youth_office():
    """"ich bin 17 und meine Eltern schmeißen mich raus" (seventh probe) got the adult
    answer (the Gemeinde's shelter); a minor is taken in by the youth office."""
    crisis = detect_crisis("ich bin 17 und meine eltern schmeißen mich raus, ich weiß nicht "
                           "wo ich heute schlafen soll")
    assert crisis is not None and crisis.kind == "child"
    adult = detect_crisis("Ich bin 45 und werde aus meiner Wohnung geräumt, wo soll ich schlafen")
    assert adult is not None and adult.kind == "homeless"


@pytest.mark.parametrize("text", [
    # fourteenth probe: a child bitten by a dog and bleeding got a menu of dog matters
    "Help!! A dog just bit my 6 year old daughter in the park, she is bleeding from the arm.",
    "Ein Hund hat meine Tochter gebissen, sie blutet stark am Arm",
])
def test_a_person_hurt_by_an_animal_is_a_medical_emergency(text):
    crisis = detect_crisis(text)
    assert crisis is not None and crisis.kind == "medical"


@pytest.mark.parametrize("text", ["Mein Hund wurde gebissen und blutet stark",
                                  "my dog is bleeding a lot"])
def test_an_animal_bleeding_is_no_medical_emergency_for_people(text):
    assert detect_crisis(text) is None


def test_a_child_who_drank_cleaning_agent_is_an_emergency():
    """Eighteenth probe: "von den Putzmitteln getrunken" was found by the semantic line only."""
    from actions.crisis import detect_crisis

    found = detect_crisis("HILFE mein Kind hat irgendwas von den Putzmitteln getrunken und ist "
                          "ganz komisch")
    assert found is not None and found.kind == "medical"
