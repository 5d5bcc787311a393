"""Fast matching of many phrase patterns: each pattern is tried only where its first word occurs.

One big alternation of a few hundred phrases is tried at every word of every sentence, which
is too slow for an hour-long session. Most phrases start with a literal word (or a group of
literal words), so they are indexed by those words and matched only at the positions where one
of them appears; the few that start otherwise are searched the ordinary way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from attunement.analysis.analysers._regex_shape import Unsure, close_of, first_chars, top_level

_LETTERS = re.compile(r"[a-z]+")


def first_words(pattern: str) -> set[str] | None:
    """The literal words a pattern can start with, or None when it can start otherwise."""
    alternatives = [pattern]
    if pattern.startswith("("):
        try:
            close = close_of(pattern, 0)
            inner = pattern[1:close]
            inner = inner[2:] if inner.startswith("?:") else inner
            split = top_level(inner)
        except Unsure:
            return None
        if pattern[close + 1 : close + 2] in ("?", "*", "{"):
            return None
        alternatives = [alt + pattern[close + 1 :] for alt in split]
    found: set[str] = set()
    for alternative in alternatives:
        word = _LETTERS.match(alternative)
        # The word must end where a word ends in the text: at a space, an apostrophe or a group.
        if not word or alternative[word.end() : word.end() + 1] not in ("", " ", "'", "(", ","):
            return None
        if alternative[word.end() : word.end() + 2] == "(?":
            return None
        found.add(word.group())
    return found


# A phrase's own back-reference ("(\w+) \1") would point elsewhere once phrases are joined.
_REFERS_BACK = re.compile(r"\\[1-9]|\(\?P=")


def _joined(
    names: dict[str, list[str]],
    order: dict[str, list[str]],
    compiled: dict[str, re.Pattern[str]],
) -> list[tuple[str, re.Pattern[str], int]]:
    """(name, pattern, rank) for each name, in the order of ``order``: one pattern matching
    where any of its phrases matches (a phrase referring back to its own groups keeps its own).
    ``compiled`` holds the patterns compiled so far, by their text."""
    found = []
    for rank, name in enumerate(order):
        phrases = names.get(name, [])
        alone = [p for p in phrases if _REFERS_BACK.search(p)]
        together = [p for p in phrases if not _REFERS_BACK.search(p)]
        if len(together) > 1:
            alone.insert(0, "|".join(f"(?:{p})" for p in together))
        elif together:
            alone.insert(0, together[0])
        for pattern in alone:
            if pattern not in compiled:
                compiled[pattern] = re.compile(pattern)
            found.append((name, compiled[pattern], rank))
    return found


# One phrase that does not start with a literal word: its name, and its pattern with the "\b"
# every such phrase is looked for after.
_Other = tuple[str, re.Pattern[str]]


@dataclass(frozen=True, slots=True)
class _Others:
    """The phrases that do not start with a literal word, tried only where a word boundary
    meets a character one of them can start with (those anchored to the start: only there).

    ``next_match`` finds exactly what ``search`` with the ``others`` alternation of
    ``CueIndex`` finds: the leftmost start, and there the first phrase in order."""

    at_start: dict[str, tuple[_Other, ...]]  # by first character, at the start of the text
    inside: dict[str, tuple[_Other, ...]]  # by first character, anywhere else
    # Where, after the start, a word boundary meets a character a phrase of ``inside`` can
    # start with (None: none can).
    starts: re.Pattern[str] | None

    @classmethod
    def build(cls, others: list[tuple[str, str]]) -> _Others | None:
        """``None`` when some phrase may start anywhere (then one alternation is searched)."""
        read = [(name, phrase, first_chars(phrase)) for name, phrase in others]
        if any(first is None for _, _, first in read):
            return None
        at_start: dict[str, list[_Other]] = {}
        inside: dict[str, list[_Other]] = {}
        for name, phrase, first in read:
            assert first is not None
            compiled = re.compile(rf"\b(?:{phrase})")
            chars, anchored = first
            for char in chars:
                at_start.setdefault(char, []).append((name, compiled))
                if not anchored:
                    inside.setdefault(char, []).append((name, compiled))
        letters = re.sub(r"([\\\]\[^-])", r"\\\1", "".join(sorted(inside)))
        return cls(
            {c: tuple(found) for c, found in at_start.items()},
            {c: tuple(found) for c, found in inside.items()},
            # The character first, so that the engine can skip to it; the boundary before it.
            re.compile("[" + letters + r"](?<=\b.)") if letters else None,
        )

    def next_match(
        self, text: str, position: int = 0, until: int | None = None
    ) -> tuple[int, int, str] | None:
        """(start, end, name) of the leftmost phrase starting at ``position`` or later (and
        at ``until`` or before, when given)."""
        if position == 0 and text:
            for name, pattern in self.at_start.get(text[0], ()):
                found = pattern.match(text)
                if found:
                    return 0, found.end(), name
            position = 1
        if self.starts is None:
            return None
        for boundary in self.starts.finditer(text, position):
            start = boundary.start()
            if until is not None and start > until:
                break
            for name, pattern in self.inside[text[start]]:
                found = pattern.match(text, start)
                if found:
                    return start, found.end(), name
        return None


@dataclass(frozen=True, slots=True)
class CueIndex:
    """Named groups of phrases; ``earliest`` gives the name whose phrase starts first."""

    # By first word: (rank, name, pattern) of each phrase starting with that word, in the order
    # the names were given.
    by_word: dict[str, list[tuple[int, str, re.Pattern[str]]]]
    others: dict[str, list[str]]  # the phrases that do not start with a literal word, by name
    ranks: dict[str, int]
    # Compiled on first use: ``others`` by first character (see ``_Others``), or in one
    # alternation when some of them may start anywhere.
    _compiled: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def build(cls, named: dict[str, list[str]]) -> CueIndex:
        by_word: dict[str, dict[str, list[str]]] = {}
        others: dict[str, list[str]] = {}
        for name, phrases in named.items():
            for phrase in phrases:
                words = first_words(phrase)
                if words is None:
                    others.setdefault(name, []).append(phrase)
                    continue
                for word in words:
                    by_word.setdefault(word, {}).setdefault(name, []).append(phrase)
        # The phrases of one name starting with one word are tried in one pattern (compiled
        # once however many words start it).
        compiled: dict[str, re.Pattern[str]] = {}
        indexed = {
            word: [(rank, name, pattern) for name, pattern, rank in _joined(names, named, compiled)]
            for word, names in by_word.items()
        }
        return cls(indexed, others, {name: rank for rank, name in enumerate(named)})

    def _alternation(self) -> re.Pattern[str] | None:
        """All of ``others`` in one pattern that names the group each match came from."""
        if "alternation" not in self._compiled:
            groups = [
                f"(?P<{name}>" + "|".join(f"(?:{p})" for p in ps) + ")"
                for name, ps in self.others.items()
            ]
            pattern = re.compile(r"\b(?:" + "|".join(groups) + ")") if groups else None
            self._compiled["alternation"] = pattern
        return self._compiled["alternation"]

    def _by_first_character(self) -> _Others | None:
        if "by_first" not in self._compiled:
            listed = [(name, phrase) for name, phrases in self.others.items() for phrase in phrases]
            self._compiled["by_first"] = _Others.build(listed) if listed else None
        return self._compiled["by_first"]

    def every(self, text: str) -> set[str]:
        """The names with a phrase anywhere in the text."""
        found: set[str] = set()
        by_first = self._by_first_character()
        if by_first is not None:
            # As ``finditer`` over ``_alternation`` would: each match, then the next one from
            # where it ended (a match is never empty).
            position = 0
            while (other := by_first.next_match(text, position)) is not None:
                found.add(other[2])
                position = other[1]
        elif (others := self._alternation()) is not None:
            found.update(m.lastgroup for m in others.finditer(text) if m.lastgroup)
        for word in _LETTERS.finditer(text):
            for _, name, pattern in self.by_word.get(word.group(), ()):
                if name not in found and pattern.match(text, word.start()):
                    found.add(name)
        return found

    def earliest(self, text: str) -> str | None:
        """The name of the phrase that starts first (ties: the order the names were given)."""
        hit = self._first_indexed(text)
        # The phrases that do not start with a word only matter up to the first indexed one.
        other = self._other(text, hit[0] if hit else None)
        if other is None:
            return hit[2] if hit else None
        if hit is None or other[0] < hit[0]:
            return other[1]
        return min((hit[1], hit[2]), (self.ranks[other[1]], other[1]))[1]

    def _first_indexed(self, text: str) -> tuple[int, int, str] | None:
        """(start, rank, name) of the first word where an indexed phrase starts (the phrases
        are in the order of their names: the first one matching there is the earliest given)."""
        for word in _LETTERS.finditer(text):
            start = word.start()
            for rank, name, pattern in self.by_word.get(word.group(), ()):
                if pattern.match(text, start):
                    return start, rank, name
        return None

    def _other(self, text: str, until: int | None) -> tuple[int, str] | None:
        """(start, name) of the leftmost phrase of ``others``, if it starts by ``until``."""
        by_first = self._by_first_character()
        if by_first is not None:
            found = by_first.next_match(text, 0, until)
            return (found[0], found[2]) if found else None
        others = self._alternation()
        match = others.search(text) if others is not None else None
        if match is None or (until is not None and match.start() > until):
            return None
        return match.start(), str(match.lastgroup)
