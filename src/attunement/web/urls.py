"""URLs: the practice pages, accounts (sign-in, two-factor, team) and the JSON API."""

from __future__ import annotations

import importlib.util

from django.contrib.auth import views as auth_views
from django.urls import include, path


def _accounts() -> list:
    # attunement.practice.accounts adds lockout and two-factor sign-in; until it exists the
    # plain Django views keep sign-in working.
    if importlib.util.find_spec("attunement.practice.accounts") is not None:
        return [path("accounts/", include("attunement.practice.accounts"))]
    return [
        path(
            "accounts/login/",
            auth_views.LoginView.as_view(template_name="practice/login.html"),
            name="login",
        ),
        path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    ]


def _api() -> list:
    if importlib.util.find_spec("attunement.practice.api") is None:
        return []
    from attunement.practice.api import api

    return [path("api/", api.urls)]


urlpatterns = [
    *_accounts(),
    *_api(),
    path("", include("attunement.checkins.urls")),
    path("", include("attunement.followup.urls")),
    path("", include("attunement.library.urls")),
    path("", include("attunement.practice.urls")),
]
