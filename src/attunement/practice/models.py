"""The coach's records. Free text that could identify or describe a client is encrypted.

Every model that belongs to a coach names the path to its owning user in ``OWNER``;
``access.get_owned`` uses it so no view can forget the ownership check.
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone

from attunement.practice.crypto import EncryptedJSONField, EncryptedTextField
from attunement.relationship.phase import PHASE_FOCUS, Phase, phase_for


class Practice(models.Model):
    name = models.CharField(max_length=120)
    created = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return self.name


class Coach(models.Model):
    """A user's membership of a practice. Admins manage accounts and never see client content."""

    class Role(models.TextChoices):
        COACH = "coach", "Coach"
        ADMIN = "admin", "Practice admin"

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="members")
    role = models.CharField(max_length=10, choices=Role.choices, default=Role.COACH)

    @property
    def sees_client_content(self) -> bool:
        return self.role == self.Role.COACH

    def __str__(self) -> str:
        return f"{self.user} ({self.role})"


class Client(models.Model):
    OWNER: ClassVar[str] = "coach__user"

    coach = models.ForeignKey(Coach, on_delete=models.CASCADE, related_name="clients")
    name = EncryptedTextField()
    contact = EncryptedTextField(blank=True, default="")
    time_zone = models.CharField(max_length=64, blank=True, default="")
    language = models.CharField(max_length=64, blank=True, default="")
    communication_style = EncryptedTextField(blank=True, default="")
    notes = EncryptedTextField(blank=True, default="")
    created = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return self.name

    def current_engagement(self) -> Engagement | None:
        return self.engagements.order_by("-start", "-id").first()

    def current_consent(self) -> Consent | None:
        return self.consents.order_by("-recorded_at", "-id").first()


class Engagement(models.Model):
    OWNER: ClassVar[str] = "client__coach__user"

    class Status(models.TextChoices):
        ACTIVE = "active", "Active"
        PAUSED = "paused", "Paused"
        ENDED = "ended", "Ended"

    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="engagements")
    start = models.DateField(default=timezone.localdate)
    cadence_days = models.PositiveSmallIntegerField(default=14)
    goals = EncryptedTextField(blank=True, default="")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.ACTIVE)

    def held_count(self) -> int:
        return self.sessions.filter(status=Session.Status.HELD).count()

    @property
    def phase(self) -> Phase:
        return phase_for(self.held_count())

    @property
    def phase_focus(self) -> str:
        return PHASE_FOCUS[self.phase]


class Agreement(models.Model):
    """One version of an agreement; a change adds a new version, the history stays."""

    OWNER: ClassVar[str] = "engagement__client__coach__user"

    class Kind(models.TextChoices):
        LOGISTICS = "logistics", "Logistics"
        RELATIONSHIP = "relationship", "Relationship"
        WORKING = "working", "Working"

    engagement = models.ForeignKey(Engagement, on_delete=models.CASCADE, related_name="agreements")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    version = models.PositiveIntegerField(default=1)
    text = EncryptedTextField()
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints: ClassVar[list[Any]] = [
            models.UniqueConstraint(
                fields=["engagement", "kind", "version"], name="one_agreement_version"
            )
        ]


class Session(models.Model):
    OWNER: ClassVar[str] = "engagement__client__coach__user"

    class Status(models.TextChoices):
        HELD = "held", "Held"
        NO_SHOW = "no_show", "No-show"
        CANCELLED = "cancelled", "Cancelled"
        RESCHEDULED = "rescheduled", "Rescheduled"

    class Party(models.TextChoices):
        CLIENT = "client", "Client"
        COACH = "coach", "Coach"

    class Format(models.TextChoices):
        VIDEO = "video", "Video call"
        IN_PERSON = "in_person", "In person"
        PHONE = "phone", "Phone"

    engagement = models.ForeignKey(Engagement, on_delete=models.CASCADE, related_name="sessions")
    when = models.DateTimeField()
    minutes = models.PositiveSmallIntegerField(default=60)
    format = models.CharField(max_length=12, choices=Format.choices, default=Format.VIDEO)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.HELD)
    by_whom = models.CharField(max_length=8, choices=Party.choices, blank=True, default="")
    private_notes = EncryptedTextField(blank=True, default="")

    def save(self, *args: Any, **kwargs: Any) -> None:
        # Nobody cancels a session that was held: every path (form, API, demo) relies on this.
        if self.status == self.Status.HELD:
            self.by_whom = ""
        super().save(*args, **kwargs)

    @property
    def client(self) -> Client:
        return self.engagement.client

    def latest_analysis(self) -> Analysis | None:
        newest = getattr(self, "newest_analyses", None)  # from ``with_latest_analysis``
        if newest is not None:
            return next(iter(newest), None)
        return self.analyses.order_by("-created", "-id").first()


def with_latest_analysis(sessions: models.QuerySet[Session]) -> models.QuerySet[Session]:
    """The sessions with their transcript and latest analysis, loaded in two queries for all of
    them (pages that list sessions would otherwise ask twice per session)."""
    newest = models.Prefetch(
        "analyses", Analysis.objects.order_by("-created", "-id")[:1], to_attr="newest_analyses"
    )
    return sessions.select_related("transcript").prefetch_related(newest)


class Transcript(models.Model):
    OWNER: ClassVar[str] = "session__engagement__client__coach__user"

    session = models.OneToOneField(Session, on_delete=models.CASCADE, related_name="transcript")
    filename = EncryptedTextField()
    format = models.CharField(max_length=20)
    text = EncryptedTextField()
    conversation = EncryptedJSONField()  # Conversation.to_dict(): turns with speakers and roles
    created = models.DateTimeField(default=timezone.now)


class Analysis(models.Model):
    OWNER: ClassVar[str] = "session__engagement__client__coach__user"

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        RUNNING = "running", "Running"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="analyses")
    result = EncryptedJSONField(null=True, blank=True)  # SessionAnalysis.to_dict()
    versions = models.JSONField(default=dict)  # analyser name -> version, for reproducibility
    attunement_version = models.CharField(max_length=40, blank=True, default="")
    mode = models.CharField(max_length=10, blank=True, default="")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0)  # percent
    error = models.TextField(blank=True, default="")
    created = models.DateTimeField(default=timezone.now)

    def save(self, *args: Any, **kwargs: Any) -> None:
        super().save(*args, **kwargs)
        # A session loaded ``with_latest_analysis`` would otherwise keep naming the older one.
        self.session.__dict__.pop("newest_analyses", None)

    @property
    def finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)


class Consent(models.Model):
    """What the client agreed to, as recorded by the coach; the newest record is in force."""

    OWNER: ClassVar[str] = "client__coach__user"

    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="consents")
    recording = models.BooleanField(default=False)
    transcription = models.BooleanField(default=False)
    analysis = models.BooleanField(default=False)
    recorded_at = models.DateTimeField(default=timezone.now)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )


class AuditEvent(models.Model):
    """Who opened which client's records, and when. Kept when the client is deleted."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    client = models.ForeignKey(Client, null=True, on_delete=models.SET_NULL, related_name="+")
    client_ref = models.PositiveBigIntegerField(null=True)  # survives the client's deletion
    action = models.CharField(max_length=40)
    path = models.CharField(max_length=300)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes: ClassVar[list[Any]] = [models.Index(fields=["client_ref", "at"])]


# Account security models (helper 8) live in their own module; importing them here registers them.
from attunement.practice.accounts_models import ApiToken, LoginFailure, TwoFactor  # noqa: E402, F401
