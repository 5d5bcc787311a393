"""The HTML report is one self-contained, escaped page linking findings to their turns."""

from __future__ import annotations

import re

import pytest

from attunement.analysis.model import AnalyserResult, Layer, Marker, SessionAnalysis
from attunement.analysis.pipeline import analyse
from attunement.report.html import render_html

ROWS = [
    ("coach", "What would you like from today?", 0.0, 3.0),
    ("client", "I want to stop dreading Mondays <b>honestly</b> & I mean it.", 9.0, 14.0),
    ("coach", "What makes Mondays so hard? Is it the meeting? Or the boss?", 14.5, 19.0),
    ("client", "The meeting, where I never get a word in.", 19.5, 23.0),
]


@pytest.fixture
def page(make_conversation) -> str:
    conversation = make_conversation(ROWS, source="monday.vtt")
    return render_html(conversation, analyse(conversation))


def test_the_page_loads_nothing_from_anywhere_else(page: str) -> None:
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", page, re.I)
    assert "<script" not in page.lower()
    assert "<link" not in page.lower()
    assert "@import" not in page


def test_the_page_holds_the_talk_share_chart_as_inline_svg(page: str) -> None:
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in page
    assert 'class="talk-share-chart"' in page


def test_every_turn_has_an_anchor_and_findings_link_to_their_turns(page: str) -> None:
    for index in range(len(ROWS)):
        assert f'id="turn-{index}"' in page
    # The stacked questions in turn 3 and the long pause after turn 1 both point at turns.
    assert 'href="#turn-2"' in page
    assert 'href="#turn-0"' in page


def test_highlighted_turns_link_back_to_their_findings(page: str) -> None:
    flagged = re.search(r'<div class="turn coach flagged" id="turn-2">.*?</div></div>', page)
    assert flagged is not None
    for target in re.findall(r'href="#(finding-\d+)"', flagged.group(0)):
        assert f'id="{target}"' in page


def test_transcript_text_is_escaped(page: str) -> None:
    assert "&lt;b&gt;honestly&lt;/b&gt; &amp; I mean it." in page
    assert "<b>honestly</b>" not in page


def test_the_page_lists_layers_and_what_a_transcript_cannot_show(page: str) -> None:
    for heading in (
        "Safety and trust",
        "Rapport and resonance",
        "Listening and inquiry",
        "The client&#x27;s openness",
        "Not assessable from a transcript",
        "Tone of voice",
        "Moments worth looking at again",
    ):
        assert heading in page


def test_markers_of_an_unknown_analyser_are_rendered_under_their_layer(make_conversation) -> None:
    conversation = make_conversation(ROWS)
    marker = Marker(
        "plugin",
        "fixing",
        (2,),
        "The coach offers a <fix> early.",
        ("Or the boss?",),
        Layer.SAFETY_TRUST,
        True,
    )
    analysis = SessionAnalysis(results={"plugin": AnalyserResult("plugin", "9", markers=(marker,))})
    page = render_html(conversation, analysis)
    safety = page.split("Safety and trust", 1)[1].split("<h3>", 1)[0]
    assert "The coach offers a &lt;fix&gt; early." in safety
    assert "“Or the boss?”" in safety


def test_the_page_names_the_transcript_file_but_not_the_folders_it_sits_in(
    make_conversation,
) -> None:
    # Folders are often named after the client; the page may be sent to a supervisor.
    conversation = make_conversation(ROWS, source="/home/coach/clients/Maya Lind/monday.vtt")

    page = render_html(conversation, analyse(conversation))

    assert "<h1>Session report: monday.vtt</h1>" in page
    assert "Maya Lind" not in page


def test_wide_parts_of_the_page_shrink_or_scroll_on_a_phone_instead_of_widening_it(page) -> None:
    assert "svg{max-width:100%" in page
    assert '<div class="wide"><table>' in page


def test_the_moments_say_how_many_more_notable_findings_follow_as_in_the_terminal(
    make_conversation,
) -> None:
    conversation = make_conversation(ROWS)
    markers = tuple(
        Marker("probe", f"kind_{n}", (n % 4,), "A note.", (), Layer.RAPPORT, True)
        for n in range(10)
    )
    analysis = SessionAnalysis(results={"probe": AnalyserResult("probe", "1", markers=markers)})

    page = render_html(conversation, analysis)

    assert "2 more notable moments are among the findings below." in page
