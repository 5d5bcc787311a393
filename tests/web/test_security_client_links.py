"""Client confidentiality in the check-in, follow-up and library apps.

What a coach or a client writes is unreadable in the database; the pages a client opens by a
private link are never cached and never hand their token on; the coach's pages that open a
client's records leave an audit entry; the export for supervision names nobody unless asked.
"""

from __future__ import annotations

import re
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from checkin_factories import make_checkin_of
from django.apps import apps
from django.core import signing
from django.db import connection, models
from django.urls import reverse
from followup_factories import make_card_of, make_commitment_of
from library_factories import make_agreement_request_of, make_entry_of, make_own_question_of
from pypdf import PdfReader

import attunement
from attunement.checkins.links import make_token
from attunement.checkins.models import ContactTerms
from attunement.library import contracting, export, export_pdf
from attunement.library.models import AgreementRequest, BarrierAssessment
from attunement.practice import services
from attunement.practice.crypto import EncryptedTextField
from attunement.practice.models import AuditEvent, Transcript
from attunement.transcript.model import Conversation, Role, Turn

pytestmark = pytest.mark.django_db
SECRET = "Her brother Tomasz lost his job in March"
NEW_APPS = ("checkins", "followup", "library")
# Text columns left readable on purpose: choices, ids, link nonces, numbers, and the date words
# ("by Friday") a commitment was found with. Nothing here is typed freely by a coach or client.
STRUCTURED = {
    "checkins.Checkin": {"kind", "nonce", "scores", "predicted"},
    "followup.Commitment": {"owner", "status", "due_phrase"},
    "followup.MemoryCard": {"kind"},
    "library.OwnQuestion": {"type", "phase", "client_type"},
    "library.Favourite": {"question_id"},
    "library.BarrierAssessment": {"ratings", "client_type"},
    "library.AgreementRequest": {"kind", "nonce"},
    "library.JournalEntry": {"prompt"},
}


def _readable_text_fields() -> list[str]:
    found = []
    for label in NEW_APPS:
        for model in apps.get_app_config(label).get_models():
            for field in model._meta.concrete_fields:
                plain = isinstance(field, models.CharField | models.TextField | models.JSONField)
                allowed = STRUCTURED.get(model._meta.label, set())
                if (
                    plain
                    and not isinstance(field, EncryptedTextField)
                    and field.name not in allowed
                ):
                    found.append(f"{model._meta.label}.{field.name}")
    return found


def test_every_text_column_of_the_new_apps_is_encrypted_unless_it_is_structured():
    assert _readable_text_fields() == [], (
        "Free text stored readable; use EncryptedTextField (or add it to STRUCTURED with a reason)"
    )


def _owned_records(session: Any) -> dict[str, Any]:
    client = session.client
    return {
        "Checkin": make_checkin_of(session, kind="message"),
        "ContactTerms": ContactTerms.objects.create(engagement=services.engagement_for(client)),
        "Commitment": make_commitment_of(client),
        "MemoryCard": make_card_of(client),
        "BarrierAssessment": BarrierAssessment.objects.create(client=client),
        "AgreementRequest": make_agreement_request_of(client),
        "JournalEntry": make_entry_of(session),
        "OwnQuestion": make_own_question_of(client.coach.user),
    }


FREE_TEXT = [
    ("Checkin", "answers"),
    ("ContactTerms", "hours"),
    ("ContactTerms", "channels"),
    ("ContactTerms", "emergency"),
    ("Commitment", "text"),
    ("MemoryCard", "text"),
    ("BarrierAssessment", "note"),
    ("AgreementRequest", "text"),
    ("AgreementRequest", "acknowledged_name"),
    ("AgreementRequest", "client_comment"),
    ("JournalEntry", "text"),
    ("OwnQuestion", "text"),
]


@pytest.mark.parametrize(("model", "column"), FREE_TEXT, ids=lambda v: str(v))
def test_a_sentence_written_to_free_text_cannot_be_found_in_its_column(
    owner_session, model, column
):
    record = _owned_records(owner_session)[model]
    setattr(record, column, {"message": SECRET} if column == "answers" else SECRET)
    record.save()
    with connection.cursor() as cursor:
        table = connection.ops.quote_name(record._meta.db_table)
        cursor.execute(f"SELECT {column} FROM {table} WHERE id = %s", [record.pk])
        stored = cursor.fetchone()[0]
    assert stored.startswith("gcm1:") and "Tomasz" not in stored
    record.refresh_from_db()
    assert SECRET in str(getattr(record, column))  # and the coach still reads it


