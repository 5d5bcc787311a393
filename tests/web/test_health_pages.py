"""Connection health in the workspace: the dashboard row, and reasons that open onto their turns."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from attunement.practice import services

pytestmark = pytest.mark.django_db

# Two "yes, but" to the coach's push and three guarded replies (client turns 2, 4, 6, 8, 10).
GUARDED = """Dana: You should really just tell your manager how it is.
Omar: Yes, but it's not that simple.
Dana: What do you make of that?
Omar: I don't know.
Dana: How did the week go?
Omar: Fine.
Dana: What else is there?
Omar: Not really.
Dana: Don't you think you'd feel better if you did it?
Omar: Yeah, but I don't have the time.
"""


@pytest.fixture
def guarded_twice(owner_client):
    engagement = services.engagement_for(owner_client)
    sessions = []
    for days in (10, 3):
        when = timezone.now() - timedelta(days=days)
        session = services.log_session(engagement, when=when, status="held")
        services.upload_transcript(session, SimpleUploadedFile("s.txt", GUARDED.encode()))
        sessions.append(session)
    return sessions


def test_reluctance_on_the_reasons_page_links_the_turns_that_show_it(
    as_user, owner, owner_client, guarded_twice
):
    page = as_user(owner).get(reverse("health_evidence", args=[owner_client.pk]))
    html = page.content.decode()
    start = html.index('id="sign-reluctance"')
    reluctance = html[start : html.index("</details>", start)]
    latest = reverse("session_detail", args=[guarded_twice[-1].pk])
    assert f'href="{latest}#turn-2"' in reluctance
    assert "Transcript, turns 2, 4, 6, 8, 10" in reluctance
    assert "client turns with a sign of resistance" in reluctance


def test_a_sign_not_read_from_turns_lists_only_its_sessions(as_user, owner, owner_client):
    engagement = services.engagement_for(owner_client)
    for days in (20, 12):
        services.log_session(
            engagement,
            when=timezone.now() - timedelta(days=days),
            status="no_show",
            by_whom="client",
        )
    html = as_user(owner).get(reverse("health_evidence", args=[owner_client.pk])).content.decode()
    start = html.index('id="sign-missed-sessions"')
    assert "Transcript" not in html[start : html.index("</details>", start)]


def test_the_dashboard_puts_a_falling_relationship_first_with_its_trend_and_reasons_in_a_line(
    as_user, owner
):
    from workspace_factories import make_client, make_session

    steady = make_client(owner, name="Aaron Abel")
    for days in (40, 26, 12):
        make_session(steady, days_ago=days)
    slipping = make_client(owner, name="Zoe Zimmer")
    for days in (40, 30):
        make_session(slipping, days_ago=days)
    make_session(slipping, days_ago=12, status="no_show", by="client")
    make_session(slipping, days_ago=5, status="rescheduled", by="client")
    html = as_user(owner).get(reverse("dashboard")).content.decode()
    zoe = html[html.index("Zoe Zimmer") : html.index("</tr>", html.index("Zoe Zimmer"))]
    aaron = html[html.index("Aaron Abel") : html.index("</tr>", html.index("Aaron Abel"))]
    assert html.index("Zoe Zimmer") < html.index("Aaron Abel")
    assert "↓ falling" in zoe and "→ stable" in aaron
    assert "one no-show and one reschedule by the client in the last month</a>; <a" in zoe


def test_each_open_sign_on_the_preparation_page_links_to_the_guide_part_explaining_it(
    as_user, owner, owner_client
):
    engagement = services.engagement_for(owner_client)
    for days in (20, 12):
        when = timezone.now() - timedelta(days=days)
        services.log_session(engagement, when=when, status="no_show", by_whom="client")
    html = as_user(owner).get(reverse("followup_prepare", args=[owner_client.pk])).content.decode()
    section = reverse("library:section", args=["missed-sessions"])
    assert f'href="{section}">What this can mean: ' in html


# ---- commitments and memory cards by hand ---------------------------------------------------


def test_a_promise_added_by_hand_is_on_the_ledger_with_its_due_date_and_counts_when_overdue(
    as_user, owner, owner_client
):
    from attunement.practice import health

    due = (timezone.now() - timedelta(days=5)).date()
    data = {"owner": "coach", "text": "send the article on feedback", "due": due.isoformat()}
    web = as_user(owner)
    assert web.post(reverse("followup_ledger", args=[owner_client.pk]), data).status_code == 302
    ledger = web.get(reverse("followup_ledger", args=[owner_client.pk])).content.decode()
    assert "send the article on feedback" in ledger and "added by hand" in ledger
    engagement = services.engagement_for(owner_client)
    signs = health.health_for(engagement, timezone.now()).reasons
    assert "coach-promises-overdue" in {s.rule for s in signs}


def test_a_card_added_by_hand_shows_when_preparing_and_a_deleted_one_does_not(
    as_user, owner, owner_client
):
    from followup_factories import make_card_of

    web = as_user(owner)
    web.post(
        reverse("followup_memory", args=[owner_client.pk]), {"kind": "value", "text": "fairness"}
    )
    unwanted = make_card_of(owner_client, text="cousin, Rafa", confirmed=True)
    web.post(reverse("card_delete", args=[unwanted.pk]))
    prepare = web.get(reverse("followup_prepare", args=[owner_client.pk])).content.decode()
    assert "fairness" in prepare and "cousin, Rafa" not in prepare


def test_a_deleted_commitment_leaves_the_ledger(as_user, owner, owner_client):
    from followup_factories import make_commitment_of

    gone = make_commitment_of(owner_client, text="book the room")
    web = as_user(owner)
    web.post(reverse("commitment_delete", args=[gone.pk]))
    ledger = web.get(reverse("followup_ledger", args=[owner_client.pk])).content.decode()
    assert "book the room" not in ledger
