"""The workspace pages through Django's test client: setup, clients, sessions, agreements."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from library_factories import make_entry_of
from workspace_factories import PASSWORD, make_client, make_coach, make_session

from attunement.library.models import JournalEntry
from attunement.practice.models import Agreement, AuditEvent, Client, Session

pytestmark = pytest.mark.django_db


@pytest.fixture
def coach(client):
    user = make_coach("sam")
    client.force_login(user)
    return user


def test_first_visit_without_accounts_leads_to_the_setup_page(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == reverse("setup")


def test_setup_creates_the_owner_signs_them_in_and_then_closes(client):
    response = client.post(
        reverse("setup"),
        {
            "practice_name": "North Star Coaching",
            "username": "owner",
            "password": PASSWORD,
            "password_again": PASSWORD,
        },
    )
    assert response.status_code == 302
    owner = get_user_model().objects.get(username="owner")
    assert owner.is_superuser and owner.coach.practice.name == "North Star Coaching"
    assert owner.password.startswith("argon2")
    assert "Add your first client" in client.get("/").content.decode()
    assert client.get(reverse("setup")).status_code == 302


def test_setup_shows_a_mismatched_password_next_to_its_field(client):
    response = client.post(
        reverse("setup"),
        {
            "practice_name": "P",
            "username": "owner",
            "password": PASSWORD,
            "password_again": "other",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["password_again"]
    assert not get_user_model().objects.exists()


def test_setup_explains_a_username_with_a_space_in_plain_words(client):
    response = client.post(
        reverse("setup"),
        {
            "practice_name": "P",
            "username": "jo coach",
            "password": PASSWORD,
            "password_again": PASSWORD,
        },
    )
    error = response.context["form"].errors["username"][0]
    assert "only letters, digits, - and _" in error and "slug" not in error
    assert not get_user_model().objects.exists()


def test_setup_lets_password_managers_recognise_the_new_username(client):
    page = client.get(reverse("setup")).content.decode()
    assert 'name="username"' in page and 'autocomplete="username"' in page


def test_anonymous_visitor_is_sent_to_sign_in(client):
    make_coach("sam")
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_sign_in_page_accepts_the_coach(client):
    make_coach("sam")
    response = client.post(reverse("login"), {"username": "sam", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/").status_code == 200


def test_adding_a_client_opens_an_engagement_in_the_initial_phase(client, coach):
    response = client.post(
        reverse("client_new"),
        {
            "name": "Riya Kapoor",
            "time_zone": "Europe/Berlin",
            "goals": "Ask for the promotion",
            "cadence_days": 14,
        },
    )
    new = Client.objects.get()
    assert response["Location"] == reverse("client_detail", args=[new.pk])
    page = client.get(response["Location"]).content.decode()
    assert "Riya Kapoor" in page and "initial phase" in page
    assert "No sessions logged yet" in page


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("name", "", "Enter the client's name"),
        ("name", "x" * 121, "at most 120"),
        ("time_zone", "Mars/Olympus", "not a time zone"),
        ("cadence_days", "often", "whole number"),
    ],
)
def test_client_form_explains_a_bad_value_next_to_its_field(client, coach, field, value, message):
    data = {"name": "Riya", "cadence_days": 14, field: value}
    response = client.post(reverse("client_new"), data)
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert not Client.objects.exists()


def test_hostile_text_in_a_client_name_is_shown_escaped(client, coach):
    client.post(reverse("client_new"), {"name": "<script>alert(1)</script>", "cadence_days": 7})
    page = client.get("/").content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page


def test_a_cancelled_session_must_say_who_cancelled(client, coach):
    riya = make_client(coach)
    url = reverse("session_new", args=[riya.pk])
    data = {"when": "2026-11-02T10:00", "minutes": 60, "format": "video", "status": "cancelled"}
    response = client.post(url, data)
    assert response.status_code == 200 and response.context["form"].errors["by_whom"]
    response = client.post(url, {**data, "by_whom": "client"})
    session = Session.objects.get()
    assert response["Location"] == reverse("session_detail", args=[session.pk])
    assert (session.status, session.by_whom) == ("cancelled", "client")


def test_phase_moves_to_deepening_after_the_fourth_held_session(client, coach):
    riya = make_client(coach)
    for days in range(3):
        make_session(riya, days_ago=days * 14)
    make_session(riya, days_ago=50, status="no_show", by="client")
    assert riya.current_engagement().phase == "initial"
    make_session(riya, days_ago=60)
    page = client.get(reverse("client_detail", args=[riya.pk])).content.decode()
    assert "deepening phase" in page
    assert "1 no-show by client" in page


def test_revising_an_agreement_adds_a_version_and_shows_the_newest(client, coach):
    riya = make_client(coach)
    url = reverse("agreement_new", args=[riya.pk])
    client.post(url, {"kind": "logistics", "text": "Fortnightly, Tuesdays at 9."})
    client.post(url, {"kind": "logistics", "text": "Fortnightly, Thursdays at 9."})
    versions = list(Agreement.objects.values_list("version", flat=True).order_by("version"))
    assert versions == [1, 2]
    page = client.get(reverse("client_detail", args=[riya.pk])).content.decode()
    assert "Thursdays" in page and "Tuesdays" not in page


def test_opening_a_client_is_recorded_in_the_audit_log(client, coach):
    riya = make_client(coach)
    client.get(reverse("client_detail", args=[riya.pk]))
    event = AuditEvent.objects.get()
    assert (event.user, event.client_ref, event.action) == (coach, riya.pk, "view client")


def test_another_coach_gets_not_found_for_someone_elses_client(client, coach):
    other = make_coach("alex")
    theirs = make_client(other, name="Morgan")
    assert client.get(reverse("client_detail", args=[theirs.pk])).status_code == 404
    assert client.get(reverse("session_detail", args=[make_session(theirs).pk])).status_code == 404


def test_a_practice_admin_sees_no_client_content(client, coach):
    riya = make_client(coach)
    admin = make_coach("ada", practice=coach.coach.practice, role="admin")
    client.force_login(admin)
    assert client.get(reverse("client_detail", args=[riya.pk])).status_code == 404
    assert "Riya" not in client.get("/").content.decode()


def test_pages_carry_a_content_security_policy_without_external_sources(client, coach):
    policy = client.get("/")["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "http" not in policy


def test_consent_form_records_a_new_consent_each_time(client, coach):
    riya = make_client(coach, consent=False)
    url = reverse("consent_new", args=[riya.pk])
    client.post(url, {"recording": "on", "transcription": "on"})
    consent = riya.current_consent()
    assert (consent.recording, consent.transcription, consent.analysis) == (True, True, False)


def test_a_client_who_keeps_missing_sessions_is_listed_first_with_the_reason(client, coach):
    steady = make_client(coach, name="Aaron Abel")
    for days in (40, 26, 12):
        make_session(steady, days_ago=days)
    missing = make_client(coach, name="Zoe Zimmer")
    make_session(missing, days_ago=40)
    for days in (26, 12):
        make_session(missing, days_ago=days, status="no_show", by="client")
    page = client.get("/").content.decode()
    assert page.index("Zoe Zimmer") < page.index("Aaron Abel")
    detail = client.get(reverse("client_detail", args=[missing.pk])).content.decode()
    assert "Connection health" in detail
    assert (
        reverse("session_detail", args=[missing.current_engagement().sessions.last().pk]) in detail
    )


def test_a_session_that_was_not_held_offers_no_transcript_upload(client, coach):
    missed = make_session(make_client(coach), status="no_show", by="client")
    page = client.get(reverse("session_detail", args=[missed.pk])).content.decode()
    assert "was not held" in page and 'type="file"' not in page


def test_a_client_page_without_details_says_what_to_add(client, coach):
    page = client.get(reverse("client_detail", args=[make_client(coach).pk])).content.decode()
    assert "Nothing recorded yet" in page and "No agreements yet" in page


def test_marking_a_session_held_after_all_clears_who_missed_it(client, coach):
    session = make_session(make_client(coach), status="no_show", by="client")
    data = {
        "when": "2026-11-02T10:00",
        "minutes": 50,
        "format": "video",
        "status": "held",
        "by_whom": "client",
    }
    response = client.post(reverse("session_edit", args=[session.pk]), data)
    assert response.status_code == 302
    session.refresh_from_db()
    assert (session.status, session.by_whom, session.minutes) == ("held", "", 50)


def test_a_held_session_logged_with_a_canceller_keeps_none(coach):
    session = make_session(make_client(coach), status="held", by="client")
    session.refresh_from_db()
    assert session.by_whom == ""


def test_deleting_a_client_removes_their_records_and_keeps_the_audit_trail(client, coach):
    riya = make_client(coach)
    make_session(riya)
    client.get(reverse("client_detail", args=[riya.pk]))
    assert (
        "Who opened these records"
        in client.get(reverse("client_detail", args=[riya.pk])).content.decode()
    )
    response = client.post(reverse("client_delete", args=[riya.pk]))
    assert response["Location"] == reverse("dashboard")
    assert not Client.objects.exists() and not Session.objects.exists()
    actions = list(AuditEvent.objects.filter(client_ref=riya.pk).values_list("action", flat=True))
    assert "delete client" in actions and "view client" in actions


def test_the_delete_page_warns_that_journal_entries_about_the_client_go_too(client, coach):
    riya = make_client(coach)
    make_entry_of(make_session(riya))
    page = client.get(reverse("client_delete", args=[riya.pk])).content.decode()
    assert "your journal entries about their sessions" in page
    client.post(reverse("client_delete", args=[riya.pk]))
    assert not JournalEntry.objects.exists()  # what the page says is what happens


def test_a_client_with_no_session_held_yet_has_no_reading_rather_than_a_strong_one(client, coach):
    new = make_client(coach)
    dashboard = client.get("/").content.decode()
    detail = client.get(reverse("client_detail", args=[new.pk])).content.decode()
    for page in (dashboard, detail):
        assert "No reading yet" in page and "Strong 100" not in page
    assert "it starts with the first session you log as held" in detail
    reasons = client.get(reverse("health_evidence", args=[new.pk])).content.decode()
    assert "No reading yet" in reasons and "Strong 100" not in reasons


def test_the_first_held_session_gives_the_client_a_health_reading(client, coach):
    held = make_client(coach)
    make_session(held)
    assert "No reading yet" not in client.get("/").content.decode()
