"""Small display helpers for the practice templates."""

from __future__ import annotations

from django import template

register = template.Library()

BAND_LABELS = {"strong": "Strong", "steady": "Steady", "strained": "Strained", "at_risk": "At risk"}


@register.filter
def band_label(band: str) -> str:
    return BAND_LABELS.get(band, band.replace("_", " ").capitalize())
