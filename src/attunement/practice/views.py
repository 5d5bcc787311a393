"""Thin views: check ownership with ``get_owned``, validate with a form, call a service."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from attunement.analysis.model import SessionAnalysis
from attunement.errors import AttuneError, sentence
from attunement.practice import export, health, presenters, services
from attunement.practice.access import GET_POST, get_owned, owned, owns
from attunement.practice.dashboard import dashboard_rows
from attunement.practice.forms import (
    AgreementForm,
    ClientForm,
    ConsentForm,
    EngagementForm,
    NewClientForm,
    SessionForm,
    SetupForm,
    UploadForm,
)
from attunement.practice.models import Analysis, Client, Session, with_latest_analysis
from attunement.relationship.phase import PHASE_FOCUS, phase_for


@GET_POST
def setup(request: HttpRequest) -> HttpResponse:
    if not services.needs_setup():
        return redirect("dashboard")
    form = SetupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        user = services.create_owner(data["username"], data["password"], data["practice_name"])
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        return redirect("dashboard")
    return render(request, "practice/setup.html", {"form": form})


def dashboard(request: HttpRequest) -> HttpResponse:
    if services.needs_setup():
        return redirect("setup")
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    coach = getattr(request.user, "coach", None)
    rows = dashboard_rows(owned(Client, request.user), timezone.now())
    return render(request, "practice/dashboard.html", {"coach": coach, "rows": rows})


@login_required
@GET_POST
def client_new(request: HttpRequest) -> HttpResponse:
    coach = getattr(request.user, "coach", None)
    if coach is None or not coach.sees_client_content:
        return render(request, "practice/no_clients_for_admins.html", status=403)
    form = NewClientForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        client = services.create_client(coach, **form.cleaned_data)
        services.after_notes(client, client.notes)
        return redirect("client_detail", pk=client.pk)
    return render(request, "practice/form.html", {"form": form, "title": "New client"})


@login_required
@owns(Client)
def client_detail(request: HttpRequest, pk: int) -> HttpResponse:
    client = get_owned(Client, request, pk=pk)
    services.audit(request.user, client, "view client", request.path)
    engagement = services.engagement_for(client)
    sessions = list(with_latest_analysis(engagement.sessions.order_by("-when")))
    held = sum(1 for s in sessions if s.status == Session.Status.HELD)  # not one query per use
    phase = phase_for(held)
    context = {
        "client": client,
        "engagement": engagement,
        "held": held,
        "phase": phase,
        "phase_focus": PHASE_FOCUS[phase],
        "sessions": sessions,
        "attendance": presenters.attendance(sessions),
        "agreements": services.current_agreements(engagement),
        "consent": client.current_consent(),
        "chart": presenters.markers_over_sessions(client, sessions),
        "health": health.health_for(engagement, timezone.now(), sessions),
        "access": services.recent_access(client),
    }
    return render(request, "practice/client_detail.html", context)


@login_required
@GET_POST
@owns(Client)
def client_edit(request: HttpRequest, pk: int) -> HttpResponse:
    client = get_owned(Client, request, pk=pk)
    form = ClientForm(request.POST or None, instance=client)
    if request.method == "POST" and form.is_valid():
        form.save()
        if "notes" in form.changed_data:
            services.after_notes(client, client.notes)
        return redirect("client_detail", pk=client.pk)
    return render(
        request,
        "practice/form.html",
        {"form": form, "title": f"Edit {client.name}", "client": client},
    )


@login_required
@GET_POST
@owns(Client)
def engagement_edit(request: HttpRequest, pk: int) -> HttpResponse:
    client = get_owned(Client, request, pk=pk)
    form = EngagementForm(request.POST or None, instance=services.engagement_for(client))
    if request.method == "POST" and form.is_valid():
        form.save()
        return redirect("client_detail", pk=client.pk)
    return render(
        request, "practice/form.html", {"form": form, "title": "Engagement", "client": client}
    )


@login_required
@GET_POST
@owns(Client)
def agreement_new(request: HttpRequest, pk: int) -> HttpResponse:
    client = get_owned(Client, request, pk=pk)
    form = AgreementForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        engagement = services.engagement_for(client)
        services.add_agreement(engagement, form.cleaned_data["kind"], form.cleaned_data["text"])
        return redirect("client_detail", pk=client.pk)
    return render(
        request, "practice/form.html", {"form": form, "title": "Agreement", "client": client}
    )


def client_url(client: Client) -> str:
    return reverse("client_detail", args=[client.pk])


def _session_waiting_for_consent(request: HttpRequest, client: Client) -> str | None:
    """Back to the upload form the coach came from (``?session=``), if it is this client's."""
    raw = request.GET.get("session", "")
    session = (
        Session.objects.filter(pk=int(raw), engagement__client=client).first()
        if raw.isdigit()
        else None
    )
    return reverse("session_detail", args=[session.pk]) + "#upload" if session else None


@login_required
@GET_POST
@owns(Client)
def consent_new(request: HttpRequest, pk: int) -> HttpResponse:
    client = get_owned(Client, request, pk=pk)
    current = client.current_consent()
    initial = (
        {k: getattr(current, k) for k in ("recording", "transcription", "analysis")}
        if current
        else {}
    )
    form = ConsentForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.record_consent(client, user=request.user, **form.cleaned_data)
        messages.success(request, presenters.consent_saved(client))
        return redirect(_session_waiting_for_consent(request, client) or client_url(client))
    title = f"What {client.name} consents to"
    return render(request, "practice/form.html", {"form": form, "title": title, "client": client})


