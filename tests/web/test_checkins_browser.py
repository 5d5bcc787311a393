"""The check-in link in a real Chromium: the coach makes it, the client answers, the dashboard sees it.

Uses the browser set-up of ``browser_helpers.py`` and the ``page`` fixture of ``conftest.py``
(Debian's Chromium, screenshots under ``test-artifacts/browser/``, content-security-policy
violations collected and asserted empty).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from browser_helpers import BROWSER, sign_in_with_password, snap
from checkin_factories import make_checkin_of
from personas import make_client_of, make_member, make_session_of

from attunement.relationship.history import CHECKIN_ITEMS

pytestmark = BROWSER

LOW = {"heard_respected": 4, "worked_on_wanted": 3, "approach_fits": 3, "overall": 2}
EARLIER = {"heard_respected": 8, "worked_on_wanted": 8, "approach_fits": 8, "overall": 8}


def set_slider(tab: Any, name: str, value: int) -> None:
    """Move a slider the way a keyboard user does: to 0, then step right."""
    slider = tab.locator(f"input[name={name}]")
    slider.press("Home")
    for _ in range(value):
        slider.press("ArrowRight")


@pytest.fixture
def coach_with_session(db: Any) -> Any:
    dana = make_member("dana")
    omar = make_client_of(dana, name="Omar Haddad")
    session = make_session_of(omar)
    # An earlier answered check-in, so the one the client sends below is a visible drop.
    make_checkin_of(session, answered_at=datetime.now(UTC) - timedelta(days=10), scores=EARLIER)
    return dana, omar, session


def test_a_client_answers_a_checkin_link_once_and_the_coach_sees_the_drop(
    page, live_server, coach_with_session
):
    _dana, omar, session = coach_with_session
    sign_in_with_password(page, live_server.url, "dana")
    page.wait_for_url(live_server.url + "/")
    page.goto(f"{live_server.url}/clients/{omar.pk}/checkins/")
    page.select_option("[name=kind]", "session")
    page.select_option("[name=session]", str(session.pk))
    page.get_by_role("button", name="Make the link").click()
    page.wait_for_url("**/checkins/*/")
    for item in CHECKIN_ITEMS:
        set_slider(page, item, 9)
    assert page.inner_text("output[for=id_overall]") == "9"  # the coach sees the number too
    snap(page, "20-checkin-link-and-prediction")
    page.get_by_role("button", name="Save my prediction").click()
    assert "You predicted 36/40" in page.inner_text("main")
    link = page.input_value("#private-link")

    # The client, in a browser with no account and no cookies.
    visitor = page.context.browser.new_context().new_page()
    visitor.csp_violations = []
    visitor.on(
        "console",
        lambda m: "Content Security Policy" in m.text and visitor.csp_violations.append(m.text),
    )
    visitor.goto(link)
    for item, value in LOW.items():
        set_slider(visitor, item, value)
    assert visitor.inner_text("output[for=id_overall]") == "2"  # the number follows the slider
    visitor.fill("[name=differently]", "<b>Listen</b> before suggesting exercises.")
    visitor.get_by_role("button", name="Send").click()
    assert "plain text" in visitor.inner_text(".has-error")
    snap(visitor, "21-checkin-error-by-the-field")
    visitor.fill("[name=differently]", "Listen before suggesting exercises.")
    for item, value in LOW.items():  # a refused form comes back with the sliders as sent
        set_slider(visitor, item, value)
    visitor.get_by_role("button", name="Send").click()
    assert "your answers have arrived" in visitor.inner_text("main")
    snap(visitor, "22-checkin-thanks")

    visitor.goto(link)
    assert "already been used" in visitor.inner_text("main")
    snap(visitor, "23-checkin-used")
    visitor.goto(link[:-3] + ("abc" if not link.endswith("abc/") else "xyz") + "/")
    assert "not valid" in visitor.inner_text("main")
    snap(visitor, "24-checkin-tampered")
    assert visitor.csp_violations == []
    visitor.context.close()

    page.goto(live_server.url + "/")
    row = page.locator("tr", has_text="Omar Haddad")
    assert "last check-in 12/40" in row.inner_text()
    assert row.locator(".band").inner_text().startswith(("Strained", "At risk"))
    snap(page, "25-dashboard-with-checkin-reason")
    row.get_by_role("link", name="last check-in 12/40, down 20 from the one before").click()
    page.wait_for_url("**/clients/*/health/#sign-checkin-drop")
    assert "Check-in of" in page.inner_text("#sign-checkin-drop")
    snap(page, "26-reason-evidence")
    page.goto(f"{live_server.url}/clients/{omar.pk}/checkins/")
    assert page.locator(".chart-box svg").is_visible()
    assert "you expected 24 more" in page.inner_text(".chart-box")
    snap(page, "28-checkins-prediction-chart")
    assert page.csp_violations == []


def test_an_expired_link_tells_the_client_to_ask_for_a_new_one(page, live_server, db):
    from attunement.checkins.links import make_token

    session = make_session_of(make_client_of(make_member("dana")))
    old = make_checkin_of(session, created=datetime.now(UTC) - timedelta(days=30))
    page.goto(f"{live_server.url}/c/{make_token(old)}/")
    body = page.inner_text("main")
    assert "This link has expired" in body and "Ask your coach for a new link" in body
    snap(page, "27-checkin-expired")
    assert page.csp_violations == []


def test_a_due_relationship_checkin_is_asked_answered_and_its_concern_marked_discussed(
    page, live_server, db
):
    from attunement.practice import services

    dana = make_member("dana")
    omar = make_client_of(dana, name="Omar Haddad")
    engagement = services.engagement_for(omar)
    engagement.start = engagement.start - timedelta(days=40)
    engagement.save()
    sign_in_with_password(page, live_server.url, "dana")
    page.wait_for_url(live_server.url + "/")
    row = page.locator("tr", has_text="Omar Haddad")
    snap(page, "29-dashboard-relationship-checkin-due")
    row.get_by_role("link", name="Relationship check-in due").click()
    page.wait_for_url("**/clients/*/checkins/")
    page.select_option("[name=kind]", "relationship")
    page.get_by_role("button", name="Make the link").click()
    page.wait_for_url("**/checkins/*/")
    link = page.input_value("#private-link")

    visitor = page.context.browser.new_context().new_page()
    visitor.goto(link)
    visitor.fill("[name=feels]", "Good, though sessions end in a hurry.")
    visitor.fill("[name=to_address]", "Could we keep ten minutes at the end for next steps?")
    visitor.get_by_role("button", name="Send").click()
    assert "your answers have arrived" in visitor.inner_text("main")
    visitor.context.close()

    page.goto(live_server.url + "/")
    assert (
        "Relationship check-in due" not in page.locator("tr", has_text="Omar Haddad").inner_text()
    )
    page.goto(f"{live_server.url}/clients/{omar.pk}/health/")
    words = page.locator("#client-words")
    assert "ten minutes at the end" in words.inner_text()
    snap(page, "30-reasons-page-client-words")
    words.get_by_role("button", name="Mark as discussed").click()
    page.wait_for_url("**/health/#client-words")
    assert "You marked this discussed" in page.inner_text("#client-words")
    assert page.csp_violations == []


def test_on_a_phone_each_checkins_state_and_score_stay_in_view(page, live_server, db):
    session = make_session_of(make_client_of(make_member("dana"), name="Omar Haddad"))
    answered_at = datetime.now(UTC) - timedelta(days=2)
    make_checkin_of(session, answered_at=answered_at, scores=EARLIER, predicted=LOW)
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in_with_password(page, live_server.url, "dana")
    page.wait_for_url(live_server.url + "/")
    page.goto(f"{live_server.url}/clients/{session.client.pk}/checkins/")
    snap(page, "31-checkins-phone")
    for label, value in [
        ("Score", "32/40"),
        ("Client answered", "32/40"),
        ("You predicted", "12/40"),
    ]:
        cell = page.locator(f'td[data-label="{label}"]', has_text=value).first
        box = cell.bounding_box()
        assert box is not None and box["x"] + box["width"] <= 390, label  # not past the edge
        named = cell.evaluate("e => getComputedStyle(e, '::before').content")
        assert named == f'"{label}: "'  # each value says what it is, as the hidden heading did
    assert page.csp_violations == []


def test_a_client_sending_untouched_sliders_is_asked_once_before_they_count(page, live_server, db):
    from attunement.checkins.links import make_token

    session = make_session_of(make_client_of(make_member("dana")))
    checkin = make_checkin_of(session)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/c/{make_token(checkin)}/")
    set_slider(page, "overall", 7)  # three sliders left where they started
    page.get_by_role("button", name="Send").click()
    note = page.locator(".untouched-note")
    assert "3 sliders have not been moved and still say 5" in note.inner_text()
    snap(page, "32-checkin-untouched-sliders")
    checkin.refresh_from_db()
    assert checkin.answered_at is None  # nothing was sent on the first press
    page.get_by_role("button", name="Send").click()  # 5 really is the answer
    assert "your answers have arrived" in page.inner_text("main")
    checkin.refresh_from_db()
    assert checkin.scores == {**dict.fromkeys(CHECKIN_ITEMS, 5), "overall": 7}
    assert page.csp_violations == []


def test_a_client_who_moved_every_slider_sends_at_the_first_press(page, live_server, db):
    from attunement.checkins.links import make_token

    checkin = make_checkin_of(make_session_of(make_client_of(make_member("dana"))))
    page.goto(f"{live_server.url}/c/{make_token(checkin)}/")
    for item in CHECKIN_ITEMS:
        set_slider(page, item, 5)  # moved, even if back to the middle: a chosen answer
    page.get_by_role("button", name="Send").click()
    assert "your answers have arrived" in page.inner_text("main")


def test_the_coach_copies_the_private_link_with_one_press(page, live_server, db):
    session = make_session_of(make_client_of(make_member("dana")))
    checkin = make_checkin_of(session)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    sign_in_with_password(page, live_server.url, "dana")
    page.wait_for_url(live_server.url + "/")
    page.goto(f"{live_server.url}/checkins/{checkin.pk}/")
    page.get_by_role("button", name="Copy the link").click()
    page.get_by_role("button", name="Copied").wait_for()  # the clipboard answers a moment later
    assert page.evaluate("navigator.clipboard.readText()") == page.input_value("#private-link")
    assert page.csp_violations == []
