"""The guide's records: sections, strategies, questions, barrier sources and phase guidance.

All of them are frozen and hold tuples, so a loaded guide can be cached and shared between
requests without anyone changing it by accident.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol, TypeVar

from attunement.errors import AttuneError

PHASES = ("initial", "deepening", "mature")
CLIENT_TYPES = ("resistant", "cross-cultural", "executive", "virtual", "sponsored", "any")
QUESTION_TYPES = (
    "exploration",
    "assumption-challenging",
    "future-focused",
    "resource-accessing",
    "meta-conversation",
    "check-in",
)
BARRIER_IDS = (
    "fear-of-vulnerability",
    "self-protection",
    "lack-of-trust",
    "goal-misalignment",
    "past-betrayal",
    "cultural-identity",
    "control-autonomy",
)
LAYERS = ("foundation", "connection", "communication", "phases", "clients", "practice", "measuring")


class GuideError(AttuneError):
    """A guide content file is malformed or refers to something that does not exist."""


class UnknownId(KeyError):
    """Asked for a section, strategy, question, barrier or phase the guide does not have."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "unknown guide id"


@dataclass(frozen=True, slots=True)
class Section:
    id: str
    title: str
    layer: str
    tags: tuple[str, ...]
    summary: str
    body: str  # Markdown: ### headings, lists, **bold**, > quotes
    related: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()  # older ids that findings may still carry


@dataclass(frozen=True, slots=True)
class Strategy:
    id: str
    title: str
    summary: str
    try_: tuple[str, ...]
    avoid: tuple[str, ...]
    works_if: tuple[str, ...]
    section: str
    layers: tuple[str, ...] = ()
    phases: tuple[str, ...] = ()  # empty: any phase
    barriers: tuple[str, ...] = ()
    client_types: tuple[str, ...] = ()  # empty: any client
    signs: tuple[str, ...] = ()  # warning-sign rule ids it answers


@dataclass(frozen=True, slots=True)
class Question:
    id: str
    text: str
    type: str
    phases: tuple[str, ...] = ()
    client_types: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Barrier:
    id: str
    title: str
    summary: str
    signs: tuple[str, ...]
    strategies: tuple[str, ...]
    section: str


@dataclass(frozen=True, slots=True)
class PhaseGuide:
    id: str
    title: str
    sessions: str
    focus: str
    asks: tuple[str, ...]
    often_missing: tuple[str, ...]
    going_well: tuple[str, ...]
    section: str
    strategies: tuple[str, ...] = ()  # strategies this phase puts first (ids in strategies.toml)


@dataclass(frozen=True, slots=True)
class Hit:
    kind: str  # "section" | "strategy" | "question"
    id: str
    title: str
    snippet: str
    score: float
    section: str  # the section to link to


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


T = TypeVar("T", bound=_HasId)


# eq=False: a guide is compared and hashed by identity, so caches can key on it.
@dataclass(frozen=True, eq=False)
class Guide:
    sections: tuple[Section, ...]
    strategies: tuple[Strategy, ...]
    questions: tuple[Question, ...]
    barriers: tuple[Barrier, ...]
    phases: tuple[PhaseGuide, ...]
    findings: dict[str, str] = field(default_factory=dict)  # "analyser" or "analyser:kind"
    signs: dict[str, str] = field(default_factory=dict)  # rule id -> section id
    # "analyser:kind" or "sign:rule-id" -> barrier sources it may point to
    barrier_hints: dict[str, tuple[str, ...]] = field(default_factory=dict)
    _index: dict[str, Section] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Aliases first so a real id always wins; old finding ids keep resolving.
        index = {alias: s for s in self.sections for alias in s.aliases}
        index.update({s.id: s for s in self.sections})
        object.__setattr__(self, "_index", index)

    def get_section(self, id: str) -> Section | None:
        return self._index.get(id)

    def section(self, id: str) -> Section:
        found = self.get_section(id)
        if found is None:
            raise UnknownId(f"The guide has no section {id!r}")
        return found

    def strategy(self, id: str) -> Strategy:
        return _find(self.strategies, id, "strategy")

    def question(self, id: str) -> Question:
        return _find(self.questions, id, "question")

    def barrier(self, id: str) -> Barrier:
        return _find(self.barriers, id, "barrier source")

    def phase(self, id: str) -> PhaseGuide:
        return _find(self.phases, str(id), "phase")

    def select(self, *tags: str) -> list[Section]:
        """Sections carrying every one of the tags (their layer counts as a tag)."""
        wanted = {t.lower() for t in tags}
        return [s for s in self.sections if wanted <= {*s.tags, s.layer}]


def _find(items: tuple[T, ...], id: str, what: str) -> T:
    for item in items:
        if item.id == id:
            return item
    raise UnknownId(f"The guide has no {what} {id!r}")