def test_own_questions_saved_before_encryption_are_encrypted_by_the_migration(owner):
    from importlib import import_module
    from types import SimpleNamespace

    from attunement.library.models import OwnQuestion

    step = import_module("attunement.library.migrations.0002_ownquestion_text_encrypted")
    saved = make_own_question_of(owner)
    with connection.cursor() as cursor:  # as 0001 stored it: readable
        cursor.execute("UPDATE library_ownquestion SET text = %s", [SECRET])
    step.encrypt_saved_questions(apps, SimpleNamespace(connection=connection))
    step.encrypt_saved_questions(apps, SimpleNamespace(connection=connection))  # runs once only
    assert OwnQuestion.objects.get(pk=saved.pk).text == SECRET
    with connection.cursor() as cursor:
        cursor.execute("SELECT text FROM library_ownquestion")
        assert "Tomasz" not in cursor.fetchone()[0]


# ---- the pages a client opens by a private link -----------------------------------------------


def _links(owner_session: Any) -> dict[str, str]:
    checkin = make_checkin_of(owner_session)
    sent = make_agreement_request_of(owner_session.client)
    return {
        "checkin_answer": reverse("checkin_answer", args=[make_token(checkin)]),
        "library:acknowledge": reverse(
            "library:acknowledge", kwargs={"token": contracting.token_for(sent)}
        ),
    }


@pytest.mark.parametrize("name", ["checkin_answer", "library:acknowledge"])
@pytest.mark.parametrize("genuine", [True, False], ids=["genuine", "tampered"])
def test_a_private_link_page_is_never_cached_and_keeps_its_token_out_of_referrers(
    client, owner_session, name, genuine
):
    url = _links(owner_session)[name]
    response = client.get(url if genuine else url[:-3] + "xx/")
    assert response.status_code == (200 if genuine else 404)
    assert "no-store" in response["Cache-Control"]
    assert response["Referrer-Policy"] == "strict-origin"


def test_a_link_signed_for_another_purpose_opens_nothing_whether_or_not_its_id_exists(
    client, owner_client
):
    sent = make_agreement_request_of(owner_client)
    forged = [
        signing.dumps({"r": pk, "n": sent.nonce}, salt="attunement.checkins.link")
        for pk in (sent.pk, sent.pk + 1000)
    ]
    pages = [client.get(reverse("library:acknowledge", kwargs={"token": t})) for t in forged]
    assert [p.status_code for p in pages] == [404, 404]
    main = [p.content.decode().split("<main>")[1] for p in pages]  # past the per-visit CSRF token
    assert main[0] == main[1]  # nothing tells a real id from a made-up one


@pytest.mark.parametrize("name", ["checkin_answer", "library:acknowledge"])
def test_a_private_link_form_posted_without_its_csrf_token_is_refused_and_stores_nothing(
    owner_session, name
):
    from django.test import Client

    url = _links(owner_session)[name]
    browser = Client(enforce_csrf_checks=True)
    assert browser.get(url).status_code == 200
    data = {"message": SECRET, "name": "Omar Haddad", "agree": "on", "comment": SECRET}
    assert browser.post(url, data).status_code == 403
    assert not AgreementRequest.objects.filter(acknowledged_at__isnull=False).exists()
    assert not owner_session.client.checkins.filter(answered_at__isnull=False).exists()


