# mypy: disable-error-code="var-annotated"
# (without the django-stubs mypy plugin every model field would need a generic annotation)
"""Account security records: failed sign-ins, two-factor devices and personal API tokens.

Imported at the bottom of ``practice/models.py`` so Django registers them with the app; the
migration is ``0002_accounts``. None of these rows holds client content.
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone

from attunement.practice.crypto import EncryptedTextField


class LoginFailure(models.Model):
    """One failed sign-in; recent rows for a username and address decide the lockout."""

    username = models.CharField(max_length=150)  # case-folded, exactly as typed (may not exist)
    ip = models.GenericIPAddressField(null=True, blank=True)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        app_label = "practice"
        indexes: ClassVar[list[Any]] = [models.Index(fields=["username", "ip", "at"])]


class TwoFactor(models.Model):
    """A coach's TOTP authenticator. Sign-in asks for a code only once ``confirmed`` is set."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="two_factor"
    )
    secret = EncryptedTextField()  # base32 TOTP secret, encrypted at rest like client content
    confirmed = models.BooleanField(default=False)
    # The time step of the last accepted code: a code seen once cannot be replayed.
    last_step = models.BigIntegerField(default=0)
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        app_label = "practice"


class ApiToken(models.Model):
    """A personal API token. Only a SHA-256 digest is kept; the token is shown once."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(max_length=80)
    prefix = models.CharField(max_length=16)  # the first characters, to tell tokens apart
    digest = models.CharField(max_length=64, unique=True)
    created = models.DateTimeField(default=timezone.now)
    last_used = models.DateTimeField(null=True, blank=True)

    class Meta:
        app_label = "practice"
