"""Encode a whole evaluation file once and keep its vectors between runs.

Tuning an analyser means running `attune eval` many times over the same few thousand turns; the
encoder is by far the slowest part, and its output for a given text never changes. So every
turn of the file is encoded up front (batched across conversations) and the vectors are cached
in the data folder, keyed by the file's content and the model. They are numbers, not text.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from attunement.analysis.base import Encoder

CHUNK = 512


def _key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


class PrecomputedEncoder:
    """Serves vectors computed earlier; asks the real encoder only for texts it has not seen."""

    def __init__(self, inner: Encoder, vectors: dict[str, np.ndarray]) -> None:
        self.inner = inner
        self.name = inner.name
        self.vectors = vectors

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        keys = [_key(t) for t in texts]
        missing = sorted(
            {k: t for k, t in zip(keys, texts, strict=True) if k not in self.vectors}.items()
        )
        if missing:
            fresh = self.inner.encode([t for _, t in missing])
            self.vectors.update({k: v for (k, _), v in zip(missing, fresh, strict=True)})
        if not keys:
            return self.inner.encode([])
        return np.stack([self.vectors[k] for k in keys])


def cache_file(data_dir: Path, source: Path, model: str) -> Path:
    digest = hashlib.sha256(source.read_bytes()).hexdigest()[:16]
    return data_dir / "cache" / "eval" / f"{source.stem}-{digest}-{model}.npz"


def precompute(
    inner: Encoder,
    texts: Sequence[str],
    cache: Path,
    on_progress: Callable[[int], None] | None = None,
) -> PrecomputedEncoder:
    """An encoder that already holds a vector for every text, from the cache or encoded now."""
    vectors: dict[str, np.ndarray] = {}
    if cache.is_file():
        with np.load(cache) as stored:
            vectors = dict(zip(stored["keys"].tolist(), stored["vectors"], strict=True))
    todo = sorted({_key(t): t for t in texts if _key(t) not in vectors}.items())
    for start in range(0, len(todo), CHUNK):
        chunk = todo[start : start + CHUNK]
        for (key, _), vector in zip(chunk, inner.encode([t for _, t in chunk]), strict=True):
            vectors[key] = vector
        if on_progress is not None:
            on_progress(len(chunk))
    if todo:
        cache.parent.mkdir(parents=True, exist_ok=True)
        keys = list(vectors)
        partial = cache.with_suffix(".partial")
        with partial.open("wb") as handle:
            np.savez(handle, keys=np.array(keys), vectors=np.stack([vectors[k] for k in keys]))
        partial.replace(cache)  # a run stopped half-way never leaves a broken cache
    return PrecomputedEncoder(inner, vectors)
