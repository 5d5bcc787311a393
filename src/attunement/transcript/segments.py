"""What every reader shares: timestamps, speaker prefixes, styling tags, and merging into turns.

A reader yields ``Segment``s (a piece of speech, perhaps without a speaker when it continues the
previous one); ``merge_segments`` folds consecutive pieces of one speaker into one ``Turn``.
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from attunement.errors import TranscriptError
from attunement.transcript.model import Turn

UNKNOWN_SPEAKER = "Unknown speaker"
TIMESTAMP = r"(?:\d{1,3}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?"
_TIMESTAMP = re.compile(r"(?:(\d{1,3}):)?(\d{1,2}):(\d{2})(?:[.,](\d{1,3}))?")
# A name: starts with a letter, at most six words, no sentence punctuation.
NAME = r"[^\W\d_][\w.'’\-()&/@ ]{0,59}?"
_PREFIX = re.compile(rf"^\s*(?:>>\s*)?(?P<name>{NAME})[ \t]*:(?:\s+(?P<text>.*)|\s*$)", re.DOTALL)
_TAG = re.compile(r"</?[A-Za-z][^>]*>|<\d[\d:.]*>")
_SPACES = re.compile(r"\s+")
_UNTIDY = re.compile(r"\s\s|[^\S ]")
_PARTICLES = frozenset(
    {"van", "von", "de", "der", "den", "da", "di", "du", "del", "la", "le", "bin", "al"}
)
_LABEL = re.compile(r"\([^()]*\)")
_NOT_NAMES = frozenset({"http", "https", "note", "ps", "re", "subject", "date", "time", "location"})


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of speech; ``speaker`` None means it continues whoever spoke last."""

    speaker: str | None
    text: str
    start: float | None = None
    end: float | None = None


def parse_timestamp(text: str) -> float | None:
    """Seconds from ``hh:mm:ss.mmm``, ``mm:ss,mmm``, ``h:mm:ss`` or ``m:ss``; None if not a time."""
    match = _TIMESTAMP.fullmatch(text.strip())
    if match is None:
        return None
    hours, minutes, seconds, fraction = match.groups()
    if int(seconds) >= 60 or (hours is not None and int(minutes) >= 60):
        return None
    value = int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds)
    return value + (int(fraction.ljust(3, "0")) / 1000 if fraction else 0.0)


def split_speaker(line: str) -> tuple[str | None, str]:
    """``("Ann", "Hello")`` from ``"Ann: Hello"``; ``(None, line)`` when the line names nobody."""
    match = _PREFIX.match(line) if ":" in line[:80] else None
    if match is None:
        return None, line
    name = clean_name(match.group("name"))
    if not name or len(name.split()) > 6 or name.lower() in _NOT_NAMES:
        return None, line
    return name, match.group("text") or ""


def looks_like_a_name(name: str) -> bool:
    """Every word capitalised (or a particle like "van"): tells "Ann Lee:" from "For example:".

    A label in brackets after the name, as in "Alex (coach):", is not part of the test.
    """
    words = _LABEL.sub(" ", name).split()
    return bool(words) and all(
        word[:1].isupper() or word[:1].isdigit() or word in _PARTICLES for word in words
    )


def clean_name(name: str) -> str:
    return _SPACES.sub(" ", html.unescape(_TAG.sub("", name))).strip(" \t-–—")


def strip_tags(text: str) -> str:
    """Text without styling tags such as ``<font color=...>`` or ``<i>``; entities kept."""
    return _TAG.sub("", text) if "<" in text else text


def clean_text(text: str) -> str:
    """Text without styling tags or entities, on one line with single spaces."""
    if "<" in text:
        text = _TAG.sub("", text)
    if "&" in text:
        text = html.unescape(text)
    # Most text is already tidy; rebuilding it word by word would cost millions of strings.
    if _UNTIDY.search(text):
        text = _SPACES.sub(" ", text)
    return text.strip()


def merge_segments(segments: Iterable[Segment]) -> list[Turn]:
    """One turn per run of one speaker: text joined, start of the first piece, end of the last."""
    merger = _TurnMerger()
    for segment in segments:
        merger.add(segment)
    return merger.finish()


class _TurnMerger:
    """Collects the pieces of the current speaker's run and closes it when the speaker changes."""

    def __init__(self) -> None:
        self.turns: list[Turn] = []
        self.speaker: str | None = None
        self.parts: list[str] = []
        self.start: float | None = None
        self.end: float | None = None

    def add(self, segment: Segment) -> None:
        # A named piece without words ("Ann:" alone on its line) still says who speaks next.
        if (segment.speaker is not None and segment.speaker != self.speaker) or (
            self.speaker is None and segment.text
        ):
            self.close()
            self.speaker = segment.speaker or UNKNOWN_SPEAKER
            self.parts, self.start, self.end = [], None, None
        if segment.text or self.start is None:
            self.start = segment.start if self.start is None else self.start
        if segment.text:
            self.parts.append(segment.text)
            self.end = segment.end if segment.end is not None else self.end

    def close(self) -> None:
        if not self.parts or self.speaker is None:
            return
        text = " ".join(self.parts)
        last = self.turns[-1] if self.turns else None
        if last is not None and last.speaker == self.speaker:  # only an empty piece came between
            end = self.end if self.end is not None else last.end
            self.turns[-1] = replace(last, text=f"{last.text} {text}", end=end)
        else:
            self.turns.append(
                Turn(len(self.turns), self.speaker, text, start=self.start, end=self.end)
            )

    def finish(self) -> list[Turn]:
        self.close()
        self.parts = []
        return self.turns


def check_times(start: float | None, end: float | None, where: str) -> None:
    """Refuse a cue that ends before it starts; ``where`` says which (``on line 12``)."""
    if start is not None and end is not None and (end < start or not math.isfinite(end)):
        raise TranscriptError(
            f"The cue {where} ends before it starts",
            "check the times on that line or export the transcript again",
        )
