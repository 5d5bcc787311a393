"""The moves analyser: each coach turn's moves and main move, its markers and its metrics."""

from __future__ import annotations

import pytest

from attunement.analysis.analysers._moves_rules import classify_turn, content_words
from attunement.analysis.analysers.moves import MOVES
from attunement.analysis.pipeline import analyse
from attunement.analysis.text import turn_text, words


def moves(conversation):
    return analyse(conversation, only=["moves"]).results["moves"]


def main_move(coach: str, client: str = "") -> str:
    return classify_turn(turn_text(coach), content_words(words(client))).main


@pytest.mark.parametrize(
    ("coach", "client", "move"),
    [
        ("What would you like to work on today?", "", "question"),
        ("Mm-hmm.", "", "facilitation"),
        ("Okay, right.", "", "facilitation"),
        ("It sounds like the evenings are the hardest part.", "Evenings are tough.", "reflection"),
        ("So the late shifts wear you down.", "The late shifts are killing me.", "reflection"),
        ("Let me sum up what we've covered so far.", "", "summary"),
        ("That took a lot of courage.", "", "affirmation"),
        ("I'd suggest writing it down each night.", "", "advice"),
        ("Research shows that sleep affects mood.", "", "information"),
        ("When I was your age I went through the same thing.", "", "self_disclosure"),
        ("Would it be okay if I shared an idea?", "", "permission"),
        ("Maybe you could ask your sister to help?", "", "advice"),
        ("That must have been frightening.", "", "reflection"),
        ("We have about ten minutes left.", "", "structuring"),
        ("How is this session going for you so far?", "", "feedback_invite"),
        ("What makes you so sure they would say no?", "", "challenge"),
        ("That was a really irresponsible thing to do.", "", "judging"),
    ],
)
def test_a_coach_turn_gets_the_main_move_its_words_show(coach, client, move) -> None:
    assert main_move(coach, client) == move


def test_a_long_suggestion_with_a_short_question_tagged_on_is_advice() -> None:
    turn = (
        "You might try leaving the phone downstairs and reading for twenty minutes before "
        "you sleep, and keep the same time every night. How does that sound?"
    )
    assert main_move(turn) == "advice"


def test_a_reflection_and_a_question_in_one_turn_lead_with_the_question() -> None:
    call = classify_turn(turn_text("You're tired of it. What would help?"), set())
    assert call.main == "question"
    assert call.moves == ("reflection", "question")


@pytest.mark.parametrize(
    ("coach", "client", "depth"),
    [
        ("You're worried it will all fall apart.", "I can't keep up.", "complex"),
        ("The late shifts.", "The late shifts are hard.", "simple"),
    ],
)
def test_a_reflection_is_simple_when_it_restates_and_complex_when_it_adds(
    coach, client, depth
) -> None:
    assert classify_turn(turn_text(coach), content_words(words(client))).reflection == depth


def test_every_coach_turn_gets_a_known_main_move(make_conversation) -> None:
    conversation = make_conversation(
        [
            ("coach", "Hi, good to see you."),
            ("client", "Thanks, it's been a long week."),
            ("coach", "A long week."),
            ("client", "Yes, the kids were ill."),
            ("coach", "How are they now?"),
        ]
    )
    labels = moves(conversation).turn_labels
    assert sorted(labels) == [0, 2, 4]
    assert all(row["main"] in MOVES and row["main"] in row["moves"] for row in labels.values())
    assert labels[2]["main"] == "reflection"
    assert labels[4]["main"] == "question"


def test_three_turns_of_advice_in_a_row_are_marked(make_conversation) -> None:
    rows = []
    for advice in (
        "You should go to bed earlier.",
        "I'd suggest cutting out coffee after lunch.",
        "You could try a short walk in the evening.",
    ):
        rows += [("coach", advice), ("client", "Maybe.")]
    result = moves(make_conversation(rows))
    assert [m.kind for m in result.markers] == ["offer_run"]
    assert result.markers[0].turns == (0, 2, 4)
    assert result.metrics["advice_without_permission"] == 3


def test_a_judging_turn_is_a_notable_safety_marker(make_conversation) -> None:
    conversation = make_conversation(
        [("client", "I drove home after the party."), ("coach", "What were you thinking?")]
    )
    result = moves(conversation)
    kinds = [(m.kind, m.notable, str(m.layer)) for m in result.markers]
    assert kinds == [("judging", True, "safety_trust")]


def test_a_complex_reflection_after_a_long_client_turn_is_noted(make_conversation) -> None:
    long_turn = (
        "I keep saying yes to everything at work and then I get home and there is nothing "
        "left for the kids, and I lie awake going over all of it, and I just feel like I am "
        "failing everyone at once."
    )
    conversation = make_conversation(
        [("client", long_turn), ("coach", "You feel stretched so thin that nobody gets you.")]
    )
    markers = moves(conversation).markers
    assert [m.kind for m in markers] == ["complex_reflection"]
    assert markers[0].notable


def test_metrics_count_main_moves_and_reflections_per_question(make_conversation) -> None:
    conversation = make_conversation(
        [
            ("coach", "What brings you here?"),
            ("client", "My sleep is terrible."),
            ("coach", "Your sleep has been terrible."),
        ]
    )
    metrics = moves(conversation).metrics
    assert metrics["main"] == {"question": 1, "reflection": 1}
    assert metrics["reflections_per_question"] == 1.0
