"""Dashboard additions: reminders for a message waiting past the agreed time, a concern the
client raised that is not yet discussed, and a monthly relationship check-in that is due."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils import timezone

from attunement.checkins import services

register = template.Library()


@register.inclusion_tag("checkins/_reminders.html")
def checkin_reminders(client: Any, reminders: services.Reminders) -> dict[str, Any]:
    """``reminders``: worked out beforehand for the whole page of clients (the dashboard's
    rows), so that the page asks the database the same number of times for any number."""
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
