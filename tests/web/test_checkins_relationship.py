"""The monthly relationship check-in after it is answered: the reminder when one is due, the
client's words on the reasons and preparation pages, "mark as discussed", and the questions
chosen for the client's barrier profile and communication style."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from checkin_factories import make_checkin_of
from django.urls import reverse
from django.utils import timezone

from attunement.checkins.models import Checkin
from attunement.practice import services
from attunement.practice.models import Engagement

CONCERN = "I felt rushed at the end of the last two sessions."
LOW = {"heard_respected": 3, "worked_on_wanted": 4, "approach_fits": 4, "overall": 3}


def begun(client_record: Any, days_ago: int, status: str = "active") -> Engagement:
    engagement = services.engagement_for(client_record)
    engagement.start = timezone.localdate() - timedelta(days=days_ago)
    engagement.status = status
    engagement.save()
    return engagement


def relationship_answer(session: Any, days_ago: float, to_address: str = CONCERN) -> Checkin:
    answered_at = timezone.now() - timedelta(days=days_ago)
    answers = {"feels": "Mostly good, a bit hurried.", "to_address": to_address}
    return make_checkin_of(
        session, "relationship", created=answered_at - timedelta(hours=2),
        answered_at=answered_at, answers=answers,
    )  # fmt: skip


def held(client_record: Any, days_ago: float) -> Any:
    when = timezone.now() - timedelta(days=days_ago)
    return services.log_session(services.engagement_for(client_record), when=when)


def dashboard_row(as_user: Any, owner: Any) -> str:
    return as_user(owner).get(reverse("dashboard")).content.decode().split("<tbody>")[1]


@pytest.mark.parametrize(
    ("began_days_ago", "asked_days_ago", "due"),
    [(31, None, True), (29, None, False), (60, 10, False), (60, 31, True)],
)
def test_the_dashboard_says_a_relationship_checkin_is_due_a_month_after_the_last_or_the_start(
    as_user, owner, owner_client, began_days_ago, asked_days_ago, due
):
    begun(owner_client, began_days_ago)
    if asked_days_ago is not None:
        created = timezone.now() - timedelta(days=asked_days_ago)
        Checkin.objects.create(client=owner_client, kind="relationship", created=created)
    assert ("Relationship check-in due" in dashboard_row(as_user, owner)) is due


def test_an_ended_engagement_is_never_due_a_relationship_checkin(as_user, owner, owner_client):
    begun(owner_client, 90, status="ended")
    assert "Relationship check-in due" not in dashboard_row(as_user, owner)


def test_the_reasons_page_shows_the_clients_words_and_marks_the_concern_discussed(
    as_user, owner, owner_session
):
    monthly = relationship_answer(owner_session, 3)
    page_url = reverse("health_evidence", args=[owner_session.client.pk])
    page = as_user(owner).get(page_url).content.decode()
    assert CONCERN in page and "Mostly good, a bit hurried." in page
    assert "not yet marked discussed" in page and "Mark as discussed" in page
    response = as_user(owner).post(reverse("checkin_discussed", args=[monthly.pk]))
    assert response.status_code == 302 and response.url == page_url + "#client-words"
    monthly.refresh_from_db()
    assert monthly.discussed_at is not None
    page = as_user(owner).get(page_url).content.decode()
    assert "You marked this discussed" in page and "Mark as discussed" not in page


@pytest.mark.parametrize(
    ("back", "lands_on"),
    [
        ("prepare", "followup_prepare"),
        ("checkin", "checkin_detail"),
        ("https://evil.example/", "health_evidence"),
    ],
)
def test_marking_discussed_returns_to_the_page_it_was_pressed_on(
    as_user, owner, owner_session, back, lands_on
):
    monthly = relationship_answer(owner_session, 3)
    response = as_user(owner).post(reverse("checkin_discussed", args=[monthly.pk]), {"back": back})
    target = monthly.pk if lands_on == "checkin_detail" else owner_session.client.pk
    assert response.url.startswith(reverse(lands_on, args=[target]))


def test_only_a_relationship_checkin_can_be_marked_discussed(as_user, owner, owner_session):
    after_session = make_checkin_of(owner_session, answered_at=timezone.now(), scores=LOW)
    as_user(owner).post(reverse("checkin_discussed", args=[after_session.pk]))
    after_session.refresh_from_db()
    assert after_session.discussed_at is None


@pytest.mark.parametrize("persona", ["teammate", "outsider"])
def test_nobody_else_can_mark_a_concern_discussed(as_user, personas, owner_session, persona):
    monthly = relationship_answer(owner_session, 3)
    response = as_user(personas[persona]).post(reverse("checkin_discussed", args=[monthly.pk]))
    monthly.refresh_from_db()
    assert response.status_code == 404 and monthly.discussed_at is None


def test_a_concern_still_open_after_a_session_shows_on_the_dashboard_until_discussed(
    as_user, owner, owner_session
):
    monthly = relationship_answer(owner_session, 3)
    assert "asked to talk about" not in dashboard_row(as_user, owner)  # no session since yet
    held(owner_session.client, 1)
    row = dashboard_row(as_user, owner)
    assert "The client asked to talk about something three days ago" in row
    assert reverse("health_evidence", args=[owner_session.client.pk]) + "#client-words" in row
    as_user(owner).post(reverse("checkin_discussed", args=[monthly.pk]))
    assert "asked to talk about" not in dashboard_row(as_user, owner)


def test_an_empty_answer_to_anything_to_talk_about_is_not_a_concern(as_user, owner, owner_session):
    relationship_answer(owner_session, 20, to_address="")
    page = as_user(owner).get(reverse("health_evidence", args=[owner_session.client.pk]))
    assert (
        "Mostly good" in page.content.decode() and "Mark as discussed" not in page.content.decode()
    )
    assert "asked to talk about" not in dashboard_row(as_user, owner)


def test_without_relationship_answers_the_reasons_page_says_how_to_get_them(
    as_user, owner, owner_client
):
    page = as_user(owner).get(reverse("health_evidence", args=[owner_client.pk])).content.decode()
    assert "No relationship check-in answered yet" in page
    assert reverse("client_checkins", args=[owner_client.pk]) in page


def test_each_reason_links_its_guide_section_strategies_and_questions(
    as_user, owner, owner_session
):
    make_checkin_of(owner_session, answered_at=timezone.now() - timedelta(days=1), scores=LOW)
    page = as_user(owner).get(reverse("health_evidence", args=[owner_session.client.pk]))
    sign = page.content.decode().split('id="sign-low-checkin"')[1].split("</details>")[0]
    assert (
        "What this can mean:" in sign
        and reverse("library:section", args=["relationship-checkins"]) in sign
    )
    assert "What to try" in sign and "Questions you might ask" in sign
    assert "for this warning sign" in sign


def prepare_page(as_user: Any, owner: Any, client_record: Any) -> str:
    return as_user(owner).get(reverse("followup_prepare", args=[client_record.pk])).content.decode()


def test_the_preparation_page_chooses_questions_for_the_barrier_profile_and_style(
    as_user, owner, owner_client
):
    from attunement.library.models import BarrierAssessment

    owner_client.communication_style = "brief; prefers concrete next steps"
    owner_client.save()
    BarrierAssessment.objects.create(client=owner_client, ratings={"lack-of-trust": 3})
    page = prepare_page(as_user, owner, owner_client)
    questions = page.split("Questions you might ask")[1]
    assert "for lack of trust" in questions and "style: concrete" in questions
    assert (
        "barrier profile and communication style (“brief; prefers concrete next steps”)"
        in questions
    )


def test_without_a_profile_or_style_the_preparation_page_says_how_to_tailor_questions(
    as_user, owner, owner_client
):
    page = prepare_page(as_user, owner, owner_client)
    assert "Chosen for the phase only" in page
    assert reverse("library:barriers", args=[owner_client.pk]) in page


def test_the_preparation_page_shows_the_phase_strategies_and_its_guide_section(
    as_user, owner, owner_client
):
    page = prepare_page(as_user, owner, owner_client)
    assert "What fits this phase" in page
    assert reverse("library:section", args=["phase-initial"]) in page


def test_the_preparation_page_carries_the_concern_as_a_sign_and_in_the_clients_words(
    as_user, owner, owner_session
):
    relationship_answer(owner_session, 20)
    page = prepare_page(as_user, owner, owner_session.client)
    assert "The client asked to talk about something 20 days ago" in page
    assert CONCERN in page and 'name="back" value="prepare"' in page
    signs = page.split("Open warning signs")[1].split("</section>")[0]
    assert "You might ask:" in signs


def test_the_demos_strained_client_has_a_concern_waiting_and_the_strong_one_none(
    as_user, owner, owner_client
):
    from personas import make_client_of

    from attunement.checkins.demo import add_demo_checkins

    strong = make_client_of(owner, name="Maya Lindqvist")
    for record, kind in ((owner_client, "strained"), (strong, "strong")):
        held(record, 8)
        add_demo_checkins(record, kind, timezone.now())
    rows = dashboard_row(as_user, owner).split("</tr>")
    strained_row = next(r for r in rows if "Omar Haddad" in r)
    strong_row = next(r for r in rows if "Maya Lindqvist" in r)
    assert "The client asked to talk about something 18 days ago" in strained_row
    assert "asked to talk about" not in strong_row
