"""Use cases of the follow-up app: propose from a transcript, confirm, complete, summarise.

``propose_from_transcript`` is called by ``practice.services`` once an analysis is stored, and
``propose_from_notes`` when the coach saves a client's notes or a session's private notes;
``history_commitments_by_client`` feeds confirmed commitments into the relationship layer's
History.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from attunement.followup.models import Commitment, MemoryCard
from attunement.practice.models import Client, Session
from attunement.relationship import history as plain
from attunement.relationship.commitments import find_commitments
from attunement.relationship.memory import find_memories, find_memories_in_notes
from attunement.relationship.phrases import normalised
from attunement.relationship.rules import COMPLIANCE_WINDOW_DAYS
from attunement.transcript.model import Conversation

COUNTED = (Commitment.Status.OPEN, Commitment.Status.DONE)  # confirmed by the coach


@transaction.atomic
def propose_from_transcript(session: Session, conversation: Conversation) -> tuple[int, int]:
    """Unconfirmed commitments and memory cards from the session's transcript.

    Earlier proposals from this session are replaced (the transcript may have been replaced);
    what the coach already confirmed stays, and is not proposed a second time.
    Returns how many commitments and cards were proposed.
    """
    client = session.client
    Commitment.objects.filter(session=session, status=Commitment.Status.PROPOSED).delete()
    MemoryCard.objects.filter(session=session, confirmed=False, from_notes=False).delete()
    said_on = timezone.localdate(session.when)
    known = {normalised(c.text) for c in client.commitments.all()}  # type: ignore[attr-defined]
    commitments = [
        Commitment(
            client=client,
            owner=found.owner.value,
            text=found.text,
            due=found.due,
            due_phrase=found.due_phrase[:60],
            status=Commitment.Status.PROPOSED,
            session=session,
            turn=found.turn,
        )
        for found in find_commitments(conversation, said_on)
        if normalised(found.text) not in known
    ]
    Commitment.objects.bulk_create(commitments)
    return len(commitments), len(_propose_cards(client, session, conversation))


def _known_cards(client: Client) -> set[tuple[str, str]]:
    """Kind and normalised words of every card the client has, so none is proposed twice."""
    return {(c.kind, normalised(c.text)) for c in client.memory_cards.all()}  # type: ignore[attr-defined]


def _propose_cards(client: Client, session: Session, conversation: Conversation) -> list[Any]:
    known = _known_cards(client)
    cards = [
        MemoryCard(client=client, kind=m.kind.value, text=m.text, session=session, turn=m.turn)
        for m in find_memories(conversation)
        if (m.kind.value, normalised(m.text)) not in known
    ]
    return MemoryCard.objects.bulk_create(cards)


@transaction.atomic
def propose_from_notes(client: Client, notes: str, session: Session | None = None) -> int:
    """Unconfirmed memory cards from the coach's notes: the client's notes, or the private
    notes of ``session``. Earlier proposals from the same notes are replaced (the notes were
    edited); confirmed cards stay and are not proposed again. Returns how many were proposed."""
    MemoryCard.objects.filter(
        client=client, session=session, from_notes=True, confirmed=False
    ).delete()
    known = _known_cards(client)
    cards = [
        MemoryCard(client=client, kind=m.kind.value, text=m.text, session=session, from_notes=True)
        for m in find_memories_in_notes(notes)
        if (m.kind.value, normalised(m.text)) not in known
    ]
    return len(MemoryCard.objects.bulk_create(cards))


def confirm_commitment(commitment: Commitment) -> None:
    if commitment.status == Commitment.Status.PROPOSED:
        commitment.status = Commitment.Status.OPEN
        commitment.save(update_fields=["status"])


def mark_done(commitment: Commitment, *, reflected: bool, now: datetime | None = None) -> None:
    """Done now; ``reflected`` says the client talked about what they learned from it.

    On an action already done this only records the talk: it usually happens a session
    later, and the day it was done must stay the day it was done.
    """
    already = commitment.status == Commitment.Status.DONE and commitment.done_at is not None
    commitment.status = Commitment.Status.DONE
    if not already:
        commitment.done_at = now or timezone.now()
    commitment.reflected = reflected or (already and commitment.reflected)
    commitment.save(update_fields=["status", "done_at", "reflected"])


def keep_done_at_in_step(commitment: Commitment, now: datetime | None = None) -> None:
    """After an edit: a commitment marked done gets its moment, one reopened loses it."""
    if commitment.status != Commitment.Status.DONE:
        commitment.done_at = None
    elif commitment.done_at is None:
        commitment.done_at = now or timezone.now()


def confirm_card(card: MemoryCard) -> None:
    card.confirmed = True
    card.save(update_fields=["confirmed"])


# ---- the ledger -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Ledger:
    """A client's commitments both ways, with the follow-through the coach should see."""

    proposed: list[Commitment]
    coach: list[Commitment]
    client: list[Commitment]
    today: date

    def rate(self, owner: str) -> int | None:
        """Per cent of the owner's commitments that are done, of those done or past due."""
        rows = self.coach if owner == Commitment.Owner.COACH else self.client
        settled = [c for c in rows if c.status == Commitment.Status.DONE or c.overdue(self.today)]
        if not settled:
            return None
        done = sum(1 for c in settled if c.status == Commitment.Status.DONE)
        return round(100 * done / len(settled))

    @property
    def overdue(self) -> list[Commitment]:
        return [c for c in self.coach + self.client if c.overdue(self.today)]

    @property
    def sections(self) -> list[tuple[str, list[dict[str, Any]]]]:
        """(title, rows) for the coach's promises and the client's actions, as the page shows."""

        def rows(items: list[Commitment]) -> list[dict[str, Any]]:
            return [{"item": c, "overdue_flag": c.overdue(self.today)} for c in items]

        return [("Your promises", rows(self.coach)), ("The client's actions", rows(self.client))]

    @property
    def coach_rate(self) -> int | None:
        return self.rate(Commitment.Owner.COACH)

    @property
    def client_rate(self) -> int | None:
        return self.rate(Commitment.Owner.CLIENT)


