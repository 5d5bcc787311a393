"""`attune demo`'s practice: a teammate with two clients of their own and a practice admin who
sees the practice overview but no client."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from attunement.demo.clients import CLIENTS, TEAMMATE_CLIENTS
from attunement.practice import demo_load, health
from attunement.practice.demo_load import (
    ADMIN_PASSWORD,
    ADMIN_USER,
    DEMO_PASSWORD,
    DEMO_USER,
    TEAMMATE_PASSWORD,
    TEAMMATE_USER,
    load_demo,
)
from attunement.practice.models import Client, Coach, Practice
from attunement.practice.overview import practice_overview
from attunement.relationship.health import band_for

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

DEMO_NAMES = [row[0] for row in CLIENTS]
TEAMMATE_NAMES = [row[0] for row in TEAMMATE_CLIENTS]


@pytest.fixture(scope="module")
def demo_practice(django_db_setup: Any, django_db_blocker: Any, tmp_path_factory: Any) -> Any:
    """One load for the whole module (it analyses some 40 sessions), removed afterwards;
    yields its data folder, which holds the key its client records are encrypted with."""
    folder = str(tmp_path_factory.mktemp("demo-data"))
    with django_db_blocker.unblock(), pytest.MonkeyPatch.context() as env:
        env.setenv("ATTUNE_ENCODER", "off")
        env.setenv("ATTUNE_DATA_DIR", folder)
        load_demo()
        yield folder
        demo_load.remove_demo()


@pytest.fixture(autouse=True)
def _demo_data_dir(demo_practice: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ATTUNE_DATA_DIR", demo_practice)


def signed_in(client: Any, username: str, password: str) -> Any:
    assert client.login(username=username, password=password)
    return client


def page(client: Any, name: str, *args: Any) -> tuple[int, str]:
    response = client.get(reverse(name, args=args))
    return response.status_code, response.content.decode()


def test_the_demo_practice_holds_two_coaches_and_an_admin_and_loading_again_adds_nothing():
    assert load_demo() == (DEMO_USER, DEMO_PASSWORD, 3)
    members = Coach.objects.select_related("user")
    roles = {m.user.username: (m.role, m.clients.count()) for m in members}
    assert roles == {DEMO_USER: ("coach", 3), TEAMMATE_USER: ("coach", 2), ADMIN_USER: ("admin", 0)}
    assert Practice.objects.count() == 1 and Client.objects.count() == 5


def test_the_teammates_clients_read_strong_and_strained():
    now = timezone.now()
    kind_of = {row[0]: row[1] for row in TEAMMATE_CLIENTS}
    bands = {
        kind_of[c.name]: band_for(health.health_for(c.current_engagement(), now).value)
        for c in Client.objects.filter(coach__user__username=TEAMMATE_USER)
    }
    assert bands["strong"] == "strong" and bands["strained"] in ("strained", "at_risk")


def test_the_overview_counts_both_coaches_relationships():
    summary = practice_overview(Practice.objects.get(), timezone.now())
    per_coach = {row.coach: row.relationships for row in summary.coaches}
    assert per_coach == {DEMO_USER: 3, TEAMMATE_USER: 2}
    assert summary.total.needs_attention >= 2  # each coach's strained client


def test_the_admin_sees_the_practice_overview_and_team_but_no_client_name(client):
    signed_in(client, ADMIN_USER, ADMIN_PASSWORD)
    status, overview = page(client, "practice_overview")
    assert status == 200
    assert f"<td>{DEMO_USER}</td><td>3</td>" in overview
    assert f"<td>{TEAMMATE_USER}</td><td>2</td>" in overview
    pages = [overview, page(client, "team")[1], page(client, "dashboard")[1]]
    assert not [name for name in DEMO_NAMES + TEAMMATE_NAMES for body in pages if name in body]


def test_the_admin_cannot_open_a_client(client):
    signed_in(client, ADMIN_USER, ADMIN_PASSWORD)
    assert page(client, "client_detail", Client.objects.first().pk)[0] == 404


def test_the_teammate_sees_only_their_own_two_clients(client):
    signed_in(client, TEAMMATE_USER, TEAMMATE_PASSWORD)
    dashboard = page(client, "dashboard")[1]
    assert all(name in dashboard for name in TEAMMATE_NAMES)
    assert not [name for name in DEMO_NAMES if name in dashboard]
    own = Client.objects.filter(coach__user__username=TEAMMATE_USER).first()
    status, detail = page(client, "client_detail", own.pk)
    assert status == 200 and "Connection health" in detail
    other = Client.objects.filter(coach__user__username=DEMO_USER).first()
    assert page(client, "client_detail", other.pk)[0] == 404
    assert page(client, "practice_overview")[0] == 404


def test_the_first_demo_coach_still_sees_only_their_three_clients(client):
    signed_in(client, DEMO_USER, DEMO_PASSWORD)
    dashboard = page(client, "dashboard")[1]
    assert all(name in dashboard for name in DEMO_NAMES)
    assert not [name for name in TEAMMATE_NAMES if name in dashboard]


def test_a_fresh_load_replaces_the_practice_and_its_accounts(monkeypatch):
    # No clients this time: what matters is that the old practice and accounts go.
    for username in demo_load.CLIENTS_OF:
        monkeypatch.setitem(demo_load.CLIENTS_OF, username, lambda now: [])
    before = Practice.objects.get().pk
    assert load_demo(fresh=True) == (DEMO_USER, DEMO_PASSWORD, 0)
    assert Practice.objects.get().pk != before and Client.objects.count() == 0
    usernames = set(get_user_model().objects.values_list("username", flat=True))
    assert usernames == {DEMO_USER, TEAMMATE_USER, ADMIN_USER}
