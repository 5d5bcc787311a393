"""Reading the shape of a regular expression: where its groups close, its top-level
alternatives, and the characters a match can start with.

Shared by the cue index (``_cue_index``: which word or character a phrase can start with) and
the rewriting of phrase lists (``_word_start``). It follows only the constructs our lexicons
use; anything else raises ``Unsure`` and the caller falls back to trying the pattern
everywhere. The leading underscore keeps the registry from treating this module as a plugin.
"""

from __future__ import annotations

import re

# Regular-expression characters with a meaning of their own; every other character is literal.
SPECIAL = frozenset(".^$*+?{}[]\\|()")
_QUANTIFIER = re.compile(r"[?*+]|\{(\d*)(?:,\d*)?\}")


class Unsure(Exception):
    """A pattern construct ``first_chars`` does not read: the pattern may start anywhere."""


def close_of(pattern: str, start: int) -> int:
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
    raise Unsure


def _class_end(pattern: str, start: int) -> int:
    """Index of the ``]`` closing the character class opened at ``start``."""
    i = start + 1 + (pattern[start + 1 : start + 2] == "^")
    i += pattern[i : i + 1] == "]"  # a "]" first in a class is literal
    end = pattern.find("]", i)
    if end < 0 or "\\" in pattern[start:end]:
        raise Unsure
    return end


def _class_chars(body: str) -> set[str]:
    """The characters of a class body without escapes ("a-z," -> a…z and ",")."""
    if body.startswith("^"):
        raise Unsure  # a negated class may start with almost anything
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


def top_level(pattern: str) -> list[str]:
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
            raise Unsure  # \w, \d, \s, \1…
        first, empty, end = {escaped}, False, i + 2
    elif char in "^$":
        return set(), True, i + 1  # an anchor takes no characters
    elif char == "(":
        close = close_of(pattern, i)
        inner = pattern[i + 1 : close]
        if inner.startswith(("?=", "?!", "?<=", "?<!")):
            return set(), True, close + 1  # a look-around takes no characters
        if inner.startswith("?:"):
            inner = inner[2:]
        elif inner.startswith("?"):
            raise Unsure  # named groups, flags, conditionals
        first, empty = _alternatives(inner)
        end = close + 1
    elif char == "[":
        close = _class_end(pattern, i)
        first, empty, end = _class_chars(pattern[i + 1 : close]), False, close + 1
    elif char in SPECIAL:
        raise Unsure  # "." or a stray quantifier
    else:
        first, empty = {char}, False
    quantifier = _QUANTIFIER.match(pattern, end)
    if quantifier:
        low = quantifier.group(1)
        empty = empty or quantifier.group(0) in "?*" or low in ("", "0")
        end = quantifier.end()
        end += pattern[end : end + 1] in ("?", "+")  # lazy or possessive
    elif pattern[end : end + 1] == "{":
        raise Unsure
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
    for alternative in top_level(pattern):
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
        anchored = body.startswith("^") and len(top_level(body)) == 1
    except Unsure:
        return None
    return None if empty or not first else (frozenset(first), anchored)
