"""What the finer distinctions of the coach's turns show over a session: the counts in the
``moves`` metrics and the few moments marked for the coach to look at again."""

from __future__ import annotations

import json

import pytest

from attunement.analysis.analysers._support_findings import hard_feelings
from attunement.analysis.pipeline import analyse

OVERWHELMED = "I just feel so overwhelmed by all of it."
FACTS = (
    ("My boss moved the deadline again.", "So the deadline keeps moving."),
    ("My sister is visiting all week.", "Your sister is staying with you."),
    ("The car broke down on Monday.", "It sounds like the car is off the road."),
    ("I walk to the station now.", "So you walk to the station every morning."),
    ("It takes forty minutes each way.", "Forty minutes each way."),
)


def moves(conversation):
    return analyse(conversation, only=["moves"]).results["moves"]


def kinds(result) -> list[str]:
    return [m.kind for m in result.markers]


def exchanges(pairs) -> list[tuple[str, str]]:
    """(client, coach) pairs as the rows of a conversation, client first."""
    return [row for client, coach in pairs for row in (("client", client), ("coach", coach))]


def exchange(make_conversation, client: str, coach: str):
    return moves(make_conversation([("client", client), ("coach", coach)]))


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("I feel so overwhelmed.", {"overwhelmed"}),
        ("I'm stuck and a bit ashamed.", {"stuck", "ashamed"}),
        ("I felt really happy about it.", set()),
        ("We moved house.", set()),
    ],
)
def test_a_hard_feeling_is_a_named_difficult_one_not_a_pleasant_or_bare_feel(
    sentence, found
) -> None:
    assert hard_feelings(sentence) == found


@pytest.mark.parametrize(
    ("client", "coach"),
    [
        (OVERWHELMED, "Don't worry, things will get better."),
        ("I'm so worried about the exam.", "Don't worry, you'll do great."),
    ],
)
def test_reassuring_straight_after_a_hard_feeling_is_a_notable_rapport_moment(
    make_conversation, client, coach
) -> None:
    result = exchange(make_conversation, client, coach)
    marker = next(m for m in result.markers if m.kind == "reassured_before_heard")
    assert (marker.turns, marker.evidence) == ((0, 1), (client, coach))
    assert (marker.notable, str(marker.layer), marker.guide) == (
        True,
        "rapport",
        "presence-attunement",
    )
    assert result.metrics["reassured_before_heard"] == 1


@pytest.mark.parametrize(
    ("client", "coach"),
    [
        (OVERWHELMED, "That sounds really hard. Things will get better."),
        (OVERWHELMED, "You feel swamped. Things will get better."),
        (OVERWHELMED, "It's normal to feel overwhelmed when so much lands at once."),
        ("I finished the report yesterday.", "Things will get better from here."),
        ("I'm scared of telling him.", "How sure are you that it will work out?"),
        # "blue" and "torn" name a colour and an injury more often than a feeling
        ("I tore a ligament and my blue car is in the garage.", "Don't worry, it will heal."),
    ],
)
def test_reassurance_after_the_feeling_was_heard_or_with_no_hard_feeling_is_not_marked(
    make_conversation, client, coach
) -> None:
    result = exchange(make_conversation, client, coach)
    assert "reassured_before_heard" not in kinds(result)
    assert result.metrics["reassured_before_heard"] == 0


def test_a_session_whose_reflections_never_name_a_feeling_is_one_notable_marker(
    make_conversation,
) -> None:
    result = moves(make_conversation(exchanges(FACTS)))
    [marker] = [m for m in result.markers if m.kind == "feelings_not_reflected"]
    assert marker.turns == (1, 3, 5, 7, 9)
    assert marker.note.startswith("None of the 5 reflections in this session named a feeling")
    # A reflection that opens as one is the first example shown.
    assert marker.evidence[0] == "It sounds like the car is off the road."
    assert (marker.notable, str(marker.layer), marker.guide) == (
        True,
        "listening_inquiry",
        "listening-levels",
    )
    assert result.metrics["reflection_focus"] == {"feeling": 0, "content": 5}
    assert result.metrics["feeling_reflection_share"] == 0.0


