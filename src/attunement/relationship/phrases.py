"""Sentence-level helpers shared by the commitment and memory finders."""

from __future__ import annotations

import re

# Words people put in front of a sentence without changing what it commits to.
FILLERS = (
    "so",
    "and",
    "okay",
    "ok",
    "right",
    "then",
    "well",
    "yes",
    "yeah",
    "alright",
    "actually",
    "honestly",
    "great",
    "good",
    "fine",
    "sure",
    "oh",
    "um",
    "uh",
)
_FILLER = re.compile(rf"^(?:(?:{'|'.join(FILLERS)})\b[,.]?\s*)+", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\s*(?:\.\.\.|…)\s*")


def sentences(text: str) -> list[str]:
    """The sentences of a turn, stripped, without empty ones."""
    return [s.strip() for s in _SENTENCE_END.split(text.replace("’", "'")) if s and s.strip()]


def without_fillers(sentence: str) -> str:
    """The sentence without leading "so", "okay", "right", ... (but never hedges like "maybe")."""
    return _FILLER.sub("", sentence).strip()


def normalised(text: str) -> str:
    """Lower case, single spaces, no closing punctuation: the key for spotting repeats."""
    return re.sub(r"\s+", " ", text.lower()).strip(" .,!?;:")


def clip(text: str, limit: int = 200) -> str:
    """At most ``limit`` characters, cut at a word with an ellipsis when longer."""
    text = text.strip()
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0] + "…"
