"""Memory cards proposed from the coach's own notes: the client's notes and a session's private
notes, as unconfirmed proposals marked "from your notes" that the coach confirms or deletes."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from attunement.followup.models import MemoryCard

pytestmark = pytest.mark.django_db

CLIENT_NOTES = "Her daughter Ana starts university in March.\nvalues honesty"


def client_form(client, notes):
    return {"name": client.name, "notes": notes}


def session_form(notes):
    return {
        "when": "2026-11-02T10:00",
        "minutes": 60,
        "format": "video",
        "status": "held",
        "private_notes": notes,
    }


def card(client, text):
    """The client's card with these words (they are encrypted, so not searchable in SQL)."""
    return next(c for c in MemoryCard.objects.filter(client=client) if c.text == text)


def proposals(client):
    return {(c.kind, c.text) for c in MemoryCard.objects.filter(client=client, confirmed=False)}


def test_saving_the_clients_notes_proposes_cards_marked_as_from_your_notes(
    as_user, owner, owner_client
):
    web = as_user(owner)
    saved = web.post(
        reverse("client_edit", args=[owner_client.pk]), client_form(owner_client, CLIENT_NOTES)
    )
    assert saved.status_code == 302
    assert proposals(owner_client) == {
        ("person", "daughter, Ana"),
        ("event", "Her daughter Ana starts university in March."),
        ("value", "honesty"),
    }
    page = web.get(reverse("followup_memory", args=[owner_client.pk])).content.decode()
    assert "from your notes on " in page and "added by hand" not in page


def test_a_confirmed_card_from_notes_is_shown_when_preparing(as_user, owner, owner_client):
    web = as_user(owner)
    web.post(
        reverse("client_edit", args=[owner_client.pk]), client_form(owner_client, "values honesty")
    )
    web.post(reverse("card_confirm", args=[card(owner_client, "honesty").pk]))
    prepare = web.get(reverse("followup_prepare", args=[owner_client.pk])).content.decode()
    assert '<span class="kind kind-value">Value</span> honesty</li>' in prepare


def test_edited_notes_replace_their_proposals_and_keep_what_was_confirmed(
    as_user, owner, owner_client
):
    web = as_user(owner)
    url = reverse("client_edit", args=[owner_client.pk])
    web.post(url, client_form(owner_client, CLIENT_NOTES))
    kept = card(owner_client, "honesty")
    web.post(reverse("card_confirm", args=[kept.pk]))
    web.post(url, client_form(owner_client, "values honesty\nHopes to move to Lisbon next year."))
    assert proposals(owner_client) == {("hope", "Hopes to move to Lisbon next year")}
    assert MemoryCard.objects.filter(client=owner_client, confirmed=True).count() == 1


def test_saving_the_client_unchanged_does_not_bring_back_a_deleted_proposal(
    as_user, owner, owner_client
):
    web = as_user(owner)
    url = reverse("client_edit", args=[owner_client.pk])
    web.post(url, client_form(owner_client, "values honesty"))
    web.post(reverse("card_delete", args=[MemoryCard.objects.get(client=owner_client).pk]))
    web.post(url, {**client_form(owner_client, "values honesty"), "language": "Portuguese"})
    assert not MemoryCard.objects.filter(client=owner_client).exists()


def test_a_sessions_private_notes_propose_cards_that_point_to_the_session(
    as_user, owner, owner_session
):
    web = as_user(owner)
    notes = "Her manager, Tom, is leaving the company."
    web.post(reverse("session_edit", args=[owner_session.pk]), session_form(notes))
    cards = MemoryCard.objects.filter(session=owner_session, from_notes=True)
    assert {c.text for c in cards} == {"manager, Tom", notes}
    page = web.get(reverse("followup_memory", args=[owner_session.client.pk])).content.decode()
    link = reverse("session_detail", args=[owner_session.pk])
    assert f'from your notes on the <a href="{link}">session of' in page


def test_a_new_transcript_of_the_session_leaves_the_proposals_from_its_notes(
    as_user, owner, owner_session
):
    web = as_user(owner)
    web.post(reverse("session_edit", args=[owner_session.pk]), session_form("values honesty"))
    transcript = "Dana: How are you?\nOmar: My brother Karim is visiting.\n"
    upload = SimpleUploadedFile("s.txt", transcript.encode())
    web.post(reverse("transcript_upload", args=[owner_session.pk]), {"file": upload})
    assert proposals(owner_session.client) == {("value", "honesty"), ("person", "brother, Karim")}


def test_a_session_logged_with_notes_proposes_cards_from_them(as_user, owner, owner_client):
    web = as_user(owner)
    web.post(
        reverse("session_new", args=[owner_client.pk]), session_form("She values being heard.")
    )
    assert proposals(owner_client) == {("value", "being heard")}
