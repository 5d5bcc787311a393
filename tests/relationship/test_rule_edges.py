"""Every warning-sign rule tried on both sides of its threshold, with a fixed clock.

The edges are built from the constants in ``rules.py``, so a tuned threshold moves its test with
it; a new rule without an entry in ``EDGES`` fails ``test_every_rule_has_edge_cases_here``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest

from attunement.relationship import (
    CheckIn,
    Commitment,
    History,
    Party,
    SessionRecord,
    SessionSignals,
    Status,
    score,
    warning_signs,
)
from attunement.relationship import rules as r
from attunement.relationship import trends as t
from attunement.relationship.history import CHECKIN_ITEMS

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
START = NOW - timedelta(days=400)
MINUTE = timedelta(minutes=1)
EPS = 0.005  # a hair either side of a fractional threshold


def ago(days: float) -> datetime:
    return NOW - timedelta(days=days)


def held(days: float, **signals: float | int | bool | None) -> SessionRecord:
    made = SessionSignals(**signals) if signals else None  # type: ignore[arg-type]
    return SessionRecord(when=ago(days), signals=made, ref=f"s{days}")


def history(*sessions: SessionRecord, checkins=(), commitments=(), cadence=14) -> History:
    return History(START, cadence, tuple(sessions), tuple(checkins), tuple(commitments))


def fires(rule: str, h: History) -> bool:
    return rule in {sign.rule for sign in warning_signs(h, now=NOW)}


def scores_totalling(total: int) -> dict[str, int]:
    """Four item scores (each 0..10) adding up to ``total``, as even as they can be."""
    base, extra = divmod(total, len(CHECKIN_ITEMS))
    values = [base + (i < extra) for i in range(len(CHECKIN_ITEMS))]
    return dict(zip(CHECKIN_ITEMS, values, strict=True))


def checkin(days: float, total: int, *, predicted: int | None = None) -> CheckIn:
    guess = scores_totalling(predicted) if predicted is not None else None
    return CheckIn(ago(days), scores_totalling(total), guess, ref=f"c{days}")


# --- one history just past each threshold and one just short of it ----------------------------


def missed(absence_days: float) -> History:
    absences = (
        SessionRecord(ago(absence_days), Status.NO_SHOW, Party.CLIENT),
        SessionRecord(ago(3), Status.RESCHEDULED, Party.CLIENT),
    )
    return history(held(40), *absences, held(1))


def gap(days_since: timedelta) -> History:
    allowed = timedelta(days=14 * r.CADENCE_GAP_FACTOR)
    return History(START, 14, (SessionRecord(NOW - allowed - days_since),))


def share_fall(drop: float) -> History:
    usual = [held(50 - 10 * i, client_share=0.70) for i in range(3)]
    return history(*usual, held(20, client_share=0.70 - drop), held(10, client_share=0.70 - drop))


def open_talk(value: float) -> History:
    return history(held(20, openness=value), held(5, openness=value))  # initial phase


def resisting(second: int) -> History:
    return history(held(20, resistance=r.RESISTANCE_PER_SESSION), held(5, resistance=second))


def actions_done(older_days: timedelta) -> History:
    done = [
        Commitment(Party.CLIENT, "first action", done_at=NOW - older_days),
        Commitment(Party.CLIENT, "second action", done_at=ago(5)),
    ]
    return history(held(2), commitments=done)


def coach_share(coach_now: float) -> History:
    usual = [held(50 - 10 * i, client_share=0.50) for i in range(3)]
    return history(
        *usual, held(20, client_share=1 - coach_now), held(10, client_share=1 - coach_now)
    )


def latest_total(total: int) -> History:
    return history(held(2), checkins=(checkin(1, total),))


def fall_between(fall: int) -> History:
    earlier = [checkin(45 - 14 * i, 36) for i in range(3)]
    return history(held(2), checkins=(*earlier, checkin(1, 36 - fall)))


def perfect_run(last: int) -> History:
    run = [checkin(40 - 14 * i, 40) for i in range(r.PERFECT_RUN - 1)]
    return history(held(2), checkins=(*run, checkin(1, last)))


def promise_due(overdue_by: timedelta) -> History:
    due = NOW - timedelta(days=r.PROMISE_GRACE_DAYS) - overdue_by
    return history(held(1), commitments=[Commitment(Party.COACH, "send the article", due=due)])


def _floor(phase: r.Phase) -> float:
    floor = t.DEPTH_FLOOR[phase]
    assert floor is not None, f"the {phase} phase has no depth floor"
    return floor


def predicted_above(gap_points: int) -> History:
    return history(held(2), checkins=(checkin(1, 30, predicted=30 + gap_points),))


def sliding(fall: int, *, start: int = 36) -> History:
    """A run of check-ins losing ``fall`` points in even steps, none big enough for a drop."""
    steps = t.CHECKIN_TREND_RUN - 1
    totals = [start - round(fall * i / steps) for i in range(t.CHECKIN_TREND_RUN)]
    run = [checkin(60 - 14 * i, total) for i, total in enumerate(totals)]
    return history(held(2), checkins=run)


USUAL_DEPTH = 0.12  # the coach's usual share of level-3 turns with this client


def listening_depth(
    *lately: float, phase: r.Phase = r.Phase.DEEPENING, usual: float = USUAL_DEPTH
) -> History:
    """The coach's level-3 share in the last sessions (one value: the same in each of the last
    ``DEPTH_RUN``), after earlier sessions at ``usual``, reaching ``phase`` on the last one."""
    run = lately * t.DEPTH_RUN if len(lately) == 1 else lately
    held_in_phase = {r.Phase.INITIAL: 3, r.Phase.DEEPENING: 6, r.Phase.MATURE: 10}[phase]
    earlier = [held(200 - 14 * i, depth=usual) for i in range(held_in_phase - len(run))]
    recent = [held(14 * (len(run) - i), depth=depth) for i, depth in enumerate(run)]
    return history(*earlier, *recent)


def questions_rise(usual: float, lately: float) -> History:
    before = [held(50 - 10 * i, coach_questions_per_turn=usual) for i in range(3)]
    return history(*before, *(held(d, coach_questions_per_turn=lately) for d in (20, 10)))


EDGES: dict[str, tuple[Callable[[], History], Callable[[], History]]] = {
    "missed-sessions": (
        lambda: missed(r.MISSED_WINDOW_DAYS),
        lambda: missed(r.MISSED_WINDOW_DAYS + 1 / 1440),
    ),
    "cadence-gap": (lambda: gap(MINUTE), lambda: gap(timedelta(0))),
    "withdrawal": (lambda: share_fall(r.SHARE_DROP + EPS), lambda: share_fall(r.SHARE_DROP - EPS)),
    "surface-talk": (
        lambda: open_talk(r.OPENNESS_FLOOR[r.Phase.INITIAL] - EPS),
        lambda: open_talk(r.OPENNESS_FLOOR[r.Phase.INITIAL]),
    ),
    "reluctance": (
        lambda: resisting(r.RESISTANCE_PER_SESSION),
        lambda: resisting(r.RESISTANCE_PER_SESSION - 1),
    ),
    "compliance-without-engagement": (
        lambda: actions_done(timedelta(days=r.COMPLIANCE_WINDOW_DAYS)),
        lambda: actions_done(timedelta(days=r.COMPLIANCE_WINDOW_DAYS) + MINUTE),
    ),
    "coach-working-harder": (
        lambda: coach_share(r.COACH_SHARE_CEILING + EPS),
        lambda: coach_share(r.COACH_SHARE_CEILING - EPS),
    ),
    "low-checkin": (
        lambda: latest_total(r.LOW_CHECKIN_TOTAL - 1),
        lambda: latest_total(r.LOW_CHECKIN_TOTAL),
    ),
    "checkin-drop": (
        lambda: fall_between(r.CHECKIN_DROP),
        lambda: fall_between(r.CHECKIN_DROP - 1),
    ),
    "perfect-checkins": (lambda: perfect_run(40), lambda: perfect_run(39)),
    "coach-promises-overdue": (lambda: promise_due(MINUTE), lambda: promise_due(timedelta(0))),
    "prediction-gap": (
        lambda: predicted_above(r.PREDICTION_GAP),
        lambda: predicted_above(r.PREDICTION_GAP - 1),
    ),
    "checkin-decline": (
        lambda: sliding(t.CHECKIN_DECLINE),
        lambda: sliding(t.CHECKIN_DECLINE - 1),
    ),
    "shallow-listening": (
        lambda: listening_depth(_floor(r.Phase.DEEPENING) - EPS),
        lambda: listening_depth(_floor(r.Phase.DEEPENING)),
    ),
    "coach-question-load": (
        lambda: questions_rise(0.6, 0.6 * t.QUESTION_RISE + EPS),
        lambda: questions_rise(0.6, 0.6 * t.QUESTION_RISE - EPS),
    ),
}


@pytest.mark.parametrize("rule", [rule.id for rule in r.RULES])
def test_every_rule_has_edge_cases_here(rule: str) -> None:
    assert rule in EDGES, f"add the histories just past and just short of `{rule}` to EDGES"


@pytest.mark.parametrize("rule", sorted(EDGES))
def test_each_rule_fires_just_past_its_threshold(rule: str) -> None:
    just_past, _ = EDGES[rule]
    assert fires(rule, just_past())


@pytest.mark.parametrize("rule", sorted(EDGES))
def test_each_rule_stays_quiet_just_short_of_its_threshold(rule: str) -> None:
    _, just_short = EDGES[rule]
    assert not fires(rule, just_short())


# --- the second edge of rules that have two ----------------------------------------------------


@pytest.mark.parametrize(
    ("factor", "expected"), [(1 - r.WORDS_DROP - EPS, True), (1 - r.WORDS_DROP + EPS, False)]
)
def test_withdrawal_by_shorter_turns_starts_at_its_relative_fall(
    factor: float, expected: bool
) -> None:
    usual = [held(50 - 10 * i, client_words_per_turn=40.0) for i in range(3)]
    later = [held(d, client_words_per_turn=40.0 * factor) for d in (20, 10)]
    assert fires("withdrawal", history(*usual, *later)) is expected


@pytest.mark.parametrize("phase", list(r.Phase))
@pytest.mark.parametrize(("offset", "expected"), [(-EPS, True), (0.0, False)])
def test_surface_talk_uses_each_phases_own_floor(
    phase: r.Phase, offset: float, expected: bool
) -> None:
    held_before = {r.Phase.INITIAL: 0, r.Phase.DEEPENING: 4, r.Phase.MATURE: 9}[phase]
    earlier = [held(90 - i) for i in range(held_before)]
    value = r.OPENNESS_FLOOR[phase] + offset
    h = history(*earlier, held(20, openness=value), held(5, openness=value))
    assert fires("surface-talk", h) is expected


@pytest.mark.parametrize(("rise", "expected"), [(0.08 + EPS, True), (0.08 - EPS, False)])
def test_coach_working_harder_also_needs_eight_points_above_their_usual(
    rise: float, expected: bool
) -> None:
    usual_coach = r.COACH_SHARE_CEILING  # already at the ceiling: only the rise decides
    usual = [held(50 - 10 * i, client_share=1 - usual_coach) for i in range(3)]
    later = [held(d, client_share=1 - usual_coach - rise) for d in (20, 10)]
    assert fires("coach-working-harder", history(*usual, *later)) is expected


def coach_took_latest(coach_latest: float, *, coach_usual: float = 0.35) -> History:
    """Four ordinary sessions, then the latest with the coach at ``coach_latest``: the two-session
    average stays under its ceiling, so only the latest session can open the sign."""
    usual = [held(60 - 10 * i, client_share=1 - coach_usual) for i in range(4)]
    return history(*usual, held(5, client_share=1 - coach_latest))


@pytest.mark.parametrize(
    ("coach_latest", "expected"),
    [(r.COACH_SESSION_CEILING + EPS, True), (r.COACH_SESSION_CEILING - EPS, False)],
)
def test_one_session_the_coach_took_over_is_enough_to_say_the_coach_works_harder(
    coach_latest: float, expected: bool
) -> None:
    assert fires("coach-working-harder", coach_took_latest(coach_latest)) is expected


def test_one_session_the_coach_took_over_names_the_latest_session() -> None:
    h = coach_took_latest(0.80)
    sign = next(s for s in warning_signs(h, now=NOW) if s.rule == "coach-working-harder")
    assert (
        sign.sentence == "the coach spoke 80% of the words in the latest session against 35% before"
    )
    assert [e.ref for e in sign.evidence] == ["s5"]


def test_a_coach_who_always_speaks_this_much_with_this_client_is_not_told_they_took_over() -> None:
    assert not fires("coach-working-harder", coach_took_latest(0.80, coach_usual=0.76))


@pytest.mark.parametrize(
    ("lowest", "expected"), [(r.LOW_CHECKIN_ITEM, True), (r.LOW_CHECKIN_ITEM + 1, False)]
)
def test_one_low_item_opens_a_low_checkin_even_with_a_good_total(
    lowest: int, expected: bool
) -> None:
    scores = {item: 10 for item in CHECKIN_ITEMS} | {CHECKIN_ITEMS[-1]: lowest}
    h = history(held(2), checkins=(CheckIn(ago(1), scores),))
    assert fires("low-checkin", h) is expected


def test_every_check_in_item_has_words_for_the_reason_a_coach_reads() -> None:
    # A new item would otherwise show its identifier ("low on worked_on_wanted") in a reason.
    assert set(r.CHECKIN_ITEM_WORDS) == set(CHECKIN_ITEMS)


def test_a_promise_done_late_is_not_overdue() -> None:
    due = NOW - timedelta(days=r.PROMISE_GRACE_DAYS + 5)
    kept = Commitment(Party.COACH, "send the article", due=due, done_at=ago(1))
    assert not fires("coach-promises-overdue", history(held(1), commitments=[kept]))


# --- the slow movements: check-in trend, listening depth, question load ------------------------


def test_the_slow_slide_the_audit_found_now_opens_a_sign() -> None:
    run = [checkin(60 - 14 * i, total) for i, total in enumerate((38, 34, 31, 29))]
    signs = {sign.rule for sign in warning_signs(history(held(2), checkins=run), now=NOW)}
    assert "checkin-decline" in signs
    assert "checkin-drop" not in signs


def test_one_answer_back_up_breaks_the_slide() -> None:
    run = [checkin(60 - 14 * i, total) for i, total in enumerate((38, 33, 34, 29))]
    assert not fires("checkin-decline", history(held(2), checkins=run))


def test_a_slide_that_ends_in_a_drop_is_told_once_as_the_drop() -> None:
    run = [checkin(60 - 14 * i, total) for i, total in enumerate((37, 36, 35, 35 - r.CHECKIN_DROP))]
    signs = {sign.rule for sign in warning_signs(history(held(2), checkins=run), now=NOW)}
    assert "checkin-drop" in signs
    assert "checkin-decline" not in signs


@pytest.mark.parametrize("phase", [p for p in r.Phase if t.DEPTH_FLOOR[p] is not None])
@pytest.mark.parametrize(("offset", "expected"), [(-EPS, True), (0.0, False)])
def test_shallow_listening_uses_each_phases_own_floor(
    phase: r.Phase, offset: float, expected: bool
) -> None:
    lately = listening_depth(_floor(phase) + offset, phase=phase)
    assert fires("shallow-listening", lately) is expected


def test_the_initial_phase_is_allowed_listening_that_stays_at_the_surface() -> None:
    assert t.DEPTH_FLOOR[r.Phase.INITIAL] is None
    assert not fires("shallow-listening", listening_depth(0.0, phase=r.Phase.INITIAL))


@pytest.mark.parametrize(
    ("lately", "expected"),
    [(0.02 * t.DEPTH_FALL, True), (0.02 * t.DEPTH_FALL + EPS, False)],
)
def test_shallow_listening_needs_a_fall_to_half_the_coachs_usual_with_this_client(
    lately: float, expected: bool
) -> None:
    # Below the deepening floor either way: only the coach's own usual of 2% decides.
    assert lately < _floor(r.Phase.DEEPENING)
    assert fires("shallow-listening", listening_depth(lately, usual=0.02)) is expected


def test_a_coach_who_never_listened_at_level_three_here_is_not_told_it_fell() -> None:
    assert not fires("shallow-listening", listening_depth(0.0, usual=0.0))


def test_one_session_back_at_the_floor_breaks_the_run_of_surface_listening() -> None:
    floor = _floor(r.Phase.DEEPENING)
    assert not fires("shallow-listening", listening_depth(0.0, floor, 0.0))
    assert fires("shallow-listening", listening_depth(0.0, 0.0, 0.0))


def test_one_session_short_of_the_run_is_not_yet_surface_listening() -> None:
    short = [0.0] * (t.DEPTH_RUN - 1)
    assert not fires("shallow-listening", listening_depth(USUAL_DEPTH, *short))


@pytest.mark.parametrize(
    ("lately", "expected"),
    [(t.QUESTION_LOAD_FLOOR + EPS, True), (t.QUESTION_LOAD_FLOOR - EPS, False)],
)
def test_a_rising_question_load_must_also_reach_its_floor(lately: float, expected: bool) -> None:
    assert fires("coach-question-load", questions_rise(0.1, lately)) is expected


def test_a_rising_question_load_beside_a_rising_talk_share_is_one_sign() -> None:
    usual = [held(50 - 10 * i, client_share=0.5, coach_questions_per_turn=0.5) for i in range(3)]
    later = [held(d, client_share=0.3, coach_questions_per_turn=0.9) for d in (20, 10)]
    signs = {sign.rule: sign for sign in warning_signs(history(*usual, *later), now=NOW)}
    assert "coach-question-load" not in signs
    assert "questions a turn" in signs["coach-working-harder"].sentence


@pytest.mark.parametrize(
    ("rule", "words"),
    [
        ("checkin-decline", "out of 40"),
        ("shallow-listening", "at the surface"),
        ("coach-question-load", "questions a turn"),
    ],
)
def test_each_slow_movement_says_it_plainly_and_points_at_its_evidence(
    rule: str, words: str
) -> None:
    just_past, _ = EDGES[rule]
    sign = next(s for s in warning_signs(just_past(), now=NOW) if s.rule == rule)
    assert words in sign.sentence
    assert len(sign.evidence) >= 2 and all(e.ref and e.when for e in sign.evidence)


@pytest.mark.parametrize("rule", [rule.id for rule in r.RULES if rule.weight == 0])
def test_an_informational_sign_is_shown_among_the_reasons_without_lowering_the_health(
    rule: str,
) -> None:
    just_past, _ = EDGES[rule]
    health = score(just_past(), now=NOW)
    assert rule in {sign.rule for sign in health.reasons}
    assert health.value == 100 and health.band == "strong"
