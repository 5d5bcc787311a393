"""Which bank questions a coach has asked: bank questions matched to the questions in the
coach's turns of their analysed transcripts, by normalised text and word overlap.

Pure functions over plain data, so they are tested without a database.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

_WORD = re.compile(r"[a-z0-9']+")
_QUESTION = re.compile(r"[^.?!]*\?")
# A bank question counts as asked when this share of its words appears in one of the coach's
# questions and the coach's question is not much longer (a long question that merely contains
# the same common words is a different question).
MIN_SHARE = 0.8
MAX_EXTRA_WORDS = 6
MIN_WORDS = 3


def words(text: str) -> list[str]:
    """Lower-case words without punctuation; curly apostrophes count as straight ones."""
    return _WORD.findall(text.lower().replace("\u2019", "'"))


def coach_questions(conversation: Mapping[str, Any]) -> list[str]:
    """Every question sentence in the coach's turns of a stored conversation."""
    found = []
    for turn in conversation.get("turns", []):
        if turn.get("role") == "coach":
            found += [q.strip() for q in _QUESTION.findall(str(turn.get("text", ""))) if q.strip()]
    return found


def _shape(text: str) -> tuple[str, frozenset[str], int]:
    found = words(text)
    return f" {' '.join(found)} ", frozenset(found), len(found)


def is_same_question(bank: str, asked: str) -> bool:
    return _matches(_shape(bank), _shape(asked))


def _matches(bank: tuple[str, frozenset[str], int], asked: tuple[str, frozenset[str], int]) -> bool:
    bank_text, bank_set, bank_len = bank
    asked_text, asked_set, asked_len = asked
    if bank_len < MIN_WORDS or not asked_len:
        return bank_text == asked_text
    if bank_text in asked_text:
        return True
    shared = len(bank_set & asked_set) / len(bank_set)
    return shared >= MIN_SHARE and asked_len <= bank_len + MAX_EXTRA_WORDS


def used_questions(bank: Iterable[tuple[str, str]], asked: list[str]) -> dict[str, int]:
    """Bank question id -> how many of the coach's questions match it (only ids used)."""
    shapes = [_shape(question) for question in asked]
    counts: dict[str, int] = {}
    for question_id, text in bank:
        wanted = _shape(text)
        hits = sum(1 for shape in shapes if _matches(wanted, shape))
        if hits:
            counts[question_id] = hits
    return counts
