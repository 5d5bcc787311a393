"""The client's openness: change and sustain talk, feelings and self-disclosure, reflection
against reporting, resistance signs, goals the client raises, and looking ahead.

How each client turn's talk type (change, sustain, neutral) is read is in ``_talk_type``; the
resistance signs, read against the coach's turn before them, in ``_resistance``.
"""

from __future__ import annotations

from collections import Counter
from typing import Any, ClassVar

from attunement.analysis.analysers._connection_util import TaggedPattern, share
from attunement.analysis.analysers._resistance import (
    MIN_GUARDED_RUN,
    is_guarded,
    resistance_markers,
    resistance_signs,
)
from attunement.analysis.analysers._talk_type import (
    LEX,
    TALK_TYPES,
    TalkCall,
    asked_side,
    blend_with_meaning,
    classify_talk,
    example_vectors,
    meaning_scores,
    phrase_sides,
    plain_speech,
    previous_coach_text,
)
from attunement.analysis.base import AnalysisContext, result
from attunement.analysis.labels import is_open
from attunement.analysis.model import AnalyserResult, Layer, Marker
from attunement.analysis.registry import hookimpl
from attunement.transcript.model import Role

__all__ = ["OpennessAnalyser", "TalkCall", "classify_talk", "plain_speech", "turn_features"]

FEATURES = TaggedPattern(
    {
        "feeling": LEX["feeling"],
        "self_disclosure": LEX["self_disclosure"],
        "insight": LEX["insight"],
        "reporting": LEX["reporting"],
        "client_goal": LEX["client_goal"],
        "future": LEX["future"],
    }
)


# --- The analyser --------------------------------------------------------------------------
def turn_features(text: str, coach_before: str = "") -> dict[str, Any]:
    """Feelings, disclosure, insight, reporting, goals, future and resistance in one turn
    (resistance is read against the coach's turn before it: see ``_resistance``)."""
    plain = plain_speech(text)
    found: dict[str, list[str]] = {}
    for tag, words in FEATURES.find(plain):
        found.setdefault(tag, []).append(words)
    return {
        "feelings": found.get("feeling", []),
        "self_disclosure": found.get("self_disclosure", []),
        "insight": found.get("insight", []),
        "reporting": found.get("reporting", []),
        "goal": found.get("client_goal", []),
        "future": found.get("future", []),
        "resistance": resistance_signs(plain, coach_before),
    }


def label_turn(call: TalkCall, features: dict[str, Any], guarded: bool) -> dict[str, Any]:
    return {
        "talk_type": call.talk_type,
        "talk_reason": call.reason,
        "talk_evidence": list(call.evidence),
        "feelings": features["feelings"],
        "self_disclosure": bool(features["self_disclosure"]),
        "insight": bool(features["insight"]),
        "reporting": bool(features["reporting"]) and not features["insight"],
        "goal": bool(features["goal"]),
        "future": bool(features["future"]),
        "resistance": sorted(features["resistance"]) + (["guarded"] if guarded else []),
    }


class OpennessAnalyser:
    name: ClassVar[str] = "openness"
    version: ClassVar[str] = "1.6"
    needs: ClassVar[tuple[str, ...]] = ("roles",)
    uses: ClassVar[tuple[str, ...]] = ("encoder",)
    produces: ClassVar[tuple[str, ...]] = ("client_talk_type", "client_openness")
    description: ClassVar[str] = (
        "The client's change and sustain talk, feelings and self-disclosure, reflection against "
        "reporting, resistance signs, goals the client raised, and looking ahead."
    )

    def analyse(self, ctx: AnalysisContext) -> AnalyserResult:
        labels, evidence = self.label_turns(ctx)
        return result(
            self,
            metrics=openness_metrics(labels, len(ctx.turns)),
            markers=tuple(openness_markers(self.name, labels, evidence)),
            turn_labels=labels,
        )

    @staticmethod
    def meanings(ctx: AnalysisContext) -> dict[int, dict[str, float]]:
        """Meaning scores of the client's turns with words (none in lexical mode); only these
        turns are encoded."""
        indices = [
            t.index for t in ctx.turns if t.role == Role.CLIENT and ctx.texts[t.index].word_count
        ]
        vectors = ctx.vectors_for(indices)
        if vectors is None or not indices:
            return {}
        import numpy as np

        rows = np.stack([vectors[i] for i in indices])
        return dict(zip(indices, meaning_scores(rows, example_vectors(ctx.encoder)), strict=True))

    def label_turns(
        self, ctx: AnalysisContext
    ) -> tuple[dict[int, dict[str, Any]], dict[int, dict[str, Any]]]:
        turns, texts = ctx.turns, ctx.texts
        meanings = self.meanings(ctx)
        labels: dict[int, dict[str, Any]] = {}
        evidence: dict[int, dict[str, Any]] = {}
        previous = "neutral"
        for turn in turns:
            if turn.role != Role.CLIENT:
                continue
            before = previous_coach_text(turns, turn.index)
            count = texts[turn.index].word_count
            call = classify_talk(turn.text, count, before)
            if turn.index in meanings:
                change, sustain = phrase_sides(call)
                scores = meanings[turn.index]
                call = blend_with_meaning(
                    call, change, sustain, scores, previous, asked_side(before)
                )
            previous = call.talk_type
            features = turn_features(turn.text, before)
            guarded = is_guarded(turn.text, count, before)
            labels[turn.index] = label_turn(call, features, guarded)
            evidence[turn.index] = features
        return _guarded_only_when_repeated(labels), evidence


