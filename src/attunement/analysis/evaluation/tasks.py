"""Run our analysers over expert-labelled conversations and score each labelling task.

A dataset reader turns its file into ``LabelledConversation``s: a ``Conversation`` plus, per
task, the expert label of some of its turns. ``evaluate`` analyses each conversation once,
maps our labels onto the dataset's (``mapping.py``) and scores them (``metrics.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from attunement.analysis.base import Encoder
from attunement.analysis.evaluation import mapping
from attunement.analysis.evaluation.mapping import TurnLabels
from attunement.analysis.evaluation.metrics import score
from attunement.errors import AttuneError
from attunement.transcript.model import Conversation


class DatasetError(AttuneError):
    """An evaluation file is not in the format its command reads."""


@dataclass(frozen=True)
class Task:
    """One labelling task: its classes, the analyser it needs and how to read its answer."""

    name: str
    classes: tuple[str, ...]
    analyser: str
    predict: Callable[[TurnLabels, int], str]


TASKS: dict[str, Task] = {
    task.name: task
    for task in (
        Task(
            "therapist_behaviour",
            ("question", "reflection", "therapist_input", "other"),
            "moves",
            mapping.therapist_behaviour,
        ),
        Task("question_subtype", ("open", "closed"), "questions", mapping.question_subtype),
        Task("reflection_subtype", ("simple", "complex"), "moves", mapping.reflection_subtype),
        Task(
            "client_talk_type",
            ("change", "neutral", "sustain"),
            "openness",
            mapping.client_talk_type,
        ),
        Task(
            "strategy",
            (
                "Question",
                "Restatement or Paraphrasing",
                "Reflection of feelings",
                "Self-disclosure",
                "Affirmation and Reassurance",
                "Providing Suggestions",
                "Information",
                "Others",
            ),
            "moves",
            mapping.strategy,
        ),
    )
}


@dataclass(frozen=True)
class LabelledConversation:
    """A conversation and its expert labels: task name -> turn index -> label."""

    conversation: Conversation
    gold: Mapping[str, Mapping[int, str]] = field(default_factory=dict)


Analyse = Callable[[Conversation], TurnLabels]


def pipeline_labeller(encoder: Encoder | None, analysers: Iterable[str]) -> Analyse:
    """Per-turn labels from the real analysis pipeline, running only the analysers named."""
    from attunement.analysis.pipeline import analyse

    only = sorted(set(analysers))

    def labels(conversation: Conversation) -> TurnLabels:
        session = analyse(conversation, encoder=encoder, only=only)
        return {name: r.turn_labels for name, r in session.results.items()}

    return labels


def available_analysers() -> set[str]:
    from attunement.analysis.registry import analysers

    return set(analysers())


def evaluate(
    items: Sequence[LabelledConversation],
    task_names: Sequence[str],
    analyse: Analyse,
    *,
    installed: set[str],
    on_progress: Callable[[int], None] | None = None,
    errors: int = 0,
) -> dict[str, dict[str, Any]]:
    """Scores per task; a task whose analyser is not installed is reported as skipped.

    With ``errors``, each task also lists up to that many disagreements (spread over the file)
    to look at while tuning; they quote the dataset, so they are printed, never stored.
    """
    tasks = [TASKS[name] for name in task_names]
    runnable = [t for t in tasks if t.analyser in installed]
    pairs: dict[str, tuple[list[str], list[str]]] = {t.name: ([], []) for t in runnable}
    misses: dict[str, list[dict[str, Any]]] = {t.name: [] for t in runnable}
    for item in items:
        labels = analyse(item.conversation) if runnable else {}
        for task in runnable:
            for turn, label in sorted(item.gold.get(task.name, {}).items()):
                ours = task.predict(labels, turn)
                pairs[task.name][0].append(label)
                pairs[task.name][1].append(ours)
                if errors and ours != label:
                    misses[task.name].append(_miss(item.conversation, turn, label, ours))
        if on_progress is not None:
            on_progress(1)
    report: dict[str, dict[str, Any]] = {}
    for task in tasks:
        if task not in runnable:
            report[task.name] = {"skipped": f"the {task.analyser} analyser is not installed"}
            continue
        report[task.name] = score(*pairs[task.name], task.classes)
        if errors:
            report[task.name]["errors"] = _spread(misses[task.name], errors)
    return report


def _miss(conversation: Conversation, turn: int, expert: str, ours: str) -> dict[str, Any]:
    before = conversation[turn - 1].text if turn > 0 else ""
    return {
        "source": conversation.source,
        "turn": turn,
        "expert": expert,
        "ours": ours,
        "before": before,
        "text": conversation[turn].text,
    }


def _spread(rows: list[dict[str, Any]], limit: int) -> list[dict[str, Any]]:
    """At most ``limit`` rows, evenly spaced, so they are not all from the first conversation."""
    if len(rows) <= limit:
        return rows
    step = len(rows) / limit
    return [rows[int(i * step)] for i in range(limit)]


def analysers_for(task_names: Sequence[str]) -> set[str]:
    return {TASKS[name].analyser for name in task_names}
