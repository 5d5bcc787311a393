"""The routes by which compliance, withdrawal and a check-in drop are caught, each tried at its
edges with a fixed clock."""

from __future__ import annotations

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
    warning_signs,
)

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
COMPLIANCE = "compliance-without-engagement"


def ago(days: float) -> datetime:
    return NOW - timedelta(days=days)


def held(days: float, **signals: float | int | bool | None) -> SessionRecord:
    return SessionRecord(
        when=ago(days), signals=SessionSignals(**signals) if signals else None, ref=f"s{days}"
    )


def going_along(days: float, *, insight: float = 0.0, reporting: float = 0.3) -> SessionRecord:
    """A session whose aim the coach proposed, with the given reflection and reporting."""
    return held(days, client_proposed_goals=False, insight_rate=insight, reporting_rate=reporting)


def action_done(days: float, reflected: bool = False) -> Commitment:
    return Commitment(Party.CLIENT, "send the email", done_at=ago(days), reflected=reflected)


def signs(*sessions: SessionRecord, checkins: tuple[CheckIn, ...] = (), commitments=()) -> dict:
    history = History(
        started=ago(200),
        cadence_days=14,
        sessions=sessions,
        checkins=checkins,
        commitments=tuple(commitments),
    )
    return {sign.rule: sign for sign in warning_signs(history, now=NOW)}


def earlier(count: int) -> list[SessionRecord]:
    return [held(120 - 14 * i) for i in range(count)]


# ---- compliance read from the sessions ------------------------------------------------------


@pytest.mark.parametrize(("sessions_before", "fires"), [(1, False), (2, True)])
def test_compliance_from_sessions_waits_for_the_deepening_phase(
    sessions_before: int, fires: bool
) -> None:
    found = signs(
        *earlier(sessions_before), going_along(20), going_along(6), commitments=[action_done(10)]
    )
    assert (COMPLIANCE in found) is fires


def test_two_sessions_with_the_coachs_aim_and_no_reflection_name_both_and_the_action() -> None:
    found = signs(*earlier(2), going_along(20), going_along(6), commitments=[action_done(10)])
    sign = found[COMPLIANCE]
    assert sign.sentence == (
        "the coach proposed the aim of the last two sessions and the client reported "
        "rather than reflected"
    )
    assert [e.kind for e in sign.evidence] == ["commitment", "session", "session"]


def test_one_session_where_the_client_set_the_aim_keeps_compliance_quiet() -> None:
    client_aim = held(6, client_proposed_goals=True, insight_rate=0.0, reporting_rate=0.3)
    found = signs(*earlier(2), going_along(20), client_aim, commitments=[action_done(10)])
    assert COMPLIANCE not in found


@pytest.mark.parametrize(("insight", "fires"), [(0.10, True), (0.11, False)])
def test_reflecting_more_than_reporting_is_engagement_not_compliance(
    insight: float, fires: bool
) -> None:
    latest = going_along(6, insight=insight, reporting=0.10)
    found = signs(*earlier(2), going_along(20), latest, commitments=[action_done(10)])
    assert (COMPLIANCE in found) is fires


@pytest.mark.parametrize(
    ("done_days_ago", "fires"), [(45, True), (45 + 1 / 24, False), (None, False)]
)
def test_compliance_needs_an_action_completed_within_45_days(
    done_days_ago: float | None, fires: bool
) -> None:
    actions = [] if done_days_ago is None else [action_done(done_days_ago)]
    found = signs(*earlier(2), going_along(20), going_along(6), commitments=actions)
    assert (COMPLIANCE in found) is fires


def test_a_reflected_action_does_not_hide_what_the_sessions_show() -> None:
    found = signs(
        *earlier(2),
        going_along(20),
        going_along(6),
        commitments=[action_done(10, reflected=True)],
    )
    assert "the client reported rather than reflected" in found[COMPLIANCE].sentence
    assert "without talking about" not in found[COMPLIANCE].sentence


# ---- withdrawal in the session after a missed one -------------------------------------------


def words(*counts: float) -> list[SessionRecord]:
    """Sessions 70, 56, 42, 28 ... days ago and the latest 5 days ago, with these words per turn."""
    days = [70 - 14 * i for i in range(len(counts) - 1)] + [5]
    return [held(d, client_words_per_turn=w) for d, w in zip(days, counts, strict=True)]


def missed(days: float, status: Status = Status.NO_SHOW, late: bool = False) -> SessionRecord:
    return SessionRecord(when=ago(days), status=status, by=Party.CLIENT, late_notice=late)


QUIETER_AFTER = (40, 42, 38, 40, 27)  # the latest 32% below the usual 40; the last two only 16%


