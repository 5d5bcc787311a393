"""What a coach keeps alongside the guide: own questions, favourites, barrier profiles,
agreements sent for acknowledgement and the private reflection journal.

Every model names the path to its owning user in ``OWNER`` so ``practice.access.get_owned``
applies. Anything a coach writes about a client or about themselves is encrypted at rest.
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.db import models
from django.utils import timezone

from attunement.practice.crypto import EncryptedTextField
from attunement.practice.models import Agreement, Client, Coach, Session

# The seven barriers to connection named by the framework, in its order.
BARRIERS: tuple[tuple[str, str], ...] = (
    ("fear-of-vulnerability", "Fear of vulnerability"),
    ("self-protection", "Self-protection"),
    ("lack-of-trust", "Lack of trust"),
    ("goal-misalignment", "Goal misalignment"),
    ("past-betrayal", "Past betrayals"),
    ("cultural-identity", "Cultural or identity factors"),
    ("control-autonomy", "Control and autonomy"),
)
BARRIER_IDS = tuple(b for b, _ in BARRIERS)
RATINGS: tuple[tuple[int, str], ...] = (
    (0, "Not present"),
    (1, "A little"),
    (2, "Noticeable"),
    (3, "Strong"),
)


class OwnQuestion(models.Model):
    """A question a coach added to their own bank; only they see it."""

    OWNER: ClassVar[str] = "coach__user"

    coach = models.ForeignKey(Coach, on_delete=models.CASCADE, related_name="own_questions")
    # Encrypted: a coach's own question can name a client ("Ask Mina about ..."). The form
    # keeps it to 300 characters; the bank filters in Python, so nothing searches the column.
    text = EncryptedTextField()
    type = models.CharField(max_length=40)
    phase = models.CharField(max_length=20, blank=True, default="")
    client_type = models.CharField(max_length=40, blank=True, default="")
    created = models.DateTimeField(default=timezone.now)

    @property
    def bank_id(self) -> str:
        return f"own-{self.pk}"


class Favourite(models.Model):
    """A starred question: a bank question's id, or ``own-<pk>`` for the coach's own."""

    OWNER: ClassVar[str] = "coach__user"

    coach = models.ForeignKey(Coach, on_delete=models.CASCADE, related_name="favourite_questions")
    question_id = models.CharField(max_length=80)
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints: ClassVar[list[Any]] = [
            models.UniqueConstraint(fields=["coach", "question_id"], name="one_star_per_question")
        ]


class BarrierAssessment(models.Model):
    """One revision of a client's barrier profile; the newest is current, older ones are history."""

    OWNER: ClassVar[str] = "client__coach__user"

    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="barrier_assessments")
    ratings = models.JSONField(default=dict)  # barrier id -> 0..3 (numbers only, no free text)
    client_type = models.CharField(max_length=40, blank=True, default="")
    note = EncryptedTextField(blank=True, default="")
    created = models.DateTimeField(default=timezone.now)

    def rating(self, barrier: str) -> int:
        return int(self.ratings.get(barrier, 0))


class AgreementRequest(models.Model):
    """An agreement filled for a client and sent for acknowledgement through a private link.

    The link is a signed token naming this record and its ``nonce``; acknowledging clears the
    nonce, so the same link cannot be used twice.
    """

    OWNER: ClassVar[str] = "client__coach__user"

    Kind = Agreement.Kind  # the request is for one of the practice's agreement kinds

    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="agreement_requests")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    text = EncryptedTextField()
    nonce = models.CharField(max_length=40, blank=True, default="")
    created = models.DateTimeField(default=timezone.now)
    expires = models.DateTimeField()
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    acknowledged_name = EncryptedTextField(blank=True, default="")
    client_comment = EncryptedTextField(blank=True, default="")

    @property
    def acknowledged(self) -> bool:
        return self.acknowledged_at is not None


class JournalEntry(models.Model):
    """A private reflection of the coach's, optionally about one session."""

    OWNER: ClassVar[str] = "coach__user"

    coach = models.ForeignKey(Coach, on_delete=models.CASCADE, related_name="journal_entries")
    # Deleting a client deletes "everything recorded about them", reflections on their
    # sessions included; deleting one session alone works the same way.
    session = models.ForeignKey(
        Session, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    prompt = models.CharField(max_length=40, blank=True, default="")
    text = EncryptedTextField()
    created = models.DateTimeField(default=timezone.now)