def test_one_reflection_of_five_naming_a_feeling_is_enough_to_leave_the_session_unmarked(
    make_conversation,
) -> None:
    facts = [*FACTS[:4], ("The car broke down again.", "So you felt stuck.")]
    result = moves(make_conversation(exchanges(facts)))
    assert "feelings_not_reflected" not in kinds(result)
    assert result.metrics["reflection_focus"] == {"feeling": 1, "content": 4}
    assert result.metrics["feeling_reflection_share"] == 0.2


def test_telling_the_client_what_to_do_is_not_counted_as_a_reflection(make_conversation) -> None:
    conversation = make_conversation(
        [
            ("client", "I moved the meeting to Friday."),
            ("coach", "I want you to call him tonight."),
            ("client", "Fine."),
            ("coach", "You've got to be firmer with him."),
        ]
    )
    assert moves(conversation).metrics["reflection_focus"] == {"feeling": 0, "content": 0}


def test_checking_understanding_is_grouped_into_one_listening_marker(make_conversation) -> None:
    conversation = make_conversation(
        [
            ("client", "I moved the meeting to Friday."),
            ("coach", "So the meeting is on Friday. Have I got that right?"),
            ("client", "Yes, and I told my team."),
            ("coach", "Correct me if I'm wrong, but your team knows now."),
            ("client", "They do."),
            ("coach", "You should call him tonight, right?"),
        ]
    )
    result = moves(conversation)
    [marker] = [m for m in result.markers if m.kind == "checks_understanding"]
    # A ", right?" tagged onto what the coach wants presses a view rather than checks one.
    assert marker.turns == (1, 3)
    assert marker.evidence == (
        "Have I got that right?",
        "Correct me if I'm wrong, but your team knows now.",
    )
    assert "(in 2 turns)" in marker.note
    assert not marker.notable
    assert result.metrics["checks_understanding"] == 2


def test_the_kinds_of_support_are_counted_and_the_metrics_are_json_ready(
    make_conversation,
) -> None:
    conversation = make_conversation(
        [
            ("client", "I finally told my manager."),
            ("coach", "That took a lot of courage."),
            ("client", "Thanks. I'm off on holiday next week."),
            ("coach", "I hope you have a lovely break. Take care."),
        ]
    )
    metrics = moves(conversation).metrics
    assert metrics["support"] == {"empathy": 0, "reassurance": 0, "strength": 1, "wishes": 1}
    assert json.loads(json.dumps(metrics)) == metrics


@pytest.mark.parametrize(
    ("rows", "area", "kind_note"),
    [
        (
            [("client", OVERWHELMED), ("coach", "Don't worry, things will get better.")],
            "presence",
            "reassurance before the feeling was reflected",
        ),
        (
            [
                ("client", "I moved the meeting to Friday."),
                ("coach", "So the meeting is on Friday. Have I got that right?"),
            ],
            "active_listening",
            "checked they had understood",
        ),
    ],
)
def test_the_competency_map_lists_these_moments_under_their_area(
    make_conversation, rows, area, kind_note
) -> None:
    result = analyse(make_conversation(rows)).results["competency"]
    findings = result.metrics["areas"][area]["findings"]
    assert any(f["source"] == "moves" and kind_note in f["finding"] for f in findings)


def test_a_session_where_few_reflections_name_a_feeling_says_how_many_did(
    make_conversation,
) -> None:
    facts = [*FACTS, *FACTS[:4], ("The car broke down again.", "So you felt stuck.")]
    [marker] = [
        m
        for m in moves(make_conversation(exchanges(facts))).markers
        if m.kind == "feelings_not_reflected"
    ]
    assert marker.note.startswith(
        "1 of the 10 reflections in this session named a feeling; the others"
    )
    assert "“stuck”" not in marker.note  # the client only reported events
    assert not marker.notable


def test_a_session_whose_reflections_pass_over_the_clients_feelings_names_those_feelings(
    make_conversation,
) -> None:
    facts = [(f"{OVERWHELMED} My boss moved the deadline again.", FACTS[0][1]), *FACTS[1:]]
    [marker] = [
        m
        for m in moves(make_conversation(exchanges(facts))).markers
        if m.kind == "feelings_not_reflected"
    ]
    assert "The client named feelings of their own (“overwhelmed”)." in marker.note
