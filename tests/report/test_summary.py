"""What the report says, whatever analysers ran: roles, layers, moments, label summaries."""

from __future__ import annotations

import pytest

from attunement.analysis.model import AnalyserResult, Layer, Marker, SessionAnalysis
from attunement.report import summary


def _marker(kind: str, turn: int, *, layer=Layer.LISTENING_INQUIRY, notable=False, by="probe"):
    return Marker(by, kind, (turn,), f"A note about {kind}.", ("some words",), layer, notable)


def _analysis(*markers: Marker, labels=None, name="probe") -> SessionAnalysis:
    result = AnalyserResult(name, "1", markers=markers, turn_labels=labels or {})
    return SessionAnalysis(results={name: result})


def test_role_line_says_the_coach_was_chosen_automatically_and_how_sure(
    make_conversation,
) -> None:
    roles = {
        "coach": "Ann",
        "client": "Bo",
        "method": "auto",
        "confidence": 0.82,
        "reasons": ["Ann asks most of the questions"],
    }
    conversation = make_conversation(
        [("coach", "Hi?"), ("client", "Hi.")], metadata={"roles": roles}
    )
    line = summary.role_line(conversation)
    assert line == (
        "Coach: Ann; client: Bo (chosen from the conversation, 82% sure: "
        "Ann asks most of the questions)."
    )


def test_role_line_says_when_the_roles_were_given(make_conversation) -> None:
    roles = {"coach": "Ann", "client": "Bo", "method": "explicit", "confidence": 1.0}
    conversation = make_conversation(
        [("coach", "Hi?"), ("client", "Hi.")], metadata={"roles": roles}
    )
    assert summary.role_line(conversation) == "Coach: Ann; client: Bo (as given)."


def test_findings_are_grouped_by_layer_with_the_four_core_layers_always_present() -> None:
    analysis = _analysis(
        _marker("judging", 3, layer=Layer.SAFETY_TRUST),
        _marker("echo", 1, layer=Layer.RAPPORT),
        _marker("agenda_agreed", 0, layer=Layer.STRUCTURE),
    )
    groups = {g.layer: g for g in summary.findings_by_layer(analysis)}
    assert set(groups) == {*summary.CORE_LAYERS, Layer.STRUCTURE}
    assert [m.kind for m in groups[Layer.SAFETY_TRUST].markers] == ["judging"]
    assert groups[Layer.OPENNESS].markers == ()
    assert groups[Layer.RAPPORT].title == "Rapport and resonance"


def test_a_layer_outside_the_core_is_left_out_when_it_has_no_findings() -> None:
    layers = [g.layer for g in summary.findings_by_layer(_analysis())]
    assert layers == list(summary.CORE_LAYERS)


def test_notable_moments_take_kinds_in_turn_and_keep_session_order() -> None:
    many = [_marker("stacked", i, notable=True) for i in range(10)]
    rare = _marker("long_pause", 50, notable=True)
    quiet = _marker("echo", 2)
    picked = summary.notable_moments(_analysis(*many, rare, quiet), limit=4)
    assert [m.kind for m in picked] == ["stacked", "stacked", "stacked", "long_pause"]
    assert [m.turns[0] for m in picked] == [0, 1, 2, 50]
    assert summary.notable_count(_analysis(*many, rare, quiet)) == 11


def test_not_assessable_names_what_text_cannot_show(make_conversation) -> None:
    untimed = make_conversation([("coach", "Hi?"), ("client", "Hi.")])
    timed = make_conversation([("coach", "Hi?", 0, 1), ("client", "Hi.", 2, 3)])
    untimed_things = [thing for thing, _ in summary.not_assessable(untimed)]
    timed_things = [thing for thing, _ in summary.not_assessable(timed)]
    for thing in ("Posture and gestures", "Tone of voice", "Eye contact", "Facial expression"):
        assert thing in timed_things
    assert "Pauses and interruptions" in untimed_things
    assert "Pauses and interruptions" not in timed_things


@pytest.mark.parametrize(
    ("turns", "text"),
    [
        ((), "whole session"),
        ((4,), "turn 5"),
        ((4, 5, 6), "turns 5–7"),
        ((1, 5, 9), "turns 2, 6, 10"),
        ((1, 3, 5, 7, 9, 11), "turns 2, 4, 6, 8 …"),
    ],
)
def test_turn_spans_number_turns_from_one(turns: tuple[int, ...], text: str) -> None:
    assert summary.turn_span(turns) == text


