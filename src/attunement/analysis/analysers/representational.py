"""Representational language: does the client frame experience as seeing, hearing or feeling,
and does the coach's wording meet them there?

Counted over sensory predicates from our own lexicon. A preference is named only when the client
has used enough of them and one system clearly leads; it describes a habit of language, not a
kind of person.
"""

from __future__ import annotations

from collections import Counter
from typing import Any, ClassVar

from attunement.analysis.analysers._connection_util import TaggedPattern, lexicon, share
from attunement.analysis.base import AnalysisContext, result
from attunement.analysis.model import AnalyserResult, Layer, Marker
from attunement.analysis.registry import hookimpl
from attunement.transcript.model import Role

SYSTEMS = ("visual", "auditory", "kinesthetic")
LEX = lexicon("representational.json")
# Single words are looked up in the turn's cached word list (fast); phrases go through a pattern.
WORD_SYSTEM = {word: system for system in reversed(SYSTEMS) for word in LEX[system]["words"]}
PHRASES = TaggedPattern({system: LEX[system]["phrases"] for system in SYSTEMS})
# Enough evidence for a preference: this many predicates from the client, the leading system
# holding at least this share, and clearly ahead of the next one.
MIN_CLIENT_PREDICATES = 8
MIN_LEADING_SHARE = 0.45
MIN_LEAD_RATIO = 1.5
LOW_MATCH = 0.25
MIN_COACH_PREDICATES = 5


def predicates_by_turn(ctx: AnalysisContext, role: Role) -> dict[int, list[tuple[str, str]]]:
    """The sensory predicates in each turn of one role."""
    found = {}
    for turn in ctx.turns:
        if turn.role != role:
            continue
        hits = [(WORD_SYSTEM[w], w) for w in ctx.texts[turn.index].words if w in WORD_SYSTEM]
        if " " in turn.text:
            hits += PHRASES.find(turn.text)
        if hits:
            found[turn.index] = hits
    return found


def preference(counts: Counter[str]) -> str | None:
    """The client's leading system, when there is enough evidence for one."""
    total = sum(counts.values())
    if total < MIN_CLIENT_PREDICATES:
        return None
    ranked = counts.most_common()
    leader, top = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    if top / total >= MIN_LEADING_SHARE and top >= MIN_LEAD_RATIO * max(runner_up, 1):
        return leader
    return None


class RepresentationalAnalyser:
    name: ClassVar[str] = "representational"
    version: ClassVar[str] = "1.1"
    needs: ClassVar[tuple[str, ...]] = ("roles",)
    uses: ClassVar[tuple[str, ...]] = ()
    produces: ClassVar[tuple[str, ...]] = ("representational_language",)
    description: ClassVar[str] = (
        "Visual, auditory and kinesthetic wording of client and coach; the client's preference "
        "when the evidence allows, and how often the coach's wording matches it."
    )

    def analyse(self, ctx: AnalysisContext) -> AnalyserResult:
        client = predicates_by_turn(ctx, Role.CLIENT)
        coach = predicates_by_turn(ctx, Role.COACH)
        client_counts = Counter(system for hits in client.values() for system, _ in hits)
        coach_counts = Counter(system for hits in coach.values() for system, _ in hits)
        preferred = preference(client_counts)
        coach_total = sum(coach_counts.values())
        metrics = {
            "client": {s: client_counts.get(s, 0) for s in SYSTEMS},
            "coach": {s: coach_counts.get(s, 0) for s in SYSTEMS},
            "client_preference": preferred,
            "coach_match_share": share(coach_counts.get(preferred, 0), coach_total)
            if preferred
            else None,
        }
        labels = {
            i: {"systems": sorted({s for s, _ in hits}), "words": [w for _, w in hits]}
            for i, hits in sorted({**client, **coach}.items())
        }
        markers = representational_markers(self.name, metrics, client, coach)
        return result(self, metrics=metrics, markers=tuple(markers), turn_labels=labels)


def representational_markers(
    name: str,
    metrics: dict[str, Any],
    client: dict[int, list[tuple[str, str]]],
    coach: dict[int, list[tuple[str, str]]],
) -> list[Marker]:
    preferred = metrics["client_preference"]
    if preferred is None:
        return []
    turns = tuple(i for i, hits in client.items() if any(s == preferred for s, _ in hits))
    words = tuple(dict.fromkeys(w for i in turns for s, w in client[i] if s == preferred))[:8]
    markers = [
        Marker(
            name,
            "client_preference",
            turns,
            f"The client's wording leans {preferred} "
            "(a habit of language, not a type). Questions framed the same way may land more easily.",
            words,
            Layer.RAPPORT,
            guide="representational-systems",
        )
    ]
    matched = tuple(i for i, hits in coach.items() if any(s == preferred for s, _ in hits))
    coach_total = sum(metrics["coach"].values())
    match = metrics["coach_match_share"]
    if matched:
        coach_words = tuple(
            dict.fromkeys(w for i in matched for s, w in coach[i] if s == preferred)
        )[:8]
        markers.append(
            Marker(
                name,
                "coach_matches_preference",
                matched,
                f"The coach used {preferred} wording here, in the client's own register.",
                coach_words,
                Layer.RAPPORT,
                guide="representational-systems",
            )
        )
    if coach_total >= MIN_COACH_PREDICATES and match is not None and match < LOW_MATCH:
        markers.append(
            Marker(
                name,
                "coach_mismatch",
                (),
                f"Only {match:.0%} of the coach's sensory "
                f"words were {preferred}, the client's leaning.",
                (),
                Layer.RAPPORT,
                guide="representational-systems",
            )
        )
    return markers


@hookimpl
def attunement_analysers() -> list[RepresentationalAnalyser]:
    return [RepresentationalAnalyser()]
