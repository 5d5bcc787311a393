"""The competency analyser: findings grouped by competency area, and what text cannot show."""

from __future__ import annotations

import pytest

from attunement.analysis.analysers.competency import AREAS, NOT_ASSESSABLE
from attunement.analysis.pipeline import analyse

SESSION = [
    ("coach", "What would you like to focus on today?"),
    ("client", "I want to figure out how to handle my manager. I feel stuck and scared."),
    ("coach", "You sound stuck, and scared of him."),
    ("client", "I realise I've always been afraid of people in charge."),
    ("coach", "What will you do next?"),
    ("client", "I'll talk to him on Monday."),
]


def competency(conversation):
    return analyse(conversation).results["competency"]


def test_every_competency_area_is_present_in_the_map(make_conversation) -> None:
    areas = competency(make_conversation(SESSION)).metrics["areas"]
    assert list(areas) == list(AREAS)


@pytest.mark.parametrize(
    ("area", "source"),
    [
        ("agreements", "agreement"),
        ("presence", "listening"),
        ("client_growth", "openness"),
        ("evoking_awareness", "openness"),
    ],
)
def test_findings_carry_the_turns_and_the_analyser_they_come_from(
    make_conversation, area, source
) -> None:
    findings = competency(make_conversation(SESSION)).metrics["areas"][area]["findings"]
    assert any(f["source"] == source and f["turns"] for f in findings)


@pytest.mark.parametrize("signal", ["posture", "eye_contact", "tone_of_voice"])
def test_what_a_transcript_cannot_show_is_marked_not_assessable(make_conversation, signal) -> None:
    unseen = competency(make_conversation(SESSION)).metrics["not_assessable"]
    assert {"signal": signal, "status": NOT_ASSESSABLE}.items() <= next(
        u for u in unseen if u["signal"] == signal
    ).items()


def test_silence_is_not_assessable_only_when_the_transcript_has_no_times(make_conversation) -> None:
    untimed = competency(make_conversation(SESSION)).metrics["not_assessable"]
    timed = competency(
        make_conversation([(r, t, i * 5.0, i * 5.0 + 4) for i, (r, t) in enumerate(SESSION)])
    )
    assert "silence" in {u["signal"] for u in untimed}
    assert "silence" not in {u["signal"] for u in timed.metrics["not_assessable"]}


def test_an_area_without_any_evidence_gets_a_marker_not_a_verdict(make_conversation) -> None:
    result = competency(make_conversation([("coach", "Hi."), ("client", "Hi.")]))
    assert any(m.kind == "area_without_evidence" for m in result.markers)


def test_advice_the_client_did_not_ask_for_is_listed_under_trust_and_safety(
    make_conversation,
) -> None:
    rows = [
        ("client", "The handover went badly and I'm annoyed about it."),
        ("coach", "You should write a handover document and walk people through it."),
        ("client", "What would you do about my manager, then?"),
        ("coach", "You should raise the workload with her on Monday."),
    ]
    findings = competency(make_conversation(rows)).metrics["areas"]["trust_safety"]["findings"]
    [unasked] = [f for f in findings if f["finding"].startswith("Advice offered without")]
    assert unasked["turns"] == [1] and unasked["source"] == "moves"


def test_unasked_advice_shows_in_the_safety_layer_with_the_coachs_words(make_conversation) -> None:
    rows = [
        ("client", "The handover went badly and I'm annoyed about it."),
        ("coach", "You should write a handover document. Then walk people through it."),
    ]
    moves = analyse(make_conversation(rows)).results["moves"]
    [marker] = [m for m in moves.markers if m.kind == "advice_unasked"]
    assert marker.layer.value == "safety_trust" and marker.turns == (1,)
    assert marker.evidence == ("You should write a handover document.",)
    assert not marker.notable
    assert moves.metrics["advice_without_permission"] == 1  # the count and the finding agree


def test_advice_after_asking_permission_is_not_unasked(make_conversation) -> None:
    rows = [
        ("client", "The handover went badly and I'm annoyed about it."),
        ("coach", "Can I share an idea?"),
        ("client", "Yes, please."),
        ("coach", "You could write a short handover document."),
    ]
    result = analyse(make_conversation(rows)).results["moves"]
    assert "advice_unasked" not in [m.kind for m in result.markers]
    assert result.metrics["advice_without_permission"] == 0


def test_acknowledging_how_hard_it_was_counts_towards_trust_and_safety(make_conversation) -> None:
    rows = [
        ("client", "My dad is moving into a care home and I can't face selling the flat."),
        ("coach", "That sounds really hard."),
    ]
    findings = competency(make_conversation(rows)).metrics["areas"]["trust_safety"]["findings"]
    assert any(f["finding"].startswith("Acknowledged how hard") for f in findings)
