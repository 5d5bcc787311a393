"""The reflection journal and the export for supervision."""

from __future__ import annotations

import pytest
from django.db import connection
from django.urls import reverse
from library_factories import make_entry_of
from personas import make_analysis_of, make_client_of, make_session_of

from attunement.library.models import JournalEntry

pytestmark = pytest.mark.django_db


def test_a_coach_writes_an_entry_about_a_session_and_it_is_stored_encrypted(
    as_user, owner, owner_session
):
    response = as_user(owner).post(
        reverse("library:entry_new"),
        {
            "prompt": "countertransference",
            "session": owner_session.pk,
            "text": "He reminds me of my brother.",
        },
    )
    assert response.status_code == 302
    entry = JournalEntry.objects.get()
    assert entry.session == owner_session and entry.text == "He reminds me of my brother."
    with connection.cursor() as cursor:
        cursor.execute("SELECT text FROM library_journalentry")
        stored = cursor.fetchone()[0]
    assert stored.startswith("gcm1:") and "brother" not in stored


def test_the_journal_shows_only_the_coachs_own_entries(as_user, owner, teammate, owner_session):
    make_entry_of(owner_session, text="Felt impatient with the silence.")
    assert "Felt impatient" in as_user(owner).get(reverse("library:journal")).content.decode()
    assert (
        "Felt impatient" not in as_user(teammate).get(reverse("library:journal")).content.decode()
    )


def test_the_session_page_offers_an_entry_about_that_session(as_user, owner, owner_session):
    page = as_user(owner).get(reverse("session_detail", args=[owner_session.pk])).content.decode()
    assert f"{reverse('library:entry_new')}?session={owner_session.pk}" in page
    form = as_user(owner).get(reverse("library:entry_new"), {"session": owner_session.pk})
    assert f'<option value="{owner_session.pk}" selected>' in form.content.decode()


def test_an_entry_cannot_be_linked_to_another_coachs_session(as_user, owner, teammate):
    theirs = make_session_of(make_client_of(teammate, name="Lena"))
    response = as_user(owner).post(
        reverse("library:entry_new"), {"prompt": "free", "session": theirs.pk, "text": "Notes."}
    )
    assert response.status_code == 400 and "Select a valid choice" in response.content.decode()
    assert not JournalEntry.objects.exists()


def test_editing_and_deleting_an_entry(as_user, owner, owner_session):
    entry = make_entry_of(owner_session)
    as_user(owner).post(
        reverse("library:entry_edit", args=[entry.pk]), {"prompt": "boundaries", "text": "Changed."}
    )
    entry.refresh_from_db()
    assert (entry.prompt, entry.text, entry.session) == ("boundaries", "Changed.", None)
    as_user(owner).post(reverse("library:entry_delete", args=[entry.pk]))
    assert not JournalEntry.objects.exists()


def test_the_practice_admin_cannot_write_in_a_journal(as_user, practice_admin):
    response = as_user(practice_admin).post(
        reverse("library:entry_new"), {"prompt": "free", "text": "Hello."}
    )
    assert response.status_code == 404 and not JournalEntry.objects.exists()


@pytest.mark.parametrize("name", ["library:journal", "library:entry_new", "library:export"])
def test_a_practice_admin_finds_no_journal_page_like_any_client_page(as_user, practice_admin, name):
    assert as_user(practice_admin).get(reverse(name)).status_code == 404


def test_the_guide_offers_the_journal_to_coaches_only(as_user, owner, practice_admin):
    journal = reverse("library:journal")
    assert journal in as_user(owner).get(reverse("library:guide")).content.decode()
    assert journal not in as_user(practice_admin).get(reverse("library:guide")).content.decode()


# ---- export for supervision --------------------------------------------------------------------


def test_only_sessions_of_clients_who_consented_can_be_exported(as_user, owner, owner_analysis):
    refused = make_session_of(make_client_of(owner, name="Lena", consent=False))
    make_analysis_of(refused)
    page = as_user(owner).get(reverse("library:export")).content.decode()
    assert f'value="{owner_analysis.session.pk}"' in page
    assert f'value="{refused.pk}"' not in page
    response = as_user(owner).post(reverse("library:export"), {"sessions": [refused.pk]})
    assert response.status_code == 400 and "Select a valid choice" in response.content.decode()


def test_the_export_is_one_html_file_with_the_analysis_and_reflections(
    as_user, owner, owner_analysis
):
    make_entry_of(owner_analysis.session, text="I wanted to rescue him.")
    response = as_user(owner).post(
        reverse("library:export"), {"sessions": [owner_analysis.session.pk], "transcripts": "on"}
    )
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="supervision-')
    html = response.content.decode()
    assert "I wanted to rescue him." in html and "@media print" in html
    assert "Omar Haddad" not in html and "Client A" in html  # pseudonymous unless asked
    assert "<script" not in html and "http://" not in html and "https://" not in html


def test_the_export_shows_names_only_when_asked(as_user, owner, owner_analysis):
    response = as_user(owner).post(
        reverse("library:export"), {"sessions": [owner_analysis.session.pk], "names": "on"}
    )
    assert "Omar Haddad" in response.content.decode()


def test_an_export_without_sessions_is_explained(as_user, owner, owner_analysis):
    response = as_user(owner).post(reverse("library:export"), {})
    assert response.status_code == 400
    assert "Choose at least one session" in response.content.decode()


def test_with_nothing_to_export_the_page_says_what_to_do(as_user, owner):
    page = as_user(owner).get(reverse("library:export")).content.decode()
    assert "consent to analysis is recorded" in page


def test_deleting_a_client_deletes_reflections_on_their_sessions(as_user, owner, owner_session):
    make_entry_of(owner_session)
    JournalEntry.objects.create(coach=owner.coach, prompt="free", text="About my week.")
    as_user(owner).post(reverse("client_delete", args=[owner_session.client.pk]))
    assert list(JournalEntry.objects.values_list("text", flat=True)) == ["About my week."]
