"""The moves analyser: each coach turn's moves and main move, its markers and its metrics."""

from __future__ import annotations

import pytest

from attunement.analysis.analysers._moves_rules import (
    classify_turn,
    content_words,
    reflection_depth,
)
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
    # None of it was asked for either, which is its own (notable, from three) finding.
    assert [m.kind for m in result.markers] == ["offer_run", "advice_unasked"]
    assert [m.notable for m in result.markers] == [False, True]
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


@pytest.mark.parametrize(
    "coach",
    [
        "I went through a divorce myself a few years ago.",
        "I have been dealing with something similar at work.",
        "I can totally relate, my sister and I used to argue like that.",
        "What helped me was a walk before breakfast.",
        "I personally find mornings the hardest.",
        "I also have trouble sleeping when work piles up.",
        "I hear you, I've been through the same with my own manager.",
        "Same here, the dark evenings get to me as well.",
        "A few friends of mine changed careers in their forties.",
        "Sometimes I take a long bath when the week has been rough.",
    ],
)
def test_the_coach_telling_of_their_own_life_is_self_disclosure(coach) -> None:
    assert main_move(coach) == "self_disclosure"


def test_self_disclosure_leads_a_turn_even_with_a_question_after_it() -> None:
    turn = "I went through a break-up last year and it took months. How long were you together?"
    assert main_move(turn) == "self_disclosure"


@pytest.mark.parametrize(
    "coach",
    [
        "Don't worry, things will get better.",
        "I'm sure it will work out in the end.",
        "It's not your fault.",
        "A lot of people feel anxious about going back to work.",
        "This year has been hard for everyone.",
        "You've got this.",
        "I know you can do it.",
        "There's nothing wrong with you.",
        "You sound like a very caring friend.",
        "That was a brave decision.",
    ],
)
def test_reassurance_is_an_affirmation(coach) -> None:
    assert main_move(coach) == "affirmation"


@pytest.mark.parametrize(
    "coach",
    [
        "I hope this chat helped a little.",
        "All the best with the move.",
        "I'm glad I could help. Take care.",
        "Thanks for reaching out today.",
        "You too! Have a good rest of your evening.",
        "Goodbye for now.",
        "Thank you, and you are so welcome.",
        "I'm so glad I could help.",
    ],
)
def test_good_wishes_and_thanks_that_close_a_talk_are_structuring(coach) -> None:
    assert main_move(coach) == "structuring"


@pytest.mark.parametrize(
    "coach",
    [
        "Try writing your worries down before bed.",
        "Just focus on one small step at a time.",
        "Reach out to your old team and ask for a reference.",
        "If I were you, I would talk to your manager first.",
        "It's best to take a short break every hour.",
        "I highly recommend a walk at lunchtime.",
    ],
)
def test_telling_the_client_what_to_do_is_advice(coach) -> None:
    assert main_move(coach) == "advice"


@pytest.mark.parametrize(
    "coach",
    [
        "Have you thought about talking to a counsellor?",
        "Have you tried a short walk after dinner?",
        "Would you feel comfortable asking your sister for help?",
        "Is it possible to work from home a couple of days a week?",
        "What would you think about trying it for two weeks?",
        "Is there anyone at work you could talk to?",
        "Do you have a friend you can lean on this week?",
        "Maybe a short course in the evenings?",
    ],
)
def test_a_suggestion_put_as_a_question_is_advice(coach) -> None:
    assert main_move(coach) == "advice"


@pytest.mark.parametrize(
    "coach",
    [
        "The good news is that the cough usually clears within a month.",
        "I just want to let you know that the clinic is open on Saturdays.",
        "I'm going to write down that you'd like to cut back.",
    ],
)
def test_the_coach_telling_what_they_know_or_will_do_is_information(coach) -> None:
    assert main_move(coach) == "information"


@pytest.mark.parametrize(
    "coach",
    [
        "So you feel like nobody at work listens?",
        "So, you're not sure the course is for you?",
        "Okay, so you're worn out by the evenings?",
        "It sounds like the move has unsettled everyone?",
    ],
)
def test_a_reflection_said_with_a_rising_voice_is_a_reflection(coach) -> None:
    assert main_move(coach) == "reflection"


