"""URLs of the account pages, mounted at ``accounts/`` by ``attunement/web/urls.py``.

Owned by the accounts/security work (helper 8). The views are in ``accounts_views.py``, the
rules (lockout, TOTP, API tokens) in ``accounts_security.py``. Every URL here that takes an id
must be registered in the access-matrix test (``tests/web/test_access_matrix.py``).
"""

from __future__ import annotations

from django.urls import path

from attunement.practice import accounts_views as views

urlpatterns = [
    path("login/", views.sign_in, name="login"),
    path("login/code/", views.sign_in_code, name="login_code"),
    path("logout/", views.sign_out, name="logout"),
    path("password/", views.PasswordChange.as_view(), name="password_change"),
    path("security/", views.account_security, name="account_security"),
    path("security/two-factor/", views.two_factor_setup, name="two_factor_setup"),
    path("security/two-factor/off/", views.two_factor_disable, name="two_factor_disable"),
    path("security/tokens/new/", views.api_token_new, name="api_token_new"),
    path("security/tokens/<int:pk>/revoke/", views.api_token_revoke, name="api_token_revoke"),
    path("team/", views.team, name="team"),
    path("team/<int:pk>/active/", views.team_member_active, name="team_member_active"),
    path("team/<int:pk>/reset/", views.team_member_reset, name="team_member_reset"),
]
