"""replies.notices: the messenger disclosure and the answer to media-only messages."""

from __future__ import annotations

from replies.channels import profile_for
from replies.model import Choice, Link, Reply
from replies.notices import FALLBACK_PRIVACY_URL, disclosure_text, text_only, with_disclosure
from replies.render import render


def test_the_disclosure_leads_the_first_reply_and_keeps_its_links_and_choices():
    first = Reply("Antwort", links=(Link("Antrag", "https://a.example/x"),),
                  choices=(Choice("Ja", "/feedback"),))
    merged, second = with_disclosure((first, Reply("Zweite")), "de", "https://w.example/datenschutz")
    assert merged.text.startswith("Hinweis: Hier antwortet Wegweiser, ein automatischer Assistent")
    assert merged.text.endswith("Datenschutzhinweise: https://w.example/datenschutz\nAntwort")
    assert merged.links == first.links and merged.choices == first.choices
    assert second.text == "Zweite"


def test_english_and_the_fallback_address():
    assert disclosure_text("en", None) == (
        "Note: Wegweiser, an automated assistant of the district office Mühldorf a. Inn, "
        f"answers here – not a person. Please do not send personal data. Privacy notice: "
        f"{FALLBACK_PRIVACY_URL}")
    assert with_disclosure((), "de", None)[0].text == disclosure_text("de", None)
    assert "Textnachrichten" in text_only() and "text messages" in text_only("en")


def test_only_messengers_disclose_the_web_widget_shows_it_itself():
    assert not profile_for("rest").disclose and not profile_for("socketio").disclose
    for channel in ("telegram", "twilio", "whatsapp", "facebook", "slack", "rocketchat",
                    "botframework"):
        assert profile_for(channel).disclose, channel


def test_sms_replies_have_no_blank_lines_rasa_would_split_them_into_several_sms():
    [sms] = render([Reply("Absatz eins\n\nAbsatz zwei")], "twilio")
    assert sms["text"] == "Absatz eins\nAbsatz zwei"
    [web] = render([Reply("Absatz eins\n\nAbsatz zwei")], "rest")
    assert web["text"] == "Absatz eins\n\nAbsatz zwei"
