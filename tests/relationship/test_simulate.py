"""The simulator's bookkeeping: delays counted from onset, false alarms counted honestly."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from attunement.relationship import History, Party, SessionRecord, SessionSignals, Status
from attunement.relationship.simulate import Engagement, Walk, simulate, walk

START = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
OPEN_CLIENT = SessionSignals(client_share=0.68, client_words_per_turn=42.0, openness=0.45)


def fortnightly(*records: tuple[Status, SessionSignals | None]) -> History:
    sessions = tuple(
        SessionRecord(
            when=START + timedelta(days=14 * i),
            status=status,
            by=None if status == Status.HELD else Party.CLIENT,
            signals=signals,
            ref=f"s{i}",
        )
        for i, (status, signals) in enumerate(records)
    )
    return History(started=START, cadence_days=14, sessions=sessions)


def steady_sessions(count: int) -> list[tuple[Status, SessionSignals | None]]:
    return [(Status.HELD, OPEN_CLIENT)] * count


def test_a_client_who_stops_coming_is_flagged_soon_after_the_first_missed_session() -> None:
    records = [*steady_sessions(5), (Status.NO_SHOW, None), (Status.NO_SHOW, None)]
    result = walk(Engagement("withdrawing", fortnightly(*records), onset=5))
    assert result.delay is not None
    assert result.delay <= 2
    assert not result.false_alarm


def test_a_healthy_engagement_walks_without_a_flag() -> None:
    result = walk(Engagement("healthy", fortnightly(*steady_sessions(8)), onset=None))
    assert result.flagged_at == ()
    assert result.delay is None
    assert not result.false_alarm


@pytest.mark.parametrize(
    ("onset", "flagged_at", "false_alarm", "delay"),
    [
        (None, (3,), True, None),
        (5, (2, 6), True, 1),
        (5, (5,), False, 0),
        (5, (), False, None),
    ],
)
def test_walk_counts_flags_before_onset_as_false_alarms(
    onset: int | None, flagged_at: tuple[int, ...], false_alarm: bool, delay: int | None
) -> None:
    result = Walk("kind", onset, flagged_at, ())
    assert result.false_alarm is false_alarm
    assert result.delay == delay


def test_simulate_reports_false_alarm_rate_over_healthy_engagements_only() -> None:
    missed = steady_sessions(3) + [(Status.NO_SHOW, None)] * 3
    engagements = [
        Engagement("healthy", fortnightly(*steady_sessions(6)), None),
        Engagement("healthy", fortnightly(*missed), None),  # looks bad: a mistaken flag
        Engagement("withdrawing", fortnightly(*missed), 3),
    ]
    report = simulate(engagements)
    assert report.engagements == 3
    assert report.false_alarm_rate == pytest.approx(0.5)
    withdrawing = next(k for k in report.kinds if k.kind == "withdrawing")
    assert withdrawing.detected == 1
    assert report.to_dict()["kinds"][0]["kind"] == "healthy"
