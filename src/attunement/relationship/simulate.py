"""Replaying engagements with known ruptures to measure the warning signs.

The simulator walks each engagement session by session, asks ``score`` what it would have said
the day after each session, and compares that with what is known to have happened: when the
rupture began (``onset``, an index into the sessions) or that there was none. From many such
walks it reports how many sessions after onset each kind of rupture was flagged and how often a
healthy engagement was flagged by mistake.

Nothing here knows how the histories were made; ``attune simulate`` feeds it the demo
generators, and tests feed it hand-built histories.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import timedelta
from statistics import mean, median

from attunement.relationship.health import score
from attunement.relationship.history import History

AFTER_SESSION = timedelta(days=1)  # the coach looks at the dashboard the day after a session
DETECTION_AIM = 2  # sessions after onset
FALSE_ALARM_AIM = 0.10


@dataclass(frozen=True, slots=True)
class Engagement:
    kind: str
    history: History
    onset: int | None  # index into history.sessions where the rupture began; None if healthy


@dataclass(frozen=True, slots=True)
class Walk:
    """What the dashboard would have said after each session of one engagement."""

    kind: str
    onset: int | None
    flagged_at: tuple[int, ...]  # sessions after which the dashboard put the client first
    rules: tuple[str, ...]  # every rule that fired at least once

    @property
    def first_flag_after_onset(self) -> int | None:
        if self.onset is None:
            return None
        return next((i for i in self.flagged_at if i >= self.onset), None)

    @property
    def delay(self) -> int | None:
        """Sessions from onset to the first flag (0: flagged after the onset session itself)."""
        first = self.first_flag_after_onset
        return None if first is None or self.onset is None else first - self.onset

    @property
    def false_alarm(self) -> bool:
        """Flagged while nothing was wrong: a healthy engagement, or before the rupture began."""
        if self.onset is None:
            return bool(self.flagged_at)
        return any(i < self.onset for i in self.flagged_at)


def walk(engagement: Engagement) -> Walk:
    flagged: list[int] = []
    rules: set[str] = set()
    for index, session in enumerate(engagement.history.sessions):
        health = score(engagement.history, now=session.when + AFTER_SESSION)
        rules.update(sign.rule for sign in health.reasons)
        if health.needs_attention:
            flagged.append(index)
    return Walk(engagement.kind, engagement.onset, tuple(flagged), tuple(sorted(rules)))


@dataclass(frozen=True, slots=True)
class KindSummary:
    kind: str
    engagements: int
    ruptured: bool
    detected: int = 0
    median_delay: float | None = None
    mean_delay: float | None = None
    worst_delay: int | None = None
    within_aim: float | None = None  # share detected within DETECTION_AIM sessions
    false_alarms: int = 0
    rules: dict[str, int] = field(default_factory=dict)

    @property
    def false_alarm_rate(self) -> float:
        return self.false_alarms / self.engagements if self.engagements else 0.0


def summarise_kind(kind: str, walks: list[Walk]) -> KindSummary:
    ruptured = any(w.onset is not None for w in walks)
    delays = [d for w in walks if (d := w.delay) is not None]
    rules = Counter(rule for w in walks for rule in w.rules)
    return KindSummary(
        kind=kind,
        engagements=len(walks),
        ruptured=ruptured,
        detected=len(delays),
        median_delay=median(delays) if delays else None,
        mean_delay=round(mean(delays), 2) if delays else None,
        worst_delay=max(delays) if delays else None,
        within_aim=(sum(d <= DETECTION_AIM for d in delays) / len(walks)) if ruptured else None,
        false_alarms=sum(w.false_alarm for w in walks),
        rules=dict(rules.most_common()),
    )


@dataclass(frozen=True, slots=True)
class SimulationReport:
    kinds: tuple[KindSummary, ...]

    @property
    def healthy(self) -> tuple[KindSummary, ...]:
        return tuple(k for k in self.kinds if not k.ruptured)

    @property
    def ruptured(self) -> tuple[KindSummary, ...]:
        return tuple(k for k in self.kinds if k.ruptured)

    @property
    def engagements(self) -> int:
        return sum(k.engagements for k in self.kinds)

    @property
    def false_alarm_rate(self) -> float:
        """Healthy engagements flagged at any point, over all healthy engagements."""
        total = sum(k.engagements for k in self.healthy)
        return sum(k.false_alarms for k in self.healthy) / total if total else 0.0

    @property
    def detection_within_aim(self) -> float:
        total = sum(k.engagements for k in self.ruptured)
        hits = sum((k.within_aim or 0.0) * k.engagements for k in self.ruptured)
        return hits / total if total else 0.0

    def to_dict(self) -> dict[str, object]:
        return {
            "engagements": self.engagements,
            "false_alarm_rate": round(self.false_alarm_rate, 4),
            "detection_within_aim": round(self.detection_within_aim, 4),
            "aim": {"delay_sessions": DETECTION_AIM, "false_alarm_rate": FALSE_ALARM_AIM},
            "kinds": [
                {
                    "kind": k.kind,
                    "engagements": k.engagements,
                    "ruptured": k.ruptured,
                    "detected": k.detected,
                    "median_delay": k.median_delay,
                    "mean_delay": k.mean_delay,
                    "worst_delay": k.worst_delay,
                    "within_aim": None if k.within_aim is None else round(k.within_aim, 4),
                    "false_alarms": k.false_alarms,
                    "false_alarm_rate": round(k.false_alarm_rate, 4),
                    "rules": k.rules,
                }
                for k in self.kinds
            ],
        }


def simulate(
    engagements: Iterable[Engagement], *, progress: Callable[[], None] | None = None
) -> SimulationReport:
    walks: dict[str, list[Walk]] = defaultdict(list)
    for engagement in engagements:
        walks[engagement.kind].append(walk(engagement))
        if progress is not None:
            progress()
    return SimulationReport(tuple(summarise_kind(kind, ws) for kind, ws in walks.items()))
