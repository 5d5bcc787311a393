"""Labelled example turns as prototypes: classify a turn by its nearest examples' labels.

The examples are turns we wrote ourselves (``attunement/analysis/examples/<set>.toml``); a coach
can add their own in ``<data dir>/examples/<set>.toml`` (or ``.jsonl``), and they join the
built-in set of the same name. With the sentence encoder, a turn takes the label its *k* most
similar examples vote for, each vote weighted by its cosine similarity. Example vectors are
encoded once per process and encoder, and kept on disk between runs (``stored_vectors``).

File formats, one example per entry, all UTF-8:

- TOML: ``[[example]]`` tables with ``label`` and ``text``;
- JSON lines: one ``{"label": ..., "text": ...}`` object per line;
- JSON: an object mapping each label to a list of texts (keys starting with ``_`` are notes).
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from attunement.analysis.base import Encoder
from attunement.errors import AnalysisError

if TYPE_CHECKING:
    from attunement.analysis.base import AnalysisContext

BUILT_IN = Path(__file__).parent / "examples"
SUFFIXES = (".toml", ".jsonl", ".json")


@dataclass(frozen=True, slots=True)
class Example:
    label: str
    text: str


@dataclass(frozen=True, slots=True)
class Prediction:
    """The winning label, its share of the weighted vote, and the closest example's cosine."""

    label: str
    share: float
    nearest: float


def read_examples(path: Path) -> list[Example]:
    """The examples of one file, in any of the three formats."""
    try:
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".toml":
            entries = tomllib.loads(text).get("example", [])
        elif path.suffix == ".jsonl":
            entries = [json.loads(line) for line in text.splitlines() if line.strip()]
        else:
            entries = _entries_from_mapping(json.loads(text))
        return [_example(entry, path) for entry in entries]
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, json.JSONDecodeError) as error:
        raise AnalysisError(
            f"The example file {path} could not be read ({error.__class__.__name__})",
            "fix or remove it; each example needs a label and a text",
        ) from None


def _entries_from_mapping(data: Any) -> list[dict[str, Any]]:
    if not isinstance(data, dict):
        return [{}]  # reported as malformed by _example
    return [
        {"label": label, "text": text}
        for label, texts in data.items()
        if not label.startswith("_")
        for text in (texts if isinstance(texts, list) else [texts])
    ]


def _example(entry: Any, path: Path) -> Example:
    if not isinstance(entry, dict) or not entry.get("label") or not entry.get("text"):
        raise AnalysisError(
            f"The example file {path} has an entry without a label and a text",
            'write each example as label = "..." and text = "..."',
        )
    return Example(str(entry["label"]).strip(), str(entry["text"]).strip())


def example_files(name: str, data_dir: Path | None = None) -> list[Path]:
    """The built-in file of example set ``name`` and the coach's own, if any."""
    folders = [BUILT_IN] + ([data_dir / "examples"] if data_dir is not None else [])
    return [f / f"{name}{s}" for f in folders for s in SUFFIXES if (f / f"{name}{s}").is_file()]


def load_examples(name: str, data_dir: Path | None = None) -> list[Example]:
    """Every example of the set, built-in first, duplicates dropped."""
    seen: dict[tuple[str, str], Example] = {}
    for path in example_files(name, data_dir):
        for example in read_examples(path):
            seen.setdefault((example.label, example.text.lower()), example)
    return list(seen.values())


class PrototypeClassifier:
    """Nearest-example voting over unit vectors (cosine = dot product)."""

    def __init__(self, examples: Sequence[Example], vectors: np.ndarray, k: int = 5) -> None:
        if not examples:
            raise AnalysisError("A prototype classifier needs at least one example", "")
        self.labels = sorted({e.label for e in examples})
        self.example_labels = np.array([self.labels.index(e.label) for e in examples])
        self.vectors = np.asarray(vectors, dtype=np.float32)
        self.k = max(1, min(k, len(examples)))

    def classify(self, vectors: np.ndarray) -> list[Prediction]:
        """One prediction per row of ``vectors``."""
        if len(vectors) == 0:
            return []
        similarity = np.asarray(vectors, dtype=np.float32) @ self.vectors.T
        nearest = np.argpartition(-similarity, self.k - 1, axis=1)[:, : self.k]
        return [self._vote(similarity[row], nearest[row]) for row in range(len(vectors))]

    def _vote(self, similarity: np.ndarray, nearest: np.ndarray) -> Prediction:
        # Negative similarities carry no evidence for a label, so they do not vote.
        weights = np.clip(similarity[nearest], 0.0, None)
        totals = np.bincount(
            self.example_labels[nearest], weights=weights, minlength=len(self.labels)
        )
        winner = int(totals.argmax())
        share = float(totals[winner] / totals.sum()) if totals.sum() > 0 else 0.0
        return Prediction(self.labels[winner], share, float(similarity[nearest].max()))


