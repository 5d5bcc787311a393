"""Transcript upload: stored and analysed in one go, or refused with nothing stored."""

from __future__ import annotations

import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from workspace_factories import GOOD_TRANSCRIPT, make_client, make_coach, make_session

from attunement.practice.models import Analysis, Transcript


@pytest.fixture(autouse=True)
def _lexical_mode(monkeypatch):
    monkeypatch.setenv("ATTUNE_ENCODER", "off")  # fast; the encoder has its own tests


@pytest.fixture
def session(client, db):
    user = make_coach("sam")
    client.force_login(user)
    return make_session(make_client(user))


def _upload(client, session, name: str, content: bytes):
    url = reverse("transcript_upload", args=[session.pk])
    return client.post(url, {"file": SimpleUploadedFile(name, content)})


def test_uploading_a_transcript_shows_findings_by_layer_and_the_turns(client, session):
    response = _upload(client, session, "riya.txt", GOOD_TRANSCRIPT.encode())
    assert response.status_code == 302, response.content.decode()[:2000]
    analysis = Analysis.objects.get()
    assert analysis.status == "done" and analysis.versions
    page = client.get(reverse("session_detail", args=[session.pk])).content.decode()
    assert "Findings by layer" in page
    assert 'id="turn-8"' in page
    assert "I feel lighter" in page


def test_a_malformed_file_is_refused_with_the_readers_message_and_nothing_is_stored(
    client, session
):
    response = _upload(client, session, "broken.json", b'{"turns": [ {"speaker": ')
    assert response.status_code == 400
    errors = response.context["upload_form"].errors["file"]
    assert errors and errors[0].endswith(".")
    assert not Transcript.objects.exists() and not Analysis.objects.exists()


def test_analysis_refuses_to_run_without_the_clients_consent(client, db):
    user = make_coach("sam")
    client.force_login(user)
    session = make_session(make_client(user, consent=False))
    response = _upload(client, session, "riya.txt", GOOD_TRANSCRIPT.encode())
    assert response.status_code == 400
    # The file is not at fault: the refusal stands above the form, by the "Record consent" link.
    refusal = response.context["upload_form"].non_field_errors()[0]
    assert "no recorded consent" in refusal and "Record consent" in refusal
    assert not Transcript.objects.exists() and not Analysis.objects.exists()


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(client, session, settings):
    settings.MAX_UPLOAD_BYTES = 100
    response = _upload(client, session, "riya.txt", GOOD_TRANSCRIPT.encode())
    assert "more than the" in response.context["upload_form"].errors["file"][0]
    assert not Transcript.objects.exists()


def test_an_empty_file_is_refused_by_the_form(client, session):
    response = _upload(client, session, "riya.txt", b"")
    assert response.status_code == 400 and response.context["upload_form"].errors["file"]


def test_path_tricks_in_the_file_name_are_dropped(client, session):
    _upload(client, session, "../../etc/riya.txt", GOOD_TRANSCRIPT.encode())
    assert Transcript.objects.get().filename == "riya.txt"


@pytest.mark.django_db(transaction=True)
def test_a_long_transcript_is_analysed_in_the_background_with_progress(client, session, settings):
    settings.ATTUNE_BACKGROUND_TURNS = 2
    response = _upload(client, session, "riya.txt", GOOD_TRANSCRIPT.encode())
    assert response.status_code == 302
    page = client.get(reverse("session_detail", args=[session.pk])).content.decode()
    # Either still running (the progress bar) or, on a fast machine, already finished.
    assert "Analysing the transcript" in page or "Findings by layer" in page
    analysis = Analysis.objects.get()
    url = reverse("analysis_progress", args=[analysis.pk])
    for _ in range(300):  # polls like the page does, for at most ~30 s
        fragment = client.get(url, headers={"HX-Request": "true"})
        if fragment.has_header("HX-Refresh"):
            break
        assert "Analysing the transcript" in fragment.content.decode()
        time.sleep(0.1)
    analysis.refresh_from_db()
    assert (analysis.status, analysis.progress) == ("done", 100)


def _stored_analysis(session, conversation: dict) -> Analysis:
    Transcript.objects.create(
        session=session, filename="riya.txt", format="txt", text="…", conversation=conversation
    )
    return Analysis.objects.create(session=session, status="running", progress=40)