def test_a_question_that_only_checks_understanding_leaves_the_reflection_leading() -> None:
    call = classify_turn(turn_text("You want more time with the kids. Is that right?"), set())
    assert call.main == "reflection"
    assert call.moves == ("reflection", "facilitation")


def test_a_turn_that_reflects_along_the_way_gets_its_reflection_depth() -> None:
    call = classify_turn(turn_text("The late shifts are hard on you? What would help?"), set())
    assert call.main == "question"
    assert call.reflection in ("simple", "complex")


def test_a_real_question_with_a_rising_voice_carries_no_reflection() -> None:
    call = classify_turn(turn_text("What would help with the late shifts?"), set())
    assert call.reflection is None


@pytest.mark.parametrize(
    "coach",
    [
        "There are helplines you can ring at any hour.",
        "Apparently the waiting list is shorter in spring.",
        "From what I've read, the first month is the hardest.",
    ],
)
def test_pointing_to_resources_or_what_is_known_is_information(coach) -> None:
    assert main_move(coach) == "information"


def test_what_i_am_hearing_opens_a_reflection_even_before_a_question_word() -> None:
    assert main_move("So what I'm hearing is that weekends are when it slips?") == "reflection"


def test_giving_back_what_the_client_mentioned_is_a_reflection() -> None:
    assert main_move("You mentioned your brother helps on Sundays.") == "reflection"


@pytest.mark.parametrize(
    ("coach", "depth"),
    [
        # Nothing added but a few words of its own: simple.
        ("Your brother drives over most weekends now", "simple"),
        ("Your brother drives over most weekends and you worry about him", "complex"),
    ],
)
def test_a_reflection_read_without_a_cue_is_complex_only_when_it_names_more(coach, depth) -> None:
    call = classify_turn(turn_text(coach), set())
    assert (call.main, call.reflection) == ("reflection", depth)


@pytest.mark.parametrize(
    ("coach", "depth"),
    [
        ("You mentioned your brother has been helping with the garden every weekend.", "simple"),
        ("You said you want to stop, and part of you still enjoys the nights out.", "complex"),
        ("You mentioned your mum, and you sound afraid of letting her down.", "complex"),
        ("You said the week was long, and the train was late again.", "simple"),
    ],
)
def test_giving_back_the_clients_words_is_simple_unless_a_later_clause_adds_to_it(
    coach, depth
) -> None:
    assert reflection_depth([coach], set()) == depth


@pytest.mark.parametrize(
    "coach",
    [
        "You sound worn down by all of it.",  # how the client comes across
        "It seems the evenings are the hardest.",
        "You'd rather be the one who decides.",  # a wish or preference
        "It's like running a race with no finish line.",  # an image
        "That must have come as a shock, and it was scary.",  # a feeling named
        "On the one hand the job pays well, on the other hand it eats your weekends.",
    ],
)
def test_a_reflection_that_adds_a_feeling_wish_image_or_second_side_is_complex(coach) -> None:
    assert reflection_depth([coach], None) == "complex"


def test_counts_and_amounts_given_back_are_a_simple_reflection_however_long() -> None:
    coach = "So about two bottles of wine at the weekend and the odd beer after football."
    assert reflection_depth([coach], set()) == "simple"


@pytest.mark.parametrize(
    ("coach", "depth"),
    [
        ("So the new job started and the drinking went up.", "simple"),
        (
            "Since the new job started, the evenings have turned into the only stretch of "
            "time that belongs to you.",
            "complex",
        ),
    ],
)
def test_a_reflection_with_no_cue_is_complex_when_it_adds_five_words_the_client_did_not_use(
    coach, depth
) -> None:
    client = content_words(words("I have been drinking more since the new job started."))
    assert reflection_depth([coach], client) == depth


def test_the_clients_own_words_said_back_with_a_rising_voice_are_a_reflection() -> None:
    client = "The late shifts are wearing me out and the kids hardly see me."
    assert main_move("Late shifts, and the kids hardly see you?", client) == "reflection"
    assert main_move("Late shifts, and the kids hardly see you?") == "question"


def test_naming_how_the_client_feels_after_i_understand_is_a_complex_reflection() -> None:
    call = classify_turn(turn_text("I can see how frustrated you are with her."), set())
    assert (call.main, call.reflection) == ("reflection", "complex")
    assert main_move("I totally understand.") == "affirmation"
