"""The demo practice's follow-up: what a coach would have done with the proposals by now."""

from __future__ import annotations

from datetime import UTC, datetime, time

from attunement.followup.models import Commitment, MemoryCard
from attunement.practice.models import Client, Session

CONFIRMED_KINDS = ("person", "hope")  # a few cards per client, not every repeat of a value


def settle_demo_followup(client: Client, kind: str, now: datetime) -> None:
    """Proposals of every session but the last are confirmed; past-due ones are done, and talked
    through unless the relationship is strained. The last session's proposals stay to confirm."""
    held = Session.objects.filter(engagement__client=client, status=Session.Status.HELD)
    last = held.order_by("-when", "-id").first()
    older = Commitment.objects.filter(client=client, status=Commitment.Status.PROPOSED)
    if last is not None:
        older = older.exclude(session=last)
    for commitment in older:
        commitment.status = Commitment.Status.OPEN
        if commitment.due is not None and commitment.due < now.date():
            commitment.status = Commitment.Status.DONE
            commitment.done_at = datetime.combine(commitment.due, time(17), tzinfo=UTC)
            commitment.reflected = kind != "strained"
        commitment.save()
    cards = MemoryCard.objects.filter(client=client, kind__in=CONFIRMED_KINDS)
    if last is not None:
        cards = cards.exclude(session=last)
    cards.update(confirmed=True)
