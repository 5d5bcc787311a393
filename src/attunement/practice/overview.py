"""The practice overview: how the practice's coaching relationships are doing, in counts only.

A practice admin looks after the practice, not its clients: the overview shows per coach how
many relationships sit in each health band, how many need attention, how many sessions were
held and how many check-ins came back, and which warning signs are open most often across the
practice. It never carries a client's name, notes, words or the reasons behind one client's
band. The counting (``summarise_coach``, ``summarise_practice``) is pure and tested with fixed
clocks; ``practice_overview`` reads the records in a fixed number of queries.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from attunement.practice import health
from attunement.practice.dashboard import newest_engagements
from attunement.practice.health import held_count, measured
from attunement.practice.models import Client, Coach, Engagement
from attunement.relationship import History, score
from attunement.relationship.health import Health
from attunement.relationship.rules import RULES

# Bands in the order they are shown; "none" holds relationships with no reading yet (no
# session held and no open sign), as on the dashboard.
BANDS: tuple[str, ...] = ("strong", "steady", "strained", "at_risk", "none")
BAND_LABELS = {
    "strong": "Strong",
    "steady": "Steady",
    "strained": "Strained",
    "at_risk": "At risk",
    "none": "No reading yet",
}
RECENT_DAYS = 30  # "sessions held lately"
ATTENDANCE_DAYS = 90  # attendance and check-ins over about one quarter
Reading = tuple[History, Health]


@dataclass(frozen=True, slots=True)
class CoachSummary:
    coach: str
    relationships: int = 0
    bands: Mapping[str, int] = field(default_factory=dict)
    needs_attention: int = 0
    held_recently: int = 0  # sessions held in the last RECENT_DAYS
    scheduled: int = 0  # sessions due in the last ATTENDANCE_DAYS, whatever became of them
    held: int = 0  # of those, held
    checkins: int = 0  # check-ins answered in the last ATTENDANCE_DAYS

    @property
    def attendance(self) -> float | None:
        """Share of the quarter's scheduled sessions that were held; None when none were due."""
        return self.held / self.scheduled if self.scheduled else None


@dataclass(frozen=True, slots=True)
class PracticeSummary:
    coaches: tuple[CoachSummary, ...]
    total: CoachSummary
    # (rule id, title, relationships showing it), the most frequent first
    signs: tuple[tuple[str, str, int], ...]


def band_of(reading: Reading) -> str:
    """The dashboard's band, or "none" before anything could be read (see ``health_band``)."""
    history, health = reading
    return health.band if measured(held_count(history) > 0, health) else "none"


def summarise_coach(name: str, readings: Sequence[Reading], *, now: datetime) -> CoachSummary:
    """One coach's relationships in counts: bands, attention, sessions and check-ins."""
    recent, quarter = now - timedelta(days=RECENT_DAYS), now - timedelta(days=ATTENDANCE_DAYS)
    due = [s for history, _ in readings for s in history.sessions if quarter <= s.when <= now]
    bands = Counter(band_of(reading) for reading in readings)
    return CoachSummary(
        coach=name,
        relationships=len(readings),
        bands={band: bands[band] for band in BANDS},
        needs_attention=sum(health.needs_attention for _, health in readings),
        held_recently=sum(s.held and s.when >= recent for s in due),
        scheduled=len(due),
        held=sum(s.held for s in due),
        checkins=sum(quarter <= c.when <= now for history, _ in readings for c in history.checkins),
    )


def summarise_practice(
    by_coach: Mapping[str, Sequence[Reading]], *, now: datetime
) -> PracticeSummary:
    """Every coach's summary (coaches without relationships included), the practice's total,
    and the open warning signs by how many relationships show them."""
    everyone = [reading for readings in by_coach.values() for reading in readings]
    titles = {rule.id: rule.title for rule in RULES}
    signs = Counter(rule for _, health in everyone for rule in {s.rule for s in health.reasons})
    return PracticeSummary(
        coaches=tuple(summarise_coach(name, by_coach[name], now=now) for name in by_coach),
        total=summarise_coach("All coaches", everyone, now=now),
        signs=tuple(
            (rule, titles.get(rule, rule), count)
            for rule, count in sorted(
                signs.items(), key=lambda item: (-item[1], titles.get(item[0], item[0]))
            )
        ),
    )


def practice_overview(practice: Any, now: datetime) -> PracticeSummary:
    """The summary of every active relationship in ``practice``, grouped by coach."""
    members = Coach.objects.filter(practice=practice).select_related("user")
    members = members.order_by("user__username")
    names = {c.pk: c.user.username for c in members}
    # Admin accounts hold no clients: they are listed only if they once did.
    by_coach: dict[str, list[Reading]] = {
        c.user.username: [] for c in members if c.role == Coach.Role.COACH
    }
    current = active_engagements(practice)
    histories = health.histories_for([engagement for _, engagement in current])
    for coach_id, engagement in current:
        history = histories[engagement.pk]
        readings = by_coach.setdefault(names[coach_id], [])
        readings.append((history, score(history, now=now)))
    return summarise_practice(by_coach, now=now)


def active_engagements(practice: Any) -> list[tuple[int, Any]]:
    """(coach id, engagement) for each client's newest engagement while it is active; a client
    without an engagement has no relationship to count yet. Client names are not even read."""
    clients = Client.objects.filter(coach__practice=practice).only("id", "coach_id")
    return [
        (client.coach_id, engagement)
        for client, engagement in newest_engagements(clients)
        if engagement is not None and engagement.status == Engagement.Status.ACTIVE
    ]
