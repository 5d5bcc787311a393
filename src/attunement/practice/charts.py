"""Small server-side SVG charts: a line chart of how counts moved across sessions (the client
page) and stacked bars of health bands per coach (the practice overview).

Each returns a plain SVG string (escaped text, no scripts, no external resources).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape

PALETTE = ("#2f6690", "#d98e04", "#3a7d44", "#9c3d54", "#6b5ca5", "#7a7a7a")


def _n(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _scale(count: int, top: int, height: float, pad: float) -> float:
    return pad + (height - 2 * pad) * (1 - count / top)


def line_chart(
    labels: Sequence[str],
    series: Mapping[str, Sequence[int]],
    *,
    width: int = 640,
    height: int = 220,
    title: str = "",
    top: int | None = None,
) -> str:
    """One line per series over the x labels (e.g. session dates). Empty input -> empty string.

    ``top`` fixes the y axis (e.g. 40 for a check-in total); by default the largest value.
    """
    if not labels or not series:
        return ""
    top = top or max(1, *(max(values, default=0) for values in series.values()))
    left, pad, legend_h = 34.0, 16.0, 8 + 22 * ((len(series) + 2) // 3)
    plot_h = height - legend_h
    step = (width - left - pad) / max(len(labels) - 1, 1)
    xs = [left + i * step for i in range(len(labels))]
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'role="img" aria-label="{escape(title)}" class="chart">',
        f"<title>{escape(title)}</title>",
        *_axes(xs, labels, top, plot_h, pad, left, width),
    ]
    for position, (name, values) in enumerate(series.items()):
        colour = PALETTE[position % len(PALETTE)]
        points = [(x, _scale(v, top, plot_h, pad)) for x, v in zip(xs, values, strict=False)]
        parts.append(_polyline(points, colour, name, values, labels))
        parts.append(_legend_item(position, name, colour, plot_h))
    parts.append("</svg>")
    return "".join(parts)


def _axes(
    xs: list[float],
    labels: Sequence[str],
    top: int,
    plot_h: float,
    pad: float,
    left: float,
    width: int,
) -> list[str]:
    base = plot_h - pad
    parts = [
        f'<line x1="{_n(left)}" y1="{_n(base)}" x2="{width - pad}" y2="{_n(base)}" stroke="#bbb"/>',
        f'<text x="{_n(left - 6)}" y="{_n(pad + 4)}" font-size="11" text-anchor="end">{top}</text>',
        f'<text x="{_n(left - 6)}" y="{_n(base + 4)}" font-size="11" text-anchor="end">0</text>',
    ]
    every = max(1, len(labels) // 8)  # keep the x labels legible on many sessions
    for i, (x, label) in enumerate(zip(xs, labels, strict=True)):
        if i % every == 0 or i == len(labels) - 1:
            parts.append(
                f'<text x="{_n(x)}" y="{_n(base + 14)}" font-size="10" '
                f'text-anchor="{_anchor(i, len(labels))}">{escape(label)}</text>'
            )
    return parts


def _anchor(index: int, count: int) -> str:
    # The last label ends at its point, so it is not cut off at the chart's right edge.
    return "end" if count > 1 and index == count - 1 else "middle"


def _polyline(
    points: list[tuple[float, float]],
    colour: str,
    name: str,
    values: Sequence[int],
    labels: Sequence[str],
) -> str:
    coords = " ".join(f"{_n(x)},{_n(y)}" for x, y in points)
    dots = "".join(
        f'<circle cx="{_n(x)}" cy="{_n(y)}" r="3" fill="{colour}">'
        f"<title>{escape(name)}, {escape(label)}: {value}</title></circle>"
        for (x, y), value, label in zip(points, values, labels, strict=False)
    )
    return f'<polyline points="{coords}" fill="none" stroke="{colour}" stroke-width="2"/>{dots}'


def _legend_item(position: int, name: str, colour: str, plot_h: float) -> str:
    x = 34 + (position % 3) * 200
    y = plot_h + 16 + (position // 3) * 20  # clear of the x labels above
    return (
        f'<rect x="{x}" y="{_n(y - 9)}" width="10" height="10" fill="{colour}"/>'
        f'<text x="{x + 14}" y="{_n(y)}" font-size="11">{escape(name)}</text>'
    )


# Band colours of the stacked bars, darker than the badges' backgrounds so thin slices show.
BAND_COLOURS = {
    "strong": "#3a7d44",
    "steady": "#2f6690",
    "strained": "#d98e04",
    "at_risk": "#9c3d54",
    "none": "#a9b1bb",
}


def stacked_bars(
    rows: Sequence[tuple[str, Mapping[str, int]]],
    labels: Mapping[str, str],
    *,
    width: int = 640,
    title: str = "",
) -> str:
    """One horizontal bar per row (e.g. per coach), split into the parts of ``labels`` in
    their order, each part as long as its count; a legend under the bars. Empty -> ""."""
    top = max((sum(parts.values()) for _, parts in rows), default=0)
    if not top:
        return ""
    left, bar_h, gap, pad = 150.0, 18.0, 10.0, 12.0
    height = pad + len(rows) * (bar_h + gap) + 8 + 22 * ((len(labels) + 2) // 3)
    unit = (width - left - pad - 30) / top
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {_n(height)}" '
        f'role="img" aria-label="{escape(title)}" class="chart">',
        f"<title>{escape(title)}</title>",
    ]
    for row, (name, counts) in enumerate(rows):
        y = pad + row * (bar_h + gap)
        parts.append(_bar_label(name, left, y + bar_h / 2 + 4))
        parts += _bar_parts(counts, labels, left, y, bar_h, unit)
        total = sum(counts.values())
        x_end = left + total * unit + 6
        parts.append(
            f'<text x="{_n(x_end)}" y="{_n(y + bar_h / 2 + 4)}" font-size="11">{total}</text>'
        )
    legend_top = pad + len(rows) * (bar_h + gap) - 6
    for position, (key, label) in enumerate(labels.items()):
        parts.append(_legend_item(position, label, BAND_COLOURS.get(key, PALETTE[0]), legend_top))
    parts.append("</svg>")
    return "".join(parts)


def _bar_label(name: str, left: float, y: float) -> str:
    short = name if len(name) <= 22 else name[:21] + "…"
    return (
        f'<text x="{_n(left - 8)}" y="{_n(y)}" font-size="12" text-anchor="end">'
        f"{escape(short)}</text>"
    )


def _bar_parts(
    counts: Mapping[str, int],
    labels: Mapping[str, str],
    left: float,
    y: float,
    bar_h: float,
    unit: float,
) -> list[str]:
    parts, x = [], left
    for key, label in labels.items():
        count = counts.get(key, 0)
        if count:
            colour = BAND_COLOURS.get(key, PALETTE[0])
            parts.append(
                f'<rect x="{_n(x)}" y="{_n(y)}" width="{_n(count * unit)}" height="{_n(bar_h)}" '
                f'fill="{colour}"><title>{escape(label)}: {count}</title></rect>'
            )
            x += count * unit
    return parts
