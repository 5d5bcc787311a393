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


# Regular-expression characters with a meaning of their own; every other character is literal.
_SPECIAL = frozenset(".^$*+?{}[]\\|()")
_QUANTIFIER = re.compile(r"[?*+]|\{(\d*)(?:,\d*)?\}")


class _Unsure(Exception):
    """A pattern construct ``first_chars`` does not read: the pattern may start anywhere."""


def _close(pattern: str, start: int) -> int:
    """Index of the ``)`` closing the group opened at ``start`` (escapes and classes skipped)."""
    depth, i = 0, start
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":
            i = _class_end(pattern, i)
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    raise _Unsure


def _class_end(pattern: str, start: int) -> int:
    """Index of the ``]`` closing the character class opened at ``start``."""
    i = start + 1 + (pattern[start + 1 : start + 2] == "^")
    i += pattern[i : i + 1] == "]"  # a "]" first in a class is literal
    end = pattern.find("]", i)
    if end < 0 or "\\" in pattern[start:end]:
        raise _Unsure
    return end


def _class_chars(body: str) -> set[str]:
    """The characters of a class body without escapes ("a-z," -> a…z and ",")."""
    if body.startswith("^"):
        raise _Unsure  # a negated class may start with almost anything
    chars: set[str] = set()
    i = 0
    while i < len(body):
        if i + 2 < len(body) and body[i + 1] == "-":
            chars.update(chr(c) for c in range(ord(body[i]), ord(body[i + 2]) + 1))
            i += 3
        else:
            chars.add(body[i])
            i += 1
    return chars


def _top_level(pattern: str) -> list[str]:
    """The pattern's alternatives at the top level."""
    parts, depth, current, i = [], 0, "", 0
    while i < len(pattern):
        char = pattern[i]
        step = 2 if char == "\\" else (_class_end(pattern, i) - i + 1 if char == "[" else 1)
        if char == "|" and depth == 0:
            parts.append(current)
            current = ""
        else:
            depth += (char == "(") - (char == ")")
            current += pattern[i : i + step]
        i += step
    return [*parts, current]


def _element(pattern: str, i: int) -> tuple[set[str], bool, int]:
    """(first characters, whether it can match nothing, where the next element starts) for the
    element at ``i`` with its quantifier."""
    char = pattern[i]
    end = i + 1
    if char == "\\":
        escaped = pattern[i + 1 : i + 2]
        if escaped in ("b", "B"):
            return set(), True, i + 2  # a word boundary takes no characters
        if not escaped or escaped.isalnum():
            raise _Unsure  # \w, \d, \s, \1…
        first, empty, end = {escaped}, False, i + 2
    elif char in "^$":
        return set(), True, i + 1  # an anchor takes no characters
    elif char == "(":
        close = _close(pattern, i)
        inner = pattern[i + 1 : close]
        if inner.startswith(("?=", "?!", "?<=", "?<!")):
            return set(), True, close + 1  # a look-around takes no characters
        if inner.startswith("?:"):
            inner = inner[2:]
        elif inner.startswith("?"):
            raise _Unsure  # named groups, flags, conditionals
        first, empty = _alternatives(inner)
        end = close + 1
    elif char == "[":
        close = _class_end(pattern, i)
        first, empty, end = _class_chars(pattern[i + 1 : close]), False, close + 1
    elif char in _SPECIAL:
        raise _Unsure  # "." or a stray quantifier
    else:
        first, empty = {char}, False
    quantifier = _QUANTIFIER.match(pattern, end)
    if quantifier:
        low = quantifier.group(1)
        empty = empty or quantifier.group(0) in "?*" or low in ("", "0")
        end = quantifier.end()
        end += pattern[end : end + 1] in ("?", "+")  # lazy or possessive
    elif pattern[end : end + 1] == "{":
        raise _Unsure
    return first, empty, end


def _sequence(pattern: str) -> tuple[set[str], bool]:
    first: set[str] = set()
    i = 0
    while i < len(pattern):
        chars, empty, i = _element(pattern, i)
        first |= chars
        if not empty:
            return first, False
    return first, True


def _alternatives(pattern: str) -> tuple[set[str], bool]:
    first: set[str] = set()
    empty = False
    for alternative in _top_level(pattern):
        chars, can_be_empty = _sequence(alternative)
        first |= chars
        empty = empty or can_be_empty
    return first, empty


def first_chars(pattern: str) -> tuple[frozenset[str], bool] | None:
    """The characters a match of the pattern can start with, and whether it is anchored to the
    start of the text ("^…"); ``None`` when the pattern may match nothing or is not one this
    reading follows (then it is tried everywhere)."""
    body = pattern.removeprefix("\\b")
    try:
        first, empty = _alternatives(pattern)
        anchored = body.startswith("^") and len(_top_level(body)) == 1
    except _Unsure:
        return None
    return None if empty or not first else (frozenset(first), anchored)


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
