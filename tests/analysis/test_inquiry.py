"""The inquiry analyser: each coach question's family, and leading and "why" questions."""

from __future__ import annotations

import pytest

from attunement.analysis.analysers.inquiry import is_leading, is_why, question_type
from attunement.analysis.pipeline import analyse


def inquiry(conversation):
    return analyse(conversation, only=["inquiry"]).results["inquiry"]


@pytest.mark.parametrize(
    ("question", "form", "family"),
    [
        ("What do you notice as you say that?", "open", "exploration"),
        ("What makes you so certain she'd refuse?", "open", "assumption_challenging"),
        ("How might your brother see this?", "open", "assumption_challenging"),
        ("What would a good year look like for you?", "open", "future_focused"),
        ("How will you know it has worked?", "open", "future_focused"),
        ("When have you got through something like this before?", "open", "resource_accessing"),
        ("Who could back you up on this?", "open", "resource_accessing"),
        ("Did you take the train?", "closed", "other"),
    ],
)
def test_each_question_is_placed_in_one_inquiry_family(question, form, family) -> None:
    assert question_type(question, form) == family


@pytest.mark.parametrize(
    ("question", "leading"),
    [
        ("Don't you think it's time to tell him?", True),
        ("Wouldn't it be better to wait?", True),
        ("You'd agree that it's a risk, right?", True),
        ("Is that right?", False),
        ("What do you think about waiting?", False),
    ],
)
def test_leading_questions_are_those_that_carry_their_own_answer(question, leading) -> None:
    assert is_leading(question) is leading


@pytest.mark.parametrize(
    ("question", "why"),
    [
        ("Why did you say yes?", True),
        ("So, why is that important?", True),
        ("Why don't you try it this week?", False),
        ("What made you say yes?", False),
    ],
)
def test_why_questions_ask_for_reasons_not_suggestions(question, why) -> None:
    assert is_why(question) is why


def test_inquiry_labels_every_question_of_a_coach_turn(make_conversation) -> None:
    conversation = make_conversation(
        [
            ("client", "I keep putting it off."),
            ("coach", "Why do you think that is? What would it be like to have it done?"),
        ]
    )
    result = inquiry(conversation)
    found = result.turn_labels[1]["questions"]
    assert [(q["type"], q["why"]) for q in found] == [
        ("exploration", True),
        ("future_focused", False),
    ]
    assert result.metrics["why"] == 1
    assert [m.kind for m in result.markers] == ["why_question"]


def test_a_leading_question_is_a_notable_marker(make_conversation) -> None:
    conversation = make_conversation(
        [("client", "I might stay."), ("coach", "Wouldn't it be better to leave?")]
    )
    markers = inquiry(conversation).markers
    assert [(m.kind, m.notable, m.turns) for m in markers] == [("leading_question", True, (1,))]


def test_many_questions_with_none_looking_ahead_are_noted(make_conversation) -> None:
    rows = [("coach", "What happened next?"), ("client", "We argued.")] * 10
    markers = inquiry(make_conversation(rows)).markers
    assert "no_future_questions" in [m.kind for m in markers]


@pytest.mark.parametrize(
    ("question", "form"),
    [
        ("How would you know this session had been useful?", "open"),
        ("What would a meeting look like that you designed yourself?", "open"),
        ("On a scale of one to ten, how likely is it that you'll send it on Friday?", "closed"),
        ("What might get in the way?", "open"),
        ("Would you like to report back next session on how Monday went?", "closed"),
    ],
)
def test_questions_about_success_commitment_and_obstacles_look_ahead(question, form) -> None:
    assert question_type(question, form) == "future_focused"
