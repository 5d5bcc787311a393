"""The conversation model: immutable turns with a speaker, a role, optional times and text.

No I/O lives here; readers build conversations and ``to_dict``/``from_dict`` give the JSON form
that ``attune analyze --json`` prints and the JSON reader reads back.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any


class Role(StrEnum):
    COACH = "coach"
    CLIENT = "client"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Turn:
    """One stretch of speech by one speaker. Times are seconds from the start, when known."""

    index: int
    speaker: str
    text: str
    role: Role = Role.OTHER
    start: float | None = None
    end: float | None = None

    @property
    def duration(self) -> float | None:
        if self.start is None or self.end is None:
            return None
        return max(0.0, self.end - self.start)

    def to_dict(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "speaker": self.speaker,
            "role": str(self.role),
            "start": self.start,
            "end": self.end,
            "text": self.text,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Turn:
        return cls(
            index=int(data["index"]),
            speaker=str(data["speaker"]),
            text=str(data["text"]),
            role=Role(data.get("role", "other")),
            start=_optional_float(data.get("start")),
            end=_optional_float(data.get("end")),
        )


@dataclass(frozen=True, slots=True)
class Conversation:
    """An ordered, immutable sequence of turns plus where it came from."""

    turns: tuple[Turn, ...]
    source: str = ""
    format: str = ""
    metadata: Mapping[str, Any] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.turns)

    def __iter__(self) -> Iterator[Turn]:
        return iter(self.turns)

    def __getitem__(self, index: int) -> Turn:
        return self.turns[index]

    @property
    def speakers(self) -> tuple[str, ...]:
        """Speakers in order of first appearance."""
        return tuple(dict.fromkeys(turn.speaker for turn in self.turns))

    @property
    def has_times(self) -> bool:
        return any(turn.start is not None for turn in self.turns)

    def speaker_for(self, role: Role) -> str | None:
        return next((t.speaker for t in self.turns if t.role == role), None)

    def by_role(self, role: Role) -> tuple[Turn, ...]:
        return tuple(turn for turn in self.turns if turn.role == role)

    def with_roles(self, roles: Mapping[str, Role]) -> Conversation:
        """A copy whose turns carry the role given for their speaker (``other`` if unnamed)."""
        turns = tuple(replace(t, role=roles.get(t.speaker, Role.OTHER)) for t in self.turns)
        return replace(self, turns=turns)

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "format": self.format,
            "metadata": dict(self.metadata),
            "turns": [turn.to_dict() for turn in self.turns],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Conversation:
        return cls(
            turns=tuple(Turn.from_dict(t) for t in data["turns"]),
            source=str(data.get("source", "")),
            format=str(data.get("format", "")),
            metadata=dict(data.get("metadata") or {}),
        )

    @classmethod
    def from_turns(cls, turns: Sequence[Turn], **kwargs: Any) -> Conversation:
        """Build from turns, renumbering their indices 0..n-1 in order."""
        numbered = tuple(replace(t, index=i) for i, t in enumerate(turns))
        return cls(turns=numbered, **kwargs)


def _optional_float(value: Any) -> float | None:
    return None if value is None else float(value)