def _guarded_only_when_repeated(labels: dict[int, dict[str, Any]]) -> dict[int, dict[str, Any]]:
    """One short answer is ordinary; only a run of them says the client may be holding back."""
    guarded = [i for i, label in labels.items() if "guarded" in label["resistance"]]
    if len(guarded) < MIN_GUARDED_RUN:
        for i in guarded:
            labels[i]["resistance"] = [k for k in labels[i]["resistance"] if k != "guarded"]
    return labels


def openness_metrics(labels: dict[int, dict[str, Any]], n_turns: int) -> dict[str, Any]:
    client = len(labels)
    kinds = Counter(label["talk_type"] for label in labels.values())
    change, sustain = kinds.get("change", 0), kinds.get("sustain", 0)
    insight = sum(1 for label in labels.values() if label["insight"])
    reporting = sum(1 for label in labels.values() if label["reporting"])
    resistance = Counter(kind for label in labels.values() for kind in label["resistance"])
    return {
        "client_turns": client,
        "talk_types": {kind: kinds.get(kind, 0) for kind in TALK_TYPES},
        "change_share": share(change, change + sustain),
        "feeling_turn_share": share(_count(labels, "feelings"), client),
        "self_disclosure_turns": _count(labels, "self_disclosure"),
        "insight_turns": insight,
        "reporting_turns": reporting,
        "reflection_share": share(insight, insight + reporting),
        "resistance": dict(sorted(resistance.items())),
        "resistance_turns": sum(1 for label in labels.values() if label["resistance"]),
        "client_goal_turns": sorted(i for i, label in labels.items() if label["goal"]),
        "future_share": share(_count(labels, "future"), client),
        "course": openness_course(labels, n_turns),
    }


def _count(labels: dict[int, dict[str, Any]], key: str) -> int:
    return sum(1 for label in labels.values() if label[key])


def openness_course(labels: dict[int, dict[str, Any]], n_turns: int) -> list[dict[str, Any]]:
    """Per third of the session: how many client turns showed feelings, disclosure or insight,
    and the share of change among change and sustain talk."""
    thirds = [(round(k * n_turns / 3), round((k + 1) * n_turns / 3) - 1) for k in range(3)]
    course = []
    for start, end in thirds:
        inside = [label for i, label in labels.items() if start <= i <= end]
        change = sum(1 for label in inside if label["talk_type"] == "change")
        sustain = sum(1 for label in inside if label["talk_type"] == "sustain")
        course.append(
            {
                "start_turn": start,
                "end_turn": end,
                "open_share": share(sum(1 for label in inside if is_open(label)), len(inside)),
                "change_share": share(change, change + sustain),
            }
        )
    return course


def openness_markers(
    name: str, labels: dict[int, dict[str, Any]], evidence: dict[int, dict[str, Any]]
) -> list[Marker]:
    markers = [
        Marker(
            name,
            "insight",
            (i,),
            "The client put a realisation into words here: reflection "
            "rather than an account of events.",
            tuple(evidence[i]["insight"]),
            Layer.OPENNESS,
            notable=True,
            guide="positive-markers",
        )
        for i, label in labels.items()
        if label["insight"]
    ]
    markers += _talk_markers(name, labels)
    markers += resistance_markers(name, labels, evidence)
    markers += _summary_markers(name, labels, evidence)
    return markers


def _talk_markers(name: str, labels: dict[int, dict[str, Any]]) -> list[Marker]:
    notes = {
        "change": "The client spoke for change in these turns (wanting, being able, reasons, "
        "need, commitment or steps taken).",
        "sustain": "The client spoke for keeping things as they are in these turns: worth "
        "understanding before moving on.",
    }
    markers = []
    for kind, note in notes.items():
        turns = tuple(i for i, label in labels.items() if label["talk_type"] == kind)
        if turns:
            words = tuple(dict.fromkeys(w for i in turns for w in labels[i]["talk_evidence"]))
            markers.append(Marker(name, f"{kind}_talk", turns, note, words[:12], Layer.OPENNESS))
    return markers


# What the client showed, as (label, marker code, note, evidence words kept, notable, guide).
SUMMARY_MARKERS = (
    ("feelings", "feelings_named", "The client named feelings in these turns.", 12, False, ""),
    (
        "self_disclosure",
        "self_disclosure",
        "The client shared something personal or hard to say here.",
        8,
        True,
        "positive-markers",
    ),
    (
        "goal",
        "client_goal",
        "The client named what they want to work on, in their own words.",
        6,
        False,
        "",
    ),
)


def _summary_markers(
    name: str, labels: dict[int, dict[str, Any]], evidence: dict[int, dict[str, Any]]
) -> list[Marker]:
    markers = []
    for key, code, note, kept, notable, guide in SUMMARY_MARKERS:
        turns = tuple(i for i, label in labels.items() if label[key])
        if turns:
            words = tuple(dict.fromkeys(w for i in turns for w in evidence[i][key]))
            markers.append(
                Marker(
                    name,
                    code,
                    turns,
                    note,
                    words[:kept],
                    Layer.OPENNESS,
                    notable=notable,
                    guide=guide,
                )
            )
    return markers


@hookimpl
def attunement_analysers() -> list[OpennessAnalyser]:
    return [OpennessAnalyser()]
