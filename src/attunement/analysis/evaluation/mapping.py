"""How our per-turn labels map onto the expert labels of the public datasets.

Only the agreed ``turn_labels`` keys are read (``moves.main``, ``moves.reflection``,
``questions.questions[].form``, ``openness.talk_type``), so the analysers can change inside
without touching this file. ``docs/evaluation.md`` shows the same mapping as a table.
A turn our analysers left unlabelled is predicted as ``NONE`` and counts as a miss.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

NONE = "none"

# AnnoMI main therapist behaviour. Its "therapist_input" covers information, advice, options
# and negotiation; affirmations, facilitation and structuring are coded "other" there.
THERAPIST_BEHAVIOUR = {
    "question": "question",
    "permission": "question",
    "feedback_invite": "question",
    "reflection": "reflection",
    "summary": "reflection",
    "advice": "therapist_input",
    "information": "therapist_input",
    "judging": "therapist_input",
    "challenge": "therapist_input",
    "affirmation": "other",
    "self_disclosure": "other",
    "structuring": "other",
    "facilitation": "other",
    "other": "other",
}

# ESConv supporter strategy. A reflection is split by its depth: a simple one restates, a
# complex one names a feeling or meaning (ESConv's "Reflection of feelings").
STRATEGY = {
    "question": "Question",
    "permission": "Question",
    "feedback_invite": "Question",
    "summary": "Restatement or Paraphrasing",
    "self_disclosure": "Self-disclosure",
    "affirmation": "Affirmation and Reassurance",
    "advice": "Providing Suggestions",
    "challenge": "Providing Suggestions",
    "information": "Information",
    "judging": "Others",
    "structuring": "Others",
    "facilitation": "Others",
    "other": "Others",
}
REFLECTION_STRATEGY = {
    "simple": "Restatement or Paraphrasing",
    "complex": "Reflection of feelings",
    None: "Restatement or Paraphrasing",
}

TurnLabels = Mapping[str, Mapping[int, Mapping[str, Any]]]  # analyser -> turn -> labels


def _label(labels: TurnLabels, analyser: str, turn: int) -> Mapping[str, Any]:
    return labels.get(analyser, {}).get(turn) or {}


def therapist_behaviour(labels: TurnLabels, turn: int) -> str:
    main = _label(labels, "moves", turn).get("main")
    return THERAPIST_BEHAVIOUR.get(main, NONE) if main else NONE


def question_subtype(labels: TurnLabels, turn: int) -> str:
    """Open when any question in the turn is open: one open invitation sets the turn's tone."""
    forms = [q.get("form") for q in _label(labels, "questions", turn).get("questions", [])]
    if "open" in forms:
        return "open"
    return "closed" if "closed" in forms else NONE


def reflection_subtype(labels: TurnLabels, turn: int) -> str:
    depth = _label(labels, "moves", turn).get("reflection")
    return depth if depth in ("simple", "complex") else NONE


def client_talk_type(labels: TurnLabels, turn: int) -> str:
    talk = _label(labels, "openness", turn).get("talk_type")
    return talk if talk in ("change", "neutral", "sustain") else NONE


def strategy(labels: TurnLabels, turn: int) -> str:
    move = _label(labels, "moves", turn)
    main = move.get("main")
    if not main:
        return NONE
    if main == "reflection":
        return REFLECTION_STRATEGY.get(move.get("reflection"), "Restatement or Paraphrasing")
    return STRATEGY.get(main, "Others")
