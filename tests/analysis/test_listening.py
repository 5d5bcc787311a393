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


@pytest.mark.parametrize(
    "coach_text",
    [
        "Here's what I think is going on. You're scared of conflict, and it's costing you.",
        "I'll tell you what I think. You already know the answer and you're scared of it.",
        "What I see is someone who knows the answer and won't act on it.",
    ],
)
def test_a_verdict_about_the_client_framed_as_the_coachs_view_is_level_one(
    make_conversation, coach_text
) -> None:
    assert level_of(make_conversation, coach_text, client_text="I don't know.") == 1


def test_giving_back_a_feeling_the_client_just_named_is_a_reflection_not_level_three(
    make_conversation,
) -> None:
    conversation = make_conversation(
        [
            ("client", "I felt really angry afterwards, if I'm honest."),
            ("coach", "Go on."),
            ("client", "It happened once before, in my old job."),
            ("coach", "So you felt angry."),
        ]
    )
    assert listening(conversation).turn_labels[3]["level"] == 2


def test_naming_a_feeling_the_client_has_not_named_is_still_level_three(make_conversation) -> None:
    text = "You sound exhausted by all of it."
    assert level_of(make_conversation, text, client_text="I stayed late again on Friday.") == 3


@pytest.mark.parametrize(
    "coach_text",
    [
        "Right. I want to spend today on the situation with your manager.",
        "I see. Let's get through the list first, there's a lot on it.",
    ],
)
def test_an_encourager_that_opens_the_coachs_own_agenda_does_not_keep_the_client_talking(
    make_conversation, coach_text
) -> None:
    conversation = make_conversation([("client", "Fine, I suppose."), ("coach", coach_text)])
    assert listening(conversation).turn_labels[1]["reason"] != "keeps the client talking"


def test_asking_what_else_is_going_on_follows_the_client_at_level_two(make_conversation) -> None:
    assert level_of(make_conversation, "What else is going on around this?") == 2


@pytest.mark.parametrize(
    "coach_text",
    [
        "Which of them are you drawn to, if you had to pick?",
        "What feels important about what you just said?",
        "Yes, let's. What's coming up for you right now?",
        "Of course. What did they say to you afterwards?",
        "What feels most important to look at in our time today?",
        "Before we finish, how did our way of working feel today?",
    ],
)
def test_a_question_that_points_back_at_the_client_or_their_request_is_not_a_topic_switch(
    make_conversation, coach_text
) -> None:
    conversation = make_conversation([("client", LONG_CLIENT_TURN), ("coach", coach_text)])
    assert "topic_switch" not in [m.kind for m in listening(conversation).markers]


def test_reassurance_with_no_link_to_the_clients_words_is_not_a_topic_switch(
    make_conversation,
) -> None:
    conversation = make_conversation(
        [
            ("client", "I'm worried she'll think I can't cope."),
            ("coach", "She won't. Managers respect people who flag problems early."),
        ]
    )
    assert "topic_switch" not in [m.kind for m in listening(conversation).markers]


def test_a_run_of_advice_without_cue_phrases_quotes_the_coachs_words_not_a_move_name(
    make_conversation,
) -> None:
    rows = [
        ("client", "I don't know."),
        ("coach", "Write down three priorities and ignore everything else."),
        ("client", "Okay."),
        ("coach", "Stop treating every request as urgent."),
        ("client", "Right."),
        ("coach", "Block an hour on Friday and clear the decks."),
    ]
    result = analyse(make_conversation(rows), only=["moves", "listening"]).results["listening"]
    stretch = next(m for m in result.markers if m.kind == "level1_stretch")
    assert "advice" not in stretch.evidence
    assert "Stop treating every request as urgent." in stretch.evidence


@pytest.mark.parametrize(
    "coach_text",
    [
        "You're grieving someone who is still alive, and that's a lonely place to be.",
        "Being the one who holds things together has been part of who you are for years.",
    ],
)
def test_naming_the_weight_of_it_or_who_the_client_is_is_level_three(
    make_conversation, coach_text
) -> None:
    client = "I think I'm grieving him already, and he's still here."
    assert level_of(make_conversation, coach_text, client_text=client) == 3
