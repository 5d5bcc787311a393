"""Small display helpers for the practice templates."""

from __future__ import annotations

from datetime import date

from django import template
from django.utils import timezone

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
