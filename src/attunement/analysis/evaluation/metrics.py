"""Agreement between our labels and expert labels: pure Python, no scikit-learn.

``score(gold, predicted, classes)`` gives everything `attune eval` prints for one task:
accuracy, per-class precision/recall/F1, macro-F1 over the task's classes, Cohen's kappa and
the confusion matrix. Predicted labels outside ``classes`` (for example ``"none"`` when our
analysers found nothing to label) count as errors and get their own confusion column.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any


def precision_recall_f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from counts; 0.0 where a ratio has nothing to divide by."""
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def confusion_matrix(
    gold: Sequence[str], predicted: Sequence[str], labels: Sequence[str]
) -> list[list[int]]:
    """Rows are gold labels, columns predicted labels, both in the order of ``labels``."""
    position = {label: i for i, label in enumerate(labels)}
    matrix = [[0] * len(labels) for _ in labels]
    for g, p in zip(gold, predicted, strict=True):
        matrix[position[g]][position[p]] += 1
    return matrix


def cohen_kappa(gold: Sequence[str], predicted: Sequence[str]) -> float:
    """Agreement beyond chance between two coders of the same items."""
    n = len(gold)
    if n == 0:
        return 0.0
    observed = sum(g == p for g, p in zip(gold, predicted, strict=True)) / n
    gold_counts, predicted_counts = Counter(gold), Counter(predicted)
    expected = sum(gold_counts[k] * predicted_counts[k] for k in gold_counts) / (n * n)
    if expected == 1.0:
        # Both coders used one and the same label throughout: kappa is undefined.
        return 1.0 if observed == 1.0 else 0.0
    return (observed - expected) / (1.0 - expected)


def accuracy(gold: Sequence[str], predicted: Sequence[str]) -> float:
    if not gold:
        return 0.0
    return sum(g == p for g, p in zip(gold, predicted, strict=True)) / len(gold)


def score(
    gold: Sequence[str], predicted: Sequence[str], classes: Sequence[str] | None = None
) -> dict[str, Any]:
    """Every figure for one task; macro-F1 averages over ``classes`` (default: gold labels)."""
    if len(gold) != len(predicted):
        raise ValueError("gold and predicted labels differ in length")
    task_classes = list(classes) if classes is not None else sorted(set(gold))
    extra = sorted((set(gold) | set(predicted)) - set(task_classes))
    labels = task_classes + extra
    matrix = confusion_matrix(gold, predicted, labels)
    per_class = _per_class(matrix, labels, task_classes)
    f1s = [per_class[c]["f1"] for c in task_classes]
    return {
        "n": len(gold),
        "accuracy": accuracy(gold, predicted),
        "macro_f1": sum(f1s) / len(f1s) if f1s else 0.0,
        "kappa": cohen_kappa(gold, predicted),
        "per_class": per_class,
        "confusion": {"labels": labels, "matrix": matrix},
    }


def _per_class(
    matrix: list[list[int]], labels: list[str], classes: list[str]
) -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {}
    for i, label in enumerate(labels):
        if label not in classes:
            continue
        tp = matrix[i][i]
        fn = sum(matrix[i]) - tp
        fp = sum(row[i] for row in matrix) - tp
        precision, recall, f1 = precision_recall_f1(tp, fp, fn)
        out[label] = {"precision": precision, "recall": recall, "f1": f1, "support": tp + fn}
    return out
