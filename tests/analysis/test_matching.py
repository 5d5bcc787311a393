"""The matching analyser: echo, language-style matching, pace and formality."""

from __future__ import annotations

import pytest

from attunement.analysis.analysers.matching import (
    _who_uses_more,
    formality,
    formality_note,
    style_matching,
)
from attunement.analysis.pipeline import analyse
from attunement.analysis.text import words


def matching(conversation):
    return analyse(conversation, only=["matching"]).results["matching"]


def test_the_coach_reusing_the_clients_own_words_is_an_echo(make_conversation) -> None:
    conversation = make_conversation(
        [
            ("client", "The whole project feels like quicksand lately."),
            ("coach", "Quicksand: tell me about that."),
        ]
    )
    result = matching(conversation)
    assert result.turn_labels[1]["echo"] == ["quicksand"]
    assert result.metrics["echo"]["echo_share"] == 1.0


def test_everyday_words_the_client_happened_to_use_are_not_an_echo(make_conversation) -> None:
    conversation = make_conversation(
        [
            ("client", "First thing, nothing happened with the promotion this week."),
            ("coach", "What happened first, this week? Anything about the promotion?"),
        ]
    )
    # "first", "happened", "week" and "anything" say nothing of the client's own language.
    assert matching(conversation).turn_labels[1]["echo"] == ["promotion"]


@pytest.mark.parametrize("image", ["as if it never happened", "like nothing happened at all"])
def test_a_figure_of_speech_made_of_everyday_words_is_not_taken_for_an_image(
    make_conversation, image
) -> None:
    conversation = make_conversation(
        [("client", f"They carried on {image}."), ("coach", "And how was that for you?")]
    )
    kinds = [m.kind for m in matching(conversation).markers]
    assert "metaphor_not_taken_up" not in kinds


def test_words_the_coach_said_first_are_not_counted_as_echo(make_conversation) -> None:
    conversation = make_conversation(
        [
            ("coach", "How is the project going?"),
            ("client", "The project is slow."),
            ("coach", "Slow, and the project?"),
        ]
    )
    assert matching(conversation).turn_labels[2]["echo"] == ["slow"]


def test_a_clients_image_taken_up_by_the_coach_is_a_notable_marker(make_conversation) -> None:
    conversation = make_conversation(
        [
            ("client", "Honestly it feels like a treadmill I can't step off."),
            ("coach", "What would stepping off the treadmill look like?"),
        ]
    )
    markers = [m for m in matching(conversation).markers if m.kind == "metaphor_echoed"]
    assert markers and markers[0].notable


def test_an_image_taken_up_points_at_the_coach_turn_and_names_the_clients(
    make_conversation,
) -> None:
    conversation = make_conversation(
        [
            ("client", "Honestly it feels like a treadmill I can't step off."),
            ("coach", "Mm."),
            ("client", "Every week the same."),
            ("coach", "What would stepping off the treadmill look like?"),
        ]
    )
    [marker] = [m for m in matching(conversation).markers if m.kind == "metaphor_echoed"]
    assert marker.turns == (3,)
    assert "in turn 1" in marker.note


@pytest.mark.parametrize(
    ("coach_words", "client_words", "expected"),
    [
        (
            5,
            15,
            "The client's turns are much longer than the coach's (15 words per turn against 5).",
        ),
        (
            15,
            5,
            "The coach's turns are much longer than the client's (15 words per turn against 5).",
        ),
    ],
)
def test_a_pace_gap_names_the_longer_side_and_gives_its_figure_first(
    make_conversation, coach_words, client_words, expected
) -> None:
    conversation = make_conversation(
        [("coach", "word " * coach_words), ("client", "word " * client_words)]
    )
    notes = [m.note for m in matching(conversation).markers if m.kind == "pace_gap"]
    assert notes == [expected]


def test_style_matching_is_one_when_both_speak_in_the_same_style() -> None:
    text = list(words("I think that we can do it and you will see")) * 10
    found = style_matching(text, text)
    assert found is not None and found["score"] == pytest.approx(1.0, abs=0.01)


