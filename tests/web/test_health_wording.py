"""How the reasons on the connection-health page read to a coach."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from attunement.practice import services
from attunement.relationship import CheckIn, History, Phase
from attunement.relationship.rules import low_checkin

pytestmark = pytest.mark.django_db


def test_each_reason_on_the_health_page_starts_with_a_capital_letter(as_user, owner, owner_client):
    engagement = services.engagement_for(owner_client)
    # Long ago and nothing since: the gap against the agreed rhythm, whose sentence the rules
    # write in lower case ("no session held for ...") for use inside other sentences.
    services.log_session(engagement, when=timezone.now() - timedelta(days=90), status="held")
    html = as_user(owner).get(reverse("health_evidence", args=[owner_client.pk])).content.decode()
    reasons = re.findall(r"<summary><strong>(.*?)</strong>", html)
    assert any(r.startswith("No session held") for r in reasons)
    assert all(not r[0].islower() for r in reasons)


def test_a_low_check_in_names_its_low_items_in_words_not_field_names():
    now = timezone.now()
    scores = {"heard_respected": 8, "worked_on_wanted": 3, "approach_fits": 2, "overall": 7}
    checkin = CheckIn(when=now - timedelta(days=2), scores=scores)
    history = History(started=now - timedelta(days=60), checkins=(checkin,))
    sign = low_checkin(history, now, Phase.DEEPENING)
    assert sign is not None
    assert sign.sentence == (
        "last check-in 20/40, low on working on what they wanted, the way of working suiting them"
    )
