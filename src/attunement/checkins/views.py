"""The coach's check-in pages (owned, 404 for others) and the client's private-link page."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from attunement.checkins import evidence, services
from attunement.checkins.forms import (
    ContactTermsForm,
    MessageForm,
    NewLinkForm,
    PredictionForm,
    RelationshipCheckinForm,
    SessionCheckinForm,
)
from attunement.checkins.links import LinkProblem, make_token, read_token
from attunement.checkins.models import Checkin
from attunement.followup.prep import advice_for
from attunement.practice import health
from attunement.practice import services as practice_services
from attunement.practice.access import GET_POST, get_owned, owns, private_link_page
from attunement.practice.models import Client, Session, with_latest_analysis
from attunement.relationship import score

CLIENT_FORMS: dict[str, Any] = {
    Checkin.Kind.SESSION: SessionCheckinForm,
    Checkin.Kind.RELATIONSHIP: RelationshipCheckinForm,
    Checkin.Kind.MESSAGE: MessageForm,
}


def _held_sessions(client: Client) -> list[Session]:
    engagement = practice_services.engagement_for(client)
    return list(engagement.sessions.filter(status=Session.Status.HELD).order_by("-when")[:12])


def _client_page(
    request: HttpRequest, client: Client, form: NewLinkForm, status: int = 200
) -> HttpResponse:
    now = timezone.now()
    engagement = practice_services.engagement_for(client)  # read once for the three uses below
    checkins = list(client.checkins.select_related("session").order_by("-created"))  # type: ignore[attr-defined]
    context = {
        "client": client,
        "checkins": checkins,
        "form": form,
        "now": now,
        "chart": services.prediction_chart(sorted(checkins, key=lambda c: c.created)),
        "gaps": [
            (c, gap, abs(gap))
            for c in checkins
            if c.predicted and c.scores
            for gap in [(c.predicted_total or 0) - (c.total or 0)]
        ],
        "overdue": services.overdue_messages(client, now, engagement),
        "relationship_due": services.relationship_checkin_due(client, now, engagement),
        "terms": services.terms_for(engagement),
    }
    return render(request, "checkins/client.html", context, status=status)


@login_required
@owns(Client)
def client_checkins(request: HttpRequest, pk: int) -> HttpResponse:
    client = get_owned(Client, request, pk=pk)
    practice_services.audit(request.user, client, "view check-ins", request.path)
    form = NewLinkForm(sessions=_held_sessions(client))
    asked = request.GET.get("session", "")
    if asked.isdigit():  # from the session page; the form's choices still limit it to this client
        form.initial["session"] = int(asked)
    return _client_page(request, client, form)


@login_required
@require_POST
@owns(Client)
def checkin_new(request: HttpRequest, pk: int) -> HttpResponse:
    client = get_owned(Client, request, pk=pk)
    sessions = _held_sessions(client)
    form = NewLinkForm(request.POST, sessions=sessions)
    if not form.is_valid():
        return _client_page(request, client, form, status=400)
    session = next((s for s in sessions if s.pk == form.cleaned_data["session"]), None)
    kind = form.cleaned_data["kind"]
    waiting = services.open_link_like(client, kind, session, timezone.now())
    if waiting is not None:
        messages.info(request, "You already made this link and it is still unused: here it is.")
        return redirect("checkin_detail", pk=waiting.pk)
    checkin = services.new_checkin(client, kind, session)
    return redirect("checkin_detail", pk=checkin.pk)


def _detail(
    request: HttpRequest,
    checkin: Checkin,
    prediction: PredictionForm,
    status: int = 200,
    refusal: str = "",
) -> HttpResponse:
    now = timezone.now()
    is_open = not checkin.answered and not checkin.expired(now)
    link = request.build_absolute_uri(reverse("checkin_answer", args=[make_token(checkin)]))
    context = {
        "checkin": checkin,
        "client": checkin.client,
        "link": link if is_open else "",
        "expired": checkin.expired(now),
        "prediction": prediction,
        "labels": _answer_rows(checkin),
        "refusal": refusal,
        "concern": services.concern(checkin),
    }
    return render(request, "checkins/detail.html", context, status=status)


def _answer_rows(checkin: Checkin) -> list[tuple[str, str]]:
    from attunement.checkins.forms import DIFFERENTLY, ITEM_LABELS, MESSAGE, RELATIONSHIP_QUESTIONS

    # The client's form says "Your message"; on the coach's page that would read as the coach's.
    said = f"{checkin.client.name} wrote" if checkin.kind == Checkin.Kind.MESSAGE else MESSAGE
    questions = {**RELATIONSHIP_QUESTIONS, "differently": DIFFERENTLY, "message": said}
    rows = [
        (ITEM_LABELS[k], f"{v}/10") for k, v in (checkin.scores or {}).items() if k in ITEM_LABELS
    ]
    rows += [(questions.get(k, k), v or "(left blank)") for k, v in (checkin.answers or {}).items()]
    return rows


@login_required
@owns(Checkin)
def checkin_detail(request: HttpRequest, pk: int) -> HttpResponse:
    checkin = get_owned(Checkin, request, pk=pk)
    practice_services.audit(request.user, checkin.client, "view check-in", request.path)
    return _detail(request, checkin, PredictionForm(initial=checkin.predicted or None))


def _prediction_refusal(checkin: Checkin) -> str:
    if checkin.kind != Checkin.Kind.SESSION:
        return "Only after-session check-ins have scores to predict."
    if checkin.answered:
        return "The client has already answered: a prediction made now would not be a prediction."
    return ""


@login_required
@require_POST
@owns(Checkin)
def checkin_predict(request: HttpRequest, pk: int) -> HttpResponse:
    checkin = get_owned(Checkin, request, pk=pk)
    form = PredictionForm(request.POST)
    refusal = _prediction_refusal(checkin)
    if refusal or not form.is_valid():
        return _detail(request, checkin, form, status=400, refusal=refusal)
    services.predict(checkin, form.predicted())
    return redirect("checkin_detail", pk=checkin.pk)


@login_required
@require_POST
@owns(Checkin)
def checkin_replied(request: HttpRequest, pk: int) -> HttpResponse:
    checkin = get_owned(Checkin, request, pk=pk)
    services.mark_replied(checkin, timezone.now())
    return redirect("checkin_detail", pk=checkin.pk)


# Where "marked discussed" returns to: the page the button was on (a fixed set, never a URL).
DISCUSSED_RETURNS = {"prepare": "followup_prepare", "checkin": "checkin_detail"}


@login_required
@require_POST
@owns(Checkin)
def checkin_discussed(request: HttpRequest, pk: int) -> HttpResponse:
    checkin = get_owned(Checkin, request, pk=pk)
    services.mark_discussed(checkin, timezone.now())
    back = DISCUSSED_RETURNS.get(request.POST.get("back", ""))
    if back == "checkin_detail":
        return redirect(back, pk=checkin.pk)
    page = reverse(back or "health_evidence", args=[checkin.client.pk])
    return redirect(page + "#client-words")  # back where the button was


@login_required
@GET_POST
@owns(Client)
def contact_terms(request: HttpRequest, pk: int) -> HttpResponse:
    client = get_owned(Client, request, pk=pk)
    terms = services.terms_for(practice_services.engagement_for(client))
    form = ContactTermsForm(request.POST or None, instance=terms)
    if request.method == "POST" and form.is_valid():
        services.save_terms(form.save(commit=False), timezone.now())
        return redirect("client_checkins", pk=client.pk)
    title = "Contact between sessions"
    context = {"form": form, "title": title, "client": client}
    return render(request, "practice/form.html", context, status=400 if form.errors else 200)


@login_required
@owns(Client)
def health_evidence(request: HttpRequest, pk: int) -> HttpResponse:
    client = get_owned(Client, request, pk=pk)
    practice_services.audit(request.user, client, "view health evidence", request.path)
    engagement = practice_services.engagement_for(client)
    # Read and decrypted once, for the score and for the turns its evidence quotes.
    sessions = list(with_latest_analysis(engagement.sessions.all()))
    history = health.history_for(engagement, sessions)
    report = score(history, now=timezone.now())
    advice = advice_for(client, report.reasons, report.phase)  # same order as the reasons
    reasons = evidence.explain(report, engagement, sessions)
    context = {
        "client": client,
        "health": report,
        "held": health.held_count(history),
        "reasons": list(zip(reasons, advice.signs, strict=True)),
        "profile": advice.profile,
        "from_guide": advice.from_guide,
    }
    return render(request, "checkins/health.html", context)


# ---- the client's page: no account, a private link ------------------------------------------

PROBLEM_STATUS = {
    LinkProblem.TAMPERED: 404,
    LinkProblem.EXPIRED: 410,
    LinkProblem.USED: 410,
    LinkProblem.OUTDATED: 410,
}


def _problem(request: HttpRequest, problem: LinkProblem) -> HttpResponse:
    context = {"problem": str(problem)}
    return render(request, "checkins/link_problem.html", context, status=PROBLEM_STATUS[problem])


_private = private_link_page  # never cached, no token in a referrer


@_private
@GET_POST
def checkin_answer(request: HttpRequest, token: str) -> HttpResponse:
    now = timezone.now()
    state = read_token(token, now)
    if state.problem is not None or state.checkin is None:
        return _problem(request, state.problem or LinkProblem.TAMPERED)
    checkin = state.checkin
    form = CLIENT_FORMS[checkin.kind](request.POST if request.method == "POST" else None)
    terms = services.terms_for(practice_services.engagement_for(checkin.client))
    context = {"checkin": checkin, "form": form, "terms": terms}
    if request.method == "POST" and form.is_valid():
        scores = form.scores() if checkin.kind == Checkin.Kind.SESSION else None
        if not services.answer(checkin, now, scores=scores, answers=form.answers()):
            return _problem(request, LinkProblem.USED)
        return render(request, "checkins/thanks.html", context)
    return render(request, "checkins/answer.html", context, status=400 if form.errors else 200)
