"""The barrier profile: the coach's ratings over time, suggestions from transcripts, playbook."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils.html import escape

from attunement import guide
from attunement.analysis.model import AnalyserResult, Layer, Marker, SessionAnalysis
from attunement.library import barriers
from attunement.library.models import BARRIER_IDS, BarrierAssessment
from attunement.practice.models import Analysis

pytestmark = pytest.mark.django_db


def ratings(**chosen: int) -> dict[str, int]:
    return {b: chosen.get(b.replace("-", "_"), 0) for b in BARRIER_IDS}


def test_the_barrier_ids_are_the_guides():
    assert set(BARRIER_IDS) == set(guide.BARRIER_IDS)


def test_saving_twice_keeps_the_first_profile_as_history(as_user, owner, owner_client):
    url = reverse("library:barriers", args=[owner_client.pk])
    as_user(owner).post(url, ratings(lack_of_trust=3))
    as_user(owner).post(
        url, {**ratings(lack_of_trust=1), "client_type": "executive", "note": "Better."}
    )
    first, second = BarrierAssessment.objects.order_by("created", "id")
    assert first.rating("lack-of-trust") == 3 and second.rating("lack-of-trust") == 1
    assert second.note == "Better." and second.client_type == "executive"
    page = as_user(owner).get(url).content.decode()
    assert "History" in page and page.count("<tr>") >= 3


def test_the_playbook_follows_the_strong_barriers(as_user, owner, owner_client):
    url = reverse("library:barriers", args=[owner_client.pk])
    as_user(owner).post(url, ratings(lack_of_trust=3))
    expected = guide.strategies_for(phase="initial", barriers=("lack-of-trust",), limit=6)
    page = as_user(owner).get(url).content.decode()
    assert expected and all(escape(s.title) in page for s in expected)
    assert "How to tell it works" in page
    assert escape(guide.load().phase("initial").focus) in page  # the phase's guidance beside it


def test_resistance_in_a_transcript_is_offered_as_a_suggestion(as_user, owner, owner_analysis):
    marker = Marker("openness", "yes_but", (1, 3), "Yes, but.", layer=Layer.OPENNESS)
    result = SessionAnalysis(
        results={"openness": AnalyserResult("openness", "1", markers=(marker,))}
    )
    Analysis.objects.create(
        session=owner_analysis.session, status=Analysis.Status.DONE, result=result.to_dict()
    )
    found = barriers.suggestions([owner_analysis.session])
    hinted = guide.load().barrier_hints["openness:yes_but"]
    assert {s.barrier for s in found} == set(hinted)
    assert all(s.clues[0].sessions == ((owner_analysis.session, 2),) for s in found)
    url = reverse("library:barriers", args=[owner_analysis.session.client.pk])
    page = as_user(owner).get(url).content.decode()
    assert all(escape(guide.load().barrier(b).title) in page for b in hinted)


def test_an_open_warning_sign_is_offered_as_a_suggestion(as_user, owner, owner_session):
    # The owner's only session was held weeks ago, so the cadence-gap sign is open.
    page = as_user(owner).get(reverse("library:barriers", args=[owner_session.client.pk]))
    hinted = guide.load().barrier_hints["sign:cadence-gap"]
    assert "warning sign: no session held" in page.content.decode()
    assert all(escape(guide.load().barrier(b).title) in page.content.decode() for b in hinted)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({**ratings(), "lack-of-trust": "9"}, "Select a valid choice"),
        ({**ratings(), "lack-of-trust": "../../x"}, "Select a valid choice"),
        ({**ratings(), "client_type": "<b>"}, "Select a valid choice"),
        ({**ratings(), "note": "x" * 3001}, "at most 3000"),
        ({**ratings(), "note": "<img src=x onerror=alert(1)>"}, "looks like HTML"),
        ({}, "This field is required"),
    ],
    ids=["out-of-range", "path", "bad-type", "overlong", "html", "missing"],
)
def test_a_bad_profile_is_explained_and_nothing_is_stored(
    as_user, owner, owner_client, data, message
):
    response = as_user(owner).post(reverse("library:barriers", args=[owner_client.pk]), data)
    assert response.status_code == 400 and message in response.content.decode()
    assert not BarrierAssessment.objects.exists()
