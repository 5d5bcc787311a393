"""Every workspace form given missing, overlong, wrongly typed and hostile values.

Each bad post answers the form again (never a 500) with the error next to its field, and the
database is exactly as it was. Hostile text that is valid content (HTML, SQL fragments) is kept
as plain text and shown escaped.
"""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils.html import escape
from personas import bearer
from workspace_factories import make_client, make_coach, make_session

from attunement.practice.models import Agreement, Client, Engagement, Session

pytestmark = pytest.mark.django_db

SQL = "1; DROP TABLE practice_client; --"
HTML = "<img src=x onerror=alert(1)>"
SESSION = {"when": "2026-11-02T10:00", "minutes": 60, "format": "video", "status": "held"}
ENGAGEMENT = {"start": "2026-01-05", "cadence_days": 14, "status": "active", "goals": ""}
CLIENT = {"name": "Riya"}


@pytest.fixture
def riya(client):
    user = make_coach("sam")
    client.force_login(user)
    return make_client(user)


def snapshot() -> list[object]:
    """What a bad post must leave untouched: every workspace row and its stored values."""
    rows = [*Client.objects.all(), *Engagement.objects.all(), *Session.objects.all()]
    rows += list(Agreement.objects.all())
    return [
        (type(row).__name__, row.pk, {f.name: getattr(row, f.attname) for f in row._meta.fields})
        for row in rows
    ]


def url_for(name: str, riya: Client) -> str:
    if name == "session_edit":
        return reverse(name, args=[make_session(riya).pk])
    return reverse(name, args=[riya.pk])


BAD_POSTS = [
    pytest.param("client_edit", {**CLIENT, "name": ""}, "name", id="client-name-missing"),
    pytest.param("client_edit", {**CLIENT, "name": "x" * 121}, "name", id="client-name-overlong"),
    pytest.param("client_edit", {**CLIENT, "time_zone": "../../etc"}, "time_zone", id="tz-path"),
    pytest.param("client_edit", {**CLIENT, "time_zone": SQL}, "time_zone", id="tz-sql"),
    pytest.param("client_edit", {**CLIENT, "notes": "x" * 5001}, "notes", id="notes-overlong"),
    pytest.param(
        "engagement_edit", {**ENGAGEMENT, "cadence_days": SQL}, "cadence_days", id="cadence-sql"
    ),
    pytest.param(
        "engagement_edit", {**ENGAGEMENT, "cadence_days": 0}, "cadence_days", id="cadence-zero"
    ),
    pytest.param("engagement_edit", {**ENGAGEMENT, "start": "soon"}, "start", id="start-typed"),
    pytest.param("engagement_edit", {**ENGAGEMENT, "status": HTML}, "status", id="status-html"),
    pytest.param(
        "engagement_edit", {**ENGAGEMENT, "goals": "x" * 2001}, "goals", id="goals-overlong"
    ),
    pytest.param("agreement_new", {"kind": "working"}, "text", id="agreement-text-missing"),
    pytest.param("agreement_new", {"kind": SQL, "text": "Fine"}, "kind", id="agreement-kind-sql"),
    pytest.param(
        "agreement_new", {"kind": "working", "text": "x" * 5001}, "text", id="agreement-overlong"
    ),
    pytest.param("session_new", {**SESSION, "when": ""}, "when", id="session-when-missing"),
    pytest.param("session_new", {**SESSION, "when": SQL}, "when", id="session-when-sql"),
    pytest.param("session_new", {**SESSION, "minutes": "an hour"}, "minutes", id="minutes-typed"),
    pytest.param("session_new", {**SESSION, "minutes": 100000}, "minutes", id="minutes-huge"),
    pytest.param("session_new", {**SESSION, "format": HTML}, "format", id="format-html"),
    pytest.param("session_new", {**SESSION, "by_whom": "../admin"}, "by_whom", id="by-whom-path"),
    pytest.param(
        "session_edit", {**SESSION, "private_notes": "x" * 10001}, "private_notes", id="notes-long"
    ),
    pytest.param("session_edit", {**SESSION, "status": "gone"}, "status", id="status-unknown"),
]


@pytest.mark.parametrize(("name", "data", "field"), BAD_POSTS)
def test_a_bad_value_is_explained_next_to_its_field_and_nothing_changes(
    client, riya, name, data, field
):
    url = url_for(name, riya)
    before = snapshot()

    response = client.post(url, data)

    assert response.status_code == 200
    assert response.context["form"].errors[field]
    assert snapshot() == before


@pytest.mark.parametrize("text", [HTML, SQL, "../../etc/passwd", "Robert'); --"])
def test_hostile_text_in_an_agreement_is_kept_as_text_and_shown_escaped(client, riya, text):
    response = client.post(
        reverse("agreement_new", args=[riya.pk]), {"kind": "working", "text": text}
    )

    assert response.status_code == 302
    assert Agreement.objects.get().text == text
    page = client.get(reverse("client_detail", args=[riya.pk])).content.decode()
    assert escape(text) in page
    assert "<img src=x" not in page
    assert Client.objects.count() == 1


HUGE = "9" * 30  # past any database integer: must be "not found", not a crash


@pytest.mark.parametrize(
    "path",
    [
        f"/clients/{HUGE}/",
        f"/clients/{HUGE}/edit/",
        f"/sessions/{HUGE}/",
        f"/analyses/{HUGE}/progress/",
    ],
)
def test_an_id_too_large_for_the_database_is_not_found_on_a_page(as_user, owner, path):
    assert as_user(owner).get(path).status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        f"/api/clients/{HUGE}",
        f"/api/clients/{HUGE}/sessions",
        f"/api/sessions/{HUGE}",
        f"/api/analyses/{HUGE}",
    ],
)
def test_an_id_too_large_for_the_database_is_not_found_in_the_api(client, owner_token, path):
    response = client.get(path, **bearer(owner_token.token))

    assert response.status_code == 404
    assert response.json()["detail"]
