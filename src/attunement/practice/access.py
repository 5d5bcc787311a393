"""The one ownership check: an object is shown only to the coach whose client it belongs to."""

from __future__ import annotations

from functools import wraps
from typing import Any, TypeVar

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Model, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

M = TypeVar("M", bound=Model)

GET_POST = require_http_methods(["GET", "HEAD", "POST"])  # HEAD: uptime checks
"""For a page with a form: shown on GET (and HEAD), submitted by POST."""


def owned(model: type[M], user: Any) -> QuerySet[M]:
    """Objects of ``model`` owned by ``user``; empty for anonymous users and practice admins."""
    if not getattr(user, "is_authenticated", False):
        return model._default_manager.none()
    coach = getattr(user, "coach", None)
    if coach is None or not coach.sees_client_content:
        return model._default_manager.none()
    owner_path = str(getattr(model, "OWNER"))  # noqa: B009 - declared by each owned model
    return model._default_manager.filter(**{owner_path: user})


def get_owned(model: type[M], request: HttpRequest, **lookup: Any) -> M:
    """The object matching ``lookup`` if the signed-in coach owns it; 404 otherwise.

    A 404 rather than a 403 so that nobody can learn which ids exist.
    """
    try:
        return owned(model, request.user).get(**lookup)
    except (ObjectDoesNotExist, ValueError):
        raise Http404("No such record") from None


def owns(model: type) -> Any:
    """Mark which model a view's ``pk`` refers to; the access-matrix tests read the mark."""

    def mark(view: Any) -> Any:
        view.owned_model = model
        return view

    return mark


def private_link_page(view: Any) -> Any:
    """For pages opened by a client's private link: never cached, and the token never leaves
    in a referrer (the page's own stylesheet and script requests included).

    ``strict-origin`` rather than ``no-referrer``: browsers then send ``Origin: null`` and the
    CSRF check refuses the form.
    """

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        response["Referrer-Policy"] = "strict-origin"
        return response

    return never_cache(wrapped)


def managed_practice(user: Any) -> Any:
    """The practice whose accounts and counts ``user`` may see (team page, practice overview):
    admins and the owner who set it up; 404 for everyone else."""
    coach = getattr(user, "coach", None)
    if coach is None or not (coach.role == "admin" or user.is_superuser):
        raise Http404("No team page")
    return coach.practice
