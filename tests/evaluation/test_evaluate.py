"""Scoring labelled conversations: the mapping of our labels and the per-task report."""

from __future__ import annotations

import pytest

from attunement.analysis.evaluation import mapping
from attunement.analysis.evaluation.tasks import TASKS, LabelledConversation, evaluate
from attunement.transcript.model import Conversation, Role, Turn


def _conversation(*texts: str) -> Conversation:
    roles = [Role.COACH, Role.CLIENT] * len(texts)
    return Conversation.from_turns(
        [Turn(0, str(r), t, r) for t, r in zip(texts, roles, strict=False)]
    )


def _question_mark_labeller(conversation: Conversation) -> mapping.TurnLabels:
    """A stand-in analyser: a coach turn ending in "?" is a question, any other a reflection."""
    moves = {
        t.index: {"main": "question" if t.text.endswith("?") else "reflection", "reflection": None}
        for t in conversation
        if t.role == Role.COACH
    }
    return {"moves": moves}


ITEMS = [
    LabelledConversation(
        _conversation("What matters here?", "My kids.", "Your kids come first.", "Yes."),
        {"therapist_behaviour": {0: "question", 2: "reflection"}},
    ),
    LabelledConversation(
        _conversation("Shall we start.", "Fine."),
        {"therapist_behaviour": {0: "question"}},
    ),
]


def test_evaluate_scores_each_gold_turn_with_the_analysers_mapped_label() -> None:
    report = evaluate(ITEMS, ["therapist_behaviour"], _question_mark_labeller, installed={"moves"})
    result = report["therapist_behaviour"]
    assert result["n"] == 3
    assert result["accuracy"] == pytest.approx(2 / 3)
    labels = result["confusion"]["labels"]
    question, reflection = labels.index("question"), labels.index("reflection")
    assert result["confusion"]["matrix"][question][reflection] == 1


def test_a_task_whose_analyser_is_not_installed_is_reported_as_skipped() -> None:
    report = evaluate(ITEMS, ["client_talk_type"], _question_mark_labeller, installed={"moves"})
    assert report == {"client_talk_type": {"skipped": "the openness analyser is not installed"}}


def test_progress_is_reported_once_per_conversation() -> None:
    ticks: list[int] = []
    evaluate(
        ITEMS,
        ["therapist_behaviour"],
        _question_mark_labeller,
        installed={"moves"},
        on_progress=ticks.append,
    )
    assert ticks == [1, 1]


@pytest.mark.parametrize(("main", "expected"), list(mapping.THERAPIST_BEHAVIOUR.items()))
def test_every_coach_move_maps_to_an_annomi_behaviour(main: str, expected: str) -> None:
    labels = {"moves": {0: {"main": main}}}
    assert mapping.therapist_behaviour(labels, 0) == expected
    assert expected in TASKS["therapist_behaviour"].classes


@pytest.mark.parametrize("main", list(mapping.THERAPIST_BEHAVIOUR))
def test_every_coach_move_maps_to_an_esconv_strategy(main: str) -> None:
    labels = {"moves": {0: {"main": main, "reflection": "complex"}}}
    assert mapping.strategy(labels, 0) in TASKS["strategy"].classes


REFLECTS = {"main": "reflection", "moves": ["reflection"], "reflection_focus": "content"}
ASKS = {"main": "question", "moves": ["reflection", "question"]}
INFORMS = {"main": "information", "moves": ["information"]}


@pytest.mark.parametrize(
    ("move", "strategy"),
    [
        pytest.param(
            {**REFLECTS, "reflection_focus": "feeling"}, "Reflection of feelings", id="feeling"
        ),
        pytest.param({**REFLECTS, "support": ["empathy"]}, "Reflection of feelings", id="empathy"),
        pytest.param(
            {**REFLECTS, "reflection_signposted": True},
            "Restatement or Paraphrasing",
            id="signposted content",
        ),
        pytest.param(REFLECTS, "Affirmation and Reassurance", id="unsignposted content"),
        pytest.param(
            {**REFLECTS, "reflection_focus": "feeling", "checks_understanding": True},
            "Restatement or Paraphrasing",
            id="checked reflection",
        ),
        pytest.param(
            {**ASKS, "checks_understanding": True},
            "Restatement or Paraphrasing",
            id="checked reflection said as a question",
        ),
        pytest.param({**ASKS, "support": ["reassurance"]}, "Question", id="question over support"),
        pytest.param(
            {**INFORMS, "support": ["strength"]}, "Affirmation and Reassurance", id="praise"
        ),
        pytest.param({**INFORMS, "speaks_of_self": True}, "Self-disclosure", id="own life"),
        pytest.param({**REFLECTS, "suggestion_hint": True}, "Providing Suggestions", id="hint"),
        pytest.param(
            {**REFLECTS, "suggestion_hint": True, "support": ["reassurance"]},
            "Affirmation and Reassurance",
            id="hint with reassurance",
        ),
        pytest.param(
            {"main": "advice", "moves": ["advice"], "speaks_of_self": True},
            "Providing Suggestions",
            id="advice keeps its cue",
        ),
        pytest.param(
            {
                "main": "self_disclosure",
                "moves": ["reflection", "self_disclosure"],
                "checks_understanding": True,
            },
            "Self-disclosure",
            id="own story first",
        ),
        pytest.param(
            {"main": "affirmation", "moves": ["affirmation"], "support": ["wishes"]},
            "Others",
            id="good wishes alone",
        ),
        pytest.param(
            {"main": "affirmation", "moves": ["affirmation"], "support": ["empathy"]},
            "Affirmation and Reassurance",
            id="sympathy",
        ),
    ],
)
def test_an_esconv_strategy_follows_the_supporters_precedence(
    move: dict[str, object], strategy: str
) -> None:
    assert mapping.strategy({"moves": {0: move}}, 0) == strategy


@pytest.mark.parametrize(
    ("forms", "expected"),
    [
        (["closed", "open"], "open"),
        (["open", "closed"], "closed"),
        (["closed"], "closed"),
        ([], mapping.NONE),
    ],
)
def test_a_turn_takes_the_form_of_the_last_question_left_for_the_client(
    forms: list[str], expected: str
) -> None:
    labels = {"questions": {0: {"questions": [{"text": "x", "form": f} for f in forms]}}}
    assert mapping.question_subtype(labels, 0) == expected


def test_turns_our_analysers_left_unlabelled_are_predicted_as_none() -> None:
    assert mapping.therapist_behaviour({}, 4) == mapping.NONE
    assert mapping.client_talk_type({"openness": {1: {"talk_type": "change"}}}, 4) == mapping.NONE
    assert mapping.reflection_subtype({"moves": {4: {"main": "question"}}}, 4) == mapping.NONE


def test_errors_lists_the_disagreements_with_the_turn_and_the_one_before() -> None:
    report = evaluate(
        ITEMS, ["therapist_behaviour"], _question_mark_labeller, installed={"moves"}, errors=5
    )
    (miss,) = report["therapist_behaviour"]["errors"]
    assert miss["turn"] == 0 and miss["expert"] == "question" and miss["ours"] == "reflection"
    assert miss["text"] == "Shall we start." and miss["before"] == ""


def test_without_errors_requested_the_report_quotes_no_turns() -> None:
    report = evaluate(ITEMS, ["therapist_behaviour"], _question_mark_labeller, installed={"moves"})
    assert "errors" not in report["therapist_behaviour"]
