"""The rules behind sign-in: lockout after repeated failures, TOTP codes and API tokens.

Views and the JSON API call these; they hold no HTTP details beyond reading the client address.
"""

from __future__ import annotations

import hashlib
import ipaddress
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import pyotp
import segno
from django.contrib.auth import get_user_model
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from attunement.config import get_settings
from attunement.practice.accounts_models import ApiToken, LoginFailure, TwoFactor

# Five wrong passwords for one username from one address within fifteen minutes lock that pair
# for the rest of the window. A looser limit per username alone slows attacks spread over many
# addresses without letting one stranger lock a coach out from everywhere.
MAX_FAILURES = 5
MAX_FAILURES_ANY_ADDRESS = 20
WINDOW = timedelta(minutes=15)
ISSUER = "Attunement"
TOKEN_PREFIX = "att_"


# ---- lockout ---------------------------------------------------------------------------------


def _ip(text: str) -> str | None:
    try:
        return str(ipaddress.ip_address(text.strip()))
    except ValueError:
        return None


def client_address(request: HttpRequest) -> str | None:
    """The visitor's address. ``X-Forwarded-For`` counts only when a trusted proxy sent it.

    Anyone can write that header, so it is believed only from ``ATTUNE_TRUSTED_PROXIES``, and
    then only its right-most address that is not one of those proxies (the hop they saw).
    """
    peer = _ip(request.META.get("REMOTE_ADDR") or "")
    trusted = {_ip(a) for a in get_settings().trusted_proxies.split(",") if _ip(a)}
    if peer is None or peer not in trusted:
        return peer
    hops = [_ip(a) for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    for hop in reversed(hops):
        if hop is None:
            return peer  # a malformed entry: trust nothing to its left
        if hop not in trusted:
            return hop
    return peer


def normalise_username(username: str) -> str:
    return (username or "").strip().casefold()[:150]


def _recent(username: str, now: datetime) -> Any:
    return LoginFailure.objects.filter(username=username, at__gt=now - WINDOW)


def locked_until(username: str, ip: str | None, now: datetime | None = None) -> datetime | None:
    """When sign-in opens again for this username and address, or None if it is open now."""
    now = now or timezone.now()
    name = normalise_username(username)
    recent = _recent(name, now)
    for failures, limit in (
        (recent.filter(ip=ip), MAX_FAILURES),
        (recent, MAX_FAILURES_ANY_ADDRESS),
    ):
        times = list(failures.order_by("-at").values_list("at", flat=True)[:limit])
        if len(times) >= limit:
            # The lock lifts when the oldest of the last ``limit`` failures leaves the window.
            return times[-1] + WINDOW
    return None


def record_failure(username: str, ip: str | None, now: datetime | None = None) -> None:
    LoginFailure.objects.create(
        username=normalise_username(username), ip=ip, at=now or timezone.now()
    )
    # Old rows answer no question; trimming here keeps the table small without a cron job.
    LoginFailure.objects.filter(at__lt=(now or timezone.now()) - 2 * WINDOW).delete()


def clear_failures(username: str, ip: str | None) -> None:
    LoginFailure.objects.filter(username=normalise_username(username), ip=ip).delete()


def switched_off_with(username: str, password: str) -> bool:
    """True when ``password`` is right for an account a practice admin switched off."""
    user = get_user_model().objects.filter(username=username, is_active=False).first()
    return user is not None and user.check_password(password)


def tries_left(username: str, ip: str | None, now: datetime | None = None) -> int:
    """Failed sign-ins this username may still have from this address before it locks."""
    recent = _recent(normalise_username(username), now or timezone.now())
    return max(0, MAX_FAILURES - recent.filter(ip=ip).count())


def lockout_message(until: datetime, now: datetime | None = None) -> str:
    minutes = max(1, int(-(-(until - (now or timezone.now())).total_seconds() // 60)))
    clock = timezone.localtime(until).strftime("%H:%M")
    return (
        f"Too many failed sign-ins for this account from your address, so sign-in is paused, "
        f"even with the right password; try again in {minutes} minute{'s' if minutes != 1 else ''} "
        f"(after {clock} UTC)."
    )


def wrong_password_message(left: int) -> str:
    """The refusal of a wrong password, warning before the last tries lock the account.
    (The sign-in page itself says who resets a forgotten password.)"""
    message = "That username and password do not match; check both and try again."
    if 0 < left <= 2:
        tries = "One more failed try" if left == 1 else "Two more failed tries"
        message += (
            f" {tries} will pause sign-in for this account for {WINDOW.seconds // 60} minutes."
        )
    return message


# ---- two-factor (TOTP) -----------------------------------------------------------------------


def two_factor_enabled(user: Any) -> bool:
    return TwoFactor.objects.filter(user=user, confirmed=True).exists()


def start_two_factor(user: Any) -> TwoFactor:
    """A fresh, unconfirmed secret; replaces any earlier unconfirmed one."""
    device, _ = TwoFactor.objects.update_or_create(
        user=user, defaults={"secret": pyotp.random_base32(), "confirmed": False, "last_step": 0}
    )
    return device


def provisioning_uri(device: TwoFactor) -> str:
    return pyotp.TOTP(device.secret).provisioning_uri(
        name=device.user.get_username(), issuer_name=ISSUER
    )


def qr_svg(uri: str) -> str:
    """The QR code as inline SVG markup: drawn by the server, no image request, no CDN."""
    return segno.make(uri, error="m").svg_inline(scale=4, dark="#1f2933", light="#ffffff")


def _matching_step(secret: str, code: str, now: datetime) -> int | None:
    """The time step a code belongs to (now, or one step either side for clock drift)."""
    code = "".join(code.split())
    if not (code.isdigit() and len(code) == 6):
        return None
    totp = pyotp.TOTP(secret)
    step = totp.timecode(now)
    for candidate in (step, step - 1, step + 1):
        if secrets.compare_digest(totp.generate_otp(candidate), code):
            return candidate
    return None


def code_already_used(device: TwoFactor, code: str, now: datetime | None = None) -> bool:
    """A right code whose time step was used already: the person was just quicker than it."""
    step = _matching_step(device.secret, code, now or timezone.now())
    return step is not None and step <= device.last_step


def verify_code(device: TwoFactor, code: str, now: datetime | None = None) -> bool:
    """True once per valid code; a code already used (or an older one) is refused."""
    step = _matching_step(device.secret, code, now or timezone.now())
    if step is None or step <= device.last_step:
        return False
    with transaction.atomic():
        # Conditional update: two requests racing with the same code cannot both succeed.
        updated = TwoFactor.objects.filter(pk=device.pk, last_step__lt=step).update(last_step=step)
    device.last_step = step
    return updated == 1


def confirm_two_factor(device: TwoFactor, code: str) -> bool:
    if not verify_code(device, code):
        return False
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return True


def disable_two_factor(user: Any) -> None:
    TwoFactor.objects.filter(user=user).delete()


def web_reset_refusal(member: Any) -> str | None:
    """Why the team page may not reset this member's sign-in, or None when it may.

    Whoever resets a password knows it until its owner changes it, so an admin who reset a
    coach holding client records could sign in as them and read those records, which admins
    never see. Such accounts, and the owner who set the practice up, get back in with
    ``attune reset-sign-in`` on the server instead: whoever can run that can read the
    database already."""
    from attunement.practice.models import Client

    if member.user.is_superuser:
        return "it belongs to the owner who set up the practice"
    if Client.objects.filter(coach=member).exists():
        return "it holds client records, which an admin who knew its password could open"
    return None


def reset_sign_in(user: Any, password: str) -> None:
    """For a teammate who forgot the password or lost the phone: a new password, two-factor
    off and the lockout lifted. Changing the password also ends their open browser sessions;
    API tokens stay (they are revoked one by one on the person's own security page)."""
    with transaction.atomic():
        user.set_password(password)
        user.save(update_fields=["password"])
        disable_two_factor(user)
        LoginFailure.objects.filter(username=normalise_username(user.get_username())).delete()


# ---- personal API tokens ---------------------------------------------------------------------


def token_digest(token: str) -> str:
    # Tokens carry 256 random bits, so a fast hash is enough: nothing to brute-force.
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True)
class NewToken:
    record: ApiToken
    token: str  # shown once, never stored


def create_token(user: Any, name: str) -> NewToken:
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    record = ApiToken.objects.create(
        user=user,
        name=name.strip()[:80] or "API token",
        prefix=token[:12],
        digest=token_digest(token),
    )
    return NewToken(record=record, token=token)


def user_for_token(token: str) -> Any | None:
    """The active user a token belongs to, or None; records when it was last used."""
    if not token or not token.startswith(TOKEN_PREFIX) or len(token) > 200:
        return None
    record = ApiToken.objects.select_related("user").filter(digest=token_digest(token)).first()
    if record is None or not record.user.is_active:
        return None
    ApiToken.objects.filter(pk=record.pk).update(last_used=timezone.now())
    return record.user


def revoke_token(user: Any, token_id: int) -> bool:
    deleted, _ = ApiToken.objects.filter(user=user, pk=token_id).delete()
    return deleted > 0
