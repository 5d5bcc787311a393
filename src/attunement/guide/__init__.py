"""The coaching-connection framework as data, written in our own words, with search.

Pure Python (no Django): the web pages, the CLI and the session analysis all read it through
these functions. The content format is described in ``docs/guide.md``.
"""

from __future__ import annotations

from attunement.guide.loader import build, load
from attunement.guide.lookup import search, warm
from attunement.guide.model import (
    BARRIER_IDS,
    CLIENT_TYPES,
    LAYERS,
    PHASES,
    QUESTION_TYPES,
    Barrier,
    Guide,
    GuideError,
    Hit,
    PhaseGuide,
    Question,
    Section,
    Strategy,
    UnknownId,
)
from attunement.guide.render import render_html
from attunement.guide.select import (
    for_finding,
    for_sign,
    questions_for,
    strategies_for,
    suggest_barriers,
)

__all__ = [
    "BARRIER_IDS",
    "CLIENT_TYPES",
    "LAYERS",
    "PHASES",
    "QUESTION_TYPES",
    "Barrier",
    "Guide",
    "GuideError",
    "Hit",
    "PhaseGuide",
    "Question",
    "Section",
    "Strategy",
    "UnknownId",
    "build",
    "for_finding",
    "for_sign",
    "load",
    "questions_for",
    "render_html",
    "search",
    "strategies_for",
    "suggest_barriers",
    "warm",
]
