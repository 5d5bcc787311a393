"""Check-ins and messages a client sends through a private link, and the contact terms.

A ``Checkin`` is made when the coach asks for one; it holds the link's state (made, answered)
and, once the client answers, the answers. Scores are numbers; anything the client wrote is
encrypted at rest like the practice's other free text.
"""

from __future__ import annotations

import secrets
from datetime import timedelta
from typing import Any, ClassVar

from django.db import models
from django.utils import timezone

from attunement.config import get_settings
from attunement.practice.crypto import EncryptedJSONField, EncryptedTextField
from attunement.practice.models import Client, Engagement, Session


def _nonce() -> str:
    return secrets.token_urlsafe(12)


class Checkin(models.Model):
    """One private link and, once used, what the client sent through it."""

    OWNER: ClassVar[str] = "client__coach__user"

    class Kind(models.TextChoices):
        SESSION = "session", "After-session check-in"
        RELATIONSHIP = "relationship", "Monthly relationship check-in"
        MESSAGE = "message", "Message between sessions"

    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="checkins")
    session = models.ForeignKey(
        Session, null=True, blank=True, on_delete=models.SET_NULL, related_name="checkins"
    )
    kind = models.CharField(max_length=14, choices=Kind.choices, default=Kind.SESSION)
    # Links are looked up by their nonce (``links.py``), so it is indexed.
    nonce = models.CharField(max_length=32, default=_nonce, editable=False, db_index=True)
    created = models.DateTimeField(default=timezone.now)
    answered_at = models.DateTimeField(null=True, blank=True)
    scores = models.JSONField(null=True, blank=True)  # item -> 0..10, CHECKIN_ITEMS
    predicted = models.JSONField(null=True, blank=True)  # the coach's guess, made beforehand
    answers = EncryptedJSONField(null=True, blank=True)  # question -> the client's words
    replied_at = models.DateTimeField(null=True, blank=True)  # messages: the coach answered
    # Relationship check-ins: the coach took up what the client asked to talk about.
    discussed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes: ClassVar[list[Any]] = [models.Index(fields=["client", "created"])]

    @property
    def answered(self) -> bool:
        return self.answered_at is not None

    def expires_at(self) -> Any:
        return self.created + timedelta(hours=get_settings().checkin_link_hours)

    def expired(self, now: Any) -> bool:
        return not self.answered and now >= self.expires_at()

    @property
    def is_expired(self) -> bool:
        return self.expired(timezone.now())

    @property
    def total(self) -> int | None:
        return sum(self.scores.values()) if self.scores else None

    @property
    def predicted_total(self) -> int | None:
        return sum(self.predicted.values()) if self.predicted else None


class ContactTerms(models.Model):
    """How and when the client may reach the coach between sessions (one per engagement).

    The working agreement stays free text; these few fields are structured because the
    dashboard needs the response time as a number.
    """

    OWNER: ClassVar[str] = "engagement__client__coach__user"

    engagement = models.OneToOneField(
        Engagement, on_delete=models.CASCADE, related_name="contact_terms"
    )
    response_hours = models.PositiveSmallIntegerField(default=48)
    hours = EncryptedTextField(blank=True, default="")
    channels = EncryptedTextField(blank=True, default="")
    emergency = EncryptedTextField(blank=True, default="")
    updated = models.DateTimeField(default=timezone.now)
