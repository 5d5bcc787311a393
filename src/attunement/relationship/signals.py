"""From one session's analysis to the signals the health rules read.

``signals_from(analysis, conversation)`` is the one place that knows which analyser measures
what: the web app calls it on stored analyses and ``attune simulate`` (unless ``--fast``) on
generated sessions, so both judge a relationship by the same numbers. Pure: no Django, no I/O.
A signal whose analyser did not run stays ``None`` and the rules that need it stay silent.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from attunement.analysis.labels import is_open
from attunement.analysis.model import SessionAnalysis
from attunement.relationship.history import SessionSignals
from attunement.transcript.model import Conversation, Role

# Openness mixes how often the client shows something of themselves (a feeling, a disclosure,
# an insight) with which way their talk about change leans. Showing oneself weighs more: a
# client can lean towards change while telling the coach nothing personal. On generated
# sessions this gives good ones 0.32-0.43, strained middles 0.25-0.39 and strained ones
# 0.06-0.15, against the surface-talk floors of 0.10 / 0.22 / 0.28 by phase.
OPEN_WEIGHT = 0.7
CHANGE_WEIGHT = 0.3


def signals_from(analysis: SessionAnalysis, conversation: Conversation) -> SessionSignals:
    """What one analysed session says about the relationship."""
    openness = analysis.results.get("openness")
    labels = openness.turn_labels if openness else {}
    metrics = analysis.metrics("openness")
    return SessionSignals(
        client_share=_client_share(analysis.metrics("talk")),
        client_words_per_turn=client_words_per_turn(conversation),
        openness=openness_value(labels, metrics),
        insight_rate=_rate(labels, "insight"),
        reporting_rate=_rate(labels, "reporting"),
        resistance=_resistance(labels) if openness else None,
        depth=_depth(analysis.metrics("listening")),
        client_proposed_goals=_client_proposed(analysis.metrics("agreement")),
        coach_questions_per_turn=_questions_per_turn(analysis.metrics("questions")),
        turns_with_markers=turns_with_markers(analysis),
    )


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _client_share(talk: Mapping[str, Any]) -> float | None:
    shares = talk.get("share_words")
    return _number(shares.get("client")) if isinstance(shares, Mapping) else None


def client_words_per_turn(conversation: Conversation) -> float | None:
    turns = conversation.by_role(Role.CLIENT)
    if not turns:
        return None
    return round(sum(len(t.text.split()) for t in turns) / len(turns), 1)


def openness_value(
    labels: Mapping[int, Mapping[str, Any]], metrics: Mapping[str, Any]
) -> float | None:
    """0..1: the share of client turns that show feelings, disclosure or insight, blended with
    the share of change among change and sustain talk (0 when there was none of either)."""
    if not labels:
        return None
    open_share = sum(1 for label in labels.values() if is_open(label)) / len(labels)
    change_share = _number(metrics.get("change_share")) or 0.0
    return round(OPEN_WEIGHT * open_share + CHANGE_WEIGHT * change_share, 3)


def _rate(labels: Mapping[int, Mapping[str, Any]], key: str) -> float | None:
    if not labels:
        return None
    return round(sum(1 for label in labels.values() if label.get(key)) / len(labels), 3)


def _resistance(labels: Mapping[int, Mapping[str, Any]]) -> int:
    """Client turns with at least one resistance sign (a turn with two counts once)."""
    return sum(1 for label in labels.values() if label.get("resistance"))


def _depth(listening: Mapping[str, Any]) -> float | None:
    """Share of the coach's turns the listening analyser placed at level 3."""
    shares = listening.get("shares")
    return _number(shares.get("3")) if isinstance(shares, Mapping) else None


def _client_proposed(agreement: Mapping[str, Any]) -> bool | None:
    who = agreement.get("aim_proposed_by")
    return None if who not in ("client", "coach") else who == "client"


def _questions_per_turn(questions: Mapping[str, Any]) -> float | None:
    return _number(questions.get("per_coach_turn"))


def turns_with_markers(analysis: SessionAnalysis) -> dict[str, tuple[int, ...]]:
    """The turns behind each signal, so a warning sign can point at them."""
    openness = analysis.results.get("openness")
    labels = openness.turn_labels if openness else {}
    listening = analysis.results.get("listening")
    levels = listening.turn_labels if listening else {}
    found = {
        "resistance": [i for i, label in labels.items() if label.get("resistance")],
        "openness": [i for i, label in labels.items() if is_open(label)],
        "insight": [i for i, label in labels.items() if label.get("insight")],
        "reporting": [i for i, label in labels.items() if label.get("reporting")],
        "depth": [i for i, label in levels.items() if label.get("level") == 3],
    }
    return {name: tuple(sorted(turns)) for name, turns in found.items() if turns}