@login_required
@GET_POST
@owns(Client)
def session_new(request: HttpRequest, pk: int) -> HttpResponse:
    client = get_owned(Client, request, pk=pk)
    now = timezone.localtime().replace(second=0, microsecond=0)
    form = SessionForm(request.POST or None, initial={"when": now})
    if request.method == "POST" and form.is_valid():
        session = services.log_session(services.engagement_for(client), **form.cleaned_data)
        services.after_notes(client, session.private_notes, session)
        return redirect("session_detail", pk=session.pk)
    return render(
        request, "practice/form.html", {"form": form, "title": "Log a session", "client": client}
    )


@login_required
@GET_POST
@owns(Session)
def session_edit(request: HttpRequest, pk: int) -> HttpResponse:
    session = get_owned(Session, request, pk=pk)
    form = SessionForm(request.POST or None, instance=session)
    if request.method == "POST" and form.is_valid():
        form.save()
        if "private_notes" in form.changed_data:
            services.after_notes(session.client, session.private_notes, session)
        return redirect("session_detail", pk=session.pk)
    context = {"form": form, "title": "Edit the session", "client": session.client}
    return render(request, "practice/form.html", context)


@login_required
@GET_POST
@owns(Client)
def client_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """Deleting a client removes every record derived from them; the audit trail keeps the id."""
    client = get_owned(Client, request, pk=pk)
    if request.method == "POST":
        services.audit(request.user, client, "delete client", request.path)
        name = client.name
        client.delete()
        messages.success(request, f"Everything recorded about {name} is deleted.")
        return redirect("dashboard")
    return render(request, "practice/client_delete.html", {"client": client})


@login_required
@owns(Client)
def client_export(request: HttpRequest, pk: int) -> HttpResponse:
    """Everything recorded about the client as a JSON file, e.g. for a request for their data."""
    client = get_owned(Client, request, pk=pk)
    services.audit(request.user, client, "export client", request.path)
    response = HttpResponse(
        export.client_export_json(client), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{export.export_filename(client)}"'
    response["Cache-Control"] = "no-store"  # client text: never kept by a browser or proxy
    return response


def _session_context(session: Session, upload_form: UploadForm) -> dict[str, Any]:
    analysis = session.latest_analysis()
    transcript = getattr(session, "transcript", None)
    context: dict[str, Any] = {
        "session": session,
        "client": session.client,
        "analysis": analysis,
        "transcript": transcript,
        "upload_form": upload_form,
        "consent": session.client.current_consent(),
        "consent_gap": services.consent_gap(session.client),
    }
    stored = analysis.result if analysis and analysis.status == Analysis.Status.DONE else None
    if stored is not None and transcript is not None:
        result = SessionAnalysis.from_dict(stored)
        views = presenters.marker_views(result)
        context["layers"] = presenters.findings_by_layer(views)
        context["layer_index"] = presenters.layer_index(context["layers"])
        context["turns"] = presenters.turn_views(transcript.conversation, views)
        context["skipped"] = result.skipped
        context["mode_note"] = presenters.mode_note(result.mode)
        context["talk_chart"] = presenters.talk_chart(result)
        context["figures"] = presenters.key_figures(result)
    return context


@login_required
@GET_POST
@owns(Session)
def session_detail(request: HttpRequest, pk: int) -> HttpResponse:
    session = get_owned(Session, request, pk=pk)
    services.audit(request.user, session.client, "view session", request.path)
    return render(request, "practice/session_detail.html", _session_context(session, UploadForm()))


RECORD_CONSENT = "once they agree, record it with “Record consent” below and upload the file again"

# How the upload form takes the coach's name, for a transcript whose coach is unclear.
NAME_YOURSELF = (
    "type your name as the transcript spells it (one of {names}) in “Your name in the "
    "transcript” and upload the file again"
)


@login_required
@require_POST
@owns(Session)
def transcript_upload(request: HttpRequest, pk: int) -> HttpResponse:
    session = get_owned(Session, request, pk=pk)
    form = UploadForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.upload_transcript(
                session,
                form.cleaned_data["file"],
                user=request.user,
                coach=form.cleaned_data["coach"],
            )
        except services.ConsentMissing as error:
            # Not the file's fault: said above the form, next to the "Record consent" link.
            form.add_error(None, sentence(error.what, RECORD_CONSENT))
        except AttuneError as error:
            form.add_error("file", presenters.upload_refusal(error, NAME_YOURSELF))
        else:
            services.audit(request.user, session.client, "upload transcript", request.path)
            return redirect("session_detail", pk=session.pk)
    context = _session_context(session, form)
    return render(request, "practice/session_detail.html", context, status=400)


@login_required
@owns(Analysis)
def analysis_progress(request: HttpRequest, pk: int) -> HttpResponse:
    """The progress fragment HTMX polls; once finished it asks the page to reload itself."""
    analysis = get_owned(Analysis, request, pk=pk)
    response = render(request, "practice/_progress.html", {"analysis": analysis})
    if analysis.finished and request.htmx:  # type: ignore[attr-defined]
        response["HX-Refresh"] = "true"
    return response
