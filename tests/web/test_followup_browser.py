"""In a real Chromium: a coach confirms a memory card found in a transcript, then opens and
prints the preparation page. Same browser set-up as ``test_browser.py`` (the ``page`` fixture of ``conftest.py``)."""

from __future__ import annotations

import pytest
from browser_helpers import ARTIFACTS, BROWSER, sign_in_with_password, snap
from django.core.files.uploadedfile import SimpleUploadedFile

from attunement.practice import services

pytestmark = BROWSER

TRANSCRIPT = """Dana: Where would you like to start?
Omar: My manager Sarah keeps moving the deadline. Honesty really matters to me.
Dana: What would you like to do about it?
Omar: I'm going to talk to Sarah by Friday.
Dana: Good. I'll send you the article on difficult conversations tomorrow.
"""


@pytest.fixture
def coach_with_a_session(db):
    from personas import make_client_of, make_member, make_session_of

    user = make_member("dana")
    client = make_client_of(user)
    session = make_session_of(client)
    services.upload_transcript(session, SimpleUploadedFile("omar.txt", TRANSCRIPT.encode()))
    return client


def test_a_coach_confirms_a_memory_card_and_prints_the_preparation_page(
    page,
    live_server,
    coach_with_a_session,
):
    client = coach_with_a_session
    sign_in_with_password(page, live_server.url, "dana")
    page.wait_for_url(live_server.url + "/")

    page.goto(f"{live_server.url}/clients/{client.pk}/memory/")
    card = page.locator(".proposals li", has_text="manager, Sarah")
    snap(page, "followup-01-proposed-cards")
    card.get_by_role("button", name="Confirm").click()
    page.wait_for_selector("section:has(h2:text('Confirmed')) >> text=manager, Sarah")

    page.goto(f"{live_server.url}/clients/{client.pk}/commitments/")
    page.locator(".proposals li", has_text="talk to Sarah").get_by_role(
        "button", name="Confirm"
    ).click()
    page.wait_for_selector("table >> text=talk to Sarah")
    snap(page, "followup-02-ledger")

    page.goto(f"{live_server.url}/clients/{client.pk}/prepare/")
    body = page.inner_text("main")
    assert "manager, Sarah" in body and "talk to Sarah" in body
    assert "The phase's focus" in body and "Questions you might ask" in body
    snap(page, "followup-03-prepare")

    page.emulate_media(media="print")
    assert not page.locator("header.top").is_visible()  # the print stylesheet hides the chrome
    assert page.locator("h1", has_text="Preparing the next session").is_visible()
    page.pdf(path=str(_artifact("followup-04-prepare.pdf")))
    assert page.csp_violations == []


def _artifact(name: str):
    return ARTIFACTS / name


def test_the_preparation_page_offers_questions_for_this_client_and_keeps_the_clients_words(
    page,
    live_server,
    coach_with_a_session,
):
    from datetime import timedelta

    from django.utils import timezone

    from attunement.checkins.models import Checkin
    from attunement.library.models import BarrierAssessment

    client = coach_with_a_session
    client.communication_style = "direct; likes to think aloud"
    client.save()
    BarrierAssessment.objects.create(client=client, ratings={"control-autonomy": 3})
    answered = timezone.now() - timedelta(days=20)
    Checkin.objects.create(
        client=client, kind="relationship", created=answered, answered_at=answered,
        answers={"to_address": "I would like more say in what we cover."},
    )  # fmt: skip
    sign_in_with_password(page, live_server.url, "dana")
    page.wait_for_url(live_server.url + "/")
    page.goto(f"{live_server.url}/clients/{client.pk}/prepare/")
    questions = page.locator("section", has=page.locator("h2", has_text="Questions you might ask"))
    assert "for control and autonomy" in questions.inner_text()
    assert "style: " in questions.inner_text()
    assert "I would like more say" in page.inner_text("#client-words")
    snap(page, "followup-05-prepare-for-this-client")

    page.emulate_media(media="print")
    assert not page.get_by_role("button", name="Mark as discussed").is_visible()
    page.emulate_media(media="screen")
    page.get_by_role("button", name="Mark as discussed").click()
    page.wait_for_url("**/prepare/#client-words")
    assert "You marked this discussed" in page.inner_text("#client-words")
    assert page.csp_violations == []


def test_on_a_phone_each_commitments_buttons_stay_in_view(page, live_server, db):
    from datetime import UTC, datetime

    from followup_factories import make_commitment_of
    from personas import make_client_of, make_member

    client = make_client_of(make_member("dana"))
    make_commitment_of(client, owner="client", text="list three strengths")
    done = datetime(2026, 10, 20, 9, 0, tzinfo=UTC)
    drafted = make_commitment_of(
        client, owner="client", text="draft the email", status="done", done_at=done
    )
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in_with_password(page, live_server.url, "dana")
    page.wait_for_url(live_server.url + "/")
    page.goto(f"{live_server.url}/clients/{client.pk}/commitments/")
    snap(page, "followup-05-ledger-phone")
    for button in ("Mark done", "We talked it through"):
        box = page.get_by_role("button", name=button).bounding_box()
        assert box is not None and box["x"] + box["width"] <= 390  # not past the right edge
    page.get_by_role("button", name="We talked it through").click()
    page.wait_for_url(f"**/commitments/#commitment-{drafted.pk}")  # back at the same row
    assert "Done 20 Oct · talked it through" in page.inner_text("main")
    assert page.csp_violations == []
