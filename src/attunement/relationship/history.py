"""An engagement's history as plain data: what the health rules read.

These records are filled from the web app's models or from the simulator; nothing here knows
where they came from. Times are timezone-aware datetimes; "now" is always passed in.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class Status(StrEnum):
    HELD = "held"
    NO_SHOW = "no_show"
    CANCELLED = "cancelled"
    RESCHEDULED = "rescheduled"


class Party(StrEnum):
    CLIENT = "client"
    COACH = "coach"


@dataclass(frozen=True, slots=True)
class SessionSignals:
    """What one analysed transcript says about the relationship (all optional).

    Shares are 0..1; rates are per client turn. ``None`` means the analysis did not measure it.
    """

    client_share: float | None = None  # client's share of words
    client_words_per_turn: float | None = None
    openness: float | None = None  # 0..1, from self-disclosure, feeling words, insight, change talk
    insight_rate: float | None = None  # reflective/insight turns per client turn
    reporting_rate: float | None = None  # turns that only report events, per client turn
    resistance: int | None = None  # resistance signs in the session
    depth: float | None = None  # share of coach turns at listening level 3
    client_proposed_goals: bool | None = None
    coach_questions_per_turn: float | None = None
    turns_with_markers: Mapping[str, tuple[int, ...]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class SessionRecord:
    when: datetime
    status: Status = Status.HELD
    by: Party | None = None  # who cancelled, rescheduled or did not show
    late_notice: bool = False  # cancelled or moved within 24 hours
    signals: SessionSignals | None = None
    ref: str = ""  # identifier of the session in the caller's world, for evidence links

    @property
    def held(self) -> bool:
        return self.status == Status.HELD


CHECKIN_ITEMS = ("heard_respected", "worked_on_wanted", "approach_fits", "overall")


@dataclass(frozen=True, slots=True)
class CheckIn:
    """A client's answers to the after-session check-in, each item 0..10."""

    when: datetime
    scores: Mapping[str, int]
    predicted: Mapping[str, int] | None = None  # the coach's guess, recorded before seeing it
    ref: str = ""

    @property
    def total(self) -> int:
        return sum(self.scores.get(item, 0) for item in CHECKIN_ITEMS)

    @property
    def predicted_total(self) -> int | None:
        if not self.predicted:
            return None
        return sum(self.predicted.get(item, 0) for item in CHECKIN_ITEMS)


@dataclass(frozen=True, slots=True)
class Commitment:
    owner: Party
    text: str
    due: datetime | None = None
    done_at: datetime | None = None
    reflected: bool = False  # the client talked about what they learned from doing it
    ref: str = ""


@dataclass(frozen=True, slots=True)
class History:
    """Everything known about one engagement, oldest first."""

    started: datetime
    cadence_days: int = 14
    sessions: tuple[SessionRecord, ...] = ()
    checkins: tuple[CheckIn, ...] = ()
    commitments: tuple[Commitment, ...] = ()

    def until(self, now: datetime) -> History:
        """The history as it was known at ``now``: later events removed."""
        return History(
            started=self.started,
            cadence_days=self.cadence_days,
            sessions=tuple(s for s in self.sessions if s.when <= now),
            checkins=tuple(c for c in self.checkins if c.when <= now),
            commitments=tuple(c for c in self.commitments if (c.due or self.started) <= now),
        )

    @property
    def held(self) -> tuple[SessionRecord, ...]:
        return tuple(s for s in self.sessions if s.held)

    @property
    def analysed(self) -> tuple[SessionRecord, ...]:
        return tuple(s for s in self.held if s.signals is not None)
