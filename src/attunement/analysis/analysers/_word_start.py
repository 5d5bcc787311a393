"""Phrase alternations the regular-expression engine can skip through quickly.

``\\b(?:(?:p1)|(?:p2)|…)`` is tried at every position of a text: a pattern that opens with a
word boundary gives the engine no first character to look for. Spelled from its first
character instead (``w(?<=\\bw)hat …`` for ``what …``, one variant per alternative of a leading
group), every alternative opens with a literal and the engine jumps straight to the characters
a phrase can start with. The variants match the same texts at the same places, so whether
(and where) the pattern occurs is unchanged; which variant matched, and the groups, may
differ: these patterns are for ``search`` as a yes or no.

The leading underscore keeps the registry from treating this module as a plugin.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from attunement.analysis.analysers._regex_shape import SPECIAL, Unsure, close_of, top_level

# Back-references and named groups would change meaning once a phrase is spelled out.
_GROUP_REFERENCES = re.compile(r"\\[1-9]|\(\?P")
# Beyond this many variants a phrase keeps its plain form (the pattern would only grow).
MAX_VARIANTS = 64


def spelled(pattern: str) -> list[tuple[str, str]] | None:
    """(first character, the rest) for each way the pattern can start, in the order the engine
    tries them; ``None`` when the pattern opens otherwise (an escape, a class, a quantified
    group, an empty alternative) or refers back to its own groups."""
    if _GROUP_REFERENCES.search(pattern):
        return None
    try:
        found = _alternatives(pattern)
    except Unsure:
        return None
    return found if found is not None and len(found) <= MAX_VARIANTS else None


def _alternatives(pattern: str) -> list[tuple[str, str]] | None:
    found: list[tuple[str, str]] = []
    for alternative in top_level(pattern):
        variants = _sequence(alternative)
        if variants is None or len(found) + len(variants) > MAX_VARIANTS:
            return None
        found += variants
    return found


def _sequence(sequence: str) -> list[tuple[str, str]] | None:
    if not sequence:
        return None  # may match nothing: it can start anywhere
    if sequence.startswith("\\b"):
        return _sequence(sequence[2:])  # the boundary every variant already checks
    char, after = sequence[0], sequence[1:2]
    if char == "(":
        return _group(sequence)
    if char in SPECIAL or after in ("?", "*", "{"):
        return None
    if after == "+":
        # "m+…" is "m" then "m*…"; a lazy or possessive "+" is left alone.
        return None if sequence[2:3] in ("?", "+") else [(char, char + "*" + sequence[2:])]
    return [(char, sequence[1:])]


def _group(sequence: str) -> list[tuple[str, str]] | None:
    """A leading group spelled out: each of its alternatives followed by what comes after it
    (and, for an optional group, what comes after it alone, tried last as the engine does)."""
    close = close_of(sequence, 0)
    inner, rest = sequence[1:close], sequence[close + 1 :]
    if inner.startswith("?:"):
        inner = inner[2:]
    elif inner.startswith("?"):
        return None  # look-arounds, flags
    options = top_level(inner)
    if rest[:1] == "?":
        if rest[1:2] in ("?", "+"):
            return None
        rest = rest[1:]
        options = [*options, ""]
    elif rest[:1] in ("*", "+", "{"):
        return None
    found: list[tuple[str, str]] = []
    for option in options:
        variants = _sequence(option + rest)
        if variants is None or len(found) + len(variants) > MAX_VARIANTS:
            return None
        found += variants
    return found


def word_start_alternation(phrases: Iterable[str], flags: int = 0) -> re.Pattern[str]:
    """A pattern found wherever ``\\b(?:(?:p1)|(?:p2)|…)`` is found (see the module's note);
    phrases that cannot be spelled out keep their plain ``\\b(?:p)`` form."""
    by_first: dict[str, list[str]] = {}
    plain: list[str] = []
    for phrase in phrases:
        variants = spelled(phrase)
        if variants is None:
            plain.append(rf"\b(?:{phrase})")
            continue
        for first, rest in variants:
            by_first.setdefault(first, []).append(rest)
    branches = [
        f"{re.escape(first)}(?<=\\b{re.escape(first)})(?:{'|'.join(f'(?:{r})' for r in rests)})"
        for first, rests in by_first.items()
    ]
    return re.compile("|".join([*branches, *plain]) or "(?!x)x", flags)
