"""Proposals after an analysis or a notes edit are a convenience: when proposing fails, the
analysis and the notes are kept, and no half set of proposals is left behind."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse

from attunement.followup import services as followup
from attunement.followup.models import Commitment, MemoryCard
from attunement.practice import services
from attunement.practice.models import Analysis, Client

pytestmark = pytest.mark.django_db

TRANSCRIPT = """Dana: What would you like to do about it?
Omar: I'm going to talk to Sarah by Friday. Honesty really matters to me.
Dana: I'll send you the article on difficult conversations tomorrow.
Omar: Thanks.
"""


def _a_failing_query(*args: object, **kwargs: object) -> list[object]:
    # A real database error: on PostgreSQL it also aborts the transaction it happens in.
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM no_such_table_for_this_test")
    return []


def test_a_failure_while_proposing_cards_keeps_the_analysis_and_no_commitment_half_proposed(
    as_user, owner, owner_session, monkeypatch
):
    monkeypatch.setattr(followup, "_propose_cards", _a_failing_query)  # after the commitments
    file = SimpleUploadedFile("omar.txt", TRANSCRIPT.encode())

    as_user(owner).post(reverse("transcript_upload", args=[owner_session.pk]), {"file": file})

    assert Analysis.objects.get(session=owner_session).status == Analysis.Status.DONE
    assert not Commitment.objects.filter(session=owner_session).exists()


def test_a_failure_while_proposing_from_notes_keeps_the_notes_and_the_earlier_proposals(
    owner_client, monkeypatch
):
    services.after_notes(owner_client, "Her sister Maya is her rock.")
    earlier = set(MemoryCard.objects.filter(client=owner_client).values_list("text", flat=True))
    owner_client.notes = "Her brother Tom moved away."
    owner_client.save()
    monkeypatch.setattr(followup, "find_memories_in_notes", _a_failing_query)

    services.after_notes(owner_client, owner_client.notes)

    assert Client.objects.get(pk=owner_client.pk).notes == "Her brother Tom moved away."
    kept = set(MemoryCard.objects.filter(client=owner_client).values_list("text", flat=True))
    assert earlier and kept == earlier  # the delete of the earlier proposals was undone too
