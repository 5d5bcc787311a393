"""The guide's pages, the "How can I help you?" answers and the question bank.

The guide is shared reading for every signed-in member; stars, own questions and "used in my
sessions" belong to one coach and are loaded through ``owned``/``get_owned``.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from attunement import guide
from attunement.guide.links import QUESTION_TYPE_SECTIONS
from attunement.guide.model import LAYERS
from attunement.library import asking, bank
from attunement.library.forms import OwnQuestionForm, QuestionFilterForm, SearchForm, posted
from attunement.library.models import Favourite, OwnQuestion
from attunement.practice.access import GET_POST, get_owned, owned, owns

LAYER_TITLES = {
    "foundation": "Foundations",
    "connection": "Connection",
    "communication": "Communication",
    "phases": "Phases of the relationship",
    "clients": "Particular clients",
    "practice": "Practice and ethics",
    "measuring": "Reading the signs",
}
SEARCH_RESULTS = 5  # sections and strategies
SEARCH_QUESTIONS = 3  # questions from the bank, listed after them


def _shared(view: Any) -> Any:
    """Mark a view whose id names shared guide content, not anybody's record (access tests)."""
    view.shared_content = True
    return view


def _is_coach(user: Any) -> bool:
    coach = getattr(user, "coach", None)
    return coach is not None and coach.sees_client_content


@login_required
def guide_index(request: HttpRequest) -> HttpResponse:
    g = guide.load()
    layers = [
        (LAYER_TITLES.get(layer, layer.capitalize()), [s for s in g.sections if s.layer == layer])
        for layer in LAYERS
    ]
    context = {
        "layers": [(title, sections) for title, sections in layers if sections],
        "phases": g.phases,
        "barriers": g.barriers,
    }
    return render(request, "library/guide_index.html", context)


@login_required
@_shared
def section_detail(request: HttpRequest, section_id: str) -> HttpResponse:
    g = guide.load()
    section = g.get_section(section_id)
    if section is None:
        raise Http404("The guide has no such section")
    if section.id != section_id:  # an older alias: send readers to the current address
        return redirect("library:section", section_id=section.id)
    context = {
        "section": section,
        "related": [s for s in (g.get_section(r) for r in section.related) if s is not None],
        "strategies": [s for s in g.strategies if s.section == section.id],
        "barriers": [b for b in g.barriers if b.section == section.id],
        "phase": next((p for p in g.phases if p.section == section.id), None),
        "layer_title": LAYER_TITLES.get(section.layer, section.layer),
        "question_types": [
            t for t, target in QUESTION_TYPE_SECTIONS.items() if target == section.id
        ],
    }
    return render(request, "library/section.html", context)


@login_required
def search(request: HttpRequest) -> HttpResponse:
    """Answers from the guide and the question bank: a fragment for the box, or a full page."""
    typed = str(request.GET.get("q", ""))[:200]
    if request.htmx and not typed.strip():  # type: ignore[attr-defined]
        return HttpResponse("")  # an emptied box closes its answers
    form = SearchForm(request.GET or None)
    hits, questions = [], []
    if form.is_valid():
        query = form.cleaned_data["q"]
        hits = asking.answer(query, kinds=("section", "strategy"), limit=SEARCH_RESULTS)
        questions = asking.answer(query, kinds=("question",), limit=SEARCH_QUESTIONS)
    context = {"form": form, "hits": hits, "questions": questions, "query": typed}
    if request.htmx:  # type: ignore[attr-defined]
        return render(request, "library/_search_results.html", context)
    return render(request, "library/search.html", context)


@login_required
def questions(request: HttpRequest) -> HttpResponse:
    form = QuestionFilterForm(request.GET or None)
    chosen = form.cleaned_data if form.is_valid() else {}
    filters = {k: chosen.get(k, "") for k in ("type", "phase", "client_type", "show")}
    rows = bank.bank_for(request.user) if _is_coach(request.user) else bank._guide_rows()
    shown = [r for r in rows if bank.matches(r, **filters)]
    context = {
        "form": form,
        "rows": shown,
        "total": len(rows),
        "used": sum(1 for r in rows if r.used),
        "is_coach": _is_coach(request.user),
        "add_form": OwnQuestionForm(),
        # Which empty state fits: "nothing starred yet" differs from "these filters are too narrow".
        "show": filters["show"],
        "filtered": any(filters[k] for k in ("type", "phase", "client_type")),
    }
    return render(request, "library/questions.html", context)


@login_required
@GET_POST
def question_new(request: HttpRequest) -> HttpResponse:
    if not _is_coach(request.user):
        return render(request, "practice/no_clients_for_admins.html", status=403)
    form = OwnQuestionForm(posted(request))
    if request.method == "POST" and form.is_valid():
        OwnQuestion.objects.create(coach=request.user.coach, **form.cleaned_data)  # type: ignore[union-attr]
        return redirect(reverse("library:questions") + "?show=mine")
    status = 400 if form.errors else 200
    return render(request, "library/question_new.html", {"form": form}, status=status)


@login_required
@require_POST
@owns(OwnQuestion)
def question_delete(request: HttpRequest, pk: int) -> HttpResponse:
    question = get_owned(OwnQuestion, request, pk=pk)
    owned(Favourite, request.user).filter(question_id=question.bank_id).delete()
    question.delete()
    return redirect(reverse("library:questions") + "?show=mine")


@login_required
@require_POST
def question_star(request: HttpRequest) -> HttpResponse:
    """Star or unstar a question; an id that names no question the coach can see is ignored."""
    question_id = str(request.POST.get("question", ""))[:80]
    back = _safe_back(request.POST.get("next", ""))
    if not _is_coach(request.user) or not bank.exists(request.user, question_id):
        return redirect(back)
    stars = owned(Favourite, request.user).filter(question_id=question_id)
    if stars.exists():
        stars.delete()
    else:
        Favourite.objects.create(coach=request.user.coach, question_id=question_id)  # type: ignore[union-attr]
    # Back to the same card: the bank is a long page, and the top of it is not where the coach was.
    return redirect(f"{back}#q-{question_id}")


def _safe_back(target: str) -> str:
    """Only a path on the question bank page: never another site or another part of this one."""
    base = reverse("library:questions")
    if target.startswith(base) and "//" not in target and "\\" not in target:
        return target
    return base
