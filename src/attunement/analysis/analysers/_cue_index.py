"""Fast matching of many phrase patterns: each pattern is tried only where its first word occurs.

One big alternation of a few hundred phrases is tried at every word of every sentence, which
is too slow for an hour-long session. Most phrases start with a literal word (or a group of
literal words), so they are indexed by those words and matched only at the positions where one
of them appears; the few that start otherwise are searched the ordinary way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_LETTERS = re.compile(r"[a-z]+")


def _close_of(pattern: str, start: int) -> int:
    """Index of the parenthesis closing the one at ``start``."""
    depth = 0
    for i in range(start, len(pattern)):
        if pattern[i] == "\\":
            continue
        if pattern[i] == "(" and (i == 0 or pattern[i - 1] != "\\"):
            depth += 1
        elif pattern[i] == ")" and pattern[i - 1] != "\\":
            depth -= 1
            if depth == 0:
                return i
    return -1


def _top_level_split(group: str) -> list[str]:
    parts, depth, current = [], 0, ""
    for char in group:
        depth += char == "("
        depth -= char == ")"
        if char == "|" and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    return [*parts, current]


def first_words(pattern: str) -> set[str] | None:
    """The literal words a pattern can start with, or None when it can start otherwise."""
    alternatives = [pattern]
    if pattern.startswith("("):
        close = _close_of(pattern, 0)
        if close < 0 or pattern[close + 1 : close + 2] in ("?", "*", "{"):
            return None
        inner = pattern[1:close]
        inner = inner[2:] if inner.startswith("?:") else inner
        alternatives = [alt + pattern[close + 1 :] for alt in _top_level_split(inner)]
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


@dataclass(frozen=True, slots=True)
class CueIndex:
    """Named groups of phrases; ``earliest`` gives the name whose phrase starts first."""

    by_word: dict[str, list[tuple[int, str, re.Pattern[str]]]]
    others: re.Pattern[str] | None
    ranks: dict[str, int]

    @classmethod
    def build(cls, named: dict[str, list[str]]) -> CueIndex:
        by_word: dict[str, list[tuple[int, str, re.Pattern[str]]]] = {}
        others: dict[str, list[str]] = {}
        for rank, (name, phrases) in enumerate(named.items()):
            for phrase in phrases:
                words = first_words(phrase)
                if words is None:
                    others.setdefault(name, []).append(phrase)
                    continue
                compiled = re.compile(phrase)
                for word in words:
                    by_word.setdefault(word, []).append((rank, name, compiled))
        groups = [
            f"(?P<{name}>" + "|".join(f"(?:{p})" for p in ps) + ")" for name, ps in others.items()
        ]
        pattern = re.compile(r"\b(?:" + "|".join(groups) + ")") if groups else None
        return cls(by_word, pattern, {name: rank for rank, name in enumerate(named)})

    def every(self, text: str) -> set[str]:
        """The names with a phrase anywhere in the text."""
        found: set[str] = set()
        if self.others is not None:
            found.update(m.lastgroup for m in self.others.finditer(text) if m.lastgroup)
        for word in _LETTERS.finditer(text):
            for _, name, pattern in self.by_word.get(word.group(), ()):
                if name not in found and pattern.match(text, word.start()):
                    found.add(name)
        return found

    def earliest(self, text: str) -> str | None:
        """The name of the phrase that starts first (ties: the order the names were given)."""
        other = self.others.search(text) if self.others is not None else None
        limit = other.start() if other else len(text) + 1
        for word in _LETTERS.finditer(text):
            if word.start() > limit:
                break
            hits = [
                (rank, name)
                for rank, name, pattern in self.by_word.get(word.group(), ())
                if pattern.match(text, word.start())
            ]
            if word.start() == limit and other and other.lastgroup:
                hits.append((self.ranks[other.lastgroup], other.lastgroup))
            if hits:
                return min(hits)[1]
        return other.lastgroup if other else None
