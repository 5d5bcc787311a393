"""Server-rendered SVG charts: plain functions that return an SVG string.

No JavaScript and no external resources, so the same charts work in the self-contained HTML
report and in the web app's pages. All text placed in an SVG is escaped here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape
from typing import Any

COLOURS = {"coach": "#2f6690", "client": "#d98e04", "other": "#9a9a9a"}
ROLE_ORDER = ("coach", "client", "other")


def _num(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _rect(x: float, y: float, w: float, h: float, fill: str, title: str = "") -> str:
    tip = f"<title>{escape(title)}</title>" if title else ""
    return (
        f'<rect x="{_num(x)}" y="{_num(y)}" width="{_num(w)}" height="{_num(h)}" '
        f'fill="{fill}">{tip}</rect>'
    )


def _text(x: float, y: float, text: str, anchor: str = "middle", size: int = 11) -> str:
    return (
        f'<text x="{_num(x)}" y="{_num(y)}" font-size="{size}" text-anchor="{anchor}" '
        f'fill="#333">{escape(text)}</text>'
    )


def _legend(x: float, y: float) -> list[str]:
    parts = []
    for offset, role in enumerate(("coach", "client")):
        left = x + offset * 80
        parts.append(_rect(left, y - 9, 10, 10, COLOURS[role]))
        parts.append(_text(left + 14, y, role, anchor="start"))
    return parts


def _window_bar(
    window: Mapping[str, Any], x: float, width: float, top: float, height: float
) -> list[str]:
    """One stacked column: coach from the bottom, then client, then others."""
    parts = []
    bottom = top + height
    first, last = int(window["start_turn"]) + 1, int(window["end_turn"]) + 1
    for role in ROLE_ORDER:
        share = float(window.get(role) or 0.0)
        if share <= 0:
            continue
        h = share * height
        bottom -= h
        title = f"turns {first}–{last}: {role} {round(share * 100)}% of the words"
        parts.append(_rect(x, bottom, width, h, COLOURS[role], title))
    return parts


def talk_share_chart(
    windows: Sequence[Mapping[str, Any]], *, width: int = 640, height: int = 220
) -> str:
    """Stacked columns of each role's share of the words, window by window through the session.

    ``windows`` is the ``talk`` analyser's ``windows`` metric.
    """
    left, right, top, bottom = 40, 10, 24, 34
    plot_w, plot_h = width - left - right, height - top - bottom
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" class="talk-share-chart">',
        "<title>Share of the words spoken by coach and client across the session</title>",
        _rect(left, top, plot_w, plot_h, "#f4f4f4"),
    ]
    if windows:
        slot = plot_w / len(windows)
        for pos, window in enumerate(windows):
            parts += _window_bar(window, left + pos * slot + 1, max(slot - 2, 1), top, plot_h)
            label = f"{int(window['start_turn']) + 1}"
            parts.append(_text(left + pos * slot + slot / 2, top + plot_h + 14, label, size=10))
    else:
        parts.append(_text(left + plot_w / 2, top + plot_h / 2, "no turns to show"))
    half = top + plot_h / 2
    parts.append(
        f'<line x1="{left}" y1="{_num(half)}" x2="{left + plot_w}" y2="{_num(half)}" '
        'stroke="#fff" stroke-dasharray="4 3" stroke-width="1.5"/>'
    )
    parts += [
        _text(left - 6, top + 4, "100%", anchor="end", size=10),
        _text(left - 6, half + 4, "50%", anchor="end", size=10),
        _text(left - 6, top + plot_h, "0%", anchor="end", size=10),
        _text(left + plot_w / 2, height - 4, "turn where each part of the session starts", size=10),
        *_legend(left, 14),
        "</svg>",
    ]
    return "".join(parts)


def share_bar(shares: Mapping[str, float] | None, *, width: int = 320, height: int = 18) -> str:
    """One horizontal bar split by each role's share (of words or of time)."""
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" class="share-bar">'
    ]
    x = 0.0
    for role in ROLE_ORDER:
        share = float((shares or {}).get(role) or 0.0)
        if share <= 0:
            continue
        title = f"{role} {round(share * 100)}%"
        parts.append(_rect(x, 0, share * width, height, COLOURS[role], title))
        x += share * width
    if x == 0:
        parts.append(_rect(0, 0, width, height, "#eee", "nothing measured"))
    parts.append("</svg>")
    return "".join(parts)
