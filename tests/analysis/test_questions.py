"""The questions analyser: each coach question found, open or closed, and stacked questions."""

from __future__ import annotations

import pytest

from attunement.analysis.analysers.questions import is_question, question_form
from attunement.analysis.pipeline import analyse


def questions(conversation):
    return analyse(conversation, only=["questions"]).results["questions"]


@pytest.mark.parametrize(
    "sentence",
    [
        "What would you like from today?",
        "So what do you want to do about it",
        "Tell me more about the new job.",
        "I'm wondering what that was like for you.",
        "Could you walk me through a normal morning",
        "You felt let down?",
    ],
)
def test_a_sentence_counts_as_a_question_with_or_without_its_question_mark(sentence) -> None:
    assert is_question(sentence)


@pytest.mark.parametrize(
    "sentence",
    ["What I mean is that it was late.", "You went to the meeting.", "Okay, right."],
)
def test_a_plain_statement_is_not_a_question(sentence) -> None:
    assert not is_question(sentence)


@pytest.mark.parametrize(
    ("sentence", "form"),
    [
        ("What matters most to you about this?", "open"),
        ("How did that feel?", "open"),
        ("Can you tell me a little about your family?", "open"),
        ("Can you-can you tell me about it?", "open"),
        ("Tell me about the last time it happened.", "open"),
        ("I wonder what would change if you said no.", "open"),
        ("In what way is it different now?", "open"),
        ("Would you mind telling me how it started?", "open"),
        ("He left early, and-and how did you feel?", "open"),
        ("Did you speak to her?", "closed"),
        ("Is it the money or the time?", "closed"),
        ("How many nights a week do you drink?", "closed"),
        ("When did you move?", "closed"),
        ("You felt let down?", "closed"),
        ("I wonder if you'd be willing to try it.", "closed"),
    ],
)
def test_question_form_tells_open_invitations_from_closed_checks(sentence, form) -> None:
    assert question_form(sentence) == form


def test_two_questions_before_the_client_answers_are_stacked(make_conversation) -> None:
    conversation = make_conversation(
        [
            ("client", "Work has been hard."),
            ("coach", "What's been hardest? Is it the hours?"),
            ("client", "The hours, mostly."),
        ]
    )
    labels = questions(conversation).turn_labels[1]
    assert labels["stacked"] is True
    assert [q["form"] for q in labels["questions"]] == ["open", "closed"]


def test_a_stacked_turn_that_narrows_to_a_closed_question_is_marked(make_conversation) -> None:
    conversation = make_conversation(
        [("coach", "How do you feel about it? Are you angry?"), ("client", "A bit.")]
    )
    markers = questions(conversation).markers
    assert [m.kind for m in markers] == ["stacked_questions"]
    assert markers[0].notable


def test_client_questions_are_not_counted_as_coach_questions(make_conversation) -> None:
    conversation = make_conversation(
        [("client", "Do you think I should go?"), ("coach", "You're unsure about going.")]
    )
    result = questions(conversation)
    assert result.turn_labels == {}
    assert result.metrics["count"] == 0


def test_three_coach_turns_of_closed_questions_in_a_row_are_marked(make_conversation) -> None:
    rows = []
    for question in ("Did you go?", "Was it busy?", "Did you stay long?"):
        rows += [("coach", question), ("client", "Yes.")]
    markers = questions(make_conversation(rows)).markers
    assert [m.kind for m in markers] == ["closed_question_run"]
    assert markers[0].turns == (0, 2, 4)