def _wait_for_analysis_threads() -> None:
    import threading

    for thread in threading.enumerate():
        if thread.name.startswith("analysis-"):
            thread.join(timeout=60)


@pytest.mark.django_db(transaction=True)
def test_an_analysis_a_stopped_server_left_running_is_started_again(session):
    from attunement.practice.services import read_conversation, requeue_interrupted

    conversation = read_conversation(GOOD_TRANSCRIPT.encode(), "riya.txt").to_dict()
    analysis = _stored_analysis(session, conversation)
    assert requeue_interrupted() == 1
    _wait_for_analysis_threads()
    analysis.refresh_from_db()
    assert (analysis.status, analysis.progress) == ("done", 100) and analysis.result


@pytest.mark.django_db(transaction=True)
def test_a_failed_background_analysis_is_recorded_and_the_transcript_kept(client, session):
    from attunement.practice.services import requeue_interrupted

    analysis = _stored_analysis(session, {"turns": [{"speaker": "no index or text"}]})
    requeue_interrupted()
    _wait_for_analysis_threads()
    analysis.refresh_from_db()
    assert analysis.status == "failed" and analysis.error
    assert Transcript.objects.filter(session=session).exists()
    page = client.get(reverse("session_detail", args=[session.pk])).content.decode()
    assert "The analysis failed" in page


# Two people who ask and answer alike: the talk alone cannot say which of them is the coach.
UNCLEAR_ROLES = """Alex: How was your week?
Blair: Fine. How was yours?
Alex: Busy. What do you want to look at?
Blair: Not sure. What do you suggest?
"""


def test_when_the_coach_cannot_be_told_apart_the_form_says_to_name_yourself_not_a_cli_flag(
    client, session
):
    response = _upload(client, session, "unclear.txt", UNCLEAR_ROLES.encode())
    assert response.status_code == 400
    error = response.context["upload_form"].errors["file"][0]
    assert "Your name in the transcript" in error and "one of Alex, Blair" in error
    assert "--" not in error
    assert not Transcript.objects.exists()


def test_naming_yourself_on_the_form_lets_that_transcript_through_with_you_as_coach(
    client, session
):
    url = reverse("transcript_upload", args=[session.pk])
    upload = SimpleUploadedFile("unclear.txt", UNCLEAR_ROLES.encode())
    response = client.post(url, {"file": upload, "coach": "blair"})
    assert response.status_code == 302
    roles = Transcript.objects.get().conversation["metadata"]["roles"]
    assert (roles["coach"], roles["client"]) == ("Blair", "Alex")


def test_a_name_typed_on_the_form_that_is_not_in_the_transcript_says_which_names_are(
    client, session
):
    url = reverse("transcript_upload", args=[session.pk])
    upload = SimpleUploadedFile("unclear.txt", UNCLEAR_ROLES.encode())
    response = client.post(url, {"file": upload, "coach": "Zed"})
    error = response.context["upload_form"].errors["file"][0]
    assert "Alex, Blair" in error and "“Your name in the transcript”" in error
    assert "--" not in error
    assert not Transcript.objects.exists()


@pytest.mark.parametrize(
    ("name", "content", "advice"),
    [
        ("notes.txt", b"hello there\njust text, no speakers\n", "with speaker names"),
        ("binary.vtt", bytes(range(256)) * 4, "and upload that"),
    ],
)
def test_a_refused_file_gets_advice_for_the_upload_form_not_for_the_terminal(
    client, session, name, content, advice
):
    error = _upload(client, session, name, content).context["upload_form"].errors["file"][0]
    assert advice in error
    assert "--format" not in error and "read that" not in error


def test_an_empty_file_is_refused_with_what_to_do_about_it(client, session):
    error = _upload(client, session, "empty.srt", b"").context["upload_form"].errors["file"][0]
    assert error.startswith("The file is empty") and "export the transcript again" in error


def test_the_session_at_a_glance_comes_before_the_findings(client, session):
    assert _upload(client, session, "riya.txt", GOOD_TRANSCRIPT.encode()).status_code == 302
    page = client.get(reverse("session_detail", args=[session.pk])).content.decode()
    assert "Share of the words" in page and "Coach questions" in page
    assert page.index("The session at a glance") < page.index("Findings by layer")
