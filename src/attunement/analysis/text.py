"""Shared, cheap text features: words, sentences and questions of a turn.

Computed once per turn per session (``AnalysisContext.texts``) so that every analyser reads the
same tokenisation and nothing is tokenised twice.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

_WORD = re.compile(r"[A-Za-z\u00C0-\u024F]+(?:['\u2019][A-Za-z]+)*|\d+(?:[.,]\d+)?")
# A sentence ends at . ! ? (or a run of them) followed by space or the end of the text.
_SENTENCE_END = re.compile(r"(?<=[.!?\u2026])[\"'\u201d\u2019)]*\s+")


@dataclass(frozen=True, slots=True)
class TurnText:
    words: tuple[str, ...]  # lower-cased word tokens
    sentences: tuple[str, ...]  # stripped sentences in order

    @property
    def word_count(self) -> int:
        return len(self.words)

    @property
    def questions(self) -> tuple[str, ...]:
        return tuple(s for s in self.sentences if s.endswith("?"))


def folded(text: str) -> str:
    """Lower-cased, with typographic apostrophes straight: "Don\u2019t" reads as "don't", the
    form every lexicon is written in."""
    return text.lower().replace("\u2019", "'")


# ``_WORD`` as it reads lower-cased ASCII text (where lower-casing moves nothing).
_ASCII_WORD = re.compile(r"[a-z]+(?:'[a-z]+)*|\d+(?:[.,]\d+)?")


def words(text: str) -> tuple[str, ...]:
    if text.isascii():
        return tuple(_ASCII_WORD.findall(text.lower()))
    found = _WORD.findall(text)
    if not found:
        return ()
    # Lower-cased and straightened in one pass over all the words rather than word by word
    # (the same result: no word holds a newline, and a word's letters lower-case on their own).
    return tuple("\n".join(found).lower().replace("\u2019", "'").split("\n"))


def sentences(text: str) -> tuple[str, ...]:
    parts = (p.strip() for p in _SENTENCE_END.split(text.strip()))
    return tuple(p for p in parts if p)


def turn_text(text: str) -> TurnText:
    return TurnText(words=words(text), sentences=sentences(text))


def turn_texts(texts: Iterable[str]) -> tuple[TurnText, ...]:
    """Every turn's ``TurnText``; a text said again in the session ("Mm-hmm.") is tokenised
    once and shares it (``TurnText`` is immutable)."""
    done: dict[str, TurnText] = {}
    out = []
    for text in texts:
        found = done.get(text)
        if found is None:
            found = done[text] = turn_text(text)
        out.append(found)
    return tuple(out)


# Escapes whose meaning lower-casing could change (\W, \S…) are skipped when looking for
# capitals; inline flags and escapes naming other characters rule the fast path out.
_ESCAPE = re.compile(r"\\.")
_UNSAFE = re.compile(r"\(\?[aiLmsux-]|\\[uUxN0-7]")


class CaselessPattern:
    """A case-insensitive pattern that says faster whether it occurs in a text.

    On ASCII text, lower-casing moves nothing and no character changes class, so the same
    pattern without IGNORECASE occurs in the lower-cased text exactly where the
    case-insensitive one occurs in the original, and case-sensitive matching is about twice
    as fast. Other text (or a pattern with capitals of its own) is searched as given, with
    the case-insensitive pattern compiled the first time it is needed.
    """

    __slots__ = ("_anycase", "flags", "lowered", "source")

    def __init__(self, pattern: str, flags: int = 0, same: re.Pattern[str] | None = None) -> None:
        """``same``: a case-sensitive pattern found wherever ``pattern`` is (quicker to search,
        see ``_word_start``), to use in its place on lower-cased text."""
        self.source, self.flags = pattern, flags | re.IGNORECASE
        self._anycase: re.Pattern[str] | None = None
        plain = _ESCAPE.sub("", pattern)
        fast = pattern.isascii() and plain == plain.lower() and not _UNSAFE.search(pattern)
        self.lowered = (same or re.compile(pattern, flags & ~re.IGNORECASE)) if fast else None

    @property
    def pattern(self) -> re.Pattern[str]:
        """The pattern as given, case-insensitive."""
        if self._anycase is None:
            self._anycase = re.compile(self.source, self.flags)
        return self._anycase

    def occurs_in(self, text: str, lowered: str | None = None) -> bool:
        """Whether the pattern occurs in ``text`` (``lowered``: ``text.lower()``, when known)."""
        if self.lowered is not None and text.isascii():
            return self.lowered.search(text.lower() if lowered is None else lowered) is not None
        return self.pattern.search(text) is not None
