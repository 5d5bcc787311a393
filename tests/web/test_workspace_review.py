"""What a first-time coach reads: findings named in words, errors where they are seen, plain labels."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from followup_factories import make_commitment_of
from workspace_factories import make_client, make_coach, make_session

from attunement.analysis.model import AnalyserResult, Marker, SessionAnalysis
from attunement.followup.forms import MemoryCardForm, NewCommitmentForm
from attunement.practice import presenters
from attunement.practice.charts import line_chart
from attunement.practice.forms import SessionForm
from attunement.practice.templatetags.practice_tags import day_label


@pytest.fixture
def coach(client, db):
    user = make_coach("sam")
    client.force_login(user)
    return user


@pytest.mark.parametrize(
    ("kind", "title"),
    [
        ("level3", "Listening beyond the words"),
        ("close_open", "Close leaves something uncovered"),
        ("advice_unasked", "Advice not asked for"),
        ("stacked_questions", "Stacked questions"),  # reads fine as stored
    ],
)
def test_a_finding_kind_is_shown_as_words_a_coach_reads(kind, title):
    assert presenters.kind_title(kind) == title


def test_the_analysis_mode_is_explained_not_named():
    assert "sentence meaning" in presenters.mode_note("encoder")
    assert presenters.mode_note("unknown") == ""


def test_a_refused_upload_says_why_at_the_top_of_the_page(client, coach):
    session = make_session(make_client(coach, consent=False))
    url = reverse("transcript_upload", args=[session.pk])
    page = client.post(url, {"file": SimpleUploadedFile("a.txt", b"A: hi")}).content.decode()
    alert = page.index('role="alert"')
    assert alert < page.index('id="upload"')
    assert "The transcript was not stored" in page and "consent" in page[alert : alert + 400]


def test_an_unrefused_session_page_shows_no_upload_alert(client, coach):
    session = make_session(make_client(coach))
    page = client.get(reverse("session_detail", args=[session.pk])).content.decode()
    assert 'role="alert"' not in page and "The transcript your video platform exported" in page


def test_the_empty_choice_of_who_cancelled_says_a_held_session_needs_nobody():
    assert SessionForm().fields["by_whom"].choices[0] == ("", "Nobody: it was held")


@pytest.mark.parametrize(
    ("form", "field"), [(NewCommitmentForm, "owner"), (MemoryCardForm, "kind")]
)
def test_follow_up_forms_name_their_empty_choice_instead_of_dashes(form, field):
    label = form().fields[field].choices[0][1]
    assert label.startswith("Choose") and "---" not in label


def test_a_due_date_shows_its_year_only_when_it_is_not_this_year():
    this_year = timezone.localdate().year
    assert day_label(date(this_year, 3, 10)).endswith("10 Mar")
    assert day_label(date(this_year + 1, 3, 10)).endswith(f"10 Mar {this_year + 1}")


def test_the_ledger_shows_the_year_of_a_commitment_due_next_year(client, coach):
    person = make_client(coach)
    next_year = timezone.localdate().year + 1
    make_commitment_of(person, due=date(next_year, 3, 10))
    page = client.get(reverse("followup_ledger", args=[person.pk])).content.decode()
    assert f"10 Mar {next_year}" in page


def test_the_practice_name_is_shown_at_the_top_as_the_setup_form_promises(client, coach):
    page = client.get(reverse("dashboard")).content.decode()
    assert '<span class="practice-name">sam&#x27;s practice</span>' in page


def test_a_missing_record_gets_a_page_in_our_words_not_a_bare_error(client, coach):
    response = client.get(reverse("client_detail", args=[999_999]))
    assert response.status_code == 404
    assert "belongs to another" in response.content.decode()


def test_the_server_error_page_renders_without_a_request_or_database():
    page = render_to_string("500.html")
    assert "may not have been saved" in page and "<script" not in page


def test_the_last_date_on_a_chart_ends_at_its_point_so_it_is_not_cut_off():
    svg = line_chart(["1 Sep", "11 Sep", "24 Nov"], {"Rapport": [1, 2, 3]})
    anchors = re.findall(r'text-anchor="(\w+)">([^<]+)<', svg)
    assert ("end", "24 Nov") in anchors and ("middle", "1 Sep") in anchors


def test_recording_consent_from_a_session_returns_to_its_upload_form(client, coach):
    session = make_session(make_client(coach, consent=False))
    url = reverse("consent_new", args=[session.client.pk]) + f"?session={session.pk}"
    response = client.post(url, {"transcription": "on", "analysis": "on"})
    assert response["Location"] == reverse("session_detail", args=[session.pk]) + "#upload"


def test_consent_ignores_a_session_of_another_client(client, coach):
    mine, other = make_client(coach, consent=False), make_client(coach, name="Other")
    elsewhere = make_session(other)
    url = reverse("consent_new", args=[mine.pk]) + f"?session={elsewhere.pk}"
    response = client.post(url, {"transcription": "on", "analysis": "on"})
    assert response["Location"] == reverse("client_detail", args=[mine.pk])


def test_a_held_session_without_transcript_links_to_its_upload_form(client, coach):
    session = make_session(make_client(coach))
    page = client.get(reverse("client_detail", args=[session.client.pk])).content.decode()
    assert f'{reverse("session_detail", args=[session.pk])}#upload">upload it</a>' in page


def test_a_checkbox_sits_inside_its_sentence_so_either_can_be_clicked(client, coach):
    person = make_client(coach, consent=False)
    page = client.get(reverse("consent_new", args=[person.pk])).content.decode()
    assert re.search(
        r'<label for="id_analysis"><input type="checkbox" name="analysis"[^>]*> <span>', page
    )


def test_the_sign_in_form_tells_password_managers_which_password_it_wants(client, db):
    make_coach("sam")
    page = client.get(reverse("login")).content.decode()
    assert 'autocomplete="current-password"' in page and 'autocomplete="username"' in page


def test_a_first_health_reading_says_it_firms_up_with_more_sessions(client, coach):
    person = make_client(coach)
    make_session(person)  # before any held session there is no reading at all
    page = client.get(reverse("client_detail", args=[person.pk])).content.decode()
    assert "first reading: it means more once a few sessions are logged" in page


def test_the_layer_links_count_every_finding_of_each_layer():
    from attunement.analysis.model import AnalyserResult, Layer, Marker, SessionAnalysis

    found = SessionAnalysis(
        results={
            "x": AnalyserResult(
                "x",
                "1",
                markers=(
                    Marker("x", "echo", (1,), "a", layer=Layer.RAPPORT),
                    Marker("x", "pace_gap", (2,), "b", layer=Layer.RAPPORT),
                    Marker("x", "level3", (3,), "c", layer=Layer.LISTENING_INQUIRY),
                ),
            )
        }
    )
    layers = presenters.findings_by_layer(presenters.marker_views(found))
    assert presenters.layer_index(layers) == [
        ("Rapport and connection", 2),
        ("Listening and inquiry", 1),
    ]


def test_the_session_page_says_a_repeated_finding_once_and_keeps_every_turn_link(
    as_user, owner, owner_analysis
):
    same = "The coach shared something of their own here."
    markers = (
        Marker("x", "self_disclosure", (0,), same),
        Marker("x", "self_disclosure", (1,), same),
    )
    owner_analysis.result = SessionAnalysis(
        results={"x": AnalyserResult("x", "1", markers=markers)}
    ).to_dict()
    owner_analysis.save()
    page = as_user(owner).get(reverse("session_detail", args=[owner_analysis.session.pk]))
    html = page.content.decode()
    assert html.count(same) == 1 + 2  # the sentence once; each transcript tag's tooltip
    assert 'id="finding-1"' in html and 'id="finding-2"' in html
    assert 'href="#finding-2"' in html  # the tag on turn 2 still leads to its finding
