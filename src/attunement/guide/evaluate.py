"""How well the search answers coaches' questions: the share of the test questions whose
expected section is in the top three, and how long a query takes, per test set and search mode.

Three test sets: ``tuning`` (search_eval.toml), which the search was tuned on, so its figures are
optimistic; ``heldout`` (search_heldout.toml), written by a second author from the section
titles and summaries only and frozen before its first measurement (docs/guide.md says how many
general changes to the search came after, which makes it less held out); and ``feelings``
(search_feelings.toml), emotional moments, frozen before its first measurement and tuned on
after. A file may say ``kinds = ["section", "strategy"]`` to be searched over both kinds and
expect either; by default only sections count.

Latency is measured, never asserted: the report states the figures against the 100 ms aim.
Setup (building the index, loading the encoder, encoding the guide) is timed apart, because a
running workspace pays it once.
"""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from attunement.guide.loader import CONTENT, read_toml
from attunement.guide.model import Guide, GuideError

AIM_MS = 100.0
TOP = 3
# Each set: its file and what its figures mean, shown next to them so nobody mistakes one for
# the other. Held out first: it is the honest figure.
SETS = {
    "heldout": ("search_heldout.toml", "held out: frozen before the first measurement"),
    "tuning": ("search_eval.toml", "tuning: the search was tuned on it, so optimistic"),
    "feelings": (
        "search_feelings.toml",
        "feelings: emotional moments, sections and strategies; tuned on after its first run",
    ),
}
SET_CHOICES = ("all", *SETS)


SEARCHABLE = ("section", "strategy")  # what a set may search and expect (its ``kinds``)


@dataclass(frozen=True, slots=True)
class TestQuery:
    text: str
    expect: tuple[str, ...]
    kinds: tuple[str, ...] = ("section",)


@dataclass
class ModeResult:
    mode: str
    top3_share: float
    top1_share: float
    median_ms: float
    max_ms: float
    misses: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "mode": self.mode,
            "top3_share": round(self.top3_share, 3),
            "top1_share": round(self.top1_share, 3),
            "median_ms": round(self.median_ms, 2),
            "max_ms": round(self.max_ms, 2),
            "within_aim": self.median_ms < AIM_MS,
            "misses": self.misses,
        }


def eval_queries(
    path: Path = CONTENT / "search_eval.toml", guide: Guide | None = None
) -> list[TestQuery]:
    from attunement.guide.loader import load

    guide = guide or load()
    data = read_toml(path)
    kinds = _kinds(path, data.get("kinds", ["section"]))
    strategies = {s.id for s in guide.strategies} if "strategy" in kinds else set()
    queries = []
    for raw in data.get("query", []):
        query = TestQuery(str(raw["text"]), tuple(raw["expect"]), kinds)
        unknown = [e for e in query.expect if e not in strategies and not guide.get_section(e)]
        if unknown:
            raise GuideError(f"{path.name}: {query.text!r} expects unknown {'/'.join(kinds)} ids "
                             f"{unknown}", "use ids from content/sections/ (and strategies.toml "
                             "when the file's kinds include strategy)")  # fmt: skip
        queries.append(query)
    return queries


def _kinds(path: Path, raw: Any) -> tuple[str, ...]:
    """The kinds of document a test file searches: sections unless it says otherwise."""
    kinds = tuple(raw) if isinstance(raw, list) else ()
    if not kinds or not set(kinds) <= set(SEARCHABLE):
        raise GuideError(f"{path.name}: kinds {raw!r} is not a list of {', '.join(SEARCHABLE)}",
                         'write e.g. kinds = ["section", "strategy"] or leave it out')  # fmt: skip
    return kinds


def run_mode(mode: str, queries: list[TestQuery], encoder: Any, guide: Guide | None) -> ModeResult:
    from attunement.guide.lookup import search

    hits3 = hits1 = 0
    times: list[float] = []
    misses = []
    for query in queries:
        started = time.perf_counter()
        hits = search(query.text, limit=TOP, kinds=query.kinds, encoder=encoder, guide=guide)
        times.append((time.perf_counter() - started) * 1000)
        ids = [h.id for h in hits]
        hits1 += bool(ids) and ids[0] in query.expect
        if set(ids) & set(query.expect):
            hits3 += 1
        else:
            misses.append({"query": query.text, "expect": list(query.expect), "got": ids})
    n = max(len(queries), 1)
    return ModeResult(mode, hits3 / n, hits1 / n, statistics.median(times), max(times), misses)


def set_names(choice: str) -> list[str]:
    """``all`` or one set's name -> the sets to run, in report order."""
    if choice == "all":
        return list(SETS)
    if choice not in SETS:
        raise GuideError(f"Unknown test set {choice!r}", f"use one of {', '.join(SET_CHOICES)}")
    return [choice]


def evaluate(encoder: Any = None, guide: Guide | None = None, sets: str = "all") -> dict[str, Any]:
    """Both modes when an encoder is available (``encoder=None`` looks for the installed one),
    for each chosen test set (``sets``: "all", "heldout" or "tuning")."""
    from attunement.guide.lookup import index_for

    names = set_names(sets)  # a wrong name fails before any slow work
    setup: dict[str, float] = {}
    started = time.perf_counter()
    index = index_for(guide)
    setup["index_ms"] = (time.perf_counter() - started) * 1000
    chosen = {name: eval_queries(CONTENT / SETS[name][0], guide) for name in names}
    modes = _modes(encoder, index, setup)
    return {
        "queries": sum(len(q) for q in chosen.values()),
        "aim_ms": AIM_MS,
        "setup": {k: round(v, 1) for k, v in setup.items()},
        "sets": [
            {
                "set": name,
                "file": SETS[name][0],
                "meaning": SETS[name][1],
                "queries": len(queries),
                "modes": [run_mode(m, queries, e, guide).to_dict() for m, e in modes],
            }
            for name, queries in chosen.items()
        ],
    }


def _modes(encoder: Any, index: Any, setup: dict[str, float]) -> list[tuple[str, Any]]:
    """The modes to measure, with their encoders; times the encoder's one-off setup."""
    modes: list[tuple[str, Any]] = [("lexical", False)]
    if encoder is None:
        from attunement.guide.meaning import default_encoder

        started = time.perf_counter()
        encoder = default_encoder()
        setup["encoder_load_ms"] = (time.perf_counter() - started) * 1000
    if encoder:
        from attunement.guide.meaning import prepare

        started = time.perf_counter()
        prepare(index, encoder)
        setup["guide_vectors_ms"] = (time.perf_counter() - started) * 1000
        modes.append(("blended", encoder))
    return modes
