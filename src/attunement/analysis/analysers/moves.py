"""Coach moves: what each coach turn does (asks, reflects, advises, affirms…) and its main move.

The lexical reading lives in ``_moves_rules``: every sentence is read against our lexicon
(``lexicon/moves.toml``), a statement without a cue is a reflection when it speaks about the
client or reuses their words, and the main move is the one the turn leans on. With the sentence
encoder, turns that no cue decided are read again by meaning: closeness to the client's last
turn supports a reflection, and otherwise the nearest of our example turns
(``examples/moves.json``) vote, when they agree clearly enough. Each turn's labels also carry
finer distinctions that never change the moves (``_support_reading``): the reflection's focus,
checking, the kinds of affirmation, softer suggestions and the coach's own life; what they show
over the session (counts, and a few moments to look at again) comes from ``_support_findings``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import replace
from typing import Any, ClassVar

import numpy as np

from attunement.analysis.analysers._advice_findings import unasked_advice, unasked_advice_marker
from attunement.analysis.analysers._moves_rules import (
    MOVES,
    TurnMoves,
    classify_turn,
    content_words,
    excerpt,
    reflection_depth,
)
from attunement.analysis.analysers._support_findings import (
    nuance_markers,
    nuance_metrics,
    session_nuance,
)
from attunement.analysis.analysers._support_reading import read_nuance
from attunement.analysis.base import AnalysisContext, result
from attunement.analysis.model import AnalyserResult, Layer, Marker
from attunement.analysis.registry import hookimpl
from attunement.transcript.model import Role

__all__ = ["MOVES", "MovesAnalyser", "TurnMoves", "classify_turn"]

# Encoder: cosine to the client's last turn that makes an uncued statement a reflection, and the
# vote share and closeness the example vote needs before it replaces an uncued reading.
REFLECTION_COSINE = 0.55
VOTE_SHARE = 0.6
VOTE_NEAREST = 0.5
# Markers: coach turns in a row that advise or inform; client words before a well-placed
# complex reflection.
OFFER_RUN = 3
# How many of the client's latest turns a coach statement is compared with.
CLIENT_TURNS_READ = 3
LONG_CLIENT_TURN = 25
OFFERING = ("advice", "information")


def lexical_calls(ctx: AnalysisContext) -> tuple[dict[int, TurnMoves], dict[int, int]]:
    """Each coach turn's lexical reading, and the client turn just before it (if any)."""
    calls: dict[int, TurnMoves] = {}
    previous_client: dict[int, int] = {}
    recent: list[set[str]] = []
    client_words: set[str] = set()  # of the recent client turns, gathered once per client turn
    last_client = -1
    for turn, text in zip(ctx.turns, ctx.texts, strict=True):
        if turn.role == Role.CLIENT:
            recent = [*recent[-(CLIENT_TURNS_READ - 1) :], content_words(text.words)]
            client_words = set().union(*recent)
            last_client = turn.index
        elif turn.role == Role.COACH:
            calls[turn.index] = classify_turn(text, client_words)
            if last_client >= 0:
                previous_client[turn.index] = last_client
    return calls, previous_client


def with_meaning(
    ctx: AnalysisContext, calls: dict[int, TurnMoves], previous_client: dict[int, int]
) -> dict[int, TurnMoves]:
    """Uncued readings revised by sentence meaning; unchanged in lexical mode."""
    uncued = [i for i, call in calls.items() if not call.cued]
    clients = [previous_client[i] for i in uncued if i in previous_client]
    # Only the turns read here are encoded (see AnalysisContext.vectors_for).
    vectors = ctx.vectors_for([*uncued, *clients]) if uncued else None
    if vectors is None:
        return calls
    from attunement.analysis.prototypes import classify_turns

    votes = classify_turns(ctx, "moves", uncued) or {}
    revised = dict(calls)
    for index in uncued:
        closeness = _closeness(vectors, index, previous_client.get(index))
        if closeness >= REFLECTION_COSINE:
            revised[index] = _as(calls[index], "reflection")
            continue
        vote = votes.get(index)
        if vote and vote.share >= VOTE_SHARE and vote.nearest >= VOTE_NEAREST:
            revised[index] = _as(calls[index], vote.label)
    return revised


def _closeness(vectors: Mapping[int, np.ndarray], index: int, client: int | None) -> float:
    return float(vectors[index] @ vectors[client]) if client is not None else 0.0


def _as(call: TurnMoves, main: str) -> TurnMoves:
    moves = call.moves if main in call.moves else (*call.moves, main)
    depth, reflected = call.reflection, call.reflected
    if main == "reflection" and depth is None:
        depth = reflection_depth([call.evidence], None)
    if main == "reflection" and not reflected:
        reflected = (call.evidence,)
    return replace(call, main=main, moves=moves, reflection=depth, reflected=reflected)


def turn_labels(call: TurnMoves, sentences: tuple[str, ...]) -> dict[str, Any]:
    """A coach turn's labels: its main move, every move, the reflection's depth, and the finer
    distinctions of ``_support_reading`` (reflection focus, checking, kinds of affirmation)."""
    labels: dict[str, Any] = {
        "main": call.main,
        "moves": list(call.moves),
        "reflection": call.reflection,
    }
    labels.update(read_nuance(sentences, call.reflected).labels())
    return labels


