"""replies.render: the same reply on every channel, within each channel's limits."""

from __future__ import annotations

import pytest

from replies import payloads
from replies.channels import PROFILES
from replies.model import Choice, Link, Reply
from replies.render import render

FORM = "https://www.lra-mue.de/test/ikfz-abmeldung"
ANSWER = Reply(f"Auto abmelden\nHier geht es direkt zum Online-Antrag: {FORM}",
               links=(Link("Zum Online-Antrag", FORM),))
FEEDBACK = Reply("War das hilfreich?",
                 choices=(Choice("Ja", payloads.feedback_payload("yes")),
                          Choice("Nein", payloads.feedback_payload("no"))),
                 quick_reply=True, feedback_question=True)
CHOICES = Reply("Was meinen Sie?", choices=(
    Choice("Außerbetriebsetzung (Abmeldung) eines Fahrzeugs",
           payloads.choice_payload("kfz-abmeldung")),
    Choice("Zulassung eines Fahrzeugs", payloads.choice_payload("kfz-zulassung"))))


def test_web_channels_get_buttons_exactly_as_before():
    for channel in ("rest", "socketio", None, "unknown"):
        assert render([ANSWER, FEEDBACK, CHOICES, Reply("Hallo")], channel) == [
            {"text": ANSWER.text,
             "buttons": [{"title": "Zum Online-Antrag", "url": FORM, "type": "web_url"}]},
            {"text": "War das hilfreich?",
             "buttons": [{"title": "Ja", "payload": '/feedback{"helpful": "yes"}'},
                         {"title": "Nein", "payload": '/feedback{"helpful": "no"}'}]},
            {"text": "Was meinen Sie?",
             "buttons": [{"title": "Außerbetriebsetzung (Abmeldung) eines Fahrzeugs",
                          "payload": '/choose_option{"procedure_id": "kfz-abmeldung"}'},
                         {"title": "Zulassung eines Fahrzeugs",
                          "payload": '/choose_option{"procedure_id": "kfz-zulassung"}'}]},
            {"text": "Hallo"},
        ]


def test_sms_has_no_buttons_links_in_text_choices_numbered_and_recoverable():
    answer, feedback, choices = render([ANSWER, FEEDBACK, CHOICES], "twilio")
    assert answer == {"text": ANSWER.text}  # the URL is already in the text
    assert feedback["text"] == "War das hilfreich? (Ja / Nein)"
    assert "buttons" not in feedback
    assert choices["text"] == ("Was meinen Sie?\n"
                               "1. Außerbetriebsetzung (Abmeldung) eines Fahrzeugs\n"
                               "2. Zulassung eines Fahrzeugs")
    assert "buttons" not in choices
    # Rasa keeps the extra key as bot event metadata: "1" can be resolved later.
    event = {"event": "bot", "text": choices["text"], "data": {},
             "metadata": {payloads.OFFERED_KEY: choices[payloads.OFFERED_KEY]}}
    assert payloads.offered_choices([event]) == ["kfz-abmeldung", "kfz-zulassung"]
    assert payloads.asked_for_feedback([{"event": "bot", "data": {}, "metadata": {
        payloads.OFFERED_KEY: feedback[payloads.OFFERED_KEY]}}])


def test_link_not_in_the_text_is_written_into_it():
    reply = Reply("Zuständig ist die Zulassungsstelle.", links=(Link("Mehr Informationen",
                                                                     FORM),))
    [message] = render([reply], "whatsapp")
    assert message == {"text": f"Zuständig ist die Zulassungsstelle.\nMehr Informationen: {FORM}"}


def test_facebook_three_buttons_and_short_titles():
    [choices] = render([CHOICES], "facebook")
    # Titles over 20 characters: full titles as a numbered list, number buttons.
    assert choices["text"].endswith("\n1. Außerbetriebsetzung (Abmeldung) eines Fahrzeugs\n"
                                    "2. Zulassung eines Fahrzeugs")
    assert choices["buttons"] == [
        {"title": "1", "payload": '/choose_option{"procedure_id": "kfz-abmeldung"}'},
        {"title": "2", "payload": '/choose_option{"procedure_id": "kfz-zulassung"}'}]
    [link] = render([Reply("x", links=(Link("Go to the online application", FORM),))],
                    "facebook")
    assert link["buttons"][0]["title"] == "Go to the online ap…"
    assert len(link["buttons"][0]["title"]) == 20
    four = Reply("Was meinen Sie?", choices=tuple(
        Choice(f"Option {n}", payloads.choice_payload(f"p{n}")) for n in range(4)))
    [message] = render([four], "facebook")
    assert "buttons" not in message  # more than 3: a numbered list instead
    assert message["text"].endswith("\n4. Option 3")