def test_style_matching_drops_when_the_speakers_use_different_function_words() -> None:
    # Categories neither speaker uses count as matched (formula: 1 - 0 / 0.0001), so the score
    # stays above zero; the categories they use differently score zero.
    coach = list(words("the plan of the team")) * 20
    found = style_matching(coach, list(words("I don't know, I can't")) * 20)
    assert found is not None and found["score"] < 0.6
    assert found["categories"]["articles"] == 0.0


def test_low_style_matching_says_who_uses_more_of_what_and_quotes_nothing(
    make_conversation,
) -> None:
    coach = "Let's look at the plan for the team and the order of the tasks in the week."
    client = "I don't know, I can't, it isn't mine and I never said I would."
    conversation = make_conversation([("coach", coach), ("client", client)] * 6)
    (marker,) = [m for m in matching(conversation).markers if m.kind == "low_style_matching"]
    assert "the client uses more personal pronouns" in marker.note
    assert "the coach more" in marker.note and "articles" in marker.note
    assert marker.evidence == ()


@pytest.mark.parametrize(
    ("more", "said"),
    [
        (
            {"articles": "coach", "negations": "coach", "quantifiers": "coach"},
            "the coach uses more articles, negations and quantifiers",
        ),
        (
            {"articles": "coach", "negations": "client", "quantifiers": "coach"},
            "the client uses more negations, the coach more articles and quantifiers",
        ),
    ],
)
def test_the_categories_each_side_uses_more_read_as_a_list(more, said) -> None:
    assert _who_uses_more(["articles", "negations", "quantifiers"], more) == said


def test_style_matching_needs_enough_words_from_both_sides() -> None:
    assert style_matching(["i"] * 10, ["you"] * 100) is None


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("Therefore, regarding the objectives, we shall proceed.", 1),
        ("Yeah, gonna be cool, kinda.", -1),
    ],
)
def test_formality_is_positive_for_formal_words_and_negative_for_casual_ones(text, sign) -> None:
    score = formality(list(words(text)))
    assert score is not None and score * sign > 0


def test_pace_reports_words_per_turn_and_per_minute_when_timed(make_conversation) -> None:
    conversation = make_conversation(
        [("coach", "One two three four.", 0.0, 2.0), ("client", "One two.", 2.0, 3.0)]
    )
    pace = matching(conversation).metrics["pace"]
    assert pace["coach"] == {"words_per_turn": 4.0, "words_per_minute": 120.0}
    assert pace["client"] == {"words_per_turn": 2.0, "words_per_minute": 120.0}


@pytest.mark.parametrize(
    "client_text",
    [
        "It's a relief to hear it named.",
        "Sometimes this feels like a waste of time.",
        "Selling it feels like admitting he's not coming back.",
    ],
)
def test_plain_statements_with_like_or_its_a_are_not_offered_as_images(
    make_conversation, client_text
) -> None:
    conversation = make_conversation([("client", client_text), ("coach", "Go on.")])
    kinds = [m.kind for m in matching(conversation).markers]
    assert "metaphor_not_taken_up" not in kinds and "metaphor_echoed" not in kinds


def test_an_image_is_quoted_to_the_end_of_its_clause(make_conversation) -> None:
    conversation = make_conversation(
        [
            ("client", "It's been sitting with me all week, like a stone in my shoe."),
            ("coach", "Mm."),
        ]
    )
    [marker] = [m for m in matching(conversation).markers if m.kind == "metaphor_not_taken_up"]
    assert marker.evidence == ("like a stone in my shoe",)


@pytest.mark.parametrize(
    ("coach", "client", "way"),
    [
        (-3.0, -9.0, "less casual"),
        (4.0, -2.0, "more formal"),
        (-8.0, -2.0, "more casual"),
        (1.0, 6.0, "less formal"),
    ],
)
def test_a_formality_gap_between_two_casual_speakers_does_not_call_one_formal(
    coach, client, way
) -> None:
    assert f"noticeably {way} than" in formality_note(coach, client)
