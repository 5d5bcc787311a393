"""The supervision export as a PDF: same content and consent check as the HTML file."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.urls import reverse
from library_factories import make_entry_of
from personas import make_analysis_of, make_client_of, make_session_of
from pypdf import PdfReader

from attunement.analysis.model import AnalyserResult, Layer, Marker, SessionAnalysis
from attunement.library import export, export_pdf
from attunement.practice.models import Analysis, AuditEvent

pytestmark = pytest.mark.django_db

UNUSUAL = "Zoë Ağaoğlu “quotes” — dashes 李"


def _with_findings(analysis: Any) -> Any:
    """Give the stored analysis one notable finding on both turns and a talk share."""
    marker = Marker(
        "talk", "coach_heavy", (0, 1), "The coach did most of the talking.", (), Layer.RAPPORT, True
    )
    talk = AnalyserResult("talk", "1", {"share_words": {"coach": 0.7, "client": 0.3}}, (marker,))
    analysis.result = SessionAnalysis(results={"talk": talk}).to_dict()
    analysis.save()
    return analysis


def _pdf_text(content: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(content))
    return len(reader.pages), "\n".join(page.extract_text() for page in reader.pages)


def _export(as_user: Any, user: Any, sessions: list[int], **extra: str) -> Any:
    data = {"sessions": sessions, "format": "pdf", **extra}
    return as_user(user).post(reverse("library:export"), data)


def test_the_pdf_holds_the_cover_figures_findings_and_reflections(as_user, owner, owner_analysis):
    _with_findings(owner_analysis)
    make_entry_of(owner_analysis.session, text="I wanted to rescue him.")
    response = _export(as_user, owner, [owner_analysis.session.pk])
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].endswith('.pdf"')
    assert response.content.startswith(b"%PDF")
    pages, text = _pdf_text(response.content)
    assert pages == 2  # the cover, then one page for the session
    for expected in (
        "Sessions for supervision",
        "Prepared by owner",
        "Share of the words: coach 70%, client 30%",
        "Rapport and connection",
        "The coach did most of the talking. (turns 1, 2)",
        "I wanted to rescue him.",
        "page 2 of 2",
    ):
        assert expected in text
    assert "Omar Haddad" not in text and "Client A" in text  # pseudonymous unless asked


def test_the_pdf_has_the_transcript_only_when_asked_and_names_only_when_asked(
    as_user, owner, owner_analysis
):
    session = owner_analysis.session.pk
    _, without = _pdf_text(_export(as_user, owner, [session]).content)
    _, with_both = _pdf_text(
        _export(as_user, owner, [session], transcripts="on", names="on").content
    )
    assert "How are you?" not in without and "How are you?" in with_both
    assert "Omar Haddad" in with_both


def test_each_pdf_export_is_written_to_each_clients_audit_trail(as_user, owner, owner_analysis):
    _export(as_user, owner, [owner_analysis.session.pk])
    event = AuditEvent.objects.get(client=owner_analysis.session.client)
    assert event.action == "export for supervision (PDF)"


def test_a_session_without_consent_is_not_exported_as_pdf(as_user, owner, owner_analysis):
    refused = make_session_of(make_client_of(owner, name="Lena", consent=False))
    make_analysis_of(refused)
    response = _export(as_user, owner, [refused.pk])
    assert response.status_code == 400 and response["Content-Type"].startswith("text/html")
    page = response.content.decode()
    assert "Select a valid choice" in page and "consent to analysis is recorded" in page
    assert not AuditEvent.objects.filter(action__startswith="export").exists()


def test_the_pdf_builder_itself_refuses_a_session_without_consent(owner):
    refused = make_session_of(make_client_of(owner, name="Lena", consent=False))
    make_analysis_of(refused)
    with pytest.raises(ValueError, match="no consent to analysis"):
        export.export_items(owner, [refused], names=False, transcripts=False)


@pytest.mark.parametrize("persona", ["teammate", "outsider"])
def test_another_coach_cannot_export_the_owners_session(as_user, personas, owner_analysis, persona):
    response = _export(as_user, personas[persona], [owner_analysis.session.pk])
    assert response.status_code == 400 and not response.content.startswith(b"%PDF")
    assert not AuditEvent.objects.filter(action__startswith="export").exists()


def test_the_export_page_offers_both_formats(as_user, owner, owner_analysis):
    page = as_user(owner).get(reverse("library:export")).content.decode()
    assert 'value="html">Download HTML' in page and 'value="pdf">Download PDF' in page


def _unusual_export(as_user: Any, owner: Any) -> Any:
    client = make_client_of(owner, name=UNUSUAL)
    analysis = _with_findings(make_analysis_of(make_session_of(client)))
    make_entry_of(analysis.session, text=f"Thinking of {UNUSUAL}.")
    return _export(as_user, owner, [analysis.session.pk], names="on")


def test_accents_quotes_and_other_scripts_are_shown_with_the_unicode_font(as_user, owner):
    assert export_pdf.font_files() is not None, "install fonts-dejavu-core (scripts/system-deps)"
    _, text = _pdf_text(_unusual_export(as_user, owner).content)
    assert "Zoë Ağaoğlu “quotes” — dashes" in text
    assert "show as ?" in text  # DejaVu has no Chinese letters: replaced, and the PDF says so


def test_without_the_font_the_pdf_is_simplified_and_says_so(as_user, owner, monkeypatch, tmp_path):
    monkeypatch.setattr(export_pdf, "FONT_DIR", tmp_path)
    response = _unusual_export(as_user, owner)
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    _, text = _pdf_text(response.content)
    assert 'Zoë Agaoglu "quotes" - dashes ?' in text
    assert "fonts-dejavu-core" in text


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("“Yes” — she said…", '"Yes" - she said...'),
        ("Ağaoğlu, Zoë", "Agaoglu, Zoë"),
        ("李 Wei", "? Wei"),
    ],
)
def test_latin1_keeps_what_the_core_fonts_can_show(text, plain):
    assert export_pdf.latin1(text) == plain


def test_an_analysis_still_running_is_never_offered(as_user, owner, owner_analysis):
    owner_analysis.status = Analysis.Status.RUNNING
    owner_analysis.save()
    response = _export(as_user, owner, [owner_analysis.session.pk])
    assert response.status_code == 400


def test_the_html_file_shows_the_same_coach_and_key_figures(as_user, owner, owner_analysis):
    _with_findings(owner_analysis)
    response = as_user(owner).post(
        reverse("library:export"), {"sessions": [owner_analysis.session.pk], "format": "html"}
    )
    html = response.content.decode()
    assert response["Content-Type"].startswith("text/html") and "Prepared by owner" in html
    assert "Share of the words: coach 70%, client 30%" in html
