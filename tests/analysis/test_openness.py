"""The openness analyser: the client's talk type, feelings, insight, resistance and goals."""

from __future__ import annotations

import pytest

from attunement.analysis.analysers import _talk_type
from attunement.analysis.analysers._talk_type import asked_side, blend_with_meaning, meaning_scores
from attunement.analysis.analysers.openness import (
    TalkCall,
    classify_talk,
    plain_speech,
    turn_features,
)
from attunement.analysis.model import Layer
from attunement.analysis.pipeline import analyse
from attunement.analysis.text import words


def openness(conversation):
    return analyse(conversation, only=["openness"]).results["openness"]


def talk_type(text: str, coach_before: str = "") -> str:
    return classify_talk(text, len(words(text)), coach_before).talk_type


@pytest.mark.parametrize(
    "text",
    [
        "I really want to get my evenings back.",
        "I think I could manage a short walk at lunch.",
        "I'm going to ring the gym tomorrow.",
        "I've already started going to bed earlier.",
        "I'm worried about what this is doing to my health.",
    ],
)
def test_client_words_for_doing_something_differently_are_change_talk(text: str) -> None:
    assert talk_type(text) == "change"


@pytest.mark.parametrize(
    "text",
    [
        "It's the only thing that helps me relax.",
        "I don't want to stop, honestly.",
        "I've tried everything and nothing works.",
        "It's not that bad, everybody does it.",
        "I'm not ready to give it up.",
    ],
)
def test_client_words_for_keeping_things_as_they_are_are_sustain_talk(text: str) -> None:
    assert talk_type(text) == "sustain"


@pytest.mark.parametrize("text", ["We moved here in March.", "Mm-hmm.", "My sister lives nearby."])
def test_plain_reports_are_neutral(text: str) -> None:
    assert talk_type(text) == "neutral"


@pytest.mark.parametrize(
    ("reply", "question", "expected"),
    [
        ("Yes.", "So you'd like to cut down?", "change"),
        ("No.", "Are you ready to make a change?", "sustain"),
        ("Yeah.", "So it helps you relax?", "sustain"),
        ("About an eight.", "On a scale of zero to ten, how ready are you?", "change"),
        ("Two, maybe.", "On a scale of zero to ten, how ready are you?", "sustain"),
        ("Yes.", "Did you drive here?", "neutral"),
        # Going along with advice is not arguing for change: only an answer reads the question.
        ("Okay.", "You've got to try being firmer with people.", "neutral"),
        ("No reason, really.", "Why do you let him get to you like that?", "neutral"),
    ],
)
def test_a_short_reply_takes_its_meaning_from_the_coach_turn_before_it(
    reply: str, question: str, expected: str
) -> None:
    assert talk_type(reply, question) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # someone else's words, reported: not the client's own change talk
        ("My doctor says I need to cut down on salt.", "neutral"),
        ("She keeps saying I should stop working weekends.", "neutral"),
        # the client's own words in the same turn still count
        ("My doctor says it's bad. I need to cut down.", "change"),
        ("I told my partner I'm going to stop buying it.", "change"),
    ],
)
def test_what_others_said_is_not_the_clients_own_talk(text: str, expected: str) -> None:
    assert talk_type(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I don't want to drink like that any more.", "change"),
        ("I'm not going to smoke at the wedding.", "change"),
        ("I won't end up where my dad did.", "change"),
        ("Next party I'd just not have a drink at all.", "change"),
        # turning down the change itself stays sustain talk
        ("I don't want to stop.", "sustain"),
    ],
)
def test_turning_the_habit_down_is_change_talk(text: str, expected: str) -> None:
    assert talk_type(text) == expected


@pytest.mark.parametrize(
    ("question", "side"),
    [
        ("What concerns you about the drinking?", "change"),
        ("How would you like things to be different?", "change"),
        ("What do you enjoy about smoking?", "sustain"),
        ("What are the good things about it for you?", "sustain"),
        # a reflection asks for nothing, and a question about the week takes no side
        ("You're worried about the drinking.", "neutral"),
        ("How was your week?", "neutral"),
    ],
)
def test_the_side_a_coach_question_invites(question: str, side: str) -> None:
    assert asked_side(question) == side


def test_a_question_inviting_change_tips_a_turn_between_change_and_neutral() -> None:
    # The turn's meaning sits just on the neutral side of the line between change and neutral.
    lean = _talk_type.QUESTION_PULL / 2
    scores = {"change": 0.4, "neutral": 0.4 - _talk_type.NEUTRAL_HEAD_START + lean, "sustain": 0.1}
    call = TalkCall("neutral", (), "no change or sustain language")
    assert blend_with_meaning(call, 0, 0, scores).talk_type == "neutral"
    assert blend_with_meaning(call, 0, 0, scores, asked="change").talk_type == "change"
    assert blend_with_meaning(call, 0, 0, scores, asked="sustain").talk_type == "neutral"