def test_a_quieter_session_alone_is_not_withdrawal() -> None:
    assert "withdrawal" not in signs(*words(*QUIETER_AFTER))


def test_a_no_show_and_a_clearly_quieter_session_after_it_are_withdrawal() -> None:
    sign = signs(*words(*QUIETER_AFTER), missed(12))["withdrawal"]
    assert sign.sentence == (
        "client's turns shorter: 40 words on average before, 27 lately "
        "in the session after one missed session"
    )
    assert [e.kind for e in sign.evidence] == ["session", "session"]


@pytest.mark.parametrize(
    ("absence", "fires"),
    [
        (missed(12, Status.CANCELLED, late=True), True),
        (missed(12, Status.CANCELLED, late=False), False),
        (missed(12, Status.RESCHEDULED), False),  # moving a session is what busy clients do
        (missed(30), True),
        (missed(30 + 1 / 24), False),
        (missed(2), False),  # after the quieter session, so not the session after it
    ],
    ids=["late-cancel", "cancel-with-notice", "reschedule", "30-days", "31-days", "after"],
)
def test_which_absences_count_with_a_quieter_session(absence: SessionRecord, fires: bool) -> None:
    assert ("withdrawal" in signs(*words(*QUIETER_AFTER), absence)) is fires


@pytest.mark.parametrize(("latest", "fires"), [(30.0, True), (30.5, False)])
def test_after_a_no_show_the_latest_session_must_fall_a_quarter(latest: float, fires: bool) -> None:
    assert ("withdrawal" in signs(*words(40, 42, 38, 40, latest), missed(12))) is fires


# ---- withdrawal over two sessions: a pattern, not one off day --------------------------------


def shares(*values: float) -> list[SessionRecord]:
    """Sessions 70, 56, 42 ... days ago and the latest 5 days ago, with these shares of words."""
    days = [70 - 14 * i for i in range(len(values) - 1)] + [5]
    return [held(d, client_share=v) for d, v in zip(days, values, strict=True)]


def test_one_very_quiet_session_beside_an_ordinary_one_is_an_off_day_not_withdrawal() -> None:
    # On average 14 points below the usual 70%, but the latest session is back at the usual.
    assert "withdrawal" not in signs(*shares(0.70, 0.70, 0.70, 0.42, 0.70))


def test_two_sessions_each_quieter_than_usual_are_withdrawal() -> None:
    sign = signs(*shares(0.70, 0.70, 0.70, 0.62, 0.52))["withdrawal"]
    assert sign.sentence == "client's share of talk down from 70% to 57% over the last 2 sessions"


@pytest.mark.parametrize(("latest_fall", "fires"), [(0.062, True), (0.058, False)])
def test_each_of_the_two_sessions_must_fall_at_least_half_the_drop(
    latest_fall: float, fires: bool
) -> None:
    # Together 13 points below the usual 70% either way; only the quieter-or-not latest decides.
    first, latest = 0.70 - (0.26 - latest_fall), 0.70 - latest_fall
    assert ("withdrawal" in signs(*shares(0.70, 0.70, 0.70, first, latest))) is fires


def test_shorter_turns_in_only_one_of_the_two_sessions_are_not_withdrawal() -> None:
    # 40 words usually; 20 then 40 is 25% fewer on average, all of it in one session.
    assert "withdrawal" not in signs(*words(40, 40, 40, 20, 40))
    assert "withdrawal" in signs(*words(40, 40, 40, 28, 32))


# ---- check-in drop against the client's usual ------------------------------------------------


def checkins(*totals: int) -> tuple[CheckIn, ...]:
    """Check-ins 40, 26, 12 ... days ago with these totals spread over the four items."""
    items = ("heard_respected", "worked_on_wanted", "approach_fits", "overall")
    found = []
    for i, total in enumerate(totals):
        base, extra = divmod(total, 4)
        scores = {item: base + (k < extra) for k, item in enumerate(items)}
        found.append(CheckIn(when=ago(40 - 14 * i), scores=scores))
    return tuple(found)


@pytest.mark.parametrize(
    ("totals", "fires"),
    [
        ((36, 31), True),  # two check-ins: the one before is the usual
        ((35, 35, 30), True),
        ((35, 36, 31), False),  # one unusually high answer, then an ordinary one
        ((34, 35, 36, 31), False),  # the median of the three before is 35
        ((36, 36, 35, 31), False),  # down 4 from the one before
    ],
)
def test_a_checkin_drop_is_a_fall_from_the_last_answer_and_from_the_usual(
    totals: tuple[int, ...], fires: bool
) -> None:
    assert ("checkin-drop" in signs(held(1), checkins=checkins(*totals))) is fires
