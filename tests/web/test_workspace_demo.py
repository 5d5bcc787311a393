"""`attune demo`'s data: a coach whose clients show a strong, a steady and a strained bond."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from attunement.practice import health
from attunement.practice.demo_load import DEMO_PASSWORD, DEMO_USER, demo_clients, load_demo
from attunement.practice.models import Analysis, Client
from attunement.relationship.health import band_for

# Loading analyses every demo session (about 30), so the checks share one load.
pytestmark = [pytest.mark.django_db, pytest.mark.slow]


@pytest.fixture(autouse=True)
def _lexical_mode(monkeypatch):
    monkeypatch.setenv("ATTUNE_ENCODER", "off")


def test_the_demo_loads_once_and_its_relationships_read_strong_to_strained(client):
    now = timezone.now()
    assert load_demo() == (DEMO_USER, DEMO_PASSWORD, 3)
    mine = Client.objects.filter(coach__user__username=DEMO_USER)
    assert load_demo()[2] == 3 and mine.count() == 3  # loading again adds nothing
    assert Analysis.objects.exclude(status="done").count() == 0
    assert Analysis.objects.count() >= 20

    kind_of = {demo.name: demo.kind for demo in demo_clients(now)}
    value = {kind_of[c.name]: health.health_for(c.current_engagement(), now).value for c in mine}
    assert value["strong"] >= value["steady"] > value["strained"]
    bands = {kind: band_for(v) for kind, v in value.items()}
    assert bands["strong"] == "strong" and bands["steady"] == "steady"
    assert bands["strained"] in ("strained", "at_risk")

    assert client.login(username=DEMO_USER, password=DEMO_PASSWORD)
    strong = next(c for c in mine if kind_of[c.name] == "strong")
    page = client.get(reverse("client_detail", args=[strong.pk])).content.decode()
    assert "<svg" in page and "Connection health" in page
