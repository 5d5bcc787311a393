"""Evaluation files are encoded once: vectors are cached between runs, keyed by file and model."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from attunement.analysis.evaluation.vectors import cache_file, precompute


class CountingEncoder:
    """A stand-in encoder that records every text it is asked to encode."""

    name = "counting"

    def __init__(self) -> None:
        self.seen: list[str] = []

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.seen.extend(texts)
        return np.array([[len(t), 1.0] for t in texts], dtype=np.float32).reshape(-1, 2)


def test_each_distinct_text_is_encoded_once_and_served_from_memory(tmp_path: Path) -> None:
    inner = CountingEncoder()
    encoder = precompute(inner, ["hi", "hello", "hi"], tmp_path / "c.npz")
    assert sorted(inner.seen) == ["hello", "hi"]
    vectors = encoder.encode(["hello", "hi"])
    assert vectors[:, 0].tolist() == [5.0, 2.0] and sorted(inner.seen) == ["hello", "hi"]


def test_a_second_run_reads_the_cache_and_encodes_only_new_texts(tmp_path: Path) -> None:
    cache = tmp_path / "c.npz"
    precompute(CountingEncoder(), ["one", "two"], cache)
    again = CountingEncoder()
    encoder = precompute(again, ["one", "two", "three"], cache)
    assert again.seen == ["three"]
    assert encoder.encode(["two"])[0, 0] == 3.0


def test_texts_not_seen_up_front_still_go_to_the_real_encoder(tmp_path: Path) -> None:
    inner = CountingEncoder()
    encoder = precompute(inner, ["one"], tmp_path / "c.npz")
    assert encoder.encode(["a new one"])[0, 0] == 9.0
    assert inner.seen == ["one", "a new one"]


def test_the_cache_file_changes_with_the_file_content_and_the_model(tmp_path: Path) -> None:
    source = tmp_path / "data.csv"
    source.write_text("a", encoding="utf-8")
    first = cache_file(tmp_path, source, "model-a")
    assert cache_file(tmp_path, source, "model-b") != first
    source.write_text("b", encoding="utf-8")
    assert cache_file(tmp_path, source, "model-a") != first
