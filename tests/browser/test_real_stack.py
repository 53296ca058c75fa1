"""The widget against the real stack (Rasa, action server, web app): one question by
keyboard on the demo page, a real answer with a clickable link."""

from __future__ import annotations

from typing import Any

import pytest

from runner.stack import Stack
from tests.browser.test_widget import Watch, ask, open_by_keyboard

pytestmark = [pytest.mark.slow, pytest.mark.e2e]


def test_a_real_answer_in_the_widget(stack: Stack, browser: Any):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="de-DE")
    try:
        page = context.new_page()
        watch = Watch(page)
        page.goto(stack.base_url + "/")
        frame = open_by_keyboard(page)
        ask(page, frame, "Ich möchte mein Auto abmelden")
        answer = frame.locator(".msg.bot:not(.intro)").first
        answer.wait_for(timeout=30_000)
        link = frame.locator(".msg.bot:not(.intro) a[href^='https://']").first
        link.wait_for(timeout=5000)
        assert link.get_attribute("rel") == "noopener noreferrer"
        assert frame.locator(".msg.error").count() == 0
        assert watch.origins() == {stack.base_url}
        assert not watch.errors, watch.errors
    finally:
        context.close()
