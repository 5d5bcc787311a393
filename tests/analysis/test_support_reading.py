"""The finer distinctions of a coach turn: reflection focus, checking, kinds of affirmation,
suggestion hints and the coach's own life. They sit beside the moves and never change them."""

from __future__ import annotations

import pytest

from attunement.analysis.analysers._cue_index import CueIndex
from attunement.analysis.analysers._moves_rules import classify_turn, opens_as_reflection
from attunement.analysis.analysers._support_reading import read_nuance, reflection_focus
from attunement.analysis.pipeline import analyse
from attunement.analysis.text import turn_text


def nuance(coach: str, reflected: tuple[str, ...] = ()):
    return read_nuance(turn_text(coach).sentences, reflected)


@pytest.mark.parametrize(
    ("reflected", "focus"),
    [
        (("So you feel let down by her.",), "feeling"),
        (("It sounds like you're exhausted by it all.",), "feeling"),
        (("So the move is next week.",), "content"),
        ((), None),
    ],
)
def test_a_reflection_is_about_a_feeling_when_it_names_one(reflected, focus) -> None:
    assert reflection_focus(reflected) == focus


@pytest.mark.parametrize(
    ("sentence", "opens"),
    [
        ("It sounds like the move is next week.", True),
        ("So you're starting over in a new town.", True),
        ("Okay, so what I'm hearing is that the rent went up.", True),
        ("The move is next week for you.", False),
    ],
)
def test_a_signposted_reflection_opens_as_one(sentence, opens) -> None:
    assert opens_as_reflection(sentence) is opens


@pytest.mark.parametrize(
    ("coach", "checks"),
    [
        ("It sounds like money is tight. Is that right?", True),
        ("Correct me if I'm wrong, but the job ends in May.", True),
        ("Just to make sure I follow, your sister moved out?", True),
        ("So the job ends in May, right?", True),
        ("What would be right for you?", False),
        ("So you want the promotion. Does that sound right?", True),
        ("Is this something you want to work on?", False),
    ],
)
def test_checking_understanding_is_noticed(coach, checks) -> None:
    assert nuance(coach).checks is checks


@pytest.mark.parametrize(
    ("coach", "kinds"),
    [
        ("I'm so sorry to hear about your dog.", ("empathy",)),
        ("That must have been awful.", ("empathy",)),
        ("You'll get through this.", ("reassurance",)),
        ("It's not your fault. Lots of people feel this way.", ("reassurance",)),
        ("That took courage, and you've already made a big step.", ("strength",)),
        ("Take care and good luck with the interview.", ("wishes",)),
        ("I'm sorry it's been so hard. You are stronger than you think.", ("empathy", "strength")),
        ("Tell me more about the interview.", ()),
    ],
)
def test_the_kinds_of_affirmation_are_found_anywhere_in_the_turn(coach, kinds) -> None:
    assert nuance(coach).support == kinds


@pytest.mark.parametrize(
    ("coach", "suggests"),
    [
        ("You may need to give it a few weeks.", True),
        ("Writing it down might help you sleep.", True),
        ("If he calls again, tell him how you feel.", True),
        ("There are free online courses for that.", True),
        ("You went to the shop on Monday.", False),
    ],
)
def test_softer_suggestion_language_is_a_hint(coach, suggests) -> None:
    assert nuance(coach).suggests is suggests


@pytest.mark.parametrize(
    ("coach", "own_life"),
    [
        ("I live on my own, so evenings are quiet for me too.", True),
        ("When my sister lost her job, she felt the same.", True),
        ("Walking every morning helped me a lot.", True),
        ("I think that makes sense.", False),
        ("I'm sorry that happened.", False),
        ("I can imagine how tiring that is.", False),
        ("I am so proud of you for trying.", False),
        ("I do understand why you waited.", False),
    ],
)
def test_the_coach_speaking_of_their_own_life_is_noticed(coach, own_life) -> None:
    assert nuance(coach).own_life is own_life


def test_every_finds_each_kind_of_cue_not_only_the_earliest() -> None:
    index = CueIndex.build({"first": ["good (luck|night)"], "second": ["take care"]})
    assert index.every("good luck and take care") == {"first", "second"}
    assert index.earliest("good luck and take care") == "first"


def test_the_finer_distinctions_leave_the_main_move_as_it_was() -> None:
    turn = "I'm so sorry. You'll get through this. What happened next?"
    assert classify_turn(turn_text(turn), set()).main == "question"
    assert nuance(turn).support == ("empathy", "reassurance")


def test_the_moves_labels_carry_the_finer_distinctions(make_conversation) -> None:
    conversation = make_conversation(
        [
            ("client", "My cat died last week and I can't stop crying."),
            ("coach", "It sounds like you're heartbroken. Is that right?"),
        ]
    )
    labels = analyse(conversation, only=["moves"]).results["moves"].turn_labels[1]
    assert labels["main"] == "reflection"
    assert labels["reflection_focus"] == "feeling"
    assert labels["reflection_signposted"] is True
    assert labels["checks_understanding"] is True
    assert labels["support"] == []
    assert labels["suggestion_hint"] is False
    assert labels["speaks_of_self"] is False
