"""Dashboard additions: a reminder when a client's message has waited past the agreed time."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils import timezone

from attunement.checkins import services

register = template.Library()


@register.inclusion_tag("checkins/_reminders.html")
def checkin_reminders(client: Any) -> dict[str, Any]:
    return {"client": client, "overdue": services.overdue_messages(client, timezone.now())}
