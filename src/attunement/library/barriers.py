"""Barrier profile: suggestions from transcript evidence, and the playbook that fits.

Suggestions only ever propose; the coach's own rating is what counts. The mapping below says
which findings of the session analysis can point to which barrier, and why.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from attunement import guide
from attunement.analysis.model import SessionAnalysis
from attunement.library.models import BARRIERS
from attunement.practice.models import Session

TITLES = dict(BARRIERS)

# How a finding reads in a suggestion; the barriers each one may point to come from the guide
# (``barrier_hints`` in its links.toml), so the guide and this page never disagree.
FINDING_WORDS = {
    "yes_but": "“yes, but” replies",
    "minimising": "making light of things",
    "deflecting": "steering away from themselves",
    "doubt_coaching": "doubt about the coaching",
    "guarded_replies": "short replies to open questions",
    "sustain_talk": "talk for keeping things as they are",
    "coach_set_aim": "the session's aim set by the coach",
}


@dataclass(frozen=True)
class Clue:
    """One piece of evidence: a kind of finding in some sessions, or an open warning sign."""

    text: str
    sessions: tuple[tuple[Session, int], ...] = ()  # (session, number of turns found in)


@dataclass(frozen=True)
class Suggestion:
    barrier: str
    title: str
    clues: tuple[Clue, ...]

    @property
    def weight(self) -> int:
        return sum(max(1, sum(n for _, n in c.sessions)) for c in self.clues)


def _finding_clues(sessions: Iterable[Session], hints: dict[str, Any]) -> dict[str, Clue]:
    found: dict[str, list[tuple[Session, int]]] = {}
    for session in sessions:
        analysis = session.latest_analysis()
        if analysis is None or analysis.result is None:
            continue
        for marker in SessionAnalysis.from_dict(analysis.result).markers:
            key = f"{marker.analyser}:{marker.kind}"
            if key in hints:
                found.setdefault(key, []).append((session, len(marker.turns)))
    return {
        key: Clue(
            FINDING_WORDS.get(key.split(":")[1], key.split(":")[1].replace("_", " ")), tuple(hits)
        )
        for key, hits in found.items()
    }


def suggestions(sessions: Iterable[Session], signs: Iterable[Any] = ()) -> list[Suggestion]:
    """Barriers the client's analysed sessions and open warning signs hint at, most evidence
    first. ``signs`` are the relationship's open warning signs (with ``rule`` and ``sentence``)."""
    g = guide.load()
    clues = _finding_clues(sessions, g.barrier_hints)
    clues.update({f"sign:{s.rule}": Clue(f"warning sign: {s.sentence}") for s in signs})
    by_barrier: dict[str, list[Clue]] = {}
    for key, clue in clues.items():
        for barrier in g.barrier_hints.get(key, ()):
            by_barrier.setdefault(barrier, []).append(clue)
    titles = {b.id: b.title for b in g.barriers}
    found = [
        Suggestion(b, titles.get(b, TITLES.get(b, b)), tuple(c)) for b, c in by_barrier.items()
    ]
    return sorted(found, key=lambda s: -s.weight)


def playbook(ratings: dict[str, int], phase: str, client_type: str, limit: int = 6) -> list[Any]:
    """Strategies for the barriers rated noticeable or strong, this phase and client type."""
    strong = tuple(b for b, r in sorted(ratings.items(), key=lambda kv: -kv[1]) if r >= 2)
    return guide.strategies_for(
        phase=phase, barriers=strong, client_type=client_type or None, limit=limit
    )
