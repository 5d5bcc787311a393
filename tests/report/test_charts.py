"""SVG charts are well-formed, self-contained strings with one bar segment per share."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from attunement.report.charts import share_bar, talk_share_chart

SVG = "{http://www.w3.org/2000/svg}"


def _rects(svg: str) -> list[ET.Element]:
    return list(ET.fromstring(svg).iter(f"{SVG}rect"))


def test_talk_share_chart_stacks_coach_and_client_in_each_window() -> None:
    windows = [
        {"start_turn": 0, "end_turn": 4, "coach": 0.25, "client": 0.75, "other": 0.0},
        {"start_turn": 5, "end_turn": 9, "coach": 0.9, "client": 0.1, "other": 0.0},
    ]
    svg = talk_share_chart(windows, width=200, height=120)
    titles = [r.findtext(f"{SVG}title") for r in _rects(svg) if r.find(f"{SVG}title") is not None]
    assert titles == [
        "turns 1–5: coach 25% of the words",
        "turns 1–5: client 75% of the words",
        "turns 6–10: coach 90% of the words",
        "turns 6–10: client 10% of the words",
    ]


def test_coach_segment_height_is_proportional_to_the_coach_share() -> None:
    windows = [{"start_turn": 0, "end_turn": 0, "coach": 0.5, "client": 0.5, "other": 0.0}]
    svg = talk_share_chart(windows, width=200, height=120)
    background, coach, client = _rects(svg)[:3]
    assert float(coach.get("height")) == float(client.get("height"))
    assert float(coach.get("height")) * 2 == float(background.get("height"))


def test_an_empty_session_draws_a_message_instead_of_bars() -> None:
    svg = talk_share_chart([])
    assert "no turns to show" in svg
    assert [r for r in _rects(svg) if r.find(f"{SVG}title") is not None] == []


def test_share_bar_splits_its_width_by_share_and_handles_nothing_measured() -> None:
    widths = [
        float(r.get("width")) for r in _rects(share_bar({"coach": 0.4, "client": 0.6}, width=100))
    ]
    assert widths == [40.0, 60.0]
    assert "nothing measured" in share_bar(None)
