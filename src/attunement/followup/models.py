"""Commitments both ways and memory cards. Their words are client content: encrypted at rest.

A record found in a transcript starts as a proposal (``proposed`` / unconfirmed) and counts for
nothing until the coach confirms it; one added by hand is confirmed from the start.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from django.db import models
from django.utils import timezone

from attunement.practice.crypto import EncryptedTextField
from attunement.practice.models import Client, Session


class Commitment(models.Model):
    OWNER: ClassVar[str] = "client__coach__user"

    class Owner(models.TextChoices):
        COACH = "coach", "Coach"
        CLIENT = "client", "Client"

    class Status(models.TextChoices):
        PROPOSED = "proposed", "Proposed (found in a transcript)"
        OPEN = "open", "Open"
        DONE = "done", "Done"
        DROPPED = "dropped", "Dropped"

    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="commitments")
    owner = models.CharField(max_length=8, choices=Owner.choices)
    text = EncryptedTextField()
    due = models.DateField(null=True, blank=True)
    due_phrase = models.CharField(max_length=60, blank=True, default="")
    done_at = models.DateTimeField(null=True, blank=True)
    reflected = models.BooleanField(default=False)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    session = models.ForeignKey(
        Session, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    turn = models.PositiveIntegerField(null=True, blank=True)
    created = models.DateTimeField(default=timezone.now)

    @property
    def proposed(self) -> bool:
        return self.status == self.Status.PROPOSED

    @property
    def by_hand(self) -> bool:
        return self.session_id is None and self.turn is None  # a deleted session keeps turn

    def overdue(self, today: date) -> bool:
        return self.status == self.Status.OPEN and self.due is not None and self.due < today

    @property
    def turn_number(self) -> int | None:
        return None if self.turn is None else self.turn + 1  # people count turns from 1


class MemoryCard(models.Model):
    OWNER: ClassVar[str] = "client__coach__user"

    class Kind(models.TextChoices):
        PERSON = "person", "Person"
        EVENT = "event", "Event"
        DATE = "date", "Date"
        VALUE = "value", "Value"
        HOPE = "hope", "Hope"

    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="memory_cards")
    kind = models.CharField(max_length=8, choices=Kind.choices)
    text = EncryptedTextField()
    confirmed = models.BooleanField(default=False)
    session = models.ForeignKey(
        Session, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    turn = models.PositiveIntegerField(null=True, blank=True)
    # Proposed from the coach's notes (the client's notes, or the private notes of ``session``).
    from_notes = models.BooleanField(default=False)
    created = models.DateTimeField(default=timezone.now)

    @property
    def by_hand(self) -> bool:
        # a deleted session keeps turn
        return self.session_id is None and self.turn is None and not self.from_notes

    @property
    def turn_number(self) -> int | None:
        return None if self.turn is None else self.turn + 1