def test_meaning_scores_for_a_whole_session_match_each_turn_scored_alone() -> None:
    np = pytest.importorskip("numpy")
    rng = np.random.default_rng(7)
    turns = rng.normal(size=(4, 8))
    examples = {"change": rng.normal(size=(9, 8)), "neutral": rng.normal(size=(3, 8))}
    scores = meaning_scores(turns, examples)
    for row, turn in enumerate(turns):
        for kind, matrix in examples.items():
            nearest = sorted(matrix @ turn)[-_talk_type.NEAREST :]
            assert scores[row][kind] == pytest.approx(sum(nearest) / len(nearest))


def test_spoken_stutters_and_contractions_are_smoothed_before_matching() -> None:
    assert plain_speech("I-I-I wanna, um, stop") == "I want to stop"
    assert talk_type("I-I don't wanna keep feeling like this.") == "change"


def test_every_client_turn_gets_a_talk_type_and_coach_turns_get_none(make_conversation) -> None:
    conversation = make_conversation(
        [
            ("coach", "What brings you here?"),
            ("client", "I want to sleep better."),
            ("coach", "Okay."),
        ]
    )
    labels = openness(conversation).turn_labels
    assert set(labels) == {1}
    assert labels[1]["talk_type"] == "change"


@pytest.mark.parametrize(
    ("coach", "text", "kind"),
    [
        ("You should just tell him.", "Yes, but I don't have the time.", "yes_but"),
        ("What do you make of that?", "It's no big deal, really.", "minimising"),
        (
            "What do you make of that?",
            "Honestly this won't help, I'm only here because my boss made me.",
            "doubt_coaching",
        ),
        ("What do you make of that?", "Anyway, can we talk about something else?", "deflecting"),
    ],
)
def test_resistance_signs_become_markers_with_their_words(
    make_conversation, coach, text, kind
) -> None:
    conversation = make_conversation([("coach", coach), ("client", text)])
    found = [m for m in openness(conversation).markers if m.kind == kind]
    assert found and found[0].turns == (1,) and found[0].evidence
    assert found[0].layer == Layer.OPENNESS


@pytest.mark.parametrize(
    ("coach", "text"),
    [
        # "yes, but" adding a detail to a question, not turning down a suggestion
        ("What did you do at the weekend?", "Yes, but only on Sunday, we went walking."),
        # "but" later in the turn is not the reply's opening
        ("Don't you think you could ask her?", "I could, and yes, but I'd want to plan it first."),
        # naming one's own habit of minimising is insight
        (
            "It sounds like you carry it alone.",
            "I think I've been telling myself it's fine when it isn't.",
        ),
        # taken back in the same breath
        ("How is it going?", "It's fine, but really I'm exhausted by it."),
        # "or whatever" as a filler is not steering away
        ("What happened?", "We had pizza or whatever and then talked about the move."),
        # a client proposing a topic is a goal, not a deflection
        ("Where shall we start?", "Let's talk about my new role."),
    ],
)
def test_phrases_out_of_context_are_not_resistance(make_conversation, coach, text) -> None:
    conversation = make_conversation([("coach", coach), ("client", text)])
    assert openness(conversation).turn_labels[1]["resistance"] == []


def test_guarded_short_answers_to_open_questions_are_flagged_after_a_few(make_conversation) -> None:
    rows = []
    for question in ("What matters here?", "How did that go?", "What else is there?"):
        rows += [("coach", question), ("client", "Not sure.")]
    result = openness(make_conversation(rows))
    markers = [m for m in result.markers if m.kind == "guarded_replies"]
    assert markers and markers[0].turns == (1, 3, 5)
    assert result.metrics["resistance_turns"] == 3


@pytest.mark.parametrize(
    "rows",
    [
        # two short replies are ordinary
        [
            ("coach", "What matters here?"),
            ("client", "Not sure."),
            ("coach", "How so?"),
            ("client", "I guess."),
        ],
        # short replies to statements, closed and factual questions are answers, not guarding
        [
            ("coach", "I can hear how much clearer that is for you."),
            ("client", "Mm."),
            ("coach", "Did you drive here?"),
            ("client", "Yes."),
            ("coach", "How often do you run?"),
            ("client", "Not much."),
        ],
        # a short reply with content answers the question
        [("coach", "What matters most?"), ("client", "My kids.")] * 3,
    ],
)
def test_short_replies_are_guarded_only_when_repeated_and_empty(make_conversation, rows) -> None:
    result = openness(make_conversation(rows))
    assert result.metrics["resistance_turns"] == 0
    assert not [m for m in result.markers if m.kind == "guarded_replies"]


def test_insight_is_told_apart_from_reporting_events(make_conversation) -> None:
    conversation = make_conversation(
        [
            ("coach", "What happened?"),
            ("client", "Yesterday he said the report was late and then I left."),
            ("coach", "And now?"),
            ("client", "I realise I always go quiet when I'm criticised."),
        ]
    )
    result = openness(conversation)
    assert result.turn_labels[1]["reporting"] and not result.turn_labels[1]["insight"]
    assert result.turn_labels[3]["insight"]
    assert result.metrics["reflection_share"] == 0.5
    assert any(m.kind == "insight" and m.notable for m in result.markers)