_cache: dict[tuple[str, tuple[Example, ...]], np.ndarray] = {}


def example_vectors(examples: Iterable[Example], encoder: Encoder) -> np.ndarray:
    """The examples' vectors, encoded once per process and encoder (and kept on disk)."""
    key = (f"{encoder.name}@{id(encoder)}", tuple(examples))
    if key not in _cache:
        _cache[key] = stored_vectors([e.text for e in key[1]], encoder)
    return _cache[key]


def stored_vectors(texts: Sequence[str], encoder: Encoder) -> np.ndarray:
    """Vectors of fixed texts (our example turns), read from the data folder's cache when a
    run before this one encoded them with the same model; other encoders just encode.

    Only example texts are stored, never a session's turns: they are the same every run, and
    encoding them again cost about 0.4 s of every ``attune analyze``.
    """
    model = getattr(encoder, "path", None)
    if model is None:
        return encoder.encode(texts)
    return cached_vectors(vector_cache_file(Path(model).name, texts), texts, encoder)


def cached_vectors(file: Path, texts: Sequence[str], encoder: Encoder) -> np.ndarray:
    """The float32 vectors stored in ``file`` when they fit ``texts``; otherwise encoded now
    and written there for the next run. The caller's file name must change with the texts
    and the model (a hash of both), so a stored file that fits is the right one."""
    try:
        stored = np.load(file, allow_pickle=False)
        if stored.ndim == 2 and len(stored) == len(texts) and stored.dtype == np.float32:
            return stored
    except (OSError, ValueError, EOFError):
        pass  # missing or damaged: encode again and rewrite it
    vectors = np.asarray(encoder.encode(list(texts)), dtype=np.float32)
    _save_quietly(file, vectors)
    return vectors


def vector_cache_file(model: str, texts: Sequence[str]) -> Path:
    """``<data dir>/cache/vectors/<hash>.npy``, keyed by the model file, its truncation
    length and every text, so an edited example file or a rebuilt model gets a new entry."""
    from attunement.analysis.encoder import MAX_TOKENS
    from attunement.config import get_settings

    digest = hashlib.sha256(f"{model}\n{MAX_TOKENS}".encode())
    for text in texts:
        digest.update(b"\0" + text.encode("utf-8"))
    return get_settings().data_path / "cache" / "vectors" / f"{digest.hexdigest()[:24]}.npy"


def _save_quietly(file: Path, vectors: np.ndarray) -> None:
    """Write atomically (a reader never sees half a file); a read-only data folder only
    means encoding again next time."""
    partial = ""
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        handle, partial = tempfile.mkstemp(dir=file.parent, suffix=".partial")
        with os.fdopen(handle, "wb") as out:
            np.save(out, vectors, allow_pickle=False)
        os.replace(partial, file)
    except OSError:
        if partial:
            Path(partial).unlink(missing_ok=True)


def classifier(examples: Sequence[Example], encoder: Encoder, k: int = 5) -> PrototypeClassifier:
    """A classifier over ``examples`` (for example ``load_examples("moves", data_dir)``)."""
    return PrototypeClassifier(examples, example_vectors(examples, encoder), k)


@cache
def _examples_once(name: str, data_dir: str) -> tuple[Example, ...]:
    return tuple(load_examples(name, Path(data_dir)))


def classify_turns(
    ctx: AnalysisContext, name: str, turns: Iterable[int], k: int = 5
) -> dict[int, Prediction] | None:
    """Predictions for the given turns from example set ``name``; ``None`` in lexical mode
    or when the set has no examples. Uses the session's turn vectors (encoded once)."""
    if ctx.encoder is None:
        return None
    from attunement.config import get_settings

    examples = _examples_once(name, str(get_settings().data_path))
    if not examples:
        return None
    indices = list(turns)
    if not indices:
        return {}
    vectors = ctx.vectors_for(indices) or {}
    rows = np.stack([vectors[i] for i in indices])
    predictions = classifier(examples, ctx.encoder, k).classify(rows)
    return dict(zip(indices, predictions, strict=True))
