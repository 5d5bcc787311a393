"""The agreement analyser: contracting at the start of the session and the close."""

from __future__ import annotations

from attunement.analysis.pipeline import analyse


def agreement(conversation):
    return analyse(conversation, only=["agreement"]).results["agreement"]


CONTRACTED = [
    ("coach", "What would you like to focus on today?"),
    ("client", "I want to work out how to say no to extra projects."),
    ("coach", "How will you know this session was useful?"),
    ("client", "If I leave with one sentence I can actually use."),
    ("coach", "Why is this important right now?"),
    ("client", "Because I'm working every weekend and my family notices."),
    ("coach", "Where shall we start?"),
    ("client", "With the request from my director last week."),
]
FILLER = [("coach", "Go on."), ("client", "There was a meeting and it ran late again.")] * 4
CLOSE = [
    ("coach", "What are you taking away from today?"),
    ("client", "That saying no is allowed."),
    ("coach", "What will you do next, and by when?"),
    ("client", "I'll talk to my director on Monday."),
    ("coach", "How will you keep yourself accountable?"),
    ("client", "I'll tell my partner and report back next session."),
]


def test_each_opening_element_counts_as_agreed_when_asked_and_answered(make_conversation) -> None:
    metrics = agreement(make_conversation(CONTRACTED + FILLER + CLOSE)).metrics
    assert {k: v["agreed"] for k, v in metrics["opening"].items()} == {
        "aim": True,
        "measure": True,
        "importance": True,
        "address": True,
    }
    assert metrics["aim_proposed_by"] == "client"


def test_a_close_with_learning_actions_and_accountability_is_recognised(make_conversation) -> None:
    metrics = agreement(make_conversation(CONTRACTED + FILLER + CLOSE)).metrics
    assert metrics["closing_present"] == 3
    assert metrics["closing"]["next_actions"]["turns"]


def test_a_session_without_contracting_or_close_says_what_is_missing(make_conversation) -> None:
    result = agreement(make_conversation(FILLER * 3))
    assert result.metrics["opening_agreed"] == 0 and result.metrics["closing_present"] == 0
    kinds = {m.kind for m in result.markers}
    assert {"contracting_open", "close_open"} <= kinds


def test_the_coach_setting_the_aim_is_told_apart_from_the_client_setting_it(
    make_conversation,
) -> None:
    rows = [("coach", "Today we'll work on your delegation plan."), ("client", "Okay."), *FILLER]
    result = agreement(make_conversation(rows))
    assert result.metrics["aim_proposed_by"] == "coach"
    assert any(m.kind == "coach_set_aim" for m in result.markers)


def test_a_client_naming_the_goal_unprompted_counts_as_the_client_proposing(
    make_conversation,
) -> None:
    rows = [("coach", "Hello again."), ("client", "I'd like to talk about my sleep."), *FILLER]
    metrics = agreement(make_conversation(rows)).metrics
    assert metrics["aim_proposed_by"] == "client"
    assert metrics["opening"]["aim"]["raised_by"] == "client"


def test_agreeing_to_where_to_start_agrees_what_to_address(make_conversation) -> None:
    rows = [
        ("coach", "So a format you can try on Monday. Shall we start there?"),
        ("client", "Yes, let's."),
        *FILLER,
    ]
    assert agreement(make_conversation(rows)).metrics["opening"]["address"]["agreed"]


def test_checking_commitment_and_obstacles_at_the_close_counts_as_follow_through(
    make_conversation,
) -> None:
    close = [
        ("coach", "Where are you on a scale of one to ten, that it'll happen?"),
        ("client", "Eight."),
        ("coach", "What might get in the way?"),
        ("client", "Friday afternoons. I'll do it in the morning instead."),
    ]
    closing = agreement(make_conversation(FILLER * 3 + close)).metrics["closing"]
    assert closing["accountability"]["present"]


def test_a_client_arranging_their_own_follow_through_counts_at_the_close(
    make_conversation,
) -> None:
    close = [("coach", "And then?"), ("client", "Maybe I'll tell Mei, so I can't back out.")]
    closing = agreement(make_conversation(FILLER * 3 + close)).metrics["closing"]
    assert closing["accountability"]["present"]


def test_what_happened_this_week_is_not_a_next_action(make_conversation) -> None:
    close = [("coach", "Go on."), ("client", "Right, so this week I froze when the CEO asked me.")]
    closing = agreement(make_conversation(FILLER * 3 + close)).metrics["closing"]
    assert not closing["next_actions"]["present"]
