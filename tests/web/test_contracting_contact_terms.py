"""The logistics agreement a client acknowledges says what their private-link pages say about
contact between sessions: the same channels, hours, response time and emergency words."""

from __future__ import annotations

import pytest

from attunement.checkins.models import ContactTerms
from attunement.library import contracting
from attunement.practice import services

pytestmark = pytest.mark.django_db


def test_the_logistics_template_carries_the_recorded_contact_terms(owner_client):
    ContactTerms.objects.create(
        engagement=services.engagement_for(owner_client),
        response_hours=24,
        hours="weekdays 9 to 17",
        channels="e-mail or Signal",
        emergency="call 112, then tell me at our next session",
    )
    text = contracting.fill("logistics", owner_client)
    assert "reach me by e-mail or Signal (weekdays 9 to 17); I reply within 24 hours." in text
    assert "In an emergency: call 112, then tell me at our next session" in text


def test_without_recorded_terms_the_template_uses_the_default_response_time(owner_client):
    text = contracting.fill("logistics", owner_client)
    assert f"I reply within {ContactTerms().response_hours} hours" in text
    assert "not an emergency service" in text


def test_channels_typed_as_a_sentence_start_read_naturally_inside_the_agreement(owner_client):
    ContactTerms.objects.create(
        engagement=services.engagement_for(owner_client), channels="A private message link"
    )
    text = contracting.fill("logistics", owner_client)
    assert "reach me by a private message link" in text


@pytest.mark.parametrize(
    ("typed", "inside_a_sentence"),
    [
        ("A private message link", "a private message link"),
        ("The client portal", "the client portal"),
        ("Signal or e-mail", "Signal or e-mail"),  # a name keeps its capital
        ("A", "A"),  # a lone letter is not an article
    ],
)
def test_only_a_leading_article_is_lowered(typed, inside_a_sentence):
    assert contracting.mid_sentence(typed) == inside_a_sentence