def metrics(calls: dict[int, TurnMoves]) -> dict[str, Any]:
    mains = Counter(c.main for c in calls.values())
    total = len(calls)
    reflections = mains["reflection"] + mains["summary"]
    questions = mains["question"]
    depths = Counter(c.reflection for c in calls.values() if c.main == "reflection")
    return {
        "coach_turns": total,
        "main": {m: mains[m] for m in MOVES if mains[m]},
        "share": {m: round(mains[m] / total, 3) for m in MOVES if mains[m]} if total else {},
        "reflections_per_question": round(reflections / questions, 2) if questions else None,
        "complex_reflection_share": (
            round(depths["complex"] / sum(depths.values()), 3) if depths else None
        ),
    }


def offer_run_markers(calls: dict[int, TurnMoves]) -> list[Marker]:
    """Runs of coach turns in a row that advise or inform: the coach carrying the content."""
    markers: list[Marker] = []
    run: list[int] = []
    for index in [*sorted(calls), -1]:
        if index >= 0 and calls[index].main in OFFERING:
            run.append(index)
            continue
        if len(run) >= OFFER_RUN:
            markers.append(
                Marker(
                    analyser=MovesAnalyser.name,
                    kind="offer_run",
                    turns=tuple(run),
                    note=(
                        f"{len(run)} coach turns in a row gave advice or information. "
                        "How much room was left for the client's own ideas here?"
                    ),
                    evidence=tuple(excerpt(calls[i].evidence) for i in run[:3]),
                    layer=Layer.LISTENING_INQUIRY,
                    notable=len(run) > OFFER_RUN,
                    guide="powerful-inquiry",
                )
            )
        run = []
    return markers


def single_turn_markers(ctx: AnalysisContext, calls: dict[int, TurnMoves]) -> list[Marker]:
    """Judging, self-disclosure, feedback invitations and well-placed complex reflections."""
    markers = []
    for index, call in sorted(calls.items()):
        markers.extend(_single_markers(ctx, index, call))
    return markers


# The turn-level markers: (note, layer, notable, guide) for each kind.
_KINDS: dict[str, tuple[str, Layer, bool, str]] = {
    "judging": (
        "This turn reads as a judgement of the client. How might it have landed?",
        Layer.SAFETY_TRUST,
        True,
        "psychological-safety",
    ),
    "self_disclosure": (
        "The coach shared something of their own here. Did the focus return to the client?",
        Layer.RAPPORT,
        False,
        "trust-behaviours",
    ),
    "feedback_invite": (
        "The coach asked how the coaching itself was going for the client.",
        Layer.SAFETY_TRUST,
        False,
        "meta-conversation",
    ),
}


def _single_markers(ctx: AnalysisContext, index: int, call: TurnMoves) -> list[Marker]:
    found = []
    # A judgement lands however the turn goes on, also inside advice or a question; a turn
    # the example vote read as judging has no judging sentence of its own.
    judged = call.judged or ((call.evidence,) if call.main == "judging" else ())
    if judged:
        judging = replace(call, evidence=judged[0])
        found.append(_marker("judging", index, judging, *_KINDS["judging"]))
    if call.main in _KINDS and call.main != "judging":
        found.append(_marker(call.main, index, call, *_KINDS[call.main]))
    if call.main == "reflection" and call.reflection == "complex" and _after_long_share(ctx, index):
        note = (
            "After the client spoke at length, the coach reflected back a meaning or feeling "
            "rather than only the words."
        )
        found.append(_marker("complex_reflection", index, call, note, Layer.RAPPORT, True, ""))
    return found


def _marker(
    kind: str, index: int, call: TurnMoves, note: str, layer: Layer, notable: bool, guide: str
) -> Marker:
    return Marker(
        analyser=MovesAnalyser.name,
        kind=kind,
        turns=(index,),
        note=note,
        evidence=(excerpt(call.evidence),),
        layer=layer,
        notable=notable,
        guide=guide,
    )


def _after_long_share(ctx: AnalysisContext, index: int) -> bool:
    before = index - 1
    return (
        before >= 0
        and ctx.turns[before].role == Role.CLIENT
        and ctx.texts[before].word_count >= LONG_CLIENT_TURN
    )


class MovesAnalyser:
    name: ClassVar[str] = "moves"
    version: ClassVar[str] = "1.6"
    needs: ClassVar[tuple[str, ...]] = ("roles",)
    uses: ClassVar[tuple[str, ...]] = ("encoder",)
    produces: ClassVar[tuple[str, ...]] = ("coach_moves",)
    description: ClassVar[str] = (
        "Each coach turn's moves (question, reflection, advice, affirmation…) and its main move."
    )

    def analyse(self, ctx: AnalysisContext) -> AnalyserResult:
        calls, previous_client = lexical_calls(ctx)
        calls = with_meaning(ctx, calls, previous_client)
        labels = {i: turn_labels(c, ctx.texts[i].sentences) for i, c in calls.items()}
        nuance = session_nuance(ctx, calls, labels)
        markers = offer_run_markers(calls) + single_turn_markers(ctx, calls)
        markers += nuance_markers(ctx, calls, labels, nuance)
        unasked = unasked_advice(ctx, calls)
        if (advice := unasked_advice_marker(ctx, calls, unasked)) is not None:
            markers.append(advice)
        markers.sort(key=lambda m: m.turns)
        found = {
            **metrics(calls),
            "advice_without_permission": len(unasked),
            **nuance_metrics(labels, nuance),
        }
        return result(self, metrics=found, markers=tuple(markers), turn_labels=labels)


@hookimpl
def attunement_analysers() -> list[MovesAnalyser]:
    return [MovesAnalyser()]
