"""The practice overview: counts of how the practice's relationships are doing, for the people
who manage the practice, and never a client's name or words."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from checkin_factories import make_checkin_of
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from personas import SESSION_TEXT, make_analysis_of, make_member
from workspace_factories import make_client, make_session

from attunement.practice.charts import stacked_bars
from attunement.practice.overview import BAND_LABELS, summarise_coach, summarise_practice
from attunement.relationship.health import Health
from attunement.relationship.history import CHECKIN_ITEMS, CheckIn, History, SessionRecord, Status
from attunement.relationship.phase import Phase
from attunement.relationship.signs import Sign

NOW = datetime(2026, 11, 20, 12, tzinfo=UTC)
STARTED = datetime(2026, 6, 1, tzinfo=UTC)
WITHDRAWAL = Sign("withdrawal", "The client says less than before", 20)
MISSED = Sign("missed-sessions", "Sessions missed lately", 15)


def days_ago(days: int) -> datetime:
    return NOW - timedelta(days=days)


def reading(
    band: str = "steady",
    sessions: tuple[tuple[int, Status], ...] = ((10, Status.HELD),),
    signs: tuple[Sign, ...] = (),
    checkins: tuple[int, ...] = (),
) -> tuple[History, Health]:
    history = History(
        started=STARTED,
        sessions=tuple(SessionRecord(when=days_ago(d), status=s) for d, s in sessions),
        checkins=tuple(CheckIn(days_ago(d), dict.fromkeys(CHECKIN_ITEMS, 8)) for d in checkins),
    )
    value = {"strong": 90, "steady": 70, "strained": 50, "at_risk": 20}[band]
    return history, Health(value, band, signs, Phase.DEEPENING)


# ---- counting, with a fixed clock ------------------------------------------------------------


def test_a_relationship_with_no_held_session_and_no_sign_counts_as_no_reading_yet():
    summary = summarise_coach("dana", [reading("strong", sessions=())], now=NOW)
    assert summary.bands["none"] == 1 and summary.bands["strong"] == 0


def test_bands_and_attention_are_counted_per_relationship():
    readings = [reading("strong"), reading("strained"), reading("at_risk"), reading("steady")]
    summary = summarise_coach("dana", readings, now=NOW)
    assert dict(summary.bands) == {"strong": 1, "steady": 1, "strained": 1, "at_risk": 1, "none": 0}
    assert summary.relationships == 4 and summary.needs_attention == 2


def test_attendance_counts_the_last_90_days_whatever_became_of_the_sessions():
    sessions = (
        (5, Status.HELD),
        (40, Status.NO_SHOW),
        (60, Status.HELD),
        (89, Status.CANCELLED),
        (120, Status.NO_SHOW),  # before the quarter
        (-7, Status.HELD),  # still to come
    )
    summary = summarise_coach("dana", [reading(sessions=sessions)], now=NOW)
    assert (summary.held, summary.scheduled) == (2, 4)
    assert summary.attendance == pytest.approx(0.5)
    assert summary.held_recently == 1


def test_a_coach_with_no_sessions_due_has_no_attendance_figure():
    assert summarise_coach("dana", [], now=NOW).attendance is None


def test_check_ins_answered_in_the_last_90_days_are_counted():
    summary = summarise_coach("dana", [reading(checkins=(3, 80, 95))], now=NOW)
    assert summary.checkins == 2


def test_the_practice_counts_each_sign_once_per_relationship_most_frequent_first():
    by_coach = {
        "dana": [reading("strained", signs=(WITHDRAWAL, MISSED)), reading("steady")],
        "eli": [reading("at_risk", signs=(WITHDRAWAL, WITHDRAWAL))],
        "new-coach": [],
    }
    summary = summarise_practice(by_coach, now=NOW)
    assert summary.signs == (
        ("withdrawal", "Client withdrawing", 2),
        ("missed-sessions", "Missed or moved sessions", 1),
    )
    assert [row.coach for row in summary.coaches] == ["dana", "eli", "new-coach"]
    assert summary.total.relationships == 3 and summary.total.needs_attention == 2


def test_the_band_chart_draws_one_bar_per_coach_with_a_slice_per_band():
    chart = stacked_bars(
        [("dana", {"strong": 2, "strained": 1}), ("eli <x>", {"at_risk": 1})], BAND_LABELS
    )
    assert chart.startswith("<svg") and chart.count("<rect") == 3 + len(BAND_LABELS)
    assert "<title>Strong: 2</title>" in chart and "eli &lt;x&gt;" in chart


def test_the_band_chart_is_left_out_when_there_is_nothing_to_draw():
    assert stacked_bars([("dana", {"strong": 0})], BAND_LABELS) == ""


# ---- the page ----------------------------------------------------------------------------------


def analysed_client_of(user: Any, name: str, days: int = 20) -> Any:
    client = make_client(user, name=name)
    session = make_session(client, days_ago=days)
    make_analysis_of(session)
    make_checkin_of(session, answered_at=timezone.now(), scores=dict.fromkeys(CHECKIN_ITEMS, 7))
    return client


@pytest.mark.django_db
def test_the_practice_admin_sees_each_coachs_counts_and_no_client_names(
    as_user, owner, teammate, practice_admin
):
    first = analysed_client_of(owner, "Marisol Vega")
    second = analysed_client_of(owner, "Tobias Lindqvist", days=50)
    response = as_user(practice_admin).get(reverse("practice_overview"))
    assert response.status_code == 200
    rows = {row.coach: row for row, _ in response.context["rows"]}
    assert set(rows) == {"owner", "teammate"}  # the admin account holds no clients
    assert rows["owner"].relationships == 2 and rows["teammate"].relationships == 0
    assert (rows["owner"].held, rows["owner"].checkins, rows["owner"].held_recently) == (2, 2, 1)
    page = response.content.decode()
    assert first.name not in page and second.name not in page
    assert "How are you?" not in page and SESSION_TEXT.splitlines()[0] not in page
    assert "<svg" in page


@pytest.mark.django_db
def test_an_admin_of_another_practice_sees_only_their_own_coaches(as_user, owner, outsider):
    analysed_client_of(owner, "Marisol Vega")
    other_admin = make_member("other-admin", practice=outsider.coach.practice, role="admin")
    response = as_user(other_admin).get(reverse("practice_overview"))
    coaches = [row.coach for row, _ in response.context["rows"]]
    assert coaches == ["outsider"] and "owner" not in response.content.decode().split("<main>")[1]


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["owner", "teammate", "outsider"])
def test_a_coach_who_does_not_manage_the_practice_gets_404(as_user, personas, persona):
    assert as_user(personas[persona]).get(reverse("practice_overview")).status_code == 404


@pytest.mark.django_db
def test_the_overview_says_what_to_do_when_no_relationship_is_active_yet(as_user, practice_admin):
    page = as_user(practice_admin).get(reverse("practice_overview")).content.decode()
    assert "No active relationships yet" in page and reverse("team") in page


@pytest.mark.django_db
def test_the_admin_finds_the_overview_in_the_menu_and_a_coach_does_not(
    as_user, practice_admin, teammate
):
    link = f'href="{reverse("practice_overview")}"'
    assert link in as_user(practice_admin).get(reverse("dashboard")).content.decode()
    assert link not in as_user(teammate).get(reverse("dashboard")).content.decode()


@pytest.mark.django_db
def test_the_overview_of_12_relationships_asks_the_database_no_more_than_that_of_2(
    as_user, owner, practice_admin
):
    page = as_user(practice_admin)
    for n in range(2):
        analysed_client_of(owner, f"Client {n:02d}")
    with CaptureQueriesContext(connection) as few:
        page.get(reverse("practice_overview"))
    for n in range(2, 12):
        analysed_client_of(owner, f"Client {n:02d}")
    with CaptureQueriesContext(connection) as many:
        response = page.get(reverse("practice_overview"))
    assert response.context["summary"].total.relationships == 12
    assert len(many.captured_queries) <= len(few.captured_queries) + 2


@pytest.mark.django_db
def test_an_admins_menu_says_home_where_a_coachs_says_clients(as_user, practice_admin, teammate):
    link = f'<a href="{reverse("dashboard")}">'
    assert f"{link}Home</a>" in as_user(practice_admin).get(reverse("dashboard")).content.decode()
    assert f"{link}Clients</a>" in as_user(teammate).get(reverse("dashboard")).content.decode()
