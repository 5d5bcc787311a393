"""The reminder for a concern the client raised in a relationship check-in, with fixed clocks."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from attunement.relationship.rules import (
    CONCERN_WAIT_DAYS,
    RULES,
    concern_not_discussed,
)

RAISED = datetime(2026, 3, 2, 18, 0, tzinfo=UTC)
WAIT = timedelta(days=CONCERN_WAIT_DAYS)


@pytest.mark.parametrize(
    ("after", "fires"),
    [(WAIT - timedelta(seconds=1), False), (WAIT, True), (WAIT + timedelta(days=5), True)],
)
def test_a_concern_waits_two_weeks_without_a_session(after, fires):
    sign = concern_not_discussed([(RAISED, "7")], [], RAISED + after)
    assert (sign is not None) is fires


@pytest.mark.parametrize(
    ("session_at", "fires"),
    [
        (RAISED - timedelta(hours=1), False),  # the session before it was written
        (RAISED, False),  # at the same moment: not a session since
        (RAISED + timedelta(days=3), True),  # a session since, and still not discussed
        (RAISED + timedelta(days=6), False),  # a session still to come
    ],
)
def test_a_session_held_since_the_concern_is_the_moment_it_should_have_been_taken_up(
    session_at, fires
):
    sign = concern_not_discussed([(RAISED, "7")], [session_at], RAISED + timedelta(days=5))
    assert (sign is not None) is fires


def test_the_sign_names_the_wait_and_links_the_checkin_as_evidence():
    sign = concern_not_discussed([(RAISED, "7")], [], RAISED + timedelta(days=15, hours=1))
    assert sign is not None and sign.rule == "concern-not-discussed"
    assert (
        sign.sentence
        == "the client asked to talk about something 15 days ago; not yet marked discussed"
    )
    assert [(e.kind, e.ref, e.when) for e in sign.evidence] == [("checkin", "7", RAISED)]


def test_several_waiting_concerns_are_counted_oldest_first():
    later = RAISED + timedelta(days=2)
    sign = concern_not_discussed([(later, "9"), (RAISED, "7")], [], RAISED + timedelta(days=30))
    assert sign is not None and sign.sentence.startswith("2 things the client asked")
    assert [e.ref for e in sign.evidence] == ["7", "9"]


def test_a_concern_written_after_now_is_not_known_yet():
    assert concern_not_discussed([(RAISED, "7")], [], RAISED - timedelta(days=1)) is None


def test_raising_a_concern_never_lowers_the_band():
    sign = concern_not_discussed([(RAISED, "7")], [], RAISED + WAIT)
    assert sign is not None and sign.weight == 0
    assert "concern-not-discussed" not in {rule.id for rule in RULES}
