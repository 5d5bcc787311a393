"""Per-client pages of the library: the barrier profile with its playbook, and contracting.

Plus the one page without an account: the client's private link to acknowledge an agreement.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from attunement import guide
from attunement.library import barriers, contracting
from attunement.library.forms import AcknowledgeForm, AgreementRequestForm, BarrierForm, posted
from attunement.library.models import BARRIERS, AgreementRequest, BarrierAssessment
from attunement.practice import services
from attunement.practice.access import GET_POST, get_owned, owns, private_link_page
from attunement.practice.health import health_for
from attunement.practice.models import Client


def _barrier_initial(latest: BarrierAssessment | None) -> dict[str, Any]:
    if latest is None:
        return {}
    return {**latest.ratings, "client_type": latest.client_type, "note": latest.note}


@login_required
@GET_POST
@owns(Client)
def barrier_profile(request: HttpRequest, pk: int) -> HttpResponse:
    client = get_owned(Client, request, pk=pk)
    history = list(client.barrier_assessments.order_by("-created", "-id"))  # type: ignore[attr-defined]
    latest = history[0] if history else None
    form = BarrierForm(posted(request), initial=_barrier_initial(latest))
    if request.method == "POST" and form.is_valid():
        BarrierAssessment.objects.create(
            client=client,
            ratings=form.ratings(),
            client_type=form.cleaned_data["client_type"],
            note=form.cleaned_data["note"],
        )
        return redirect("library:barriers", pk=client.pk)
    services.audit(request.user, client, "view barrier profile", request.path)
    engagement = services.engagement_for(client)
    phase = engagement.phase  # a count of the held sessions: read once
    sessions = list(engagement.sessions.order_by("-when")[:12])
    ratings = latest.ratings if latest else {}
    context = {
        "client": client,
        "form": form,
        "latest": latest,
        "history": [(a, [(t, a.rating(b)) for b, t in BARRIERS]) for a in history],
        "suggestions": barriers.suggestions(
            sessions, health_for(engagement, timezone.now()).reasons
        ),
        "phase": phase,
        "phase_guide": guide.load().phase(phase),
        "strategies": barriers.playbook(ratings, phase, latest.client_type if latest else ""),
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "library/barriers.html", context, status=status)


@login_required
@GET_POST
@owns(Client)
def agreements(request: HttpRequest, pk: int) -> HttpResponse:
    """Fill a template, send it for acknowledgement, and see what was agreed when."""
    client = get_owned(Client, request, pk=pk)
    kind = request.GET.get("kind", "logistics")
    kind = kind if kind in contracting.TEMPLATES else "logistics"
    initial = {"kind": kind, "text": contracting.fill(kind, client), "days": 14}
    form = AgreementRequestForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        made = contracting.create_request(client, data["kind"], data["text"], data["days"])
        services.audit(request.user, client, "send agreement", request.path)
        return redirect("library:agreement_request", pk=made.pk)
    services.audit(request.user, client, "view agreements", request.path)
    context = {
        "client": client,
        "form": form,
        "kind": kind,
        "kinds": AgreementRequest.Kind.choices,
        "requests": client.agreement_requests.order_by("-created", "-id"),  # type: ignore[attr-defined]
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "library/agreements.html", context, status=status)


@login_required
@owns(AgreementRequest)
def agreement_request(request: HttpRequest, pk: int) -> HttpResponse:
    """One sent agreement: its private link while pending, what was acknowledged once done."""
    sent = get_owned(AgreementRequest, request, pk=pk)
    services.audit(request.user, sent.client, "view agreement", request.path)
    link = ""
    if sent.nonce and not sent.acknowledged:
        path = reverse("library:acknowledge", kwargs={"token": contracting.token_for(sent)})
        link = request.build_absolute_uri(path)
    return render(
        request,
        "library/agreement_request.html",
        {"sent": sent, "link": link, "client": sent.client},
    )


@login_required
@require_POST
@owns(AgreementRequest)
def agreement_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    sent = get_owned(AgreementRequest, request, pk=pk)
    contracting.withdraw(sent)
    return redirect("library:agreements", pk=sent.client.pk)


@private_link_page
@GET_POST
def acknowledge(request: HttpRequest, token: str) -> HttpResponse:
    """Public: the client reads the agreement and acknowledges it. No account needed."""
    try:
        sent = contracting.resolve(token)
    except contracting.LinkProblem as problem:
        return render(
            request, "library/link_problem.html", {"problem": problem}, status=problem.status
        )
    form = AcknowledgeForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            contracting.acknowledge(sent, form.cleaned_data["name"], form.cleaned_data["comment"])
        except contracting.LinkProblem as problem:
            return render(
                request, "library/link_problem.html", {"problem": problem}, status=problem.status
            )
        return render(request, "library/acknowledged.html", {"sent": sent})
    status = 400 if request.method == "POST" else 200
    return render(request, "library/acknowledge.html", {"sent": sent, "form": form}, status=status)
