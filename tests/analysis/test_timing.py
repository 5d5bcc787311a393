"""The timing analyser: interruptions from overlapping times and pauses after coach questions."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from attunement.analysis.model import Layer
from attunement.analysis.pipeline import analyse


def timing(conversation):
    return analyse(conversation, only=["timing"]).results["timing"]


def test_a_transcript_without_times_says_no_timing_and_finds_nothing(make_conversation) -> None:
    result = timing(make_conversation([("coach", "How are you?"), ("client", "Fine.")]))
    assert result.metrics == {"mode": "no timing"}
    assert result.markers == ()


def test_the_coach_starting_before_the_client_finishes_is_an_interruption(
    make_conversation,
) -> None:
    conversation = make_conversation(
        [
            ("coach", "Tell me about the team.", 0.0, 2.0),
            ("client", "They are kind but I never know where I stand with them", 3.0, 9.0),
            ("coach", "So you need clarity.", 7.5, 9.5),
        ]
    )
    result = timing(conversation)
    (marker,) = result.markers
    assert marker.kind == "coach_interrupts"
    assert marker.turns == (1, 2)
    assert marker.layer == Layer.LISTENING_INQUIRY and marker.notable
    assert marker.evidence == ("… I never know where I stand with them", "So you need clarity.")
    assert result.metrics["interruptions"] == {"coach": 1, "client": 0, "other": 0}


def test_the_client_cutting_in_is_counted_under_rapport(make_conversation) -> None:
    conversation = make_conversation(
        [("coach", "I wonder whether the plan", 0.0, 4.0), ("client", "No, it isn't.", 3.0, 5.0)]
    )
    (marker,) = timing(conversation).markers
    assert marker.kind == "client_interrupts"
    assert marker.layer == Layer.RAPPORT and not marker.notable


@pytest.mark.parametrize(
    ("client_start", "interrupted"),
    [(1.9, False), (1.75, False), (1.7, True), (0.5, True)],
)
def test_overlaps_shorter_than_cue_rounding_are_ignored(
    make_conversation, client_start: float, interrupted: bool
) -> None:
    conversation = make_conversation(
        [("coach", "Right, so.", 0.0, 2.0), ("client", "Yes.", client_start, 3.0)]
    )
    counts = timing(conversation).metrics["interruptions"]
    assert counts["client"] == int(interrupted)


def test_a_long_silence_before_the_client_answers_a_question_is_notable(
    make_conversation,
) -> None:
    conversation = make_conversation(
        [
            ("coach", "That sounds heavy. What would you want instead?", 0.0, 4.0),
            ("client", "I have never asked myself that.", 11.0, 14.0),
        ]
    )
    result = timing(conversation)
    (marker,) = result.markers
    assert marker.kind == "long_pause_after_question"
    assert marker.turns == (0, 1)
    assert marker.evidence == ("What would you want instead?",)
    assert marker.notable and "7.0 s" in marker.note
    pauses = result.metrics["pauses_after_questions"]
    assert pauses == {"count": 1, "median": 7.0, "max": 7.0, "long": 1, "quick": 0}


def test_a_quick_reply_is_counted_but_not_marked(make_conversation) -> None:
    conversation = make_conversation(
        [("coach", "Did you send it?", 0.0, 1.0), ("client", "Yes.", 1.2, 1.6)]
    )
    result = timing(conversation)
    assert result.markers == ()
    assert result.metrics["pauses_after_questions"]["quick"] == 1


def test_silence_after_a_statement_is_not_a_pause_after_a_question(make_conversation) -> None:
    conversation = make_conversation(
        [("coach", "That took courage.", 0.0, 2.0), ("client", "It did.", 10.0, 11.0)]
    )
    result = timing(conversation)
    assert result.metrics["pauses_after_questions"]["count"] == 0
    assert result.markers == ()


_TIMED_ROW = st.tuples(
    st.sampled_from(["coach", "client"]),
    st.sampled_from(["What now?", "Yes.", "Tell me more. Is it hard?", "I see."]),
    st.floats(0, 100),
    st.floats(0, 10),
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=st.lists(_TIMED_ROW, max_size=30))
def test_any_timed_conversation_gives_markers_pointing_at_real_turns(
    make_conversation, rows
) -> None:
    opening = [("coach", "Hi?", 0.0, 1.0), ("client", "Hi.", 1.0, 2.0)]
    rows = opening + [(r, t, s, s + d) for r, t, s, d in rows]
    conversation = make_conversation(rows)
    result = timing(conversation)
    for marker in result.markers:
        assert all(0 <= i < len(rows) for i in marker.turns)
        assert marker.note and marker.evidence
    pauses = result.metrics.get("pauses_after_questions")
    if pauses and pauses["count"]:
        assert 0 <= pauses["median"] <= pauses["max"]
