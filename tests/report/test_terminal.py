"""The terminal report prints every part a coach reads first, drawn by Rich."""

from __future__ import annotations

import io

from rich.console import Console

from attunement.analysis.model import AnalyserResult, Layer, Marker, SessionAnalysis
from attunement.analysis.pipeline import analyse
from attunement.report.terminal import SHOWN_PER_KIND, render_terminal


def _render(conversation, analysis) -> str:
    out = io.StringIO()
    render_terminal(conversation, analysis, Console(file=out, width=120, color_system=None))
    return out.getvalue()


def test_the_report_shows_talk_questions_moments_layers_and_limits(make_conversation) -> None:
    roles = {"coach": "Ann", "client": "Bo", "method": "auto", "confidence": 0.9, "reasons": []}
    conversation = make_conversation(
        [
            ("coach", "What would you like to explore? What matters [most] now?", 0, 4),
            ("client", "Whether to take the new role.", 12, 16),
        ],
        metadata={"roles": roles},
    )
    text = _render(conversation, analyse(conversation))
    for part in (
        "Coach: Ann; client: Bo (chosen from the conversation, 90% sure).",
        "Who spoke how much",
        "Coach questions",
        "Moments worth looking at again",
        "The client took 8.0 s before answering",
        "Safety and trust",
        "The client's openness",
        "Not assessable from a transcript",
        "Eye contact",
    ):
        assert part in text
    assert "“What matters [most] now?”" in text  # quoted words are never read as Rich markup


def test_many_findings_of_one_kind_are_summarised_after_a_few(make_conversation) -> None:
    conversation = make_conversation([("coach", "Hm?"), ("client", "Yes.")] * 5)
    markers = tuple(
        Marker("probe", "echo", (i,), f"Echo number {i}.", (), Layer.RAPPORT) for i in range(8)
    )
    analysis = SessionAnalysis(results={"probe": AnalyserResult("probe", "1", markers=markers)})
    text = _render(conversation, analysis)
    assert f"Echo number {SHOWN_PER_KIND - 1}." in text
    assert f"Echo number {SHOWN_PER_KIND}." not in text
    assert f"and {8 - SHOWN_PER_KIND} more like this" in text


def test_an_empty_layer_does_not_read_as_a_clean_bill(make_conversation) -> None:
    conversation = make_conversation([("coach", "Take a list.", 0, 2), ("client", "Ok.", 3, 4)])
    # Panel borders break the sentence across lines; read it without them.
    rendered = _render(conversation, SessionAnalysis(results={})).replace("│", " ")
    text = " ".join(rendered.split())
    assert "Nothing was flagged in this layer" in text
    assert "not proof that all went well" in text
    assert "No findings in this layer" not in text
