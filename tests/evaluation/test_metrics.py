"""The agreement figures, checked against small cases worked out by hand."""

from __future__ import annotations

import pytest

from attunement.analysis.evaluation.metrics import (
    cohen_kappa,
    confusion_matrix,
    precision_recall_f1,
    score,
)

GOLD = ["a", "a", "a", "b", "b", "c"]
OURS = ["a", "a", "b", "b", "c", "c"]


def test_confusion_matrix_puts_expert_labels_in_rows_and_ours_in_columns() -> None:
    assert confusion_matrix(GOLD, OURS, ["a", "b", "c"]) == [[2, 1, 0], [0, 1, 1], [0, 0, 1]]


@pytest.mark.parametrize(
    ("label", "precision", "recall", "f1"),
    [("a", 1.0, 2 / 3, 0.8), ("b", 0.5, 0.5, 0.5), ("c", 0.5, 1.0, 2 / 3)],
)
def test_per_class_figures_match_the_hand_computed_ones(
    label: str, precision: float, recall: float, f1: float
) -> None:
    row = score(GOLD, OURS)["per_class"][label]
    assert row["precision"] == pytest.approx(precision)
    assert row["recall"] == pytest.approx(recall)
    assert row["f1"] == pytest.approx(f1)


def test_macro_f1_accuracy_and_kappa_match_the_hand_computed_ones() -> None:
    result = score(GOLD, OURS)
    assert result["macro_f1"] == pytest.approx((0.8 + 0.5 + 2 / 3) / 3)
    assert result["accuracy"] == pytest.approx(4 / 6)
    # observed 4/6, chance (3*2 + 2*2 + 1*2) / 36 = 1/3, so kappa = (2/3 - 1/3) / (2/3)
    assert result["kappa"] == pytest.approx(0.5)


def test_kappa_is_zero_when_agreement_is_only_what_chance_gives() -> None:
    assert cohen_kappa(["x", "y", "x", "y"], ["x", "x", "y", "y"]) == pytest.approx(0.0)


def test_kappa_of_two_coders_who_always_say_the_same_single_label_is_one() -> None:
    assert cohen_kappa(["x", "x"], ["x", "x"]) == 1.0


def test_a_label_we_predicted_outside_the_task_counts_as_a_miss_with_its_own_column() -> None:
    result = score(["x", "y"], ["x", "none"], classes=("x", "y"))
    assert result["confusion"] == {
        "labels": ["x", "y", "none"],
        "matrix": [[1, 0, 0], [0, 0, 1], [0, 0, 0]],
    }
    assert set(result["per_class"]) == {"x", "y"}
    assert result["macro_f1"] == pytest.approx(0.5)


def test_ratios_with_nothing_to_divide_by_are_zero() -> None:
    assert precision_recall_f1(0, 0, 0) == (0.0, 0.0, 0.0)


def test_gold_and_predicted_of_different_lengths_are_refused() -> None:
    with pytest.raises(ValueError, match="length"):
        score(["a"], ["a", "b"])
