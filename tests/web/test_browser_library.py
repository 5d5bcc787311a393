"""In a real Chromium: ask the box "client keeps rescheduling", open a section, write a journal
entry. Same set-up as test_browser.py (the ``page`` fixture of ``conftest.py``, live server)."""

from __future__ import annotations

from browser_helpers import BROWSER, sign_in_with_password, snap
from library_factories import make_agreement_request_of
from personas import make_client_of, make_member

from attunement.library.models import JournalEntry

pytestmark = BROWSER


def test_a_coach_asks_the_box_opens_a_section_and_writes_a_journal_entry(page, live_server):
    make_member("dana")
    sign_in_with_password(page, live_server.url, "dana")
    page.wait_for_url(live_server.url + "/")

    page.fill("#ask-q", "client keeps rescheduling")
    answers = page.locator("#ask-results .hit a").first
    answers.wait_for()  # the HTMX answers arrived below the box
    snap(page, "library-01-ask")
    title = answers.inner_text()
    answers.click()
    page.wait_for_url("**/guide/**")
    assert title in page.inner_text("main h1")
    snap(page, "library-02-section")

    page.get_by_role("link", name="Journal").click()
    page.get_by_role("link", name="Write an entry").click()
    page.select_option("[name=prompt]", "frustration")
    page.fill("[name=text]", "I pushed for an action plan before she was ready.")
    page.click("main button[type=submit]")
    page.wait_for_url("**/journal/")
    assert "I pushed for an action plan" in page.inner_text("main")
    snap(page, "library-03-journal")
    assert JournalEntry.objects.get().text.startswith("I pushed")
    assert page.csp_violations == []


def test_the_coach_copies_an_agreement_link_with_one_press(page, live_server):
    sent = make_agreement_request_of(make_client_of(make_member("dana")))
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    sign_in_with_password(page, live_server.url, "dana")
    page.wait_for_url(live_server.url + "/")
    page.goto(f"{live_server.url}/agreements/{sent.pk}/")
    page.get_by_role("button", name="Copy the link").click()
    page.get_by_role("button", name="Copied").wait_for()  # the clipboard answers a moment later
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == page.input_value("#private-link") and "/agree/" in copied
    assert page.csp_violations == []