def test_an_acknowledgement_that_fails_half_way_leaves_the_link_unspent(
    client, owner_client, monkeypatch
):
    sent = make_agreement_request_of(owner_client)
    url = reverse("library:acknowledge", kwargs={"token": contracting.token_for(sent)})

    def broken(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("database went away")

    monkeypatch.setattr(contracting.services, "add_agreement", broken)
    with pytest.raises(RuntimeError):
        client.post(url, {"name": "Omar Haddad", "agree": "on", "comment": ""})
    sent = AgreementRequest.objects.get(pk=sent.pk)
    assert not sent.acknowledged and sent.nonce  # the client can try the same link again


# ---- the coach's pages -----------------------------------------------------------------------


def _new_app_id_routes() -> list[Any]:
    from test_access_matrix import ID_ROUTES

    return [r for r in ID_ROUTES if r.callback.__module__.split(".")[1] in NEW_APPS]


@pytest.mark.parametrize("route", _new_app_id_routes(), ids=lambda r: r.name)
@pytest.mark.parametrize("persona", ["teammate", "outsider", "admin"])
def test_a_post_to_anothers_record_is_refused_before_anything_is_written(
    as_user, personas, objects_by_model, route, persona
):
    # The access matrix probes GET where a page answers GET; a form's POST must be refused too.
    from test_access_matrix import model_of

    obj = objects_by_model[model_of(route)]
    url = reverse(route.name, kwargs={name: obj.pk for name in route.kwargs})
    data = {"text": SECRET, "note": SECRET, "kind": "person", "owner": "client", "days": 7}
    response = as_user(personas[persona]).post(url, data)
    assert response.status_code == 404
    assert obj.__class__.objects.filter(pk=obj.pk).exists()  # not deleted
    assert SECRET not in str(obj.__class__.objects.get(pk=obj.pk).__dict__)  # not changed


@pytest.mark.parametrize(
    ("name", "of"),
    [
        ("library:barriers", "client"),
        ("library:agreements", "client"),
        ("library:agreement_request", "request"),
    ],
)
def test_opening_a_clients_library_records_is_written_to_the_audit_trail(
    as_user, owner, owner_client, name, of
):
    pk = owner_client.pk if of == "client" else make_agreement_request_of(owner_client).pk
    assert as_user(owner).get(reverse(name, args=[pk])).status_code == 200
    event = AuditEvent.objects.get(client_ref=owner_client.pk)
    assert event.user == owner and event.path == reverse(name, args=[pk])


# ---- the export for supervision ----------------------------------------------------------------


def _transcript_naming_the_client(session: Any) -> None:
    turns = [
        Turn(0, "Dana", "Good to see you, Omar. Where shall we start?", Role.COACH),
        Turn(1, "Omar Haddad", "With my manager, again.", Role.CLIENT),
        Turn(2, "Omar Haddad", "And my sponsor.", Role.OTHER),  # a role the reader got wrong
    ]
    transcript = Transcript.objects.get(session=session)
    transcript.conversation = Conversation.from_turns(turns).to_dict()
    transcript.save()


def test_a_pseudonymous_export_keeps_the_clients_name_out_of_transcripts_and_reflections(
    as_user, owner, owner_analysis
):
    _transcript_naming_the_client(owner_analysis.session)
    make_entry_of(owner_analysis.session, text="Omar went quiet when I pushed; Haddad is proud.")
    posted = {"sessions": [owner_analysis.session.pk], "transcripts": "on"}
    html = as_user(owner).post(reverse("library:export"), posted).content.decode()
    assert "Omar" not in html and "Haddad" not in html
    assert "Good to see you, Client A." in html and "Client A went quiet" in html
    named = as_user(owner).post(reverse("library:export"), {**posted, "names": "on"})
    assert "Good to see you, Omar." in named.content.decode()


def test_a_transcript_is_left_out_once_consent_to_transcription_is_withdrawn(
    as_user, owner, owner_analysis
):
    client = owner_analysis.session.client
    services.record_consent(client, recording=False, transcription=False, analysis=True)
    posted = {"sessions": [owner_analysis.session.pk], "transcripts": "on"}
    html = as_user(owner).post(reverse("library:export"), posted).content.decode()
    assert "How are you?" not in html and "With my manager" not in html
    assert "Transcript left out: the client's consent" in html
    items = export.export_items(owner, [owner_analysis.session], names=False, transcripts=True)
    pdf = export_pdf.render_pdf(items, coach="Dana", names=False)
    assert "Transcript left out" in "".join(p.extract_text() for p in PdfReader(BytesIO(pdf)).pages)


@pytest.mark.parametrize(
    ("number", "label"), [(0, "A"), (25, "Z"), (26, "AA"), (27, "AB"), (701, "ZZ")]
)
def test_every_client_in_one_export_gets_a_label_of_their_own(number, label):
    assert export.letters(number) == label


# ---- caching and what the templates load -----------------------------------------------------


@pytest.mark.parametrize(
    "name", ["client_detail", "followup_prepare", "followup_memory", "library:barriers"]
)
def test_a_page_with_client_records_is_never_kept_by_the_browser(
    as_user, owner, owner_client, name
):
    response = as_user(owner).get(reverse(name, args=[owner_client.pk]))
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]


def test_the_export_file_is_never_kept_by_the_browser_either(as_user, owner, owner_analysis):
    posted = {"sessions": [owner_analysis.session.pk]}
    assert "no-store" in as_user(owner).post(reverse("library:export"), posted)["Cache-Control"]


def test_a_static_file_keeps_its_own_caching(client):
    response = client.get("/static/checkins/slider.js")
    assert response.status_code == 200 and "no-store" not in response["Cache-Control"]


PACKAGE = Path(attunement.__file__).parent
# The supervision export is a file to download and open on its own, so its styles are inside it.
STANDALONE = {"library/templates/library/export.html"}
INLINE = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>|<style\b|\sstyle=|\son[a-z]+=", re.I)
EXTERNAL = re.compile(r"""(?:src|href|url|@import)\s*[=(]?\s*["']?(?:https?:)?//""", re.I)


def _web_files(*suffixes: str) -> list[Path]:
    return sorted(
        p for s in suffixes for p in PACKAGE.rglob(f"*{s}") if "static" in p.parts or s == ".html"
    )


def test_no_template_of_any_app_has_inline_script_or_style():
    offenders = [
        str(p.relative_to(PACKAGE))
        for p in _web_files(".html")
        if str(p.relative_to(PACKAGE)) not in STANDALONE and INLINE.search(p.read_text("utf-8"))
    ]
    assert offenders == [], "the CSP refuses inline scripts and styles: move them to static files"


def test_no_template_script_or_style_of_any_app_loads_from_another_host():
    files = _web_files(".html", ".css", ".js")
    offenders = [
        str(p.relative_to(PACKAGE)) for p in files if EXTERNAL.search(p.read_text("utf-8"))
    ]
    assert offenders == []
