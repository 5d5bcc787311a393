"""Finer distinctions inside a coach turn, beside its moves: they never change the main move.

A coach report can use them ("you named the client's feeling", "you checked you had understood",
"you reassured", "you praised a step they took"), and so can a mapping onto a coding scheme that
cuts support talk differently from motivational interviewing (ESConv's strategies, see
``evaluation/mapping.py``). All of it comes from our own lexicon (``lexicon/moves.toml``:
``feelings``, ``check``, ``support``, ``suggestion_hints`` and ``own_life``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from attunement.analysis.analysers._cue_index import CueIndex
from attunement.analysis.analysers._moves_rules import lexicon_data, opens_as_reflection, plain
from attunement.analysis.text import words

# Kinds of affirmation, in the order they are reported.
SUPPORT_KINDS: tuple[str, ...] = ("empathy", "reassurance", "strength", "wishes")
CHECK, SUGGESTION, OWN_LIFE = "check", "suggestion", "own_life"


@dataclass(frozen=True, slots=True)
class Nuance:
    focus: str | None  # "feeling" | "content" when the turn reflects, else None
    signposted: bool  # a reflected sentence opens as a reflection ("It sounds like…", "So you…")
    checks: bool  # the coach checks their understanding ("Is that right?")
    support: tuple[str, ...]  # the kinds of affirmation found anywhere in the turn
    suggests: bool  # softer suggestion language than the advice cues ("you may need to…")
    own_life: bool  # the coach speaks of their own life ("I live alone", "for me…")

    def labels(self) -> dict[str, object]:
        return {
            "reflection_focus": self.focus,
            "reflection_signposted": self.signposted,
            "checks_understanding": self.checks,
            "support": list(self.support),
            "suggestion_hint": self.suggests,
            "speaks_of_self": self.own_life,
        }


@dataclass(frozen=True, slots=True)
class _Lexicon:
    feelings: frozenset[str]
    feeling_phrases: re.Pattern[str]  # the weight of a feeling named without a feeling word
    cues: CueIndex  # every kind of affirmation, checking, suggestion hints and own life


@cache
def lexicon() -> _Lexicon:
    """The finer-distinction lexicon, compiled once per process."""
    data = lexicon_data()
    named = {kind: data["support"][kind] for kind in SUPPORT_KINDS}
    named[CHECK] = data["check"]["phrases"]
    named[SUGGESTION] = data["suggestion_hints"]["phrases"]
    named[OWN_LIFE] = data["own_life"]["phrases"]
    phrases = re.compile(r"\b(?:" + "|".join(data["feelings"]["phrases"]) + r")\b")
    return _Lexicon(frozenset(data["feelings"]["words"].split()), phrases, CueIndex.build(named))


def names_feeling(sentences: Sequence[str]) -> bool:
    """Whether the sentences name a feeling ("you sound exhausted", "that frustration") or its
    weight ("that's a lot to carry")."""
    lex = lexicon()
    return any(
        not lex.feelings.isdisjoint(words(plain(s))) or lex.feeling_phrases.search(plain(s))
        for s in sentences
    )


def reflection_focus(reflected: Sequence[str]) -> str | None:
    """A reflection's focus: the client's feeling, or the content of what they said."""
    if not reflected:
        return None
    return "feeling" if names_feeling(reflected) else "content"


def cues_in(sentences: Sequence[str]) -> set[str]:
    """Every kind of cue found anywhere in the sentences (see ``lexicon``)."""
    cues = lexicon().cues
    found: set[str] = set()
    for sentence in sentences:
        found |= cues.every(plain(sentence))
    return found


def read_nuance(sentences: Sequence[str], reflected: Sequence[str]) -> Nuance:
    """The finer distinctions of one coach turn: all its sentences, and those read as
    reflections."""
    found = cues_in(sentences)
    return Nuance(
        focus=reflection_focus(reflected),
        signposted=any(opens_as_reflection(s) for s in reflected),
        checks=CHECK in found,
        support=tuple(kind for kind in SUPPORT_KINDS if kind in found),
        suggests=SUGGESTION in found,
        own_life=OWN_LIFE in found,
    )
