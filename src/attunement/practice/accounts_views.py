"""Account pages: sign-in with lockout and two-factor, sign-out, password, tokens and the team.

Routed by ``practice/accounts.py``. The rules live in ``accounts_security``; these views only
move between pages.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from django.contrib import messages
from django.contrib.auth import authenticate, get_user_model, login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from attunement.practice import accounts_security as security
from attunement.practice import services
from attunement.practice.access import GET_POST, managed_practice
from attunement.practice.accounts_forms import (
    ChangePasswordForm,
    CodeForm,
    NewMemberForm,
    PasswordConfirmForm,
    ResetSignInForm,
    SignInForm,
    TokenForm,
)
from attunement.practice.accounts_models import ApiToken, TwoFactor
from attunement.practice.models import Coach

log = logging.getLogger(__name__)

BACKEND = "django.contrib.auth.backends.ModelBackend"
PENDING = "attune_pending_sign_in"  # session key: a password was right, the code is still due
PENDING_SECONDS = 300


def _next_url(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    safe = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if safe else reverse("dashboard")


def _owns_token(view: Any) -> Any:
    """Tell the access-matrix test which model a view's ``pk`` refers to."""
    view.owned_model = ApiToken
    return view


def _manages_member(view: Any) -> Any:
    """The ``pk`` names a practice membership, reachable only by that practice's admins."""
    view.owned_model = Coach
    view.allowed_persona = "admin"
    return view


# ---- sign-in ---------------------------------------------------------------------------------


@sensitive_post_parameters("password")
@never_cache
@GET_POST
def sign_in(request: HttpRequest) -> HttpResponse:
    if services.needs_setup():
        return redirect("setup")
    if request.method != "POST" and request.user.is_authenticated:
        return redirect(_next_url(request))  # an old bookmark: no second sign-in needed
    form = SignInForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        username, ip = form.cleaned_data["username"], security.client_address(request)
        until = security.locked_until(username, ip)
        if until is not None:
            form.add_error(None, security.lockout_message(until))
            status = 429
        else:
            user = authenticate(request, username=username, password=form.cleaned_data["password"])
            if user is not None:
                return _password_accepted(request, user)
            message, status = _refusal(username, form.cleaned_data["password"], ip)
            form.add_error(None, message)
    context = {"form": form, "next": _next_url(request)}
    return render(request, "practice/accounts/login.html", context, status=status)


def _refusal(username: str, password: str, ip: str | None) -> tuple[str, int]:
    """Why the password did not sign in, and the status to answer with. Still counted as a
    failure when the account is switched off, so its password cannot be guessed freely."""
    security.record_failure(username, ip)
    until = security.locked_until(username, ip)
    if until is not None:
        return security.lockout_message(until), 429
    if security.switched_off_with(username, password):
        return SWITCHED_OFF, 200
    return security.wrong_password_message(security.tries_left(username, ip)), 200


SWITCHED_OFF = (
    "This account is switched off, so it cannot sign in; a practice admin can switch it on "
    "again on the Team page."
)


def _password_accepted(request: HttpRequest, user: Any) -> HttpResponse:
    security.clear_failures(user.get_username(), security.client_address(request))
    if security.two_factor_enabled(user):
        request.session.cycle_key()
        request.session[PENDING] = {"user": user.pk, "at": time.time(), "next": _next_url(request)}
        return redirect("login_code")
    login(request, user, backend=BACKEND)
    return redirect(_next_url(request))


def _pending_user(request: HttpRequest) -> Any | None:
    pending = request.session.get(PENDING)
    if not pending or time.time() - pending["at"] > PENDING_SECONDS:
        return None
    return get_user_model().objects.filter(pk=pending["user"], is_active=True).first()


@never_cache
@GET_POST
def sign_in_code(request: HttpRequest) -> HttpResponse:
    user = _pending_user(request)
    if user is None:
        messages.info(request, "Sign in with your password first; the code comes after.")
        return redirect("login")
    form = CodeForm(request.POST or None)
    ip = security.client_address(request)
    if request.method == "POST" and form.is_valid():
        until = security.locked_until(user.get_username(), ip)
        device = TwoFactor.objects.filter(user=user, confirmed=True).first()
        if until is not None or device is None:
            request.session.pop(PENDING, None)
            if until is not None:
                messages.error(request, security.lockout_message(until))
            return redirect("login")
        if security.verify_code(device, form.cleaned_data["code"]):
            next_url = request.session.pop(PENDING)["next"]
            security.clear_failures(user.get_username(), ip)
            login(request, user, backend=BACKEND)
            return redirect(next_url)
        security.record_failure(user.get_username(), ip)
        form.add_error("code", _code_refusal(device, form.cleaned_data["code"]))
    return render(request, "practice/accounts/code.html", {"form": form})


def _code_refusal(device: TwoFactor, code: str) -> str:
    if security.code_already_used(device, code):
        return (
            "That code was used a moment ago; wait for your app to show the next one "
            "(codes change every 30 seconds) and type that."
        )
    return (
        "That code is not valid now; check you picked the Attunement entry in your app, "
        "then type the code it shows now."
    )


@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    logout(request)
    messages.info(request, "You are signed out.")
    return redirect("login")


class PasswordChange(auth_views.PasswordChangeView):
    template_name = "practice/accounts/password_change.html"
    form_class = ChangePasswordForm
    success_url = reverse_lazy("account_security")

    def form_valid(self, form: Any) -> HttpResponse:
        messages.success(self.request, "Your password is changed.")
        return super().form_valid(form)


