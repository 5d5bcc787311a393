"""Dashboard additions: reminders for a message waiting past the agreed time, a concern the
client raised that is not yet discussed, and a monthly relationship check-in that is due."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils import timezone

from attunement.checkins import services
from attunement.practice.services import engagement_for

register = template.Library()


@register.inclusion_tag("checkins/_reminders.html")
def checkin_reminders(client: Any, reminders: services.Reminders | None = None) -> dict[str, Any]:
    """``reminders``: worked out beforehand for a page of clients (the dashboard's rows);
    read here for this one client otherwise."""
    if reminders is None:
        current = [(client, engagement_for(client))]
        reminders = services.reminders_for(current, timezone.now())[client.pk]
    return {
        "client": client,
        "overdue": reminders.overdue,
        "concern": reminders.concern,
        "relationship_due": reminders.relationship_due,
    }


@register.inclusion_tag("checkins/_client_words.html")
def client_words(client: Any, back: str = "") -> dict[str, Any]:
    """The client's own words from relationship check-ins, with "mark as discussed" buttons
    that return to the page they are on (``back``: "prepare", or the reasons page)."""
    now = timezone.now()
    return {
        "client": client,
        "words": services.client_words(client),
        "relationship_due": services.relationship_checkin_due(client, now),
        "back": back,
    }
