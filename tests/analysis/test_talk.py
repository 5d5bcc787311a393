"""The talk analyser: who spoke how much, turn lengths, monologues and balance over time."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from attunement.analysis.analysers.talk import (
    LONG_MONOLOGUE_WORDS,
    MIN_MONOLOGUE_WORDS,
    share_range,
    window_bounds,
)
from attunement.analysis.model import Layer
from attunement.analysis.pipeline import analyse


def talk(conversation):
    return analyse(conversation, only=["talk"]).results["talk"]


def _words(n: int, word: str = "word") -> str:
    return " ".join([word] * n)


def test_share_of_words_counts_each_roles_words(make_conversation) -> None:
    conversation = make_conversation(
        [("coach", "What happened?"), ("client", "My manager moved the deadline again.")]
    )
    metrics = talk(conversation).metrics
    assert metrics["share_words"] == {"coach": 0.25, "client": 0.75, "other": 0.0}


def test_share_of_time_is_none_when_the_transcript_has_no_times(make_conversation) -> None:
    conversation = make_conversation([("coach", "Hello there."), ("client", "Hi.")])
    assert talk(conversation).metrics["share_time"] is None


def test_share_of_time_adds_up_each_roles_speaking_time(make_conversation) -> None:
    conversation = make_conversation(
        [
            ("coach", "Where shall we start?", 0.0, 2.0),
            ("client", "With the move, I think.", 3.0, 9.0),
            ("coach", "The move.", 10.0, 12.0),
        ]
    )
    assert talk(conversation).metrics["share_time"] == {"coach": 0.4, "client": 0.6, "other": 0.0}


def test_role_statistics_give_turns_and_mean_and_median_turn_length(make_conversation) -> None:
    conversation = make_conversation(
        [
            ("coach", _words(2)),
            ("client", _words(10)),
            ("coach", _words(4)),
            ("client", _words(3)),
            ("coach", _words(9)),
        ]
    )
    coach = talk(conversation).metrics["roles"]["coach"]
    assert coach == {"turns": 3, "words": 15, "mean_turn_words": 5.0, "median_turn_words": 4}


def test_longest_monologue_points_at_the_coachs_longest_turn(make_conversation) -> None:
    long_turn = "Let me explain how the model works. " + _words(LONG_MONOLOGUE_WORDS)
    conversation = make_conversation(
        [("coach", "How was the week?"), ("client", "Busy."), ("coach", long_turn)]
    )
    result = talk(conversation)
    (marker,) = [m for m in result.markers if m.kind == "longest_monologue"]
    assert marker.turns == (2,)
    assert marker.evidence[0].startswith("Let me explain how the model works.")
    assert marker.notable
    assert result.metrics["longest_coach_turn"] == {"turn": 2, "words": LONG_MONOLOGUE_WORDS + 7}


def test_a_middling_longest_turn_is_shown_but_not_flagged_as_notable(make_conversation) -> None:
    middling = "Let me explain. " + _words(MIN_MONOLOGUE_WORDS)
    conversation = make_conversation([("coach", middling), ("client", "Work.")])
    (marker,) = [m for m in talk(conversation).markers if m.kind == "longest_monologue"]
    assert not marker.notable


def test_a_short_longest_turn_gets_no_finding(make_conversation) -> None:
    conversation = make_conversation([("coach", "What brings you here?"), ("client", "Work.")])
    assert [m for m in talk(conversation).markers if m.kind == "longest_monologue"] == []


@pytest.mark.parametrize(
    ("turns", "expected"),
    [
        (0, []),
        (3, [(0, 0), (1, 1), (2, 2)]),
        (20, [(k, k + 1) for k in range(0, 20, 2)]),
        (25, None),
    ],
)
def test_windows_cover_every_turn_once_in_order(turns: int, expected) -> None:
    bounds = window_bounds(turns)
    if expected is not None:
        assert bounds == expected
    covered = [i for start, end in bounds for i in range(start, end + 1)]
    assert covered == list(range(turns))
    assert len(bounds) == min(10, turns)


def _balanced_then_coach_heavy():
    rows = []
    for _ in range(5):
        rows += [("coach", "What do you notice about that?"), ("client", _words(12, "thing"))]
    for _ in range(5):
        rows += [("coach", _words(45, "advice")), ("client", "Okay.")]
    return rows


def test_windows_show_the_balance_moving_over_the_session(make_conversation) -> None:
    windows = talk(make_conversation(_balanced_then_coach_heavy())).metrics["windows"]
    assert len(windows) == 10
    assert windows[0]["coach"] < 0.5 < windows[-1]["coach"]
    assert set(windows[0]) >= {"start_turn", "end_turn", "coach", "client"}


def test_a_stretch_where_the_coach_says_most_words_is_a_notable_marker(make_conversation) -> None:
    markers = talk(make_conversation(_balanced_then_coach_heavy())).markers
    (stretch,) = [m for m in markers if m.kind == "coach_dominates_stretch"]
    assert stretch.notable and stretch.layer == Layer.LISTENING_INQUIRY
    assert min(stretch.turns) >= 10
    assert stretch.evidence[0].startswith("advice advice")


def test_a_balanced_session_has_no_dominance_markers(make_conversation) -> None:
    rows = [("coach", "And what else matters here?"), ("client", "My family and my health.")] * 10
    kinds = {m.kind for m in talk(make_conversation(rows)).markers}
    assert not kinds & {"coach_dominates_stretch", "coach_talks_most", "client_carries_stretch"}


def test_the_client_carrying_a_stretch_is_an_openness_marker(make_conversation) -> None:
    rows = [("coach", "Mm."), ("client", _words(40, "story"))] * 10
    markers = [m for m in talk(make_conversation(rows)).markers]
    carried = [m for m in markers if m.kind == "client_carries_stretch"]
    assert carried and all(m.layer == Layer.OPENNESS for m in carried)


def test_a_coach_saying_most_words_overall_gets_a_session_marker(make_conversation) -> None:
    rows = [("coach", _words(20, "idea")), ("client", "Right.")] * 3
    (marker,) = [m for m in talk(make_conversation(rows)).markers if m.kind == "coach_talks_most"]
    assert "95%" in marker.note
    assert marker.turns == (0, 2, 4)


_ROW = st.tuples(
    st.sampled_from(["coach", "client", "other"]),
    st.text(alphabet=st.sampled_from("ab ?.\n"), max_size=30),
)


# The factory fixture is a plain stateless function, so sharing it across examples is safe.
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=st.lists(_ROW, max_size=40))
def test_any_conversation_gives_shares_that_add_up_and_windows_that_cover_it(
    make_conversation, rows
) -> None:
    metrics = talk(make_conversation(rows)).metrics
    if metrics["share_words"] is not None:
        assert sum(metrics["share_words"].values()) == pytest.approx(1.0, abs=0.01)
    covered = [i for w in metrics["windows"] for i in range(w["start_turn"], w["end_turn"] + 1)]
    assert covered == list(range(len(rows)))


@pytest.mark.parametrize(
    ("shares", "said"),
    [([0.84], "84%"), ([0.72, 0.84, 0.79], "at least 72% (up to 84%)")],
)
def test_a_stretch_gives_the_coachs_share_as_a_range_not_only_its_peak(shares, said) -> None:
    assert share_range(shares) == said
