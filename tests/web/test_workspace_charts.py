"""The server-side SVG chart of findings over sessions."""

from __future__ import annotations

from attunement.practice.charts import line_chart


def test_a_chart_draws_one_line_per_series_with_a_point_per_session():
    svg = line_chart(["1 Oct", "15 Oct", "29 Oct"], {"Rapport": [1, 3, 2], "Safety": [0, 1, 4]})
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert svg.count("<polyline") == 2 and svg.count("<circle") == 6
    assert "Rapport, 15 Oct: 3" in svg


def test_chart_text_is_escaped():
    svg = line_chart(["<b>"], {"<script>": [1]}, title="A & B")
    assert "<script>" not in svg and "&lt;script&gt;" in svg and "A &amp; B" in svg


def test_nothing_to_draw_gives_an_empty_chart():
    assert line_chart([], {}) == ""
