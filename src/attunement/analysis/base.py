"""The analyser contract and the context analysers read from.

An analyser is a small object with a ``name``, a ``version``, what it ``needs`` (hard
requirements: capabilities such as ``"timestamps"`` or what other analysers ``produce``), what
it ``uses`` when available (``"encoder"``), what it ``produces``, and one method
``analyse(ctx) -> AnalyserResult``. Analysers are registered through the plugin hook in
``attunement.analysis.registry``, exactly as a third-party package would register its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, ClassVar, Protocol, runtime_checkable

from attunement.analysis.model import AnalyserResult
from attunement.analysis.text import TurnText, turn_texts
from attunement.transcript.model import Conversation, Role, Turn

if TYPE_CHECKING:
    import numpy as np

# Capabilities the pipeline can provide, besides what analysers produce.
CAPABILITIES = {
    "roles": "the conversation has a coach and a client",
    "timestamps": "turns carry start and end times",
    "encoder": "the sentence encoder is installed and enabled",
}


@runtime_checkable
class Encoder(Protocol):
    """Turns sentences into unit-length vectors (cosine similarity is a dot product)."""

    name: str

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


@runtime_checkable
class Analyser(Protocol):
    name: ClassVar[str]
    version: ClassVar[str]
    needs: ClassVar[tuple[str, ...]]
    uses: ClassVar[tuple[str, ...]]
    produces: ClassVar[tuple[str, ...]]
    description: ClassVar[str]

    def analyse(self, ctx: AnalysisContext) -> AnalyserResult: ...


@dataclass
class AnalysisContext:
    """What one session's analysers share: the conversation, cached text features, the
    optional encoder (each turn encoded at most once) and earlier analysers' results."""

    conversation: Conversation
    encoder: Encoder | None = None
    results: dict[str, AnalyserResult] = field(default_factory=dict)
    # Sentence vectors by text, shared by all analysers of the session.
    _vectors: dict[str, np.ndarray] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    @property
    def turns(self) -> tuple[Turn, ...]:
        return self.conversation.turns

    def role_turns(self, role: Role) -> list[Turn]:
        return [t for t in self.conversation.turns if t.role == role]

    @cached_property
    def texts(self) -> tuple[TurnText, ...]:
        """Tokenised words and sentences of every turn, computed once per session."""
        return turn_texts(t.text for t in self.conversation.turns)

    def vectors_for(self, indices: Iterable[int]) -> dict[int, np.ndarray] | None:
        """Unit vectors of the given turns, or ``None`` in lexical mode.

        Only turns no analyser asked for before are encoded, in one batch call, and a text
        said several times is encoded once. Encoding is most of the time an analysis takes,
        so analysers ask only for the turns they read (openness: the client's; moves: the
        coach turns no cue decided and the client turns before them).
        """
        if self.encoder is None:
            return None
        turns = self.conversation.turns
        wanted = list(indices)
        missing = list(dict.fromkeys(turns[i].text for i in wanted))
        missing = [text for text in missing if text not in self._vectors]
        if missing:
            self._vectors.update(zip(missing, self.encoder.encode(missing), strict=True))
        return {i: self._vectors[turns[i].text] for i in wanted}

    @property
    def turn_vectors(self) -> np.ndarray | None:
        """One unit vector per turn (a row each), or ``None`` in lexical mode."""
        import numpy as np

        vectors = self.vectors_for(range(len(self.conversation.turns)))
        if vectors is None:
            return None
        if not vectors:
            return np.zeros((0, 0), dtype=np.float32)
        return np.stack(list(vectors.values()))

    def result(self, name: str) -> AnalyserResult:
        """The result of an analyser this one declared in ``needs``."""
        return self.results[name]

    def capabilities(self) -> set[str]:
        have = set()
        roles = {t.role for t in self.conversation.turns}
        if Role.COACH in roles and Role.CLIENT in roles:
            have.add("roles")
        if self.conversation.has_times:
            have.add("timestamps")
        if self.encoder is not None:
            have.add("encoder")
        return have


def result(analyser: Analyser, **kwargs: Any) -> AnalyserResult:
    """Build an ``AnalyserResult`` stamped with the analyser's name and version."""
    return AnalyserResult(name=analyser.name, version=analyser.version, **kwargs)
