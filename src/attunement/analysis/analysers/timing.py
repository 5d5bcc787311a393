"""Timing: who starts speaking before the other has finished, and how long the client takes
to answer the coach's questions.

Both need times; a transcript without them gets ``mode: "no timing"`` and no markers, rather
than a guess. Small overlaps are ignored because export tools round cue times.
"""

from __future__ import annotations

from itertools import pairwise
from statistics import median
from typing import Any, ClassVar

from attunement.analysis.base import AnalysisContext, result
from attunement.analysis.model import AnalyserResult, Layer, Marker
from attunement.analysis.registry import hookimpl
from attunement.transcript.model import Role, Turn

# Overlaps shorter than this are cue rounding, not someone cutting in.
MIN_OVERLAP = 0.3
# A pause this long after a question is worth noticing; this long, worth looking at again.
LONG_PAUSE = 3.0
NOTABLE_PAUSE = 6.0
# A reply that starts this soon after a question left the client little time to think.
QUICK_REPLY = 0.5
# Cutting in by a second or more is more than eagerness at a turn boundary.
NOTABLE_OVERLAP = 1.0


def overlap(previous: Turn, current: Turn) -> float | None:
    """Seconds by which ``current`` starts before ``previous`` ends, if both are timed."""
    if previous.end is None or current.start is None:
        return None
    return previous.end - current.start


def interruptions(turns: tuple[Turn, ...]) -> list[tuple[Turn, Turn, float]]:
    """(interrupted turn, interrupting turn, seconds of overlap) for each cut-in."""
    found = []
    for previous, current in pairwise(turns):
        if previous.speaker == current.speaker:
            continue
        seconds = overlap(previous, current)
        if seconds is not None and seconds >= MIN_OVERLAP:
            found.append((previous, current, round(seconds, 2)))
    return found


def question_turns(ctx: AnalysisContext) -> dict[int, list[str]]:
    """Coach turns holding questions, with the questions' text, from the questions analyser."""
    labels = ctx.results["questions"].turn_labels if "questions" in ctx.results else {}
    asked = {i: [q["text"] for q in row.get("questions", ())] for i, row in labels.items()}
    return {i: texts for i, texts in asked.items() if texts}


def pauses_after_questions(
    turns: tuple[Turn, ...], asked: dict[int, list[str]]
) -> list[tuple[Turn, Turn, float]]:
    """(coach question turn, client reply, seconds of silence between them)."""
    found = []
    for question, reply in pairwise(turns):
        if question.index not in asked or reply.role != Role.CLIENT:
            continue
        if question.end is None or reply.start is None:
            continue
        found.append((question, reply, round(max(0.0, reply.start - question.end), 2)))
    return found


def interruption_marker(interrupted: Turn, by: Turn, seconds: float) -> Marker:
    if by.role == Role.COACH:
        note = (
            f"The coach starts speaking {seconds:.1f} s before the client has finished. "
            "What was the client in the middle of saying, and did they come back to it?"
        )
        layer = Layer.LISTENING_INQUIRY
    else:
        note = (
            f"The client starts speaking {seconds:.1f} s before the coach has finished. "
            "Was something pressing to be said, or had the coach's point already landed?"
        )
        layer = Layer.RAPPORT
    return Marker(
        analyser=TimingAnalyser.name,
        kind=f"{by.role}_interrupts",
        turns=(interrupted.index, by.index),
        note=note,
        evidence=(_last_words(interrupted.text), _first_words(by.text)),
        layer=layer,
        notable=by.role == Role.COACH and seconds >= NOTABLE_OVERLAP,
    )


def pause_marker(question: Turn, reply: Turn, seconds: float, asked: list[str]) -> Marker:
    return Marker(
        analyser=TimingAnalyser.name,
        kind="long_pause_after_question",
        turns=(question.index, reply.index),
        note=(
            f"The client took {seconds:.1f} s before answering this question: time to think. "
            "The coach let the silence stand. What did the question open up?"
        ),
        evidence=(asked[-1],),
        layer=Layer.LISTENING_INQUIRY,
        notable=seconds >= NOTABLE_PAUSE,
    )


def _first_words(text: str, limit: int = 8) -> str:
    parts = text.split()
    return " ".join(parts[:limit]) + (" …" if len(parts) > limit else "")


def _last_words(text: str, limit: int = 8) -> str:
    parts = text.split()
    return ("… " if len(parts) > limit else "") + " ".join(parts[-limit:])


def _count_by_role(cut_ins: list[tuple[Turn, Turn, float]]) -> dict[str, int]:
    counts = {str(role): 0 for role in Role}
    for _, by, _ in cut_ins:
        counts[str(by.role)] += 1
    return counts


def _pause_metrics(pauses: list[tuple[Turn, Turn, float]]) -> dict[str, Any]:
    seconds = [s for _, _, s in pauses]
    return {
        "count": len(seconds),
        "median": round(median(seconds), 2) if seconds else None,
        "max": max(seconds) if seconds else None,
        "long": sum(1 for s in seconds if s >= LONG_PAUSE),
        "quick": sum(1 for s in seconds if s < QUICK_REPLY),
    }


def _duration(turns: tuple[Turn, ...]) -> float | None:
    starts = [t.start for t in turns if t.start is not None]
    ends = [t.end for t in turns if t.end is not None]
    if not starts or not ends:
        return None
    return round(max(ends) - min(starts), 1)


class TimingAnalyser:
    name: ClassVar[str] = "timing"
    version: ClassVar[str] = "1"
    needs: ClassVar[tuple[str, ...]] = ("roles", "questions")
    uses: ClassVar[tuple[str, ...]] = ("timestamps",)
    produces: ClassVar[tuple[str, ...]] = ("timing",)
    description: ClassVar[str] = (
        "Interruptions from overlapping times; pauses before the client answers."
    )

    def analyse(self, ctx: AnalysisContext) -> AnalyserResult:
        if not ctx.conversation.has_times:
            return result(self, metrics={"mode": "no timing"})
        turns = ctx.turns
        asked = question_turns(ctx)
        cut_ins = interruptions(turns)
        pauses = pauses_after_questions(turns, asked)
        markers = [interruption_marker(*found) for found in cut_ins]
        markers += [pause_marker(q, r, s, asked[q.index]) for q, r, s in pauses if s >= LONG_PAUSE]
        markers.sort(key=lambda m: m.turns)
        metrics = {
            "mode": "timed",
            "duration": _duration(turns),
            "interruptions": _count_by_role(cut_ins),
            "pauses_after_questions": _pause_metrics(pauses),
        }
        return result(self, metrics=metrics, markers=tuple(markers))


@hookimpl
def attunement_analysers() -> list[TimingAnalyser]:
    return [TimingAnalyser()]