def test_goals_the_client_raises_and_future_talk_are_counted(make_conversation) -> None:
    conversation = make_conversation(
        [
            ("coach", "Where shall we start?"),
            ("client", "I'd like to talk about my new role."),
            ("coach", "Sure."),
            ("client", "Next week I start leading the team."),
        ]
    )
    metrics = openness(conversation).metrics
    assert metrics["client_goal_turns"] == [1]
    assert metrics["future_share"] == 0.5


def test_course_over_thirds_shows_the_client_opening_up(make_conversation) -> None:
    rows = [("coach", "How was the week?"), ("client", "Fine.")] * 2
    rows += [("coach", "And now?"), ("client", "I feel scared and honestly a bit lost.")] * 2
    course = openness(make_conversation(rows)).metrics["course"]
    assert len(course) == 3
    assert course[0]["open_share"] == 0.0 and course[2]["open_share"] == 1.0


@pytest.mark.parametrize(
    ("text", "names_a_feeling"),
    [
        ("I have been down all week.", True),
        ("I'm so lost with all of it.", True),
        ("I am content with how it went.", True),
        ("I need to write down the steps first.", False),
        ("I lost my keys on the way here.", False),
        ("The content of the course was good.", False),
        ("I am just lost with it.", True),
        ("I'm down to try it next week.", False),
    ],
)
def test_down_lost_and_content_are_feelings_only_when_said_of_oneself(
    text: str, names_a_feeling: bool
) -> None:
    assert bool(turn_features(text)["feelings"]) is names_a_feeling


@pytest.mark.parametrize(
    "text",
    [
        "I'll tell my partner I'm doing it so I can't back out.",
        "It's good to hear it laid out like that.",
        "I think I've been telling myself it's fine when it isn't.",
        "I'm worried she'll think I can't cope.",
    ],
)
def test_words_that_only_sound_like_the_status_quo_are_not_sustain_talk(text: str) -> None:
    assert talk_type(text) != "sustain"


def test_yes_to_a_check_of_the_coachs_summary_is_not_change_talk() -> None:
    coach = "So by the end you'd have a plan for your first one-to-ones. Does that sound right?"
    assert talk_type("Yes, that's it.", coach) == "neutral"


@pytest.mark.parametrize(
    "text",
    [
        "Honestly, a bit mixed.",
        "Most of the day, to be honest.",
        "I'd rather leave it as it is, to be honest.",
    ],
)
def test_saying_honestly_is_not_by_itself_a_disclosure(text: str) -> None:
    assert not turn_features(text)["self_disclosure"]


def test_honestly_followed_by_something_about_oneself_is_a_disclosure() -> None:
    assert turn_features("Honestly, I'm carrying all of it on my own.")["self_disclosure"]


@pytest.mark.parametrize(
    "text",
    ["It feels a bit much.", "Sometimes this feels like a waste of time.", "I felt like it."],
)
def test_feel_on_its_own_does_not_name_a_feeling(text: str) -> None:
    assert turn_features(text)["feelings"] == []


@pytest.mark.parametrize("text", ["I feel awful about it.", "It's exhausting, actually."])
def test_a_named_feeling_is_found_with_or_without_feel(text: str) -> None:
    assert turn_features(text)["feelings"]


def test_i_see_that_but_is_pushback_not_insight() -> None:
    assert not turn_features("I see that, but I've done that already.")["insight"]
    assert turn_features("I see that now, it's about my dad.")["insight"]


def test_doubting_that_the_coaching_helps_is_doubt_about_coaching(make_conversation) -> None:
    conversation = make_conversation(
        [
            ("coach", "What would you like to look at?"),
            ("client", "Not really. I'm not sure this is really helping, to be honest."),
        ]
    )
    kinds = [m.kind for m in openness(conversation).markers]
    assert "doubt_coaching" in kinds and "self_disclosure" not in kinds


@pytest.mark.parametrize(
    ("text", "feature"),
    [
        ("I think I'm grieving him already, and he's still here.", "feelings"),
        ("Strange. Lighter, somehow. A bit scary.", "feelings"),
        ("Yes. I hadn't put it that way, but yes.", "insight"),
        ("I don't think I've ever said that out loud.", "self_disclosure"),
    ],
)
def test_grief_fear_a_new_way_of_seeing_and_a_first_saying_are_heard(text, feature) -> None:
    assert turn_features(text)[feature]


@pytest.mark.parametrize(
    "text",
    [
        "I go quiet when I feel like that. I sort of shrink.",
        "It feels lighter than when I came in.",
    ],
)
def test_pointing_back_at_a_feeling_or_feeling_lighter_still_names_one(text: str) -> None:
    assert turn_features(text)["feelings"]


def test_feel_like_followed_by_a_view_is_an_opinion_not_a_feeling() -> None:
    assert turn_features("I feel like that is unfair on the team.")["feelings"] == []