def test_facebook_links_beyond_three_buttons_go_into_the_text():
    reply = Reply("Links", links=tuple(Link(f"L{n}", f"https://x.de/{n}") for n in range(4)))
    [message] = render([reply], "facebook")
    assert len(message["buttons"]) == 3
    assert message["text"] == "Links\nL3: https://x.de/3"


def test_telegram_payload_limit_compacts_then_falls_back_to_text():
    fits = Reply("?", choices=(Choice("A", payloads.choice_payload("kfz-abmeldung")),))
    [message] = render([fits], "telegram")
    assert message["buttons"] == [{"title": "A", "payload":
                                   '/choose_option{"procedure_id": "kfz-abmeldung"}'}]
    # A 31-character id: 65 bytes with spaces, 64 compacted.
    pid = "a" * 31
    compactable = Reply("?", choices=(Choice("B", payloads.choice_payload(pid)),))
    [message] = render([compactable], "telegram")
    assert message["buttons"][0]["payload"] == '/choose_option{"procedure_id":"' + pid + '"}'
    assert len(message["buttons"][0]["payload"].encode()) <= 64
    too_long = Reply("?", choices=(Choice("C", payloads.choice_payload("b" * 60)),))
    [message] = render([too_long], "telegram")
    assert "buttons" not in message
    assert message["text"] == "?\n1. C"
    assert payloads.offered_choices([{"event": "bot", "data": {}, "metadata": {
        payloads.OFFERED_KEY: message[payloads.OFFERED_KEY]}}]) == ["b" * 60]


def test_telegram_links_go_into_the_text():
    reply = Reply("Kontakt", links=(Link("Zum Kontaktformular", FORM),))
    [message] = render([reply], "telegram")
    assert message == {"text": f"Kontakt\nZum Kontaktformular: {FORM}"}


SAMPLES = [
    ANSWER, FEEDBACK, CHOICES, Reply("Hallo"),
    Reply("Links", links=tuple(Link(f"A rather long link title number {n}", f"https://x.de/{n}")
                               for n in range(5))),
    Reply("Viele", choices=tuple(Choice(f"Option {n} " + "x" * 80,
                                        payloads.choice_payload(f"p{n}" + "y" * 50))
                                 for n in range(5))),
    Reply("Gemischt", links=(Link("Info", FORM),),
          choices=tuple(Choice(f"C{n}", payloads.choice_payload(f"c{n}")) for n in range(3))),
]


@pytest.mark.parametrize("channel", sorted(PROFILES))
def test_every_channel_stays_within_its_limits_and_loses_nothing(channel):
    profile = PROFILES[channel]
    for reply, message in zip(SAMPLES, render(SAMPLES, channel), strict=True):
        buttons = message.get("buttons", [])
        if not profile.buttons:
            assert buttons == []
        if not profile.url_buttons:
            assert all("url" not in b for b in buttons)
        if profile.max_buttons is not None:
            assert len(buttons) <= profile.max_buttons
        if profile.max_title_chars is not None:
            assert all(len(b["title"]) <= profile.max_title_chars for b in buttons)
        if profile.max_payload_bytes is not None:
            assert all(len(b["payload"].encode()) <= profile.max_payload_bytes
                       for b in buttons if "payload" in b)
        # Every link is reachable, every choice can still be picked.
        urls = {b["url"] for b in buttons if "url" in b}
        assert all(link.url in urls or link.url in message["text"] for link in reply.links)
        picked = [payloads.parse(b["payload"]) for b in buttons if "payload" in b]
        picked += [payloads.parse(p) for p in message.get(payloads.OFFERED_KEY, [])]
        assert [payloads.parse(c.payload) for c in reply.choices] == picked
