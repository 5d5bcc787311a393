"""A competency evidence map: the session's findings grouped under the areas coaching assessors
look at, each with the turns that show it, or marked as not assessable.

The areas are named in our own words: agreements, trust and safety, presence, active listening,
evoking awareness, client growth. Nothing here is a grade: each entry points at evidence a coach
or mentor can look at. What a transcript cannot show (posture, tone, eye contact ...) is listed
as "not assessable from a transcript" rather than guessed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from attunement.analysis.base import AnalysisContext, result
from attunement.analysis.model import AnalyserResult, Layer, Marker
from attunement.analysis.registry import hookimpl

NOT_ASSESSABLE = "not assessable from a transcript"
AREAS = {
    "agreements": "Setting and keeping agreements",
    "trust_safety": "Trust and psychological safety",
    "presence": "Staying present with the client",
    "active_listening": "Listening actively",
    "evoking_awareness": "Evoking awareness",
    "client_growth": "Supporting the client's growth",
}
# Signals that need eyes and ears in the room; text alone cannot show them.
UNSEEN = {
    "posture": "how coach and client sit and move",
    "eye_contact": "where they look and for how long",
    "facial_expression": "what their faces show",
    "tone_of_voice": "warmth, pitch and intensity of the voices",
    "gestures": "hand and body movement, and any mirroring",
    "breathing": "pace of breath in deeper moments",
    "physical_energy": "the energy level in the room or on screen",
}
UNSEEN_WITHOUT_TIMES = {"silence": "how long the pauses were (the transcript has no times)"}
AREA_LAYER = {
    "agreements": Layer.STRUCTURE,
    "trust_safety": Layer.SAFETY_TRUST,
    "presence": Layer.RAPPORT,
    "active_listening": Layer.LISTENING_INQUIRY,
    "evoking_awareness": Layer.LISTENING_INQUIRY,
    "client_growth": Layer.OPENNESS,
}
Finding = dict[str, Any]


def finding(text: str, turns: list[int] | tuple[int, ...], source: str) -> Finding:
    return {"finding": text, "turns": sorted(turns), "source": source}


def labelled(ctx: AnalysisContext, analyser: str, key: str, values: set[Any]) -> list[int]:
    """Turns whose label ``key`` from ``analyser`` is one of ``values``."""
    found = ctx.results.get(analyser)
    if found is None:
        return []
    return [i for i, label in found.turn_labels.items() if label.get(key) in values]


def markers_of(ctx: AnalysisContext, analyser: str, *kinds: str) -> list[Marker]:
    found = ctx.results.get(analyser)
    return [m for m in found.markers if m.kind in kinds] if found else []


def agreements(ctx: AnalysisContext) -> list[Finding]:
    out = [
        finding(m.note, m.turns, "agreement")
        for m in markers_of(
            ctx,
            "agreement",
            "contracting_agreed",
            "contracting_open",
            "client_set_aim",
            "coach_set_aim",
            "close_invites",
            "close_open",
        )
    ]
    return out


def trust_safety(ctx: AnalysisContext) -> list[Finding]:
    out = []
    for move, text in (
        ("affirmation", "Affirmed or validated the client"),
        ("permission", "Asked permission before offering something"),
        ("feedback_invite", "Invited feedback on the coaching itself"),
        ("judging", "Turns that may sound judging"),
    ):
        turns = labelled(ctx, "moves", "main", {move})
        if turns:
            out.append(finding(f"{text} ({len(turns)})", turns, "moves"))
    validated = supported(ctx, "empathy")
    if validated:
        text = f"Acknowledged how hard something was for the client ({len(validated)})"
        out.append(finding(text, validated, "moves"))
    for m in markers_of(ctx, "moves", "advice_unasked"):
        text = f"Advice offered without first asking whether the client wanted it ({len(m.turns)})"
        out.append(finding(text, m.turns, "moves"))
    for m in markers_of(ctx, "openness", "self_disclosure", "doubt_coaching", "guarded_replies"):
        out.append(finding(m.note, m.turns, "openness"))
    return out


def supported(ctx: AnalysisContext, kind: str) -> list[int]:
    """Coach turns whose support (from ``moves``, wherever it sits in the turn) is of ``kind``."""
    moves = ctx.results.get("moves")
    if moves is None:
        return []
    return sorted(i for i, label in moves.turn_labels.items() if kind in label.get("support", ()))


def presence(ctx: AnalysisContext) -> list[Finding]:
    out = [
        finding(m.note, m.turns, "listening")
        for m in markers_of(ctx, "listening", "level3", "level1_stretch")
    ]
    out += [
        finding(m.note, m.turns, "timing")
        for m in markers_of(ctx, "timing", "long_pause_after_question", "coach_interrupts")
    ]
    # Holding a hard feeling before reassuring is presence; rushing past it is its absence.
    out += [
        finding(m.note, m.turns, "moves")
        for m in markers_of(ctx, "moves", "reassured_before_heard")
    ]
    return out


def active_listening(ctx: AnalysisContext) -> list[Finding]:
    out = []
    reflections = labelled(ctx, "moves", "main", {"reflection", "summary"})
    if reflections:
        out.append(
            finding(
                f"Reflected or summarised the client's words ({len(reflections)})",
                reflections,
                "moves",
            )
        )
    level2 = labelled(ctx, "listening", "level", {2, 3})
    if level2:
        out.append(
            finding(
                f"Coach turns focused on the client (levels 2 and 3): {len(level2)}",
                level2,
                "listening",
            )
        )
    out += [
        finding(m.note, m.turns, "matching")
        for m in markers_of(ctx, "matching", "echo", "metaphor_echoed", "metaphor_not_taken_up")
    ]
    out += [
        finding(m.note, m.turns, "listening") for m in markers_of(ctx, "listening", "topic_switch")
    ]
    out += [
        finding(m.note, m.turns, "moves")
        for m in markers_of(ctx, "moves", "checks_understanding", "feelings_not_reflected")
    ]
    return out


def evoking_awareness(ctx: AnalysisContext) -> list[Finding]:
    out = []
    questions = ctx.results.get("questions")
    if questions is not None:
        open_turns = [
            i
            for i, label in questions.turn_labels.items()
            if any(q.get("form") == "open" for q in label.get("questions", []))
        ]
        if open_turns:
            out.append(
                finding(f"Open questions in {len(open_turns)} turns", open_turns, "questions")
            )
    inquiry = ctx.results.get("inquiry")
    if inquiry is not None:
        deeper = [
            i
            for i, label in inquiry.turn_labels.items()
            if any(
                q.get("type") in {"assumption_challenging", "future_focused", "resource_accessing"}
                for q in label.get("questions", [])
            )
        ]
        if deeper:
            out.append(
                finding(
                    "Questions that challenge assumptions, look ahead or draw on resources",
                    deeper,
                    "inquiry",
                )
            )
    out += [finding(m.note, m.turns, "openness") for m in markers_of(ctx, "openness", "insight")]
    return out


def client_growth(ctx: AnalysisContext) -> list[Finding]:
    out = [
        finding(m.note, m.turns, "openness")
        for m in markers_of(ctx, "openness", "change_talk", "sustain_talk", "client_goal")
    ]
    close = ctx.results.get("agreement")
    if close is not None:
        actions = close.metrics.get("closing", {}).get("next_actions", {})
        if actions.get("present"):
            out.append(
                finding(
                    "Next actions were named at the close", actions.get("turns", []), "agreement"
                )
            )
    return out


GATHER: dict[str, Callable[[AnalysisContext], list[Finding]]] = {
    "agreements": agreements,
    "trust_safety": trust_safety,
    "presence": presence,
    "active_listening": active_listening,
    "evoking_awareness": evoking_awareness,
    "client_growth": client_growth,
}


def not_assessable(has_times: bool) -> list[dict[str, str]]:
    unseen = dict(UNSEEN) if has_times else {**UNSEEN, **UNSEEN_WITHOUT_TIMES}
    return [
        {"signal": signal, "what": what, "status": NOT_ASSESSABLE}
        for signal, what in unseen.items()
    ]


class CompetencyAnalyser:
    name: ClassVar[str] = "competency"
    version: ClassVar[str] = "1.3"
    needs: ClassVar[tuple[str, ...]] = ("roles",)
    uses: ClassVar[tuple[str, ...]] = (
        "moves",
        "questions",
        "inquiry",
        "timing",
        "listening",
        "matching",
        "openness",
        "agreement",
    )
    produces: ClassVar[tuple[str, ...]] = ("competency_map",)
    description: ClassVar[str] = (
        "The session's findings grouped under coaching-competency areas with their evidence "
        "turns, and what a transcript cannot show marked as not assessable."
    )

    def analyse(self, ctx: AnalysisContext) -> AnalyserResult:
        areas = {}
        for key, title in AREAS.items():
            found = GATHER[key](ctx)
            areas[key] = {
                "title": title,
                "findings": found,
                "status": "evidence" if found else "no evidence found in this transcript",
            }
        metrics = {"areas": areas, "not_assessable": not_assessable(ctx.conversation.has_times)}
        markers = competency_markers(self.name, areas)
        return result(self, metrics=metrics, markers=tuple(markers))


def competency_markers(name: str, areas: dict[str, Any]) -> list[Marker]:
    """One marker per area that has no evidence at all: worth a look, not a verdict."""
    return [
        Marker(
            name,
            "area_without_evidence",
            (),
            f"{area['title']}: nothing in this transcript shows it either way.",
            (),
            AREA_LAYER[key],
            guide="competencies",
        )
        for key, area in areas.items()
        if not area["findings"]
    ]


@hookimpl
def attunement_analysers() -> list[CompetencyAnalyser]:
    return [CompetencyAnalyser()]
