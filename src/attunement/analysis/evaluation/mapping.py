"""How our per-turn labels map onto the expert labels of the public datasets.

Only the agreed ``turn_labels`` keys are read (``moves.main``, ``moves.reflection``,
``questions.questions[].form``, ``openness.talk_type``; for ESConv also ``moves.moves`` and the
finer distinctions ``moves`` adds: ``reflection_focus``, ``reflection_signposted``,
``checks_understanding``, ``support``, ``suggestion_hint``, ``speaks_of_self``), so the
analysers can change inside without touching this file. ``docs/evaluation.md`` shows the same mapping as a table.
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

# ESConv supporter strategy: the strategy a main move stands for when none of the rules of
# ``strategy`` below decides first.
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
RESTATEMENT = "Restatement or Paraphrasing"
FEELINGS = "Reflection of feelings"
AFFIRMATION = "Affirmation and Reassurance"
ASKING = ("question", "permission", "feedback_invite")
# Main moves that a supporter's own story or a softer suggestion outweighs: statements that
# only speak about the client (reflection), about the world (information), or neither.
UNMARKED = ("reflection", "information", "other")

TurnLabels = Mapping[str, Mapping[int, Mapping[str, Any]]]  # analyser -> turn -> labels


def _label(labels: TurnLabels, analyser: str, turn: int) -> Mapping[str, Any]:
    return labels.get(analyser, {}).get(turn) or {}


def therapist_behaviour(labels: TurnLabels, turn: int) -> str:
    main = _label(labels, "moves", turn).get("main")
    return THERAPIST_BEHAVIOUR.get(main, NONE) if main else NONE


def question_subtype(labels: TurnLabels, turn: int) -> str:
    """The form of the turn's last question: it is the one left for the client to answer, so
    "What happened? Was it the money?" hands over a closed question."""
    forms = [q.get("form") for q in _label(labels, "questions", turn).get("questions", [])]
    last = forms[-1] if forms else None
    return last if last in ("open", "closed") else NONE


def reflection_subtype(labels: TurnLabels, turn: int) -> str:
    depth = _label(labels, "moves", turn).get("reflection")
    return depth if depth in ("simple", "complex") else NONE


def client_talk_type(labels: TurnLabels, turn: int) -> str:
    talk = _label(labels, "openness", turn).get("talk_type")
    return talk if talk in ("change", "neutral", "sustain") else NONE


def strategy(labels: TurnLabels, turn: int) -> str:
    """ESConv's one strategy per supporter turn, read over the turn's whole ``moves`` labels.

    ESConv's coders pick the strategy that carries the turn, so the order differs from the
    main move's: the supporter's own story first; a reflection checked with the client ("…, is
    that right?") restates; then a question asks; a statement with no stronger cue tells the
    supporter's own life or hints at a suggestion; reassurance or praise anywhere in the turn
    affirms, also when said as a reflection ("you'll get through this"); then the reflection
    rules of ``_reflection_strategy``; and good wishes alone ("Have a good day") close.
    """
    move = _label(labels, "moves", turn)
    main = move.get("main")
    if not main:
        return NONE
    support = set(move.get("support") or ())
    if main == "self_disclosure":
        return "Self-disclosure"
    if move.get("checks_understanding") and "reflection" in (move.get("moves") or ()):
        return RESTATEMENT
    if main in ASKING:
        return "Question"
    affirms = bool(support & {"reassurance", "strength"})
    if main in UNMARKED and move.get("speaks_of_self"):
        return "Self-disclosure"
    if main in UNMARKED and move.get("suggestion_hint") and not affirms:
        return "Providing Suggestions"
    if affirms:
        return AFFIRMATION
    if main == "reflection":
        return _reflection_strategy(move, support)
    if main == "affirmation" and support == {"wishes"}:
        return "Others"
    return STRATEGY.get(main, "Others")


def _reflection_strategy(move: Mapping[str, Any], support: set[str]) -> str:
    """Feelings when the reflection names a feeling or feels with the client ("That must be so
    hard"); restating when it opens as a reflection; otherwise encouraging."""
    if move.get("reflection_focus") == "feeling" or "empathy" in support:
        return FEELINGS
    return RESTATEMENT if move.get("reflection_signposted") else AFFIRMATION