def _order(commitment: Commitment) -> tuple[bool, date, int]:
    """Open first, then by due date (undated last), then by age."""
    return (
        commitment.status != Commitment.Status.OPEN,
        commitment.due or date.max,
        commitment.pk or 0,
    )


def ledger_for(client: Client, today: date | None = None) -> Ledger:
    rows = list(client.commitments.select_related("session"))  # type: ignore[attr-defined]
    confirmed = sorted((c for c in rows if not c.proposed), key=_order)
    return Ledger(
        proposed=sorted((c for c in rows if c.proposed), key=_order),
        coach=[c for c in confirmed if c.owner == Commitment.Owner.COACH],
        client=[c for c in confirmed if c.owner == Commitment.Owner.CLIENT],
        today=today or timezone.localdate(),
    )


def due_soon(client: Client, today: date, days: int = 21) -> list[Commitment]:
    """Open commitments overdue or due within ``days`` (and undated ones), for the prep page."""
    rows = client.commitments.filter(status=Commitment.Status.OPEN)  # type: ignore[attr-defined]
    return sorted((c for c in rows if c.due is None or (c.due - today).days <= days), key=_order)


def not_talked_through(client: Client, today: date) -> list[Commitment]:
    """The client's actions done within the `compliance-without-engagement` rule's window
    without talking about what they learned, oldest first: worth asking about next time. (The
    rule itself fires only on two or more such actions with none talked through.)"""
    since = today - timedelta(days=COMPLIANCE_WINDOW_DAYS)
    rows = client.commitments.filter(  # type: ignore[attr-defined]
        owner=Commitment.Owner.CLIENT, status=Commitment.Status.DONE, reflected=False
    )
    return sorted(
        (c for c in rows if c.done_at and c.done_at.date() >= since), key=lambda c: c.done_at
    )


# ---- into the relationship layer -------------------------------------------------------------


def _end_of(day: date | None) -> datetime | None:
    return None if day is None else datetime.combine(day, time(23, 59), tzinfo=UTC)


def history_commitments_by_client(
    client_ids: Iterable[int],
) -> dict[int, tuple[plain.Commitment, ...]]:
    """The coach-confirmed commitments as the health rules read them (proposals do not count),
    for many clients in one query, by client id (clients without any are left out)."""
    rows = Commitment.objects.filter(client__in=list(client_ids), status__in=COUNTED)
    found: dict[int, list[plain.Commitment]] = defaultdict(list)
    for c in rows.order_by("created", "pk"):
        found[c.client_id].append(
            plain.Commitment(
                owner=plain.Party(c.owner),
                text=c.text,
                due=_end_of(c.due),
                done_at=c.done_at,
                reflected=c.reflected,
                ref=str(c.pk),
            )
        )
    return {client_id: tuple(items) for client_id, items in found.items()}
