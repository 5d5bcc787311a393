"""The coach's reflection journal and the export for supervision. Private to the coach."""

from __future__ import annotations

from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from attunement.library import export
from attunement.library.forms import ExportForm, JournalForm, posted
from attunement.library.models import JournalEntry
from attunement.library.prompts import PROMPTS
from attunement.practice import services
from attunement.practice.access import GET_POST, get_owned, owned, owns
from attunement.practice.models import Session


def _coach_only(view: Any) -> Any:
    """A practice admin has no journal: 404, as for the client pages an admin cannot see
    (``access.owned`` finds nothing for them), rather than an empty journal to write in."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        coach = getattr(request.user, "coach", None)
        if coach is None or not coach.sees_client_content:
            raise Http404("Practice admins keep no journal")
        return view(request, *args, **kwargs)

    return wrapped


def _sessions(user: Any) -> Any:
    return owned(Session, user).select_related("engagement__client").order_by("-when")


@login_required
@_coach_only
def journal(request: HttpRequest) -> HttpResponse:
    entries = owned(JournalEntry, request.user).select_related("session__engagement__client")
    context = {"entries": entries.order_by("-created", "-id"), "prompts": PROMPTS}
    return render(request, "library/journal.html", context)


def _entry_form(request: HttpRequest, entry: JournalEntry | None) -> JournalForm:
    initial: dict[str, Any] = {"prompt": request.GET.get("prompt", "free")}
    session_id = request.GET.get("session", "")
    if entry is None and session_id.isdigit():
        initial["session"] = owned(Session, request.user).filter(pk=int(session_id)).first()
    if entry is not None:
        initial = {"prompt": entry.prompt, "session": entry.session, "text": entry.text}
    return JournalForm(posted(request), initial=initial, sessions=_sessions(request.user))


def _save(form: JournalForm, entry: JournalEntry) -> JournalEntry:
    entry.prompt = form.cleaned_data["prompt"]
    entry.session = form.cleaned_data["session"]
    entry.text = form.cleaned_data["text"]
    entry.save()
    return entry


def _entry_page(
    request: HttpRequest, form: JournalForm, entry: JournalEntry | None
) -> HttpResponse:
    context = {"form": form, "entry": entry, "prompts": PROMPTS}
    status = 400 if request.method == "POST" else 200
    return render(request, "library/journal_form.html", context, status=status)


@login_required
@GET_POST
@_coach_only
def entry_new(request: HttpRequest) -> HttpResponse:
    form = _entry_form(request, None)
    if request.method == "POST" and form.is_valid():
        _save(form, JournalEntry(coach=request.user.coach))  # type: ignore[union-attr]
        return redirect("library:journal")
    return _entry_page(request, form, None)


@login_required
@GET_POST
@owns(JournalEntry)
def entry_edit(request: HttpRequest, pk: int) -> HttpResponse:
    entry = get_owned(JournalEntry, request, pk=pk)
    form = _entry_form(request, entry)
    if request.method == "POST" and form.is_valid():
        _save(form, entry)
        return redirect("library:journal")
    return _entry_page(request, form, entry)


@login_required
@require_POST
@owns(JournalEntry)
def entry_delete(request: HttpRequest, pk: int) -> HttpResponse:
    get_owned(JournalEntry, request, pk=pk).delete()
    return redirect("library:journal")


def _export_file(user: Any, chosen: list[Session], data: dict[str, Any], as_pdf: bool) -> Any:
    """The file's bytes or text and its type; both formats run the same consent check."""
    if not as_pdf:
        html = export.render_export(
            user, chosen, names=data["names"], transcripts=data["transcripts"]
        )
        return html, "text/html; charset=utf-8"
    from attunement.library import export_pdf  # fpdf2 loads only when a PDF is asked for

    items = export.export_items(user, chosen, names=data["names"], transcripts=data["transcripts"])
    pdf = export_pdf.render_pdf(items, coach=export.coach_name(user), names=data["names"])
    return pdf, "application/pdf"


@login_required
@GET_POST
@_coach_only
def supervision_export(request: HttpRequest) -> HttpResponse:
    """Choose sessions, download one HTML or PDF file; only sessions with the client's consent."""
    form = ExportForm(posted(request), sessions=export.exportable_sessions(request.user))
    if request.method == "POST" and form.is_valid():
        chosen = list(form.cleaned_data["sessions"])
        as_pdf = request.POST.get("format") == "pdf"
        body, kind = _export_file(request.user, chosen, form.cleaned_data, as_pdf)
        action = "export for supervision" + (" (PDF)" if as_pdf else "")
        for client in {s.client for s in chosen}:
            services.audit(request.user, client, action, request.path)
        response = HttpResponse(body, content_type=kind)
        name = f"supervision-{timezone.localdate().isoformat()}.{'pdf' if as_pdf else 'html'}"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
    status = 400 if request.method == "POST" else 200
    return render(request, "library/export_form.html", {"form": form}, status=status)
