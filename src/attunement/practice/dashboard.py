"""The dashboard's rows: every client's connection health, phase and reminders.

Each kind of record is read once for all the coach's clients, so the page costs the same few
queries for 3 clients or 40 (scoring them one by one cost about 13 queries per client).
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from django.db.models import Prefetch, QuerySet

from attunement.practice import health, services
from attunement.practice.models import Client, Engagement
from attunement.relationship import score
from attunement.relationship.health import Health, Trend
from attunement.relationship.phase import Phase, phase_for

if TYPE_CHECKING:
    from attunement.checkins.services import Reminders

# (client, connection health, sessions held, phase, the check-ins app's reminders)
Row = tuple[Client, Health, int, Phase, "Reminders"]


def dashboard_rows(clients: QuerySet[Client], now: datetime) -> list[Row]:
    """One row per client, the relationships that need attention first."""
    from attunement.checkins.services import reminders_for  # the app builds on practice

    current = current_engagements(clients)
    histories = health.histories_for([engagement for _, engagement in current])
    reminders = reminders_for(current, now)
    rows = []
    for client, engagement in current:
        history = histories[engagement.pk]
        held = health.held_count(history)
        rows.append((client, score(history, now=now), held, phase_for(held), reminders[client.pk]))
    return sorted(rows, key=dashboard_order)


def newest_engagements(clients: QuerySet[Client]) -> list[tuple[Client, Engagement | None]]:
    """Each client with their newest engagement, or ``None``, in two queries for them all
    (the order of ``Client.current_engagement``); nothing is created."""
    newest_first = Prefetch(
        "engagements", Engagement.objects.order_by("-start", "-id"), to_attr="newest_engagements"
    )
    return [
        (c, c.newest_engagements[0] if c.newest_engagements else None)
        for c in clients.prefetch_related(newest_first)
    ]


def current_engagements(clients: QuerySet[Client]) -> list[tuple[Client, Engagement]]:
    """Each client with their current engagement (``services.engagement_for`` for them all:
    one is opened for a client who has none)."""
    return [(c, e or services.engagement_for(c)) for c, e in newest_engagements(clients)]


def dashboard_order(row: Row) -> tuple[bool, int, bool, str]:
    """Relationships that need attention first, the most strained of them first (lowest
    health, then a falling trend), so the client to call today heads the list; the rest by name."""
    client, state = row[0], row[1]
    name = client.name.casefold()
    if not state.needs_attention:
        return (True, 0, False, name)
    return (False, state.value, state.trend != Trend.FALLING, name)
