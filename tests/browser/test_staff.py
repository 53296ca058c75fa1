"""The staff review in a real browser against the real stack: a citizen chats through
the web app (Rasa, action server, tracker store), a member of staff signs in at /staff,
finds that conversation by full-text search, opens the transcript and sees the turn
record (search results with scores, decision, link). A script payload sent by the
citizen stays text. Nothing is loaded from another origin."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest

from bot.staff import accounts
from bot.staff.db import staff_engine
from runner.stack import Stack
from tests.browser.test_widget import Watch, run_axe

pytestmark = [pytest.mark.slow, pytest.mark.e2e]
PASSWORD = "browser-test-passwort"
PAYLOAD = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>'


def chat(stack: Stack, sender: str, message: str) -> None:
    response = httpx.post(f"{stack.base_url}/api/chat", timeout=60,
                          json={"sender": sender, "message": message})
    assert response.status_code == 200, response.text


def test_staff_find_a_real_conversation_and_its_turn_record(stack: Stack, browser: Any,
                                                             axe_source: str):
    sender = f"staff-e2e-{uuid.uuid4().hex[:8]}"
    chat(stack, sender, "Ich möchte mein Auto abmelden")
    chat(stack, sender, PAYLOAD)
    # The stack's web app keeps its staff database beside the test's tracker database.
    engine = staff_engine(f"sqlite:///{stack.log_path.with_name('staff.db')}")
    if accounts.find(engine, "pruefer") is None:
        accounts.create(engine, "pruefer", "viewer", PASSWORD)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE")
    try:
        page = context.new_page()
        watch = Watch(page)
        page.goto(stack.base_url + "/staff")
        assert page.url.endswith("/staff/login")
        page.fill("#username", "pruefer")
        page.fill("#password", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url("**/staff/conversations")
        page.fill("input[name=q]", "Auto abmelden")
        page.click("form.filters button[type=submit]")
        row = page.locator("table.list tr", has_text=sender)
        row.wait_for(timeout=10_000)
        row.locator("a.open").click()
        page.wait_for_url("**/staff/transcript?id=*")
        record = page.locator("details.record").first
        record.wait_for(timeout=10_000)
        text = record.inner_text()
        assert "Turn-Record" in text and "kfz-abmeldung" in text, text
        assert "link_given" in text and "https://" in text, text
        assert page.locator(".nlu").first.inner_text().startswith("Intent")
        body = page.locator("main").inner_text()
        assert "window.__pwned" in body or "[" in body  # shown (or redacted) as text
        assert page.evaluate("window.__pwned") is None
        problems = {name: run_axe(page, axe_source) for name in ["transcript"]}
        page.goto(stack.base_url + "/staff/analytics")
        problems["analytics"] = run_axe(page, axe_source)
        page.goto(stack.base_url + "/staff/conversations")
        problems["list"] = run_axe(page, axe_source)
        assert not any(problems.values()), problems  # WCAG 2.1 AA (axe-core)
        assert watch.origins() == {stack.base_url}
        assert not watch.errors, watch.errors
    finally:
        context.close()
