"""Meaning search: the guide's passages as sentence vectors, cached on disk by content hash.

Only imported when an encoder is available, so keyword search never loads numpy or
onnxruntime. The cache file name carries a hash of the encoder and of every passage, so an
edited guide or another model simply produces a new file.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import numpy as np

from attunement.analysis.prototypes import cached_vectors
from attunement.guide.lookup import COSINE_FLOOR, Index


def default_encoder() -> Any:
    """The installed encoder per ``ATTUNE_ENCODER``, or None (keyword search only)."""
    from attunement.analysis.encoder import load_encoder
    from attunement.errors import AttuneError

    try:
        return load_encoder()
    except AttuneError:
        # The search box must keep answering; the encoder's own commands explain the problem.
        return None


def _encoder_key(encoder: Any) -> str:
    return str(getattr(encoder, "path", "") or getattr(encoder, "name", type(encoder).__name__))


def passages(index: Index) -> tuple[list[str], np.ndarray]:
    texts = [p for doc in index.docs for p in doc.passages]
    owners = np.array([i for i, doc in enumerate(index.docs) for _ in doc.passages], dtype=np.int64)
    return texts, owners


def cache_file(texts: list[str], encoder: Any, folder: Path) -> Path:
    digest = hashlib.sha256(_encoder_key(encoder).encode("utf-8"))
    for text in texts:
        digest.update(text.encode("utf-8") + b"\0")
    return folder / f"vectors-{digest.hexdigest()[:16]}.npy"


def _cache_folder() -> Path:
    from attunement.config import get_settings

    return get_settings().data_path / "guide"


def prepare(index: Index, encoder: Any, folder: Path | None = None) -> None:
    """Encode (or read from the cache) every passage once for this encoder."""
    if index.encoder is encoder and index.vectors is not None:
        return
    texts, owners = passages(index)
    path = cache_file(texts, encoder, folder or _cache_folder())
    vectors = cached_vectors(path, texts, encoder)
    try:
        for stale in path.parent.glob("vectors-*.npy"):
            if stale != path:  # an older guide or model: never read again
                stale.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only data folder: the old files are only clutter
    index.vectors, index.owners, index.encoder = vectors, owners, encoder


def meaning_scores(index: Index, query: str, encoder: Any) -> dict[int, float]:
    """Each document's best passage cosine to the query, above the floor."""
    prepare(index, encoder)
    query_vector = np.asarray(encoder.encode([query]), dtype=np.float32)[0]
    cosines = index.vectors @ query_vector
    best = np.full(len(index.docs), -1.0, dtype=np.float32)
    np.maximum.at(best, index.owners, cosines)
    return {int(i): float(best[i] - COSINE_FLOOR) for i in np.flatnonzero(best > COSINE_FLOOR)}
