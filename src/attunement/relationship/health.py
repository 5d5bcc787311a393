"""Connection health: a value, a band, a trend and the reasons, from the open warning signs.

``score(history, *, now)`` is pure: the same history and clock always give the same health.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from attunement.relationship.history import History
from attunement.relationship.phase import Phase, phase_for
from attunement.relationship.rules import RULES
from attunement.relationship.signs import Sign

BAND_FLOORS = (("strong", 80), ("steady", 60), ("strained", 40), ("at_risk", 0))
TREND_STEP = 8  # points of change before a trend is called rising or falling
_ONE_SECOND = timedelta(seconds=1)


class Trend(StrEnum):
    RISING = "rising"
    STABLE = "stable"
    FALLING = "falling"
    NEW = "new"


@dataclass(frozen=True, slots=True)
class Health:
    value: int  # 0..100
    band: str  # strong | steady | strained | at_risk
    reasons: tuple[Sign, ...]  # open warning signs, heaviest first
    phase: Phase
    trend: Trend = Trend.NEW
    previous: int | None = None

    @property
    def summary(self) -> str:
        """The reasons in one line, as the dashboard shows them."""
        if not self.reasons:
            return "no warning signs"
        return "; ".join(sign.sentence for sign in self.reasons[:3])

    @property
    def needs_attention(self) -> bool:
        return self.band in ("strained", "at_risk") or self.trend == Trend.FALLING


def warning_signs(history: History, *, now: datetime) -> tuple[Sign, ...]:
    """Every rule's sign that is open at ``now``, heaviest first."""
    known = history.until(now)
    return _signs(known, now, phase_for(len(known.held)))


def _signs(known: History, now: datetime, phase: Phase) -> tuple[Sign, ...]:
    """The signs open on ``known`` (the history up to ``now``), heaviest first; a sign whose
    rule is ``quiet_while`` another open one is left out."""
    found = [(rule, sign) for rule in RULES if (sign := rule.check(known, now, phase)) is not None]
    open_rules = {rule.id for rule, _ in found}
    shown = [sign for rule, sign in found if rule.quiet_while not in open_rules]
    return tuple(sorted(shown, key=lambda s: -s.weight))


def band_for(value: int) -> str:
    return next(name for name, floor in BAND_FLOORS if value >= floor)


def _value(signs: tuple[Sign, ...]) -> int:
    return max(0, 100 - sum(sign.weight for sign in signs))


def score(history: History, *, now: datetime) -> Health:
    """The connection health at ``now``, with its trend since the last session before now."""
    known = history.until(now)
    phase = phase_for(len(known.held))
    signs = _signs(known, now, phase)
    value = _value(signs)
    previous = _previous_value(history, now)
    return Health(
        value=value,
        band=band_for(value),
        reasons=signs,
        phase=phase,
        trend=_trend(value, previous),
        previous=previous,
    )


def _previous_value(history: History, now: datetime) -> int | None:
    earlier = [s.when for s in history.sessions if s.when < now]
    if len(earlier) < 2:
        return None
    # Health as it stood just before the most recent session.
    before = earlier[-1]
    return _value(warning_signs(history, now=before.replace(microsecond=0) - _ONE_SECOND))


def _trend(value: int, previous: int | None) -> Trend:
    if previous is None:
        return Trend.NEW
    if value >= previous + TREND_STEP:
        return Trend.RISING
    if value <= previous - TREND_STEP:
        return Trend.FALLING
    return Trend.STABLE