# ---- account security: two-factor and API tokens ---------------------------------------------


@login_required
@never_cache
def account_security(request: HttpRequest) -> HttpResponse:
    context = {
        "two_factor": security.two_factor_enabled(request.user),
        "tokens": ApiToken.objects.filter(user=request.user).order_by("-created"),
        "token_form": TokenForm(),
        "disable_form": PasswordConfirmForm(request.user),
    }
    return render(request, "practice/accounts/security.html", context)


@login_required
@never_cache
@GET_POST
def two_factor_setup(request: HttpRequest) -> HttpResponse:
    if security.two_factor_enabled(request.user):
        return redirect("account_security")
    device = TwoFactor.objects.filter(user=request.user).first()
    if device is None or request.method == "GET":
        device = security.start_two_factor(request.user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if security.confirm_two_factor(device, form.cleaned_data["code"]):
            messages.success(request, "Two-factor sign-in is on: sign-in now asks for a code.")
            return redirect("account_security")
        form.add_error(
            "code", "That code does not match; check the phone's clock and try the next code."
        )
    uri = security.provisioning_uri(device)
    groups = [device.secret[i : i + 4] for i in range(0, len(device.secret), 4)]
    context = {"form": form, "qr": security.qr_svg(uri), "secret_groups": groups}
    return render(request, "practice/accounts/two_factor_setup.html", context)


@login_required
@require_POST
def two_factor_disable(request: HttpRequest) -> HttpResponse:
    form = PasswordConfirmForm(request.user, request.POST)
    if form.is_valid():
        security.disable_two_factor(request.user)
        messages.success(request, "Two-factor sign-in is off.")
    else:
        messages.error(request, str(form.errors["password"][0]))
    return redirect("account_security")


@login_required
@require_POST
def api_token_new(request: HttpRequest) -> HttpResponse:
    form = TokenForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Give the token a name of at most 80 characters.")
        return redirect("account_security")
    new = security.create_token(request.user, form.cleaned_data["name"])
    return render(request, "practice/accounts/token_created.html", {"new": new})


@login_required
@require_POST
@_owns_token
def api_token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    if not security.revoke_token(request.user, pk):
        raise Http404("No such token")
    messages.success(request, "The token is revoked; scripts using it stop working now.")
    return redirect("account_security")


# ---- the team (practice admins) ----------------------------------------------------------------


@login_required
@GET_POST
def team(request: HttpRequest) -> HttpResponse:
    """Accounts of the practice: names, roles and two-factor state; never any client content."""
    practice = managed_practice(request.user)
    form = NewMemberForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.add_coach(practice, data["username"], data["password"], role=data["role"])
        messages.success(
            request, f"Account {data['username']} is ready; give them the password in person."
        )
        return redirect("team")
    members = (
        Coach.objects.filter(practice=practice).select_related("user").order_by("user__username")
    )
    with_two_factor = set(
        TwoFactor.objects.filter(confirmed=True, user__coach__practice=practice).values_list(
            "user_id", flat=True
        )
    )
    rows = [(m, m.user.pk in with_two_factor) for m in members]
    return render(
        request, "practice/accounts/team.html", {"form": form, "rows": rows, "practice": practice}
    )


def _member_of(request: HttpRequest, pk: int) -> Coach:
    """A membership of the practice the signed-in admin manages; 404 for any other."""
    practice = managed_practice(request.user)
    member = Coach.objects.filter(practice=practice, pk=pk).select_related("user").first()
    if member is None:
        raise Http404("No such member")
    return member


@login_required
@never_cache
@sensitive_post_parameters("password")
@GET_POST
@_manages_member
def team_member_reset(request: HttpRequest, pk: int) -> HttpResponse:
    """A new password for a teammate who forgot theirs or lost the phone with their codes."""
    member = _member_of(request, pk)
    if member.user == request.user:
        messages.info(request, "Change your own password under Account security.")
        return redirect("account_security")
    refusal = security.web_reset_refusal(member)
    if refusal is not None:
        status = 403 if request.method == "POST" else 200
        context = {"member": member, "refusal": refusal}
        return render(request, "practice/accounts/team_reset.html", context, status=status)
    form = ResetSignInForm(member.user.get_username(), request.POST or None)
    if request.method == "POST" and form.is_valid():
        security.reset_sign_in(member.user, form.cleaned_data["password"])
        # The admin knows the new password until the coach changes it: leave a trace.
        log.warning("%s reset the sign-in of %s", request.user.username, member.user.username)
        switched_off = "" if member.user.is_active else " once you switch the account on again"
        messages.success(
            request,
            f"{member.user.username} can sign in with the new password{switched_off}; two-factor "
            "sign-in is off until they turn it on again. Give them the password in person.",
        )
        return redirect("team")
    return render(request, "practice/accounts/team_reset.html", {"form": form, "member": member})


@login_required
@require_POST
@_manages_member
def team_member_active(request: HttpRequest, pk: int) -> HttpResponse:
    """Switch a member's account off (they cannot sign in or use tokens) or back on."""
    member = _member_of(request, pk)
    if member.user == request.user:
        messages.error(request, "You cannot switch off your own account; ask another admin.")
        return redirect("team")
    member.user.is_active = not member.user.is_active
    member.user.save(update_fields=["is_active"])
    state = "can sign in again" if member.user.is_active else "is switched off: no sign-in, no API"
    messages.success(request, f"{member.user.username} {state}.")
    return redirect("team")
