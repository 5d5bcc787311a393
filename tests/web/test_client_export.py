"""A copy of everything recorded about one client: what it holds, what it leaves out, who gets it."""

from __future__ import annotations

import json

import pytest
from checkin_factories import make_checkin_of
from django.urls import reverse
from followup_factories import make_commitment_of
from library_factories import make_entry_of
from personas import make_analysis_of, make_client_of, make_session_of

from attunement.practice.models import AuditEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def exported(client, owner):
    person = make_client_of(owner, "Lena Park")
    person.notes = "Prefers direct feedback."
    person.save()
    session = make_session_of(person)
    make_analysis_of(session)
    make_checkin_of(session)
    make_commitment_of(person)
    make_entry_of(session)
    client.force_login(owner)
    response = client.get(reverse("client_export", args=[person.pk]))
    return person, response


def test_the_export_is_a_json_download_named_by_id_not_by_name(exported):
    person, response = exported
    assert response["Content-Type"].startswith("application/json")
    disposition = response["Content-Disposition"]
    assert f"attunement-client-{person.pk}-" in disposition and "Lena" not in disposition
    assert "no-store" in response["Cache-Control"]


def test_the_export_holds_every_apps_records_about_the_client_in_plain_text(exported):
    _, response = exported
    body = json.loads(response.content)
    tables = body["records"]
    assert tables["practice.client"][0]["notes"] == "Prefers direct feedback."
    assert {"practice.session", "practice.transcript", "practice.analysis"} <= set(tables)
    assert {"checkins.checkin", "followup.commitment", "library.journalentry"} <= set(tables)
    assert "Omar: With the team meeting" in tables["practice.transcript"][0]["text"]


def test_the_export_carries_no_key_to_a_private_link(exported):
    _, response = exported
    checkin = json.loads(response.content)["records"]["checkins.checkin"][0]
    assert "nonce" not in checkin


def test_the_export_is_recorded_in_the_clients_access_log(exported):
    person, response = exported
    log = json.loads(response.content)["access_log"]
    assert log[-1]["action"] == "export client" and log[-1]["who"] == "owner"
    assert AuditEvent.objects.filter(client_ref=person.pk, action="export client").exists()


def test_the_client_page_and_the_delete_page_offer_the_export(client, owner):
    person = make_client_of(owner, "Lena Park")
    client.force_login(owner)
    url = reverse("client_export", args=[person.pk])
    assert url in client.get(reverse("client_detail", args=[person.pk])).content.decode()
    assert url in client.get(reverse("client_delete", args=[person.pk])).content.decode()


# Other coaches and the practice admin get 404: tests/web/test_access_matrix.py probes this URL.
