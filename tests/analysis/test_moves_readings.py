"""Readings of the moves analyser that a coach-supervisor review asked for: verdicts on the
client, the answer handed over as advice, feelings named by their weight, asking leave before
an idea, and the main move of turns that reflect, tell or thank."""

from __future__ import annotations

import pytest

from attunement.analysis.analysers._moves_rules import classify_turn, content_words
from attunement.analysis.analysers._support_reading import names_feeling, read_nuance
from attunement.analysis.pipeline import analyse
from attunement.analysis.text import turn_text, words


def reading(coach: str, client: str = ""):
    return classify_turn(turn_text(coach), content_words(words(client)))


def nuance(coach: str):
    call = reading(coach)
    return read_nuance(turn_text(coach).sentences, call.reflected)


def moves(conversation):
    return analyse(conversation, only=["moves"]).results["moves"]


@pytest.mark.parametrize(
    "coach",
    [
        "You're overcomplicating this, just send the email.",
        "You're way too soft with your team, honestly.",
        "Honestly, I see a person who won't face it.",
        "You ought to have told him months ago.",
        "That's because you're leaving it far too late.",
        "What I notice is someone who keeps making excuses.",
    ],
)
def test_a_verdict_on_how_the_client_goes_about_things_is_judging(coach) -> None:
    assert reading(coach).main == "judging"


@pytest.mark.parametrize(
    "coach",
    [
        "You're being far too hard on yourself.",
        "You should have been told sooner.",
        "You're someone who won't give up.",
        "You should have a word with her.",
    ],
)
def test_concern_praise_and_plain_advice_are_not_judging(coach) -> None:
    assert "judging" not in reading(coach).moves


def test_a_judging_sentence_inside_a_question_turn_is_still_marked(make_conversation) -> None:
    coach = "You're making this far too complicated. What is the smallest step?"
    result = moves(make_conversation([("client", "I can't decide."), ("coach", coach)]))
    [marker] = [m for m in result.markers if m.kind == "judging"]
    assert (marker.turns, marker.evidence, marker.notable) == (
        (1,),
        ("You're making this far too complicated.",),
        True,
    )


@pytest.mark.parametrize(
    "coach",
    [
        "The key here is usually to ask early.",
        "What you need is a clear weekly plan.",
        "What works best is a short list on paper.",
        "Everyone is busy. You need to accept that some things will slip.",
    ],
)
def test_handing_the_client_the_answer_is_advice_not_a_reflection(coach) -> None:
    assert reading(coach).main == "advice"


@pytest.mark.parametrize(
    "sentence",
    [
        "That's a lot to hold on your own.",
        "It has clearly taken so much out of you.",
        "It sounds draining to be on call every night.",
        "The waiting weighs on you.",
    ],
)
def test_the_weight_of_a_feeling_counts_as_naming_it(sentence) -> None:
    assert names_feeling([sentence])


def test_a_session_whose_reflection_names_the_weight_of_a_feeling_is_not_marked(
    make_conversation,
) -> None:
    pairs = [
        ("My boss moved the deadline again.", "So the deadline keeps moving."),
        ("My sister is staying all week.", "Your sister is with you all week."),
        ("The car broke down on Monday.", "It sounds like the car is off the road."),
        ("I walk to the station now.", "So you walk to the station every morning."),
        ("And I still do the school run.", "That's a lot to carry on your own."),
    ]
    rows = [row for client, coach in pairs for row in (("client", client), ("coach", coach))]
    result = moves(make_conversation(rows))
    assert result.metrics["reflection_focus"] == {"feeling": 1, "content": 4}
    assert "feelings_not_reflected" not in [m.kind for m in result.markers]


def test_a_feeling_said_of_the_situation_opens_a_reflection_about_a_feeling() -> None:
    coach = "It sounds draining to be on call every night."
    assert (reading(coach).main, nuance(coach).focus) == ("reflection", "feeling")


def test_a_flat_denial_of_the_clients_fear_is_reassurance_before_hearing_it(
    make_conversation,
) -> None:
    client = "I'm scared he'll think I'm useless."
    coach = "He won't. Trust me, I've seen this many times."
    result = moves(make_conversation([("client", client), ("coach", coach)]))
    [marker] = [m for m in result.markers if m.kind == "reassured_before_heard"]
    assert marker.evidence == (client, "He won't.")


@pytest.mark.parametrize(
    ("coach", "checks"),
    [
        ("How tense does it feel right now?", False),
        ("Why is it so hard to say no?", False),
        ("So he moved out in June. Is that so?", True),
        ("So the team is new. Does that sound right?", True),
    ],
)
def test_a_question_about_the_clients_experience_is_not_a_check(coach, checks) -> None:
    assert nuance(coach).checks is checks


@pytest.mark.parametrize(
    "coach",
    [
        "Would it be useful if I offered a thought?",
        "Do you want a few ideas?",
        "Would you be open to some suggestions?",
    ],
)
def test_asking_whether_an_idea_is_welcome_is_permission(coach) -> None:
    assert reading(coach).main == "permission"


@pytest.mark.parametrize(
    ("coach", "main"),
    [
        (
            "So you want fewer late nights and more time with Sam. Shall we begin with that?",
            "reflection",
        ),
        ("Book a slot with her this week.", "advice"),
        ("So bring it up at the next meeting.", "advice"),
        ("Pick one evening and keep it free.", "advice"),
    ],
)
def test_the_main_move_follows_what_the_turn_does(coach, main) -> None:
    assert reading(coach).main == main


@pytest.mark.parametrize(
    "coach",
    [
        "So the garden means far more than plants to you.",
        "Something in that message stung more than the rest.",
    ],
)
def test_a_meaning_or_a_guess_at_what_lies_underneath_is_a_complex_reflection(coach) -> None:
    call = reading(coach, "The message from my brother was short.")
    assert (call.main, call.reflection) == ("reflection", "complex")


@pytest.mark.parametrize(
    ("coach", "main", "support"),
    [
        ("That's a lot to have held since school.", "reflection", ("empathy",)),
        ("Thank you for trusting me with something so personal.", "affirmation", ("strength",)),
    ],
)
def test_feeling_with_the_client_and_thanking_them_for_their_trust_are_support(
    coach, main, support
) -> None:
    assert (reading(coach).main, nuance(coach).support) == (main, support)
