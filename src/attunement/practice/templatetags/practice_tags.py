"""Small display helpers for the practice templates."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import template
from django.utils import timezone

from attunement.practice.health import measured

register = template.Library()

BAND_LABELS = {"strong": "Strong", "steady": "Steady", "strained": "Strained", "at_risk": "At risk"}


@register.filter
def band_label(band: str) -> str:
    return BAND_LABELS.get(band, band.replace("_", " ").capitalize())


@register.filter
def day_label(day: date | None) -> str:
    """ "Wed 10 Mar" this year, "Wed 10 Mar 2027" otherwise: a date without its year misleads."""
    if not day:
        return ""
    text = f"{day:%a} {day.day} {day:%b}"
    return text if day.year == timezone.localdate().year else f"{text} {day.year}"


@register.inclusion_tag("practice/_health_band.html")
def health_band(health: Any, held: Any, label: str = "", out_of: str = "") -> dict[str, Any]:
    """The health badge, or "no reading yet" before any session was held (``held``: their
    count, or the last held session): a new client's untouched 100 would read as a strong
    relationship nobody has had yet."""
    return {
        "health": health,
        "measured": measured(bool(held), health),
        "label": label or band_label(health.band),
        "out_of": out_of,
    }
