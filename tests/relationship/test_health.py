"""Connection-health rules, each tried at its edges with a fixed clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from attunement.relationship import (
    CheckIn,
    Commitment,
    History,
    Party,
    Phase,
    SessionRecord,
    SessionSignals,
    Status,
    Trend,
    phase_for,
    score,
    warning_signs,
)

START = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)


def days_before_now(days: float) -> datetime:
    return NOW - timedelta(days=days)


def held(days_ago: float, **signals: float | int | bool) -> SessionRecord:
    return SessionRecord(
        when=days_before_now(days_ago),
        signals=SessionSignals(**signals) if signals else None,  # type: ignore[arg-type]
        ref=f"s{days_ago}",
    )


def absent(
    days_ago: float, status: Status, by: Party = Party.CLIENT, late: bool = False
) -> SessionRecord:
    return SessionRecord(when=days_before_now(days_ago), status=status, by=by, late_notice=late)


def checkin(days_ago: float, *scores: int, predicted: tuple[int, ...] | None = None) -> CheckIn:
    items = ("heard_respected", "worked_on_wanted", "approach_fits", "overall")
    return CheckIn(
        when=days_before_now(days_ago),
        scores=dict(zip(items, scores, strict=True)),
        predicted=dict(zip(items, predicted, strict=True)) if predicted else None,
    )


def history(
    *sessions: SessionRecord, checkins: tuple[CheckIn, ...] = (), commitments=(), cadence=14
) -> History:
    return History(
        started=START,
        cadence_days=cadence,
        sessions=sessions,
        checkins=checkins,
        commitments=tuple(commitments),
    )


def rule_ids(h: History) -> set[str]:
    return {sign.rule for sign in warning_signs(h, now=NOW)}


@pytest.mark.parametrize(
    ("held_count", "phase"),
    [
        (0, Phase.INITIAL),
        (3, Phase.INITIAL),
        (4, Phase.DEEPENING),
        (8, Phase.DEEPENING),
        (9, Phase.MATURE),
    ],
)
def test_phase_follows_sessions_held(held_count: int, phase: Phase) -> None:
    assert phase_for(held_count) == phase


def test_a_regular_engagement_with_good_checkins_is_strong_with_no_reasons() -> None:
    h = history(
        held(28), held(14), held(1), checkins=(checkin(13, 8, 8, 9, 8), checkin(0.5, 9, 8, 8, 9))
    )
    health = score(h, now=NOW)
    assert health.band == "strong"
    assert health.value == 100
    assert health.summary == "no warning signs"


def test_one_reschedule_by_a_busy_client_is_not_a_warning_sign() -> None:
    h = history(held(20), absent(10, Status.RESCHEDULED), held(6))
    assert "missed-sessions" not in rule_ids(h)


def test_two_reschedules_by_the_client_within_a_month_open_a_sign_with_both_as_evidence() -> None:
    h = history(held(29), absent(20, Status.RESCHEDULED), absent(5, Status.RESCHEDULED), held(3))
    sign = next(s for s in warning_signs(h, now=NOW) if s.rule == "missed-sessions")
    assert sign.sentence == "two reschedules by the client in the last month"
    assert len(sign.evidence) == 2


def test_absences_older_than_the_window_or_by_the_coach_do_not_count() -> None:
    h = history(
        absent(40, Status.NO_SHOW),
        absent(12, Status.RESCHEDULED, by=Party.COACH),
        absent(3, Status.NO_SHOW),
        held(1),
    )
    assert "missed-sessions" not in rule_ids(h)


def test_a_cancellation_with_notice_is_not_a_missed_session_but_a_late_one_is() -> None:
    with_notice = history(absent(10, Status.CANCELLED), absent(4, Status.NO_SHOW), held(1))
    late = history(absent(10, Status.CANCELLED, late=True), absent(4, Status.NO_SHOW), held(1))
    assert "missed-sessions" not in rule_ids(with_notice)
    assert "missed-sessions" in rule_ids(late)


@pytest.mark.parametrize(("days_since_last", "fires"), [(28, False), (29, True)])
def test_cadence_gap_opens_after_twice_the_agreed_rhythm(days_since_last: int, fires: bool) -> None:
    h = history(held(60), held(days_since_last), cadence=14)
    assert ("cadence-gap" in rule_ids(h)) is fires


def test_withdrawal_fires_when_the_clients_share_falls_twelve_points_below_their_usual() -> None:
    shares = [0.70, 0.68, 0.72, 0.55, 0.57]
    h = history(*(held(50 - 10 * i, client_share=s) for i, s in enumerate(shares)))
    sign = next(s for s in warning_signs(h, now=NOW) if s.rule == "withdrawal")
    assert "down from 70% to 56%" in sign.sentence
    assert [e.kind for e in sign.evidence] == ["session", "session"]


def test_withdrawal_stays_quiet_for_a_fall_just_under_the_threshold() -> None:
    shares = [0.70, 0.70, 0.70, 0.59, 0.59]
    h = history(*(held(50 - 10 * i, client_share=s) for i, s in enumerate(shares)))
    assert "withdrawal" not in rule_ids(h)


def test_withdrawal_needs_two_earlier_sessions_to_compare_with() -> None:
    h = history(held(30, client_share=0.7), held(20, client_share=0.3), held(10, client_share=0.3))
    assert "withdrawal" not in rule_ids(h)


def test_shorter_client_turns_alone_are_a_withdrawal_sign() -> None:
    words = [40, 42, 38, 25, 26]
    h = history(*(held(50 - 10 * i, client_words_per_turn=w) for i, w in enumerate(words)))
    assert "withdrawal" in rule_ids(h)


@pytest.mark.parametrize(
    ("sessions_before", "openness", "fires"),
    [(0, 0.12, False), (4, 0.12, True), (4, 0.25, False), (9, 0.25, True)],
)
def test_surface_talk_floor_rises_with_the_phase(
    sessions_before: int, openness: float, fires: bool
) -> None:
    earlier = [held(90 - i) for i in range(sessions_before)]
    h = history(*earlier, held(20, openness=openness), held(5, openness=openness))
    assert ("surface-talk" in rule_ids(h)) is fires


def test_reluctance_needs_three_resistance_signs_in_each_of_the_last_two_sessions() -> None:
    assert "reluctance" in rule_ids(history(held(20, resistance=3), held(5, resistance=4)))
    assert "reluctance" not in rule_ids(history(held(20, resistance=2), held(5, resistance=6)))


def test_completed_actions_without_reflection_read_as_compliance_without_engagement() -> None:
    done = [
        Commitment(Party.CLIENT, f"action {i}", due=days_before_now(d), done_at=days_before_now(d))
        for i, d in enumerate((20, 6))
    ]
    assert "compliance-without-engagement" in rule_ids(history(held(3), commitments=done))
    reflected = [
        done[0],
        Commitment(Party.CLIENT, "talked it through", done_at=days_before_now(4), reflected=True),
    ]
    assert "compliance-without-engagement" not in rule_ids(history(held(3), commitments=reflected))


def test_coach_working_harder_when_the_coach_takes_over_the_talk() -> None:
    shares = [0.65, 0.62, 0.66, 0.35, 0.38]
    h = history(
        *(
            held(50 - 10 * i, client_share=s, coach_questions_per_turn=q)
            for i, (s, q) in enumerate(zip(shares, (0.5, 0.5, 0.5, 1.2, 1.3), strict=True))
        )
    )
    sign = next(s for s in warning_signs(h, now=NOW) if s.rule == "coach-working-harder")
    assert "coach spoke 64% of the words lately against 35% before" in sign.sentence
    assert "questions a turn" in sign.sentence


@pytest.mark.parametrize(
    ("scores", "fires"),
    [((7, 7, 7, 7), False), ((7, 7, 7, 6), True), ((9, 9, 9, 4), True), ((9, 9, 9, 5), False)],
)
def test_low_checkin_below_28_or_any_item_at_four(scores: tuple[int, ...], fires: bool) -> None:
    assert ("low-checkin" in rule_ids(history(held(2), checkins=(checkin(1, *scores),)))) is fires


def test_a_drop_of_five_points_between_checkins_opens_a_sign_naming_both() -> None:
    h = history(held(2), checkins=(checkin(15, 9, 9, 9, 8), checkin(1, 8, 8, 8, 6)))
    sign = next(s for s in warning_signs(h, now=NOW) if s.rule == "checkin-drop")
    assert sign.sentence == "last check-in 30/40, down 5 from the one before"


def test_three_perfect_checkins_in_a_row_invite_candour() -> None:
    perfect = tuple(checkin(d, 10, 10, 10, 10) for d in (30, 16, 2))
    assert "perfect-checkins" in rule_ids(history(held(1), checkins=perfect))
    assert "perfect-checkins" not in rule_ids(history(held(1), checkins=perfect[1:]))


def test_a_coach_promise_overdue_beyond_the_grace_days_is_a_sign() -> None:
    overdue = Commitment(Party.COACH, "send the article", due=days_before_now(3))
    on_grace = Commitment(Party.COACH, "send the article", due=days_before_now(1))
    assert "coach-promises-overdue" in rule_ids(history(held(1), commitments=[overdue]))
    assert "coach-promises-overdue" not in rule_ids(history(held(1), commitments=[on_grace]))


def test_prediction_gap_shows_when_the_coach_expected_six_points_more() -> None:
    h = history(held(2), checkins=(checkin(1, 8, 8, 7, 7, predicted=(9, 9, 9, 9)),))
    assert "prediction-gap" in rule_ids(h)


def test_events_after_now_are_ignored() -> None:
    future = SessionRecord(when=NOW + timedelta(days=2), status=Status.NO_SHOW, by=Party.CLIENT)
    h = history(absent(3, Status.NO_SHOW), held(1), future)
    assert "missed-sessions" not in rule_ids(h)


def test_health_band_and_falling_trend_follow_the_open_signs() -> None:
    h = history(
        held(60),
        held(45),
        absent(20, Status.NO_SHOW),
        absent(10, Status.RESCHEDULED),
        held(2),
        checkins=(checkin(44, 9, 9, 9, 9), checkin(1, 6, 6, 6, 6)),
    )
    health = score(h, now=NOW)
    assert health.band in ("strained", "at_risk")
    assert health.trend == Trend.FALLING
    assert health.needs_attention
    assert (
        health.summary.split("; ")[0]
        == "one no-show and one reschedule by the client in the last month"
    )
