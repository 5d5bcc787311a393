"""The JSON API: token authentication, clients, sessions, transcript upload and analyses."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse
from personas import SESSION_TEXT, bearer, make_client_of

from attunement.practice.accounts_models import ApiToken
from attunement.practice.models import Analysis, Client, Session, Transcript

pytestmark = pytest.mark.django_db


@pytest.fixture
def auth(owner, api_token_of):
    return bearer(api_token_of(owner))


def post_json(client, url, data, **headers):
    return client.post(url, json.dumps(data), content_type="application/json", **headers)


# ---- tokens ----------------------------------------------------------------------------------


def test_requests_without_a_token_get_401(client, owner_client):
    assert client.get("/api/clients").status_code == 401
    assert client.get(f"/api/clients/{owner_client.pk}").status_code == 401


@pytest.mark.parametrize("token", ["", "att_wrong", "x" * 500, "' OR 1=1 --"])
def test_unknown_or_malformed_tokens_get_401(client, owner, token):
    assert client.get("/api/clients", **bearer(token)).status_code == 401


def test_a_signed_in_browser_session_is_not_enough_for_the_api(client, owner):
    client.force_login(owner)
    assert client.get("/api/clients").status_code == 401


def test_only_a_digest_of_the_token_is_stored(owner, owner_token):
    record = ApiToken.objects.get(pk=owner_token.record.pk)
    assert owner_token.token not in (record.digest, record.prefix, record.name)
    assert len(record.digest) == 64


def test_token_made_on_the_settings_page_works_until_it_is_revoked(client, owner):
    client.force_login(owner)
    page = client.post(reverse("api_token_new"), {"name": "calendar sync"})
    token = page.context["new"].token
    assert token in page.content.decode()
    assert client.get("/api/clients", **bearer(token)).status_code == 200
    assert "calendar sync" in client.get(reverse("account_security")).content.decode()
    record = ApiToken.objects.get(user=owner)
    client.post(reverse("api_token_revoke", args=[record.pk]))
    assert client.get("/api/clients", **bearer(token)).status_code == 401


def test_token_of_a_deactivated_account_stops_working(client, owner, auth):
    owner.is_active = False
    owner.save()
    assert client.get("/api/clients", **auth).status_code == 401


# ---- clients and sessions ------------------------------------------------------------------------


def test_list_clients_shows_only_the_coachs_own(client, owner, teammate, auth):
    make_client_of(owner, "Omar Haddad")
    make_client_of(teammate, "Someone Else")
    body = client.get("/api/clients", **auth).json()
    assert [c["name"] for c in body] == ["Omar Haddad"]
    assert body[0]["phase"] == "initial" and body[0]["sessions_held"] == 0


def test_create_client_returns_201_and_stores_it_for_the_coach(client, owner, auth):
    response = post_json(
        client, "/api/clients", {"name": "Lena Park", "time_zone": "Asia/Seoul"}, **auth
    )
    assert response.status_code == 201
    created = Client.objects.get(pk=response.json()["id"])
    assert created.coach.user == owner and created.name == "Lena Park"


@pytest.mark.parametrize(
    "payload, field",
    [
        ({}, "name"),
        ({"name": ""}, "name"),
        ({"name": "x" * 121}, "name"),
        ({"name": "Ok", "time_zone": "../../etc/passwd"}, "time_zone"),
        ({"name": "Ok", "cadence_days": "often"}, "cadence_days"),
        ({"name": "Ok", "cadence_days": 0}, "cadence_days"),
    ],
)
def test_create_client_rejects_bad_values_and_stores_nothing(client, owner, auth, payload, field):
    response = post_json(client, "/api/clients", payload, **auth)
    assert response.status_code == 422
    assert field in json.dumps(response.json())
    assert not Client.objects.exists()


def test_hostile_text_is_stored_as_text_and_returned_unchanged(client, owner, auth):
    name = "<script>alert(1)</script>'; DROP TABLE practice_client; --"
    response = post_json(client, "/api/clients", {"name": name[:120]}, **auth)
    assert response.status_code == 201
    assert client.get("/api/clients", **auth).json()[0]["name"] == name[:120]


def test_practice_admin_cannot_create_clients_through_the_api(client, practice_admin, api_token_of):
    response = post_json(
        client, "/api/clients", {"name": "X"}, **bearer(api_token_of(practice_admin))
    )
    assert response.status_code == 403
    assert not Client.objects.exists()


def test_log_and_list_sessions_of_a_client(client, owner_client, auth):
    url = f"/api/clients/{owner_client.pk}/sessions"
    created = post_json(client, url, {"when": "2026-10-20T09:00:00Z", "minutes": 50}, **auth)
    assert created.status_code == 201
    listed = client.get(url, **auth).json()
    assert [s["id"] for s in listed] == [created.json()["id"]]
    assert listed[0]["minutes"] == 50 and listed[0]["has_transcript"] is False


@pytest.mark.parametrize(
    "payload",
    [
        {},
        {"when": "yesterday-ish"},
        {"when": "2026-10-20T09:00:00Z", "minutes": 100000},
        {"when": "2026-10-20T09:00:00Z", "status": "vanished"},
    ],
)
def test_log_session_rejects_bad_values(client, owner_client, auth, payload):
    response = post_json(client, f"/api/clients/{owner_client.pk}/sessions", payload, **auth)
    assert response.status_code == 422
    assert not Session.objects.exists()


# ---- transcripts and analyses ------------------------------------------------------------------


def upload(client, session, auth, name="session.txt", data=None):
    from django.core.files.uploadedfile import SimpleUploadedFile

    file = SimpleUploadedFile(name, SESSION_TEXT.encode() if data is None else data)
    return client.post(f"/api/sessions/{session.pk}/transcript", {"file": file}, **auth)


@pytest.mark.parametrize(
    "name, data",
    [
        ("empty.txt", b""),
        ("binary.vtt", b"\x00\x01\x02\xff" * 50),
        ("../../etc/passwd.json", b"{not json"),
    ],
)
def test_upload_of_an_unreadable_file_answers_400_with_one_sentence_and_stores_nothing(
    client, owner_session, auth, name, data
):
    response = upload(client, owner_session, auth, name, data)
    assert response.status_code == 400
    detail = response.json()["detail"]
    assert detail.endswith(".") and "Traceback" not in detail
    assert not Transcript.objects.exists() and not Analysis.objects.exists()


def test_upload_of_an_unrecognised_file_says_how_to_export_it_not_a_command_line_option(
    client, owner_session, auth
):
    response = upload(client, owner_session, auth, "notes.txt", b"hello there\njust text\n")
    detail = response.json()["detail"]
    assert response.status_code == 400 and detail.endswith("with speaker names.")
    assert "--format" not in detail


UNCLEAR_ROLES = b"""Alex: How was your week?
Blair: Fine. How was yours?
Alex: Busy. What do you want to look at?
Blair: Not sure. What do you suggest?
"""


def test_upload_where_the_coach_is_unclear_asks_for_the_coach_field(client, owner_session, auth):
    response = upload(client, owner_session, auth, "unclear.txt", UNCLEAR_ROLES)
    detail = response.json()["detail"]
    assert response.status_code == 400 and "form field coach" in detail and "Alex, Blair" in detail
    assert "--" not in detail and not Transcript.objects.exists()


def test_upload_naming_the_coach_reads_that_speaker_as_coach(client, owner_session, auth):
    from django.core.files.uploadedfile import SimpleUploadedFile

    file = SimpleUploadedFile("unclear.txt", UNCLEAR_ROLES)
    url = f"/api/sessions/{owner_session.pk}/transcript"
    response = client.post(url, {"file": file, "coach": "Blair"}, **auth)
    assert response.status_code == 201, response.content
    roles = Transcript.objects.get().conversation["metadata"]["roles"]
    assert (roles["coach"], roles["client"]) == ("Blair", "Alex")


def test_upload_without_consent_answers_400_and_stores_nothing(client, owner, auth):
    from personas import make_session_of

    session = make_session_of(make_client_of(owner, "No Consent", consent=False))
    response = upload(client, session, auth)
    assert response.status_code == 400 and "consent" in response.json()["detail"]
    assert not Transcript.objects.exists()


def test_upload_of_a_transcript_returns_its_analysis(client, owner_session, auth):
    response = upload(client, owner_session, auth)
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == "done" and body["result"]["results"]
    again = client.get(f"/api/sessions/{owner_session.pk}/analysis", **auth).json()
    assert again["id"] == body["id"]
    assert client.get(f"/api/analyses/{body['id']}", **auth).json()["versions"] == body["versions"]


def test_session_without_an_analysis_answers_404_with_what_to_do(client, owner_session, auth):
    response = client.get(f"/api/sessions/{owner_session.pk}/analysis", **auth)
    assert response.status_code == 404 and "upload a transcript" in response.json()["detail"]


# ---- schema ------------------------------------------------------------------------------------


def test_openapi_schema_is_published_without_a_token_and_lists_every_endpoint(client):
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    assert {
        "/api/clients",
        "/api/sessions/{session_id}/transcript",
        "/api/analyses/{analysis_id}",
    } <= set(paths)


def test_there_is_no_docs_page_that_would_load_scripts_from_a_cdn(client):
    assert client.get("/api/docs").status_code == 404


def test_upload_over_the_size_limit_is_refused_before_it_is_read(
    client, owner_session, auth, settings
):
    settings.MAX_UPLOAD_BYTES = 100
    response = upload(client, owner_session, auth, "big.txt", SESSION_TEXT.encode() * 3)
    assert response.status_code == 400 and "MB allowed" in response.json()["detail"]
    assert not Transcript.objects.exists()


def test_upload_without_a_file_is_a_validation_error(client, owner_session, auth):
    response = client.post(f"/api/sessions/{owner_session.pk}/transcript", {}, **auth)
    assert response.status_code == 422
    assert not Transcript.objects.exists()


def test_path_tricks_in_the_file_name_are_reduced_to_a_plain_name(client, owner_session, auth):
    response = upload(client, owner_session, auth, name="../../etc/<b>session</b>.txt")
    assert response.status_code == 201, response.content
    stored = Transcript.objects.get(session=owner_session).filename
    assert "/" not in stored and ".." not in stored


def test_api_root_reveals_nothing(client):
    assert client.get("/api/").status_code in (401, 404)


# ---- answers a script's author can act on ------------------------------------------------------


def test_a_request_without_a_token_is_told_how_to_send_one_and_where_to_make_it(client):
    response = client.get("/api/clients")
    detail = response.json()["detail"]
    assert response.status_code == 401 and response["WWW-Authenticate"] == "Bearer"
    assert "Authorization: Bearer" in detail and "/accounts/security/" in detail


@pytest.mark.parametrize(
    "payload, field, words",
    [
        ({}, "name", "required"),
        ({"name": "Ok", "cadence_days": "often"}, "cadence_days", "whole number"),
        ({"name": 42}, "name", "text"),
    ],
)
def test_a_value_of_the_wrong_type_is_reported_per_field_like_a_refused_value(
    client, owner, auth, payload, field, words
):
    body = post_json(client, "/api/clients", payload, **auth).json()
    assert body["detail"] == "Some values were not accepted; see the messages per field."
    assert words in body["errors"][field][0]


def test_a_date_the_api_cannot_read_is_answered_with_an_example_of_one_it_can(
    client, owner_client, auth
):
    url = f"/api/clients/{owner_client.pk}/sessions"
    response = post_json(client, url, {"when": "yesterday"}, **auth)
    assert response.status_code == 422
    assert "2026-11-20T10:00:00Z" in response.json()["errors"]["when"][0]


def test_a_missing_upload_file_names_the_file_field(client, owner_session, auth):
    response = client.post(f"/api/sessions/{owner_session.pk}/transcript", {}, **auth)
    assert response.status_code == 422 and "file" in response.json()["errors"]


def test_a_body_that_is_not_json_says_what_to_send(client, owner, auth):
    response = client.post("/api/clients", "{name:", content_type="application/json", **auth)
    assert response.status_code == 400
    assert "not valid JSON" in response.json()["detail"]


def test_an_unknown_id_says_it_may_be_someone_elses_and_how_to_list_ones_own(client, owner, auth):
    response = client.get("/api/clients/987654", **auth)
    assert response.status_code == 404
    assert "belongs to another account" in response.json()["detail"]


@pytest.mark.parametrize("path", ["/api/patients", "/api/clients/", "/api/clients/maya"])
def test_a_path_no_endpoint_answers_is_a_json_404_pointing_to_the_schema(client, auth, path):
    response = client.get(path, **auth)
    assert response.status_code == 404 and response["Content-Type"] == "application/json"
    assert set(response.json()) == {"detail"}
    assert path in response.json()["detail"] and "/api/openapi.json" in response.json()["detail"]


def test_a_wrong_method_is_a_json_405_naming_the_methods_the_path_takes(client, auth):
    response = client.delete("/api/clients", **auth)
    detail = response.json()["detail"]
    assert response.status_code == 405 and set(response["Allow"].split(", ")) == {"GET", "POST"}
    assert "does not take DELETE, only GET or POST" in detail and "/api/openapi.json" in detail


def test_a_path_outside_the_api_keeps_the_workspaces_html_404(client, owner):
    client.force_login(owner)
    response = client.get("/no-such-page/")
    assert response.status_code == 404 and response["Content-Type"].startswith("text/html")
    assert "Nothing here" in response.content.decode()


# ---- consent -----------------------------------------------------------------------------------


def test_upload_without_consent_names_the_consent_endpoint_and_stores_nothing(client, owner, auth):
    from personas import make_session_of

    session = make_session_of(make_client_of(owner, "No Consent", consent=False))
    detail = upload(client, session, auth).json()["detail"]
    assert f"POST /api/clients/{session.client.pk}/consent" in detail
    assert not Transcript.objects.exists()


def test_consent_recorded_through_the_api_opens_transcript_uploads(client, owner, auth):
    from personas import make_session_of

    session = make_session_of(make_client_of(owner, "Lena Park", consent=False))
    url = f"/api/clients/{session.client.pk}/consent"
    assert client.get(url, **auth).json()["uploads_allowed"] is False
    agreed = {"recording": False, "transcription": True, "analysis": True}
    recorded = post_json(client, url, agreed, **auth)
    assert recorded.status_code == 201 and recorded.json()["uploads_allowed"] is True
    assert upload(client, session, auth).status_code == 201


def test_partial_consent_says_which_agreement_is_missing(client, owner, auth):
    from personas import make_session_of

    session = make_session_of(make_client_of(owner, "Lena Park", consent=False))
    url = f"/api/clients/{session.client.pk}/consent"
    partly = {"recording": False, "transcription": True, "analysis": False}
    body = post_json(client, url, partly, **auth).json()
    assert body["uploads_allowed"] is False and "not to analysis" in body["detail"]
    assert "not to analysis" in upload(client, session, auth).json()["detail"]


def test_a_consent_value_of_the_wrong_type_is_refused_and_nothing_is_recorded(
    client, owner_client, auth
):
    before = owner_client.consents.count()
    url = f"/api/clients/{owner_client.pk}/consent"
    body = {"recording": True, "transcription": True, "analysis": "perhaps"}
    response = post_json(client, url, body, **auth)
    assert response.status_code == 422 and "analysis" in response.json()["errors"]
    assert owner_client.consents.count() == before


@pytest.mark.parametrize(
    ("body", "field", "says"),
    [
        (
            {"recording": True, "transcripton": True, "analysis": True},
            "transcripton",
            "No such field",
        ),
        ({"recording": True, "analysis": True}, "transcription", "required"),
        ({}, "analysis", "required"),
    ],
)
def test_a_misspelt_or_missing_consent_field_is_refused_and_the_consent_kept(
    client, owner_client, auth, body, field, says
):
    kept = owner_client.current_consent()
    url = f"/api/clients/{owner_client.pk}/consent"
    response = post_json(client, url, body, **auth)
    assert response.status_code == 422
    assert says in " ".join(response.json()["errors"][field])
    assert owner_client.current_consent() == kept and kept.analysis
