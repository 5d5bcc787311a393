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


def words(text: str) -> tuple[str, ...]:
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
