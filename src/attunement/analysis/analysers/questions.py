"""Coach questions: each one found, open or closed, and questions stacked in one turn.

How one sentence is read (whether it asks, and whether it asks openly) lives in
``_question_reading``; this module applies it to every coach sentence and builds the metrics
and markers. The reading functions are re-exported here for the analysers that use them.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

from attunement.analysis.analysers._question_reading import (
    has_question_form,
    is_question,
    lead_words,
    question_form,
    words,
)
from attunement.analysis.base import AnalysisContext, result
from attunement.analysis.model import AnalyserResult, Layer, Marker
from attunement.analysis.registry import hookimpl
from attunement.transcript.model import Role

# Read by other analysers (moves, inquiry, timing) through this module.
__all__ = [
    "QuestionsAnalyser",
    "coach_questions",
    "has_question_form",
    "is_question",
    "lead_words",
    "question_form",
    "words",
]


def coach_questions(sentences: tuple[str, ...]) -> list[dict[str, Any]]:
    """Every question among one coach turn's sentences, with its form."""
    return [
        {"text": s, "form": question_form(s), "marked": s.rstrip().endswith("?")}
        for s in sentences
        if is_question(s)
    ]


# "Can I pull a few threads together? … Is that a fair summary?" asks leave for the coach's own
# next step, which the coach then takes: the client is not left with two questions to answer.
_ASKS_LEAVE = re.compile(
    r"^\W*(?:(?:can|may|could) i|do you mind if i|is it (?:ok|okay|alright|all right) if i|"
    r"would it be (?:ok|okay|alright|all right|helpful) if i)\b",
    re.IGNORECASE,
)


def is_stacked(found: list[dict[str, Any]]) -> bool:
    """Two or more questions left for the client to answer in one turn; asking leave for what
    the coach says next does not count as one of them."""
    return sum(1 for q in found if not _ASKS_LEAVE.match(str(q["text"]))) >= 2


def _stacked_note(found: list[dict[str, Any]]) -> str:
    forms = [q["form"] for q in found]
    note = f"{len(found)} questions in one turn before the client could answer."
    if forms[0] == "open" and forms[-1] == "closed":
        note += " The last one is closed: which of them did the client take up?"
    else:
        note += " Which of them did the client answer, and which were left behind?"
    return note


def _stacked_marker(index: int, found: list[dict[str, Any]]) -> Marker:
    forms = [q["form"] for q in found]
    narrowed = forms[0] == "open" and forms[-1] == "closed"
    return Marker(
        analyser=QuestionsAnalyser.name,
        kind="stacked_questions",
        turns=(index,),
        note=_stacked_note(found),
        evidence=tuple(q["text"] for q in found),
        layer=Layer.LISTENING_INQUIRY,
        notable=len(found) >= 3 or narrowed,
    )


def _closed_run_markers(asked: list[tuple[int, list[dict[str, Any]]]]) -> list[Marker]:
    """Runs of three or more coach turns in a row whose questions are all closed."""
    markers: list[Marker] = []
    run: list[tuple[int, list[dict[str, Any]]]] = []
    for item in [*asked, (-1, [{"form": "open"}])]:
        if all(q["form"] == "closed" for q in item[1]):
            run.append(item)
            continue
        if len(run) >= 3:
            markers.append(
                Marker(
                    analyser=QuestionsAnalyser.name,
                    kind="closed_question_run",
                    turns=tuple(i for i, _ in run),
                    note=(
                        f"{len(run)} coach turns in a row asked only closed questions. "
                        "Was the conversation following the client or a checklist here?"
                    ),
                    evidence=tuple(qs[0]["text"] for _, qs in run),
                    layer=Layer.LISTENING_INQUIRY,
                )
            )
        run = []
    return markers


def _metrics(asked: list[tuple[int, list[dict[str, Any]]]], coach_turns: int) -> dict[str, Any]:
    forms = [q["form"] for _, found in asked for q in found]
    count = len(forms)
    opened = forms.count("open")
    return {
        "count": count,
        "open": opened,
        "closed": count - opened,
        "open_share": round(opened / count, 3) if count else None,
        "coach_turns": coach_turns,
        "turns_with_questions": len(asked),
        "per_coach_turn": round(count / coach_turns, 3) if coach_turns else None,
        "stacked_turns": sum(1 for _, found in asked if is_stacked(found)),
    }


class QuestionsAnalyser:
    name: ClassVar[str] = "questions"
    # 1.1: each clause read on its own, scaling and place questions closed (29 November 2026).
    # 1.2: a broken-off question gives way to the one asked after it; proposals ("why don't we
    # meet again?") closed, "where does that leave you?" open (29 November 2026).
    # 1.3: "do", "have", "are" and "were" before "it", "that" or "this" instruct ("…and do it
    # this week"), they do not ask (29 November 2026).
    # 1.4: "You can tell me if I'm off" is no question, and asking leave for the coach's own next
    # step ("Can I pull a few threads together?") is not stacked with the question after it.
    version: ClassVar[str] = "1.4"
    needs: ClassVar[tuple[str, ...]] = ("roles",)
    uses: ClassVar[tuple[str, ...]] = ()
    produces: ClassVar[tuple[str, ...]] = ("coach_questions",)
    description: ClassVar[str] = (
        "Each coach question, open or closed; questions stacked in one turn."
    )

    def analyse(self, ctx: AnalysisContext) -> AnalyserResult:
        asked: list[tuple[int, list[dict[str, Any]]]] = []
        coach_turns = 0
        for turn, text in zip(ctx.turns, ctx.texts, strict=True):
            if turn.role != Role.COACH:
                continue
            coach_turns += 1
            found = coach_questions(text.sentences)
            if found:
                asked.append((turn.index, found))
        labels = {i: {"questions": found, "stacked": is_stacked(found)} for i, found in asked}
        markers = [_stacked_marker(i, found) for i, found in asked if is_stacked(found)]
        markers += _closed_run_markers(asked)
        markers.sort(key=lambda m: m.turns)
        return result(
            self, metrics=_metrics(asked, coach_turns), markers=tuple(markers), turn_labels=labels
        )


@hookimpl
def attunement_analysers() -> list[QuestionsAnalyser]:
    return [QuestionsAnalyser()]
