"""The dashboard and a client's pages read each kind of record once, not once per client or
session: a coach with 30 clients waits on as many database queries as a coach with 3."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from checkin_factories import make_checkin_of
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from followup_factories import make_commitment_of
from personas import make_analysis_of
from workspace_factories import make_client, make_session

from attunement.checkins import services as checkins
from attunement.checkins.models import Checkin
from attunement.practice import health
from attunement.practice.models import Client
from attunement.relationship.history import CHECKIN_ITEMS

pytestmark = pytest.mark.django_db

SLACK = 2  # queries a page may add as it grows (none are expected)


def add_clients(owner: Any, count: int, start: int = 0) -> None:
    """Clients with the records every reminder and sign reads: analysed and missed sessions, an
    answered check-in, a message waiting past the response time, an open concern, a commitment."""
    for n in range(start, start + count):
        client = make_client(owner, name=f"Client {n:02d}")
        first = make_session(client, days_ago=40)
        make_analysis_of(first)
        make_analysis_of(make_session(client, days_ago=20))
        make_session(client, days_ago=6, status="no_show", by="client")
        answered = timezone.now() - timedelta(days=30)
        make_checkin_of(first, answered_at=answered, scores=dict.fromkeys(CHECKIN_ITEMS, 4 + n % 5))
        make_checkin_of(first, kind="message", answered_at=timezone.now() - timedelta(hours=60))
        make_checkin_of(
            first, kind="relationship", answered_at=answered, answers={"to_address": "pace"}
        )
        make_commitment_of(client, due=(timezone.now() - timedelta(days=9)).date())


def queries_for(page: Any, url: str) -> tuple[int, Any]:
    with CaptureQueriesContext(connection) as captured:
        response = page.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries), response


def test_the_dashboard_of_30_clients_asks_the_database_no_more_than_that_of_3(as_user, owner):
    page = as_user(owner)
    add_clients(owner, 3)
    few, _ = queries_for(page, reverse("dashboard"))
    add_clients(owner, 27, start=3)
    many, response = queries_for(page, reverse("dashboard"))
    assert len(response.context["rows"]) == 30
    assert response.content.decode().count("Message waiting") == 30
    assert many <= few + SLACK


def test_each_dashboard_row_shows_the_health_and_reminders_of_that_clients_own_pages(
    as_user, owner
):
    add_clients(owner, 4)
    now = timezone.now()
    rows = as_user(owner).get(reverse("dashboard")).context["rows"]
    for client, state, held, _, reminders in rows:
        engagement = client.current_engagement()
        assert state.reasons == health.health_for(engagement, now).reasons
        assert held == engagement.held_count()
        assert reminders.overdue == checkins.overdue_messages(client, now)
        assert reminders.concern == checkins.concern_sign(client, now)
        assert reminders.relationship_due == checkins.relationship_checkin_due(client, now)
    assert all(row[4].overdue and row[4].concern for row in rows)  # each reminder was shown


def test_a_dashboard_row_counts_only_the_sessions_of_the_current_engagement(as_user, owner):
    add_clients(owner, 1)
    client = Client.objects.get()
    later = client.engagements.create(start=timezone.localdate())
    make_session(client, days_ago=0)  # logged in the new engagement
    client_row = as_user(owner).get(reverse("dashboard")).context["rows"][0]
    assert client_row[2] == later.held_count() == 1


@pytest.mark.parametrize("page_name", ["client_detail", "health_evidence"])
def test_a_clients_page_asks_as_often_after_30_sessions_as_after_3(as_user, owner, page_name):
    add_clients(owner, 1)
    client = Client.objects.get()
    page, url = as_user(owner), reverse(page_name, args=[client.pk])
    few, _ = queries_for(page, url)
    for days_ago in range(30, 57):
        make_analysis_of(make_session(client, days_ago=days_ago))
    many, response = queries_for(page, url)
    assert response.context["engagement" if page_name == "client_detail" else "held"]
    assert many <= few + SLACK


def test_the_batched_rows_hold_only_the_coachs_clients_each_with_its_own_records(
    as_user, owner, teammate
):
    waiting = make_client(owner, name="Waiting")
    make_checkin_of(
        make_session(waiting, days_ago=3),
        kind="message",
        answered_at=timezone.now() - timedelta(hours=60),
    )
    make_client(owner, name="Quiet").engagements.all().delete()  # nothing yet: one is opened
    theirs = make_client(teammate, name="Teammate's client")
    make_checkin_of(
        make_session(theirs, days_ago=3),
        kind="message",
        answered_at=timezone.now() - timedelta(hours=60),
    )
    rows = as_user(owner).get(reverse("dashboard")).context["rows"]
    seen = {client.name: (held, len(reminders.overdue)) for client, _, held, _, reminders in rows}
    assert seen == {"Waiting": (1, 1), "Quiet": (0, 0)}


def test_a_check_in_stays_with_the_engagement_of_its_session_when_read_for_several(owner):
    client = make_client(owner)
    earlier = client.current_engagement()
    answered = {"answered_at": timezone.now(), "scores": dict.fromkeys(CHECKIN_ITEMS, 7)}
    old = make_checkin_of(make_session(client, days_ago=30), **answered)
    later = client.engagements.create(start=timezone.localdate())
    loose = Checkin.objects.create(client=client, kind="session", **answered)  # no session
    histories = health.histories_for([earlier, later])
    refs = {e.pk: [c.ref for c in histories[e.pk].checkins] for e in (earlier, later)}
    assert refs == {earlier.pk: [str(old.pk), str(loose.pk)], later.pk: [str(loose.pk)]}


def test_a_session_loaded_with_its_latest_analysis_names_a_newer_one_once_it_is_saved(owner):
    from attunement.practice.models import Analysis, Session, with_latest_analysis

    session = make_session(make_client(owner))
    older = make_analysis_of(session)
    loaded = with_latest_analysis(Session.objects.filter(pk=session.pk)).get()
    assert loaded.latest_analysis() == older
    newer = Analysis.objects.create(session=loaded, status=Analysis.Status.DONE)
    assert loaded.latest_analysis() == newer


def test_a_clients_reminders_read_the_same_with_the_engagement_handed_in_as_looked_up(owner):
    add_clients(owner, 1)
    client, now = Client.objects.get(), timezone.now()
    engagement = client.current_engagement()
    assert checkins.overdue_messages(client, now, engagement) == checkins.overdue_messages(
        client, now
    )
    assert checkins.overdue_messages(client, now, engagement)  # the waiting message is there
    assert checkins.relationship_checkin_due(
        client, now, engagement
    ) == checkins.relationship_checkin_due(client, now)


def test_the_client_checkins_page_shows_the_waiting_message_and_the_contact_terms(as_user, owner):
    add_clients(owner, 1)
    response = as_user(owner).get(reverse("client_checkins", args=[Client.objects.get().pk]))
    assert response.status_code == 200
    assert len(response.context["overdue"]) == 1
    assert response.context["terms"].engagement == Client.objects.get().current_engagement()


def test_the_client_page_reads_the_sessions_and_their_transcripts_once_for_list_and_health(
    as_user, owner
):
    add_clients(owner, 1)
    client = Client.objects.get()
    with CaptureQueriesContext(connection) as captured:
        response = as_user(owner).get(reverse("client_detail", args=[client.pk]))
    transcript_reads = [q for q in captured.captured_queries if "practice_transcript" in q["sql"]]
    assert len(transcript_reads) == 1
    expected = health.health_for(client.current_engagement(), timezone.now())
    assert response.context["health"].reasons == expected.reasons
    assert response.context["health"].value == expected.value


def test_the_health_evidence_page_reads_the_transcripts_once_for_the_score_and_its_evidence(
    as_user, owner
):
    add_clients(owner, 1)
    client = Client.objects.get()
    with CaptureQueriesContext(connection) as captured:
        response = as_user(owner).get(reverse("health_evidence", args=[client.pk]))
    transcript_reads = [q for q in captured.captured_queries if "practice_transcript" in q["sql"]]
    assert len(transcript_reads) == 1
    expected = health.health_for(client.current_engagement(), timezone.now())
    assert response.context["health"].reasons == expected.reasons
    assert response.context["held"] == 2
    assert [r.sign for r, _ in response.context["reasons"]] == list(expected.reasons)


def test_scoring_every_client_leaves_the_transcripts_text_and_file_names_encrypted(
    owner, monkeypatch
):
    from attunement.practice import crypto

    add_clients(owner, 2)
    engagements = [c.current_engagement() for c in Client.objects.all()]
    read: list[str] = []
    original = crypto.decrypt

    def noting(value: str, context: str) -> str:
        read.append(context)
        return original(value, context)

    monkeypatch.setattr(crypto, "decrypt", noting)  # the real decryption, each field noted
    histories = health.histories_for(engagements)
    assert all(len(h.analysed) == 2 for h in histories.values())
    assert not [c for c in read if c.endswith(("Transcript.text", "Transcript.filename"))]
    assert [c for c in read if c.endswith("Transcript.conversation")]