def test_listening_facts_summarise_the_agreed_labels_of_other_analysers() -> None:
    results = {
        "listening": AnalyserResult(
            "listening", "1", turn_labels={0: {"level": 1}, 2: {"level": 2}, 4: {"level": 2}}
        ),
        "moves": AnalyserResult(
            "moves", "1", turn_labels={0: {"main": "advice"}, 2: {"main": "reflection"}}
        ),
        "openness": AnalyserResult(
            "openness", "1", turn_labels={1: {"talk_type": "change"}, 3: {"talk_type": "sustain"}}
        ),
    }
    facts = {f.label: f.value for f in summary.listening_facts(SessionAnalysis(results=results))}
    assert facts["Listening levels"] == "level 1: 33%, level 2: 67%"
    assert facts["Main coach moves"] == "advice 1 (50%), reflection 1 (50%)"
    assert facts["Client talk"] == "change 1 (50%), sustain 1 (50%)"


def test_question_facts_count_forms_stacking_and_inquiry_types() -> None:
    questions = {
        0: {"questions": [{"text": "What?", "form": "open"}], "stacked": False},
        2: {"questions": [{"text": "Is it?", "form": "closed"}] * 2, "stacked": True},
    }
    inquiry = {
        0: {"questions": [{"type": "exploration", "leading": False, "why": False}]},
        2: {"questions": [{"type": "future_focused", "leading": True, "why": True}] * 2},
        4: {"questions": [{"type": "other", "leading": False, "why": False}]},
    }
    results = {
        "questions": AnalyserResult("questions", "1", turn_labels=questions),
        "inquiry": AnalyserResult("inquiry", "1", turn_labels=inquiry),
    }
    facts = {f.label: f.value for f in summary.question_facts(SessionAnalysis(results=results))}
    assert facts["Coach questions"] == "3"
    assert facts["Open questions"] == "1 (33%)"
    assert facts["Turns with stacked questions"] == "1"
    assert facts["Kinds of question"] == (
        "future-focused 2 (50%), exploration 1 (25%), closed facts or checks 1 (25%)"
    )
    assert facts["Leading / why questions"] == "2 / 2"


def test_timing_facts_say_when_the_transcript_has_no_times() -> None:
    timing = AnalyserResult("timing", "1", metrics={"mode": "no timing"})
    facts = summary.timing_facts(SessionAnalysis(results={"timing": timing}))
    assert facts == [
        summary.Fact("Pauses and interruptions", "not measured: the transcript has no times")
    ]


def test_quotes_are_shown_as_the_transcript_writes_them_and_each_only_once(
    make_conversation,
) -> None:
    conversation = make_conversation(
        [("coach", "What stands out?"), ("client", "I notice I keep saying yes. I notice it.")]
    )
    # Analysers match cues in lower case and may quote one sentence for several turns.
    marker = Marker("probe", "insight", (1,), "A note.", ("i notice", "i notice", "keep"))

    assert summary.quotes(marker, conversation) == ["I notice", "keep"]


def test_counts_read_as_words_and_a_rare_label_is_not_rounded_down_to_nothing() -> None:
    labels = {i: {"main": "self_disclosure"} for i in range(250)} | {250: {"main": "advice"}}
    analysis = _analysis(labels=labels, name="moves")

    facts = {f.label: f.value for f in summary.listening_facts(analysis)}

    assert facts["Main coach moves"] == "self-disclosure 250 (100%), advice 1 (<1%)"


def test_timing_facts_with_start_times_only_do_not_claim_there_were_no_interruptions() -> None:
    # Otter and "[00:01:02] Name:" exports give starts; overlaps need ends too.
    metrics = {"mode": "timed", "duration": None, "interruptions": {"coach": 0, "client": 0}}
    timing = AnalyserResult("timing", "1", metrics=metrics)

    facts = summary.timing_facts(SessionAnalysis(results={"timing": timing}))

    assert facts == [summary.Fact("Pauses and interruptions", summary.START_TIMES_ONLY)]


@pytest.mark.parametrize(("seconds", "shown"), [(25.4, "25 s"), (59.6, "1 min"), (1830, "30 min")])
def test_a_short_session_length_is_given_in_seconds_not_as_zero_minutes(seconds, shown) -> None:
    assert summary.length(seconds) == shown


@pytest.mark.parametrize(
    ("quote", "shown"),
    [
        ("and then it all f…", "and then it all …"),
        ("and then it all …", "and then it all …"),
        ("and then it all fell…", "and then it all fell…"),  # the client trailed off there
    ],
)
def test_a_quote_cut_short_in_a_word_ends_on_the_last_whole_word(quote, shown) -> None:
    texts = ["And then it all fell apart.", "and then it all fell…"]

    assert summary.whole_words(quote, texts) == shown
