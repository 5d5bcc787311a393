"""The listening analyser: each coach turn at level 1, 2 or 3 with its reason."""

from __future__ import annotations

import pytest

from attunement.analysis.pipeline import analyse


def listening(conversation):
    return analyse(conversation, only=["listening"]).results["listening"]


def level_of(
    make_conversation, coach_text: str, client_text: str = "My manager keeps moving my deadlines."
) -> int:
    conversation = make_conversation([("client", client_text), ("coach", coach_text)])
    return listening(conversation).turn_labels[1]["level"]


@pytest.mark.parametrize(
    "coach_text",
    [
        "When I was a manager I had the same thing happen to me.",
        "You should just tell him it's not acceptable.",
        "If I were you I'd look for another job.",
        "Let's move on to the next item on my list.",
    ],
)
def test_the_coachs_own_story_advice_or_agenda_is_level_one(make_conversation, coach_text) -> None:
    assert level_of(make_conversation, coach_text) == 1


@pytest.mark.parametrize(
    "coach_text",
    [
        "So your manager keeps moving the deadlines.",
        "Tell me more about that.",
        "What happened the last time the deadlines moved?",
        "Mm-hmm.",
        # "Your voice" here means being heard, not how the client sounds right now.
        "Tell me more about your voice in the leadership meetings.",
    ],
)
def test_reflecting_and_following_the_clients_words_is_level_two(
    make_conversation, coach_text
) -> None:
    assert level_of(make_conversation, coach_text) == 2


@pytest.mark.parametrize(
    "coach_text",
    [
        "You sound exhausted as you say that.",
        "I notice this is the third time deadlines have come up: there seems to be a pattern.",
        "What aren't you saying about him?",
        "Something shifted for you just now.",
        "Your voice dropped when you mentioned your father.",
    ],
)
def test_naming_emotion_patterns_the_unsaid_or_a_shift_is_level_three(
    make_conversation, coach_text
) -> None:
    assert level_of(make_conversation, coach_text) == 3


def test_every_coach_turn_gets_a_level_and_a_reason(make_conversation) -> None:
    conversation = make_conversation(
        [("coach", "Hello, how are you?"), ("client", "Tired."), ("coach", "You seem drained.")]
    )
    labels = listening(conversation).turn_labels
    assert set(labels) == {0, 2}
    assert all(label["reason"] for label in labels.values())


def test_distribution_and_course_over_thirds_are_reported(make_conversation) -> None:
    rows = [("client", "Work is hard."), ("coach", "You should quit.")] * 2
    rows += [("client", "I feel stuck."), ("coach", "You sound stuck and tired.")] * 2
    metrics = listening(make_conversation(rows)).metrics
    assert metrics["levels"] == {"1": 2, "2": 0, "3": 2}
    assert len(metrics["course"]) == 3
    assert metrics["course"][0]["1"] == 1.0 and metrics["course"][2]["3"] == 1.0


def test_a_run_of_level_one_turns_is_a_notable_marker(make_conversation) -> None:
    rows = [("client", "I don't know what to do."), ("coach", "You should try a planner.")] * 3
    markers = [m for m in listening(make_conversation(rows)).markers if m.kind == "level1_stretch"]
    assert markers and markers[0].turns == (1, 3, 5) and markers[0].notable


LONG_CLIENT_TURN = (
    "I think that went really well and I feel much clearer now about what I want to do with "
    "the team next month."
)


@pytest.mark.parametrize(
    "coach_text",
    [
        "Take care. Bye.",
        "Thanks so much for today, really appreciated it.",
        "Hi Maya, good to see you again, how have things been?",
        "Great, see you in two weeks then, same time?",
        "How was today's session for you?",
    ],
)
def test_greetings_thanks_goodbyes_and_asking_about_the_session_are_not_topic_switches(
    make_conversation, coach_text
) -> None:
    conversation = make_conversation([("client", LONG_CLIENT_TURN), ("coach", coach_text)])
    result = listening(conversation)
    assert "topic_switch" not in [m.kind for m in result.markers]
    assert result.turn_labels.get(1, {}).get("level") in (None, 2)


def test_asking_how_the_session_went_counts_as_asking_the_clients_view(make_conversation) -> None:
    conversation = make_conversation(
        [("client", LONG_CLIENT_TURN), ("coach", "How was today's session for you?")]
    )
    assert listening(conversation).turn_labels[1]["reason"].startswith("asks how the session")


def test_a_thank_you_that_opens_a_new_subject_is_still_a_topic_switch(make_conversation) -> None:
    conversation = make_conversation(
        [
            ("client", LONG_CLIENT_TURN),
            ("coach", "Thanks, and where does the quarterly budget stand at the moment?"),
        ]
    )
    assert "topic_switch" in [m.kind for m in listening(conversation).markers]
