"""The session's sentence vectors: each turn encoded at most once, and only when asked for."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from attunement.analysis.base import AnalysisContext
from attunement.transcript.model import Conversation, Role, Turn


class RecordingEncoder:
    """A stand-in encoder that remembers every text it was given."""

    name = "recording"

    def __init__(self) -> None:
        self.seen: list[str] = []

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.seen.extend(texts)
        return np.array([[len(t), 1.0] for t in texts], dtype=np.float32)


TURNS = [
    Turn(0, "C", "What brings you here?", Role.COACH),
    Turn(1, "K", "Mm-hmm.", Role.CLIENT),
    Turn(2, "C", "Tell me more.", Role.COACH),
    Turn(3, "K", "Mm-hmm.", Role.CLIENT),
]


def _context() -> tuple[AnalysisContext, RecordingEncoder]:
    encoder = RecordingEncoder()
    return AnalysisContext(Conversation.from_turns(TURNS), encoder=encoder), encoder


def test_only_the_turns_asked_for_are_encoded_and_a_repeated_text_once() -> None:
    ctx, encoder = _context()
    vectors = ctx.vectors_for([1, 3])
    assert vectors is not None and sorted(vectors) == [1, 3]
    assert encoder.seen == ["Mm-hmm."]
    np.testing.assert_array_equal(vectors[1], vectors[3])


def test_a_turn_asked_for_again_by_another_analyser_is_not_encoded_again() -> None:
    ctx, encoder = _context()
    ctx.vectors_for([1, 2])
    ctx.vectors_for([0, 1, 2, 3])
    assert sorted(encoder.seen) == sorted(["Mm-hmm.", "Tell me more.", "What brings you here?"])


def test_turn_vectors_give_one_row_per_turn_in_order() -> None:
    ctx, _ = _context()
    matrix = ctx.turn_vectors
    assert matrix is not None and matrix.shape == (len(TURNS), 2)
    assert matrix[:, 0].tolist() == [len(t.text) for t in TURNS]


def test_lexical_mode_has_no_vectors() -> None:
    ctx = AnalysisContext(Conversation.from_turns(TURNS))
    assert ctx.vectors_for([0]) is None and ctx.turn_vectors is None
