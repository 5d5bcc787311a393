"""Prototype classification: example files, the coach's own examples, and nearest-example votes."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from attunement.analysis import prototypes
from attunement.analysis.base import AnalysisContext
from attunement.analysis.prototypes import (
    Example,
    PrototypeClassifier,
    load_examples,
    read_examples,
)
from attunement.errors import AnalysisError
from attunement.transcript.model import Conversation, Role, Turn

AXES = ("what", "how", "feel", "sounds", "should", "try")


class KeywordEncoder:
    """A stand-in encoder: one axis per keyword, so similar wording gives similar vectors."""

    name = "keywords"

    def __init__(self) -> None:
        self.calls = 0

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.calls += 1
        rows = [[t.lower().count(w) for w in AXES] + [0.1] for t in texts]
        vectors = np.array(rows, dtype=np.float32)
        return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


EXAMPLES = [
    Example("question", "What do you want from today?"),
    Example("question", "How would that look?"),
    Example("question", "What else matters here?"),
    Example("reflection", "It sounds like you feel stuck."),
    Example("reflection", "You feel let down, it sounds like."),
    Example("advice", "You should try writing it down."),
]


def _classifier(k: int = 3) -> PrototypeClassifier:
    encoder = KeywordEncoder()
    return PrototypeClassifier(EXAMPLES, encoder.encode([e.text for e in EXAMPLES]), k=k)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("How and what would you change?", "question"),
        ("Sounds like you feel tired.", "reflection"),
        ("You should try a walk.", "advice"),
    ],
)
def test_a_turn_takes_the_label_its_nearest_examples_vote_for(text: str, label: str) -> None:
    (prediction,) = _classifier().classify(KeywordEncoder().encode([text]))
    assert prediction.label == label
    assert 0.0 < prediction.share <= 1.0 and prediction.nearest > 0.5


def test_k_larger_than_the_number_of_examples_uses_them_all() -> None:
    assert _classifier(k=50).k == len(EXAMPLES)


def test_no_vectors_give_no_predictions() -> None:
    assert _classifier().classify(np.zeros((0, len(AXES) + 1))) == []


def test_examples_are_read_from_toml_json_lines_and_label_mappings(tmp_path: Path) -> None:
    toml = tmp_path / "a.toml"
    toml.write_text('[[example]]\nlabel = "question"\ntext = "What now?"\n', encoding="utf-8")
    lines = tmp_path / "b.jsonl"
    lines.write_text(json.dumps({"label": "advice", "text": "Try it."}) + "\n\n", encoding="utf-8")
    mapping = tmp_path / "c.json"
    mapping.write_text(json.dumps({"_about": "notes", "change": ["I will."]}), encoding="utf-8")
    assert read_examples(toml) == [Example("question", "What now?")]
    assert read_examples(lines) == [Example("advice", "Try it.")]
    assert read_examples(mapping) == [Example("change", "I will.")]


@pytest.mark.parametrize(
    ("name", "content"),
    [("x.toml", "[[example]]\nlabel = 'question'\n"), ("x.jsonl", "{not json"), ("x.json", "[1]")],
)
def test_a_malformed_example_file_is_reported_in_one_sentence(
    tmp_path: Path, name: str, content: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(AnalysisError, match=r"example file .* (could not be read|without a label)"):
        read_examples(path)


def test_a_coachs_own_examples_join_the_built_in_set_of_the_same_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    built_in = tmp_path / "built-in"
    built_in.mkdir()
    (built_in / "moves.jsonl").write_text(
        json.dumps({"label": "question", "text": "What now?"}) + "\n", encoding="utf-8"
    )
    monkeypatch.setattr(prototypes, "BUILT_IN", built_in)
    own = tmp_path / "data" / "examples"
    own.mkdir(parents=True)
    (own / "moves.toml").write_text(
        '[[example]]\nlabel = "question"\ntext = "what now?"\n'
        '[[example]]\nlabel = "summary"\ntext = "So far you have said three things."\n',
        encoding="utf-8",
    )
    examples = load_examples("moves", tmp_path / "data")
    assert examples == [
        Example("question", "What now?"),
        Example("summary", "So far you have said three things."),
    ]
    assert load_examples("nothing-here", tmp_path / "data") == []


def test_example_vectors_are_encoded_once_per_process_and_encoder() -> None:
    encoder = KeywordEncoder()
    first = prototypes.example_vectors(EXAMPLES, encoder)
    again = prototypes.example_vectors(EXAMPLES, encoder)
    assert encoder.calls == 1 and first is again


def test_classify_turns_uses_the_sessions_turn_vectors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "built-in"
    folder.mkdir()
    lines = [json.dumps({"label": e.label, "text": e.text}) for e in EXAMPLES]
    (folder / "testmoves.jsonl").write_text("\n".join(lines), encoding="utf-8")
    monkeypatch.setattr(prototypes, "BUILT_IN", folder)
    turns = [
        Turn(0, "C", "What would you like to try?", Role.COACH),
        Turn(1, "K", "I feel lost.", Role.CLIENT),
        Turn(2, "C", "Sounds like you feel lost.", Role.COACH),
    ]
    ctx = AnalysisContext(Conversation.from_turns(turns), encoder=KeywordEncoder())
    predictions = prototypes.classify_turns(ctx, "testmoves", [0, 2])
    assert predictions is not None
    assert {i: p.label for i, p in predictions.items()} == {0: "question", 2: "reflection"}
    assert prototypes.classify_turns(AnalysisContext(ctx.conversation), "testmoves", [0]) is None


class ModelFileEncoder(KeywordEncoder):
    """A stand-in with a model file, like the real encoder: its example vectors are stored."""

    path = "/models/keywords-v1.onnx"


TEXTS = [e.text for e in EXAMPLES]


def test_example_vectors_are_read_back_from_the_data_folder_in_a_later_run() -> None:
    first = prototypes.stored_vectors(TEXTS, ModelFileEncoder())
    later_run = ModelFileEncoder()
    again = prototypes.stored_vectors(TEXTS, later_run)
    assert later_run.calls == 0
    np.testing.assert_array_equal(first, again)


def test_another_model_or_other_texts_are_encoded_afresh() -> None:
    prototypes.stored_vectors(TEXTS, ModelFileEncoder())
    rebuilt = ModelFileEncoder()
    rebuilt.path = "/models/keywords-v2.onnx"
    prototypes.stored_vectors(TEXTS, rebuilt)
    edited = ModelFileEncoder()
    prototypes.stored_vectors([*TEXTS, "What would help most?"], edited)
    assert rebuilt.calls == edited.calls == 1


def test_a_damaged_stored_file_is_encoded_again_and_replaced() -> None:
    file = prototypes.vector_cache_file(Path(ModelFileEncoder.path).name, TEXTS)
    file.parent.mkdir(parents=True)
    file.write_bytes(b"not a numpy file")
    encoder = ModelFileEncoder()
    vectors = prototypes.stored_vectors(TEXTS, encoder)
    assert encoder.calls == 1 and vectors.shape == (len(TEXTS), len(AXES) + 1)
    np.testing.assert_array_equal(np.load(file), vectors)


def test_an_encoder_without_a_model_file_stores_nothing(tmp_path: Path) -> None:
    encoder = KeywordEncoder()
    prototypes.stored_vectors(TEXTS, encoder)
    prototypes.stored_vectors(TEXTS, encoder)
    assert encoder.calls == 2
