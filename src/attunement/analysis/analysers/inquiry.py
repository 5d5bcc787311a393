"""Inquiry: what each coach question is for, and how it is asked.

Each question the ``questions`` analyser found is placed in one family of powerful inquiry
(exploration, assumption-challenging, future-focused, resource-accessing, or other) from our
own phrase lists (``lexicon/inquiry.toml``), and flagged when it is leading ("don't you think…",
"wouldn't it be better…") or a "why" question. Only open questions count as exploration; a
closed question of no family is "other".
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any, ClassVar

from attunement.analysis.analysers._word_start import word_start_alternation
from attunement.analysis.analysers.questions import lead_words
from attunement.analysis.base import AnalysisContext, result
from attunement.analysis.model import AnalyserResult, Layer, Marker
from attunement.analysis.registry import hookimpl
from attunement.analysis.text import CaselessPattern

TYPES = ("exploration", "assumption_challenging", "future_focused", "resource_accessing", "other")
FAMILIES = ("assumption_challenging", "future_focused", "resource_accessing")
LEXICON_FILE = Path(__file__).parents[1] / "lexicon" / "inquiry.toml"
# A session with at least this many questions and none looking ahead is worth a note.
FUTURE_CHECK_MIN_QUESTIONS = 10
# "Why don't you…" and "why not…" suggest rather than ask for reasons.
_SUGGESTING_WHY = re.compile(r"^why (don't|not|wouldn't|won't)\b")


@cache
def patterns() -> dict[str, CaselessPattern]:
    """Each family's phrases and the leading-question phrases, compiled once (any case)."""
    data = tomllib.loads(LEXICON_FILE.read_text(encoding="utf-8"))
    return {
        key: CaselessPattern(
            r"\b(?:" + "|".join(f"(?:{p})" for p in data[key]) + ")",
            same=word_start_alternation(data[key]),
        )
        for key in (*FAMILIES, "leading")
    }


def question_type(text: str, form: str) -> str:
    """The inquiry family of one question."""
    found = patterns()
    lowered = text.lower()
    for family in FAMILIES:
        if found[family].occurs_in(text, lowered):
            return family
    return "exploration" if form == "open" else "other"


def is_leading(text: str) -> bool:
    """A question that carries its own answer ("Wouldn't it be better to…?")."""
    return patterns()["leading"].occurs_in(text.replace("\u2019", "'"))


def is_why(text: str) -> bool:
    """A question asking for reasons with "why" (not "why don't you…", which suggests)."""
    lead = " ".join(lead_words(text, limit=3))
    return lead.startswith("why") and not _SUGGESTING_WHY.match(lead)


def read_question(question: dict[str, Any]) -> dict[str, Any]:
    text = str(question["text"])
    return {
        "text": text,
        "type": question_type(text, str(question.get("form", "closed"))),
        "leading": is_leading(text),
        "why": is_why(text),
    }


def _marker(
    kind: str, turns: tuple[int, ...], note: str, evidence: tuple[str, ...], notable: bool
) -> Marker:
    return Marker(
        analyser=InquiryAnalyser.name,
        kind=kind,
        turns=turns,
        note=note,
        evidence=evidence,
        layer=Layer.LISTENING_INQUIRY,
        notable=notable,
        guide="powerful-inquiry",
    )


def question_markers(index: int, read: list[dict[str, Any]]) -> list[Marker]:
    markers = []
    for q in read:
        if q["leading"]:
            note = "This question seems to carry its own answer. Whose idea did it invite?"
            markers.append(_marker("leading_question", (index,), note, (q["text"],), True))
        elif q["why"]:
            note = (
                'A "why" question can be heard as a request to justify. '
                'Would "what" or "how" have opened the same door?'
            )
            markers.append(_marker("why_question", (index,), note, (q["text"],), False))
    return markers


def session_markers(labels: dict[int, dict[str, Any]]) -> list[Marker]:
    asked = [(i, q) for i, row in sorted(labels.items()) for q in row["questions"]]
    if len(asked) < FUTURE_CHECK_MIN_QUESTIONS or any(
        q["type"] == "future_focused" for _, q in asked
    ):
        return []
    note = (
        f"None of the {len(asked)} questions in this session looked ahead. "
        "Was there a moment to ask what the client wants next?"
    )
    return [_marker("no_future_questions", (), note, (), False)]


def metrics(labels: dict[int, dict[str, Any]]) -> dict[str, Any]:
    asked = [q for row in labels.values() for q in row["questions"]]
    types = Counter(q["type"] for q in asked)
    return {
        "count": len(asked),
        "types": {t: types[t] for t in TYPES},
        "leading": sum(q["leading"] for q in asked),
        "why": sum(q["why"] for q in asked),
    }


class InquiryAnalyser:
    name: ClassVar[str] = "inquiry"
    version: ClassVar[str] = "1.1"
    needs: ClassVar[tuple[str, ...]] = ("roles", "questions")
    uses: ClassVar[tuple[str, ...]] = ()
    produces: ClassVar[tuple[str, ...]] = ("inquiry_types",)
    description: ClassVar[str] = (
        "Each coach question typed as exploration, assumption-challenging, future-focused, "
        "resource-accessing or other; leading and why questions."
    )

    def analyse(self, ctx: AnalysisContext) -> AnalyserResult:
        asked = ctx.result("questions").turn_labels
        labels = {
            i: {"questions": [read_question(q) for q in row.get("questions", ())]}
            for i, row in sorted(asked.items())
        }
        markers = [m for i, row in labels.items() for m in question_markers(i, row["questions"])]
        markers += session_markers(labels)
        return result(self, metrics=metrics(labels), markers=tuple(markers), turn_labels=labels)


@hookimpl
def attunement_analysers() -> list[InquiryAnalyser]:
    return [InquiryAnalyser()]
