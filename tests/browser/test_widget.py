"""The chat widget in a real browser: keyboard-only use, embedding on a foreign site under
a strict CSP and hostile CSS, navigation, failure states, accessibility (axe-core)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.browser.conftest import CHOOSE, FORM, Sites, dump

pytestmark = pytest.mark.slow

WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 320, "height": 640}


class Watch:
    """What one browser page did: requests, console CSP errors, uncaught errors."""

    def __init__(self, page: Any) -> None:
        self.requests: list[str] = []
        self.errors: list[str] = []
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("pageerror", lambda error: self.errors.append(f"pageerror: {error}"))
        page.on("console", self._console)

    def _console(self, message: Any) -> None:
        if message.type == "error" and ("Content Security Policy" in message.text
                                        or "Uncaught" in message.text):
            self.errors.append(f"console: {message.text}")

    def origins(self) -> set[str]:
        return {f"{urlsplit(url).scheme}://{urlsplit(url).netloc}" for url in self.requests
                if not url.startswith(("data:", "about:", "blob:"))}


@pytest.fixture
def context(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport=DESKTOP, locale="de-DE")
    yield context
    context.close()


@pytest.fixture
def page(context: Any) -> Any:
    return context.new_page()


@pytest.fixture(autouse=True)
def answering(sites: Sites) -> Iterator[None]:
    sites.rasa.mode = "answer"
    yield
    sites.rasa.mode = "answer"


def chat_frame(page: Any) -> Any:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        for frame in page.frames:
            if "/widget?" in frame.url:
                frame.wait_for_load_state()
                return frame
        page.wait_for_timeout(50)
    raise AssertionError("the chat iframe did not appear")


def launcher_focused(page: Any) -> bool:
    return bool(page.evaluate(
        "() => { const a = document.activeElement; return !!a && a.localName === "
        "'wegweiser-chat' && a.shadowRoot.activeElement?.classList.contains('launcher'); }"))


def tab_to_launcher(page: Any) -> None:
    for _ in range(40):
        page.keyboard.press("Tab")
        if launcher_focused(page):
            return
    raise AssertionError("the launcher cannot be reached with Tab")


def open_by_keyboard(page: Any) -> Any:
    tab_to_launcher(page)
    page.keyboard.press("Enter")
    frame = chat_frame(page)
    frame.wait_for_function("document.activeElement && document.activeElement.id === 'ww-input'"
                            " && document.hasFocus()", timeout=5000)
    return frame


def ask(page: Any, frame: Any, text: str) -> None:
    page.keyboard.type(text)
    page.keyboard.press("Enter")


def shift_tab_to(page: Any, frame: Any, label: str) -> None:
    for _ in range(15):
        page.keyboard.press("Shift+Tab")
        if frame.evaluate("document.activeElement && document.activeElement.textContent"
                          ".trim()") .endswith(label):
            return
    raise AssertionError(f"no button {label!r} reachable with Shift+Tab")


def panel_visible(page: Any) -> bool:
    return bool(page.evaluate(
        "() => !document.querySelector('wegweiser-chat').shadowRoot"
        ".querySelector('.panel').hidden"))


def converse_by_keyboard(page: Any) -> Any:
    """Open, ask, follow a quick reply, answer the feedback question, close: keys only."""
    frame = open_by_keyboard(page)
    ask(page, frame, "Ich möchte mein Auto abmelden")
    link = frame.locator(f".msg.bot a[href='{FORM}']").first
    link.wait_for(timeout=5000)
    assert link.get_attribute("rel") == "noopener noreferrer"
    assert link.get_attribute("target") == "_blank"
    assert frame.locator("a.link", has_text="Zum Online-Antrag").count() == 1
    shift_tab_to(page, frame, "Wunschkennzeichen")
    page.keyboard.press("Enter")
    frame.locator(".msg.bot", has_text="War das hilfreich?").wait_for(timeout=5000)
    shift_tab_to(page, frame, "Ja")
    page.keyboard.press("Enter")
    frame.locator(".msg.bot", has_text="Danke für Ihre Rückmeldung").wait_for(timeout=5000)
    page.keyboard.press("Escape")
    page.wait_for_function("() => document.querySelector('wegweiser-chat').shadowRoot"
                           ".querySelector('.panel').hidden")
    assert launcher_focused(page), "Escape returns the focus to the launcher"
    return frame


def test_demo_page_a_whole_conversation_by_keyboard(sites: Sites, page: Any):
    watch = Watch(page)
    page.goto(sites.app + "/")
    assert not panel_visible(page)
    converse_by_keyboard(page)
    sent = [message for _, message in sites.rasa.received[-3:]]
    assert sent == ["Ich möchte mein Auto abmelden", CHOOSE, '/feedback{"helpful": "yes"}']
    # Another page of the same site: the same conversation, with button titles as shown.
    page.get_by_role("link", name="Kfz-Zulassung", exact=True).first.click()
    page.wait_for_url("**/service/kfz")
    frame = open_by_keyboard(page)
    for shown in ("Ich möchte mein Auto abmelden", "Wunschkennzeichen", "Ja"):
        assert frame.locator(".msg.user", has_text=shown).count() == 1, shown
    assert frame.locator(".msg.bot", has_text="Danke für Ihre Rückmeldung").count() == 1
    assert watch.origins() == {sites.app}
    assert not watch.errors, watch.errors
    assert page.evaluate("document.cookie") == ""
    assert chat_frame(page).evaluate("document.cookie") == ""


def test_foreign_site_with_strict_csp_and_hostile_css(sites: Sites, page: Any,
                                                      screenshots: Path):
    watch = Watch(page)
    page.goto(sites.host + "/")
    launcher = page.locator("wegweiser-chat .launcher")
    launcher.wait_for()
    box = launcher.bounding_box()
    assert box and box["x"] < 40 and box["height"] >= 44, box  # data-position="left"
    style = launcher.evaluate("b => [getComputedStyle(b).backgroundColor, "
                              "getComputedStyle(b).fontSize]")
    assert style == ["rgb(138, 21, 56)", "16px"], "the host page's CSS leaked in"
    frame = open_by_keyboard(page)
    assert frame.locator("h1").text_content() == "Bürgerassistent"
    ask(page, frame, "Auto abmelden")
    frame.locator(f".msg.bot a[href='{FORM}']").first.wait_for(timeout=5000)
    page.screenshot(path=str(screenshots / "foreign-site-open.png"))
    # What the citizen typed is not in the host page's document.
    assert "Auto abmelden" not in page.content()
    # Navigating on the host site: the panel comes back with the conversation.
    page.keyboard.press("Escape")
    launcher.click()  # reopen (by mouse this time), then go to the other page
    page.goto(sites.host + "/page2")
    frame = chat_frame(page)
    frame.locator(".msg.user", has_text="Auto abmelden").wait_for(timeout=5000)
    frame.locator(f".msg.bot a[href='{FORM}']").first.wait_for()
    assert watch.origins() <= {sites.app, sites.host}, watch.origins()
    assert not watch.errors, watch.errors
    assert page.evaluate("document.cookie") == "" and frame.evaluate("document.cookie") == ""


def test_bot_text_is_escaped(sites: Sites, page: Any):
    page.goto(sites.app + "/")
    frame = open_by_keyboard(page)
    ask(page, frame, "xss")
    frame.locator(".msg.bot", has_text="fett").wait_for(timeout=5000)
    assert frame.locator(".msg img, .msg b").count() == 0
    assert frame.evaluate("window.__pwned") is None
    assert frame.locator(".msg.bot a").count() == 1  # only the privacy link of the intro


def test_outage_hang_and_recovery(sites: Sites, page: Any):
    watch = Watch(page)
    page.goto(sites.app + "/")
    frame = open_by_keyboard(page)
    sites.rasa.mode = "outage"
    started = time.monotonic()
    ask(page, frame, "Auto abmelden")
    frame.locator(".msg.error").first.wait_for(timeout=5000)
    assert time.monotonic() - started < 4
    assert "Bitte versuchen Sie es gleich noch einmal" in frame.locator(".msg.error").first \
        .text_content()
    sites.rasa.mode = "hang"  # Rasa accepts and never answers: the web app's 2 s timeout
    started = time.monotonic()
    ask(page, frame, "Auto abmelden")
    frame.locator(".msg.error").nth(1).wait_for(timeout=8000)
    assert time.monotonic() - started < 6
    page.route("**/api/chat", lambda route: route.abort())  # the web app itself unreachable
    ask(page, frame, "Auto abmelden")
    frame.locator(".msg.error", has_text="Keine Verbindung").wait_for(timeout=5000)
    page.unroute("**/api/chat")
    sites.rasa.mode = "answer"  # recovered: the next turn works without any reload
    ask(page, frame, "Auto abmelden")
    frame.locator(f".msg.bot a[href='{FORM}']").first.wait_for(timeout=5000)
    assert not watch.errors, watch.errors


def test_double_submit_and_fast_typing_send_one_turn(sites: Sites, page: Any):
    page.goto(sites.app + "/")
    frame = open_by_keyboard(page)
    sites.rasa.mode = "slow"
    before = len(sites.rasa.received)
    page.keyboard.type("Auto abmelden", delay=5)
    for _ in range(4):
        page.keyboard.press("Enter")
    frame.locator("#ww-send").click()
    frame.locator(f".msg.bot a[href='{FORM}']").first.wait_for(timeout=8000)
    assert len(sites.rasa.received) - before == 1
    assert frame.locator(".msg.user").count() == 1


def run_axe(page: Any, axe: str) -> list[dict[str, Any]]:
    for frame in page.frames:
        frame.evaluate(axe)  # through DevTools: not subject to the pages' CSP
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})",
                           WCAG_AA)
    return [{"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]]}
            for v in result["violations"]]


@pytest.mark.parametrize(("name", "viewport"), [("desktop", DESKTOP), ("mobile", PHONE)])
def test_axe_finds_no_wcag_aa_violation(sites: Sites, browser: Any, axe_source: str,
                                        screenshots: Path, name: str,
                                        viewport: dict[str, int]):
    context = browser.new_context(viewport=viewport, locale="de-DE")
    try:
        page = context.new_page()
        page.goto(sites.app + "/")
        page.locator("wegweiser-chat .launcher").wait_for()
        closed = run_axe(page, axe_source)
        page.screenshot(path=str(screenshots / f"{name}-closed.png"))
        frame = open_by_keyboard(page)
        ask(page, frame, "Auto abmelden")
        frame.locator(".msg.bot", has_text="Oder meinten Sie").wait_for(timeout=5000)
        opened = run_axe(page, axe_source)
        page.screenshot(path=str(screenshots / f"{name}-open.png"))
        panel = page.locator("wegweiser-chat .panel").bounding_box()
        assert panel and panel["x"] >= 0 and panel["width"] <= viewport["width"]
        assert panel["y"] >= 0 and panel["y"] + panel["height"] <= viewport["height"]
    finally:
        context.close()
    assert not closed, dump(closed)
    assert not opened, dump(opened)


def test_200_percent_zoom_and_reduced_motion(sites: Sites, browser: Any, screenshots: Path):
    # 200 % zoom of a 1280 × 720 window = 640 × 360 CSS pixels at device scale 2.
    context = browser.new_context(viewport={"width": 640, "height": 360},
                                  device_scale_factor=2, reduced_motion="reduce")
    try:
        page = context.new_page()
        page.goto(sites.app + "/")
        frame = open_by_keyboard(page)
        ask(page, frame, "Auto abmelden")
        frame.locator(f".msg.bot a[href='{FORM}']").first.wait_for(timeout=5000)
        page.screenshot(path=str(screenshots / "zoom-200-open.png"))
        send = frame.locator("#ww-send").bounding_box()
        assert send and send["y"] + send["height"] <= 360, "send button off screen"
        assert frame.evaluate("getComputedStyle(document.querySelector('.msg'))"
                              ".animationName") == "none"
        wide = frame.evaluate("document.documentElement.scrollWidth > innerWidth")
        assert not wide, "horizontal scrolling in the chat"
    finally:
        context.close()


def test_english_interface(sites: Sites, page: Any):
    page.goto(sites.app + "/widget?lang=en")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("#ww-send").text_content() == "Send"
    assert "automated assistant" in (page.locator(".msg.intro").text_content() or "")
