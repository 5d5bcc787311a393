"""Several sessions side by side: a few figures per session and how they moved.

A coach's series with one client, or a researcher's folder of transcripts, is easier to read as
one table than as many reports. Each row holds figures the single-session report already gives
(``summary``) and the connection signals the workspace's health rules read
(``relationship.signals``), so the three never disagree. Nothing here prints: the command draws
the table, and ``csv_text`` writes the same figures for a spreadsheet.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass

from attunement.analysis.model import SessionAnalysis
from attunement.relationship.signals import signals_from
from attunement.report.summary import notable_count
from attunement.transcript.model import Conversation


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    title: str  # at most six characters a line, so the table fits 80 columns
    meaning: str  # one line for the legend and the docs
    percent: bool = True  # a 0..1 share shown as a percentage; else a number as it is

    @property
    def name(self) -> str:
        """The title on one line, for the legend and the course table."""
        return self.title.replace("-\n", "").replace("\n/", "/").replace("\n", " ")


COLUMNS: tuple[Column, ...] = (
    Column("client_share", "Client\nwords", "the client's share of the words"),
    Column("open_questions", "Open\nq", "open questions among the coach's questions"),
    Column("reflections_per_question", "Refl\n/q", "reflections per question", percent=False),
    Column("level_3", "Level\n3", "coach turns at listening level 3"),
    Column("echo", "Echo", "coach turns that take up the client's own words"),
    Column("openness", "Open-\nness", "client's openness: feelings, disclosure, insight, change"),
    Column("change", "Change", "change among the client's change and sustain talk"),
    Column("resistance", "Resist", "client turns showing resistance", percent=False),
    Column("notable", "Nota-\nble", "findings marked notable (look at these first)", percent=False),
)
SPARKS = "▁▂▃▄▅▆▇█"


@dataclass(frozen=True, slots=True)
class SeriesRow:
    """One session's figures; ``error`` instead when the file could not be analysed."""

    name: str
    turns: int = 0
    minutes: float | None = None
    figures: dict[str, float | None] | None = None
    error: str | None = None


def session_row(name: str, conversation: Conversation, analysis: SessionAnalysis) -> SeriesRow:
    """The figures of one analysed session (``None`` where an analyser did not run)."""
    signals = signals_from(analysis, conversation)
    questions = analysis.metrics("questions")
    openness = analysis.metrics("openness")
    duration = analysis.metrics("timing").get("duration")
    figures: dict[str, float | None] = {
        "client_share": signals.client_share,
        "open_questions": questions.get("open_share"),
        "reflections_per_question": analysis.metrics("moves").get("reflections_per_question"),
        "level_3": signals.depth,
        "echo": (analysis.metrics("matching").get("echo") or {}).get("echo_share"),
        "openness": signals.openness,
        "change": openness.get("change_share"),
        "resistance": signals.resistance,
        "notable": notable_count(analysis),
    }
    minutes = round(duration / 60, 1) if isinstance(duration, int | float) and duration else None
    return SeriesRow(name, len(conversation.turns), minutes, figures)


def shown(value: float | None, column: Column) -> str:
    """A figure as the table shows it: a percentage, a number, or "–" when not measured."""
    if value is None:
        return "–"
    if column.percent:
        return f"{round(value * 100)}%"
    # Counts as whole numbers; ratios with two decimals, so 0.40 lines up with 0.41.
    return str(value) if isinstance(value, int) else f"{value:.2f}"


def sparkline(values: Sequence[float | None]) -> str:
    """The course of one figure over the sessions in block characters (a gap where a session
    has no value); "" with fewer than two values, since one point has no course."""
    known = [v for v in values if v is not None]
    if len(known) < 2:
        return ""
    low, high = min(known), max(known)
    span = high - low
    top = len(SPARKS) - 1
    return "".join(
        " " if v is None else SPARKS[round((v - low) / span * top) if span else top // 2]
        for v in values
    )


def course(rows: Sequence[SeriesRow], column: Column) -> str:
    return sparkline([(row.figures or {}).get(column.key) for row in rows if row.error is None])


def csv_text(rows: Sequence[SeriesRow]) -> str:
    """The table as CSV: one line per session, shares as numbers between 0 and 1."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["session", "turns", "minutes", *(c.key for c in COLUMNS), "error"])
    for row in rows:
        figures = row.figures or {}
        values = ["" if figures.get(c.key) is None else figures[c.key] for c in COLUMNS]
        minutes = "" if row.minutes is None else row.minutes
        turns = row.turns if row.error is None else ""
        writer.writerow([row.name, turns, minutes, *values, row.error or ""])
    return out.getvalue()
