"""WebVTT (Zoom, Teams) and SRT: blocks of an optional cue id, a timing line and text lines.

Zoom writes ``Name: text`` in the cue; Teams writes ``<v Name>text</v>``; subtitle tools write
either. Both formats go through the same block reader, so a VTT without its header or an SRT
with a VTT header still reads.
"""

from __future__ import annotations

import re
from collections.abc import Generator, Iterable, Iterator
from dataclasses import dataclass

from attunement.errors import TranscriptError
from attunement.transcript.segments import (
    Segment,
    check_times,
    clean_name,
    clean_text,
    split_speaker,
    strip_tags,
)

_STAMP = r"(?:(\d{1,3}):)?(\d{1,2}):(\d{2})(?:[.,](\d{1,3}))?"
_TIMING = re.compile(rf"\s*{_STAMP}\s*-->\s*{_STAMP}(?:\s.*)?")
_VOICE = re.compile(r"<v(?:\.[^\s>]*)?\s+([^>]*)>")
_SKIPPED_BLOCKS = ("NOTE", "STYLE", "REGION")


@dataclass(frozen=True, slots=True)
class Block:
    first_line: int  # 1-based line number of the block's first line
    lines: tuple[str, ...]


def iter_blocks(lines: Iterable[str]) -> Iterator[Block]:
    """Runs of non-blank lines, with where each starts.

    A cue's times inside a block that already has its times and words start a new block
    (with the cue number just above them): hand-edited subtitles sometimes lose blank lines.
    """
    current: list[str] = []
    first = 0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            if current:
                yield Block(first, tuple(current))
                current = []
            continue
        if current and "-->" in line and _starts_next_cue(current, line):
            keep = -1 if current[-1].strip().isdigit() else len(current)
            yield Block(first, tuple(current[:keep]))
            current, first = current[keep:], number - len(current[keep:])
        if not current:
            first = number
        current.append(line)
    if current:
        yield Block(first, tuple(current))


def _starts_next_cue(block: list[str], line: str) -> bool:
    timing_at = next((i for i, seen in enumerate(block[:2]) if "-->" in seen), None)
    has_words = timing_at is not None and len(block) > timing_at + 1
    return has_words and _TIMING.fullmatch(line) is not None


def read_subtitles(lines: Iterable[str]) -> Iterator[Segment]:
    """Segments of a WebVTT or SRT file, in order."""
    previous: Block | None = None
    timed = False
    for block in iter_blocks(lines):
        if previous is not None:
            was_timed = yield from _segments_of(previous, last=False)
            timed = timed or was_timed
        previous = block
    if previous is not None:
        was_timed = yield from _segments_of(previous, last=True)
        timed = timed or was_timed
    if not timed:
        raise TranscriptError(
            "The transcript has no cues with times (lines like 00:00:01.000 --> 00:00:04.000)",
            "export it again from the meeting tool, or save it as .txt if it is plain text",
        )


def _segments_of(block: Block, *, last: bool) -> Generator[Segment, None, bool]:
    """The block's segments; returns whether the block was a timed cue."""
    head = block.lines[0].lstrip("\ufeff").strip()
    if head.startswith("WEBVTT") or head.split(" ", 1)[0] in _SKIPPED_BLOCKS:
        return False
    timing_at = _timing_index(block, last=last)
    if timing_at is None:
        if not head.isdigit():
            # Text without times continues the cue before it (some tools wrap long cues so).
            yield from _voiced_segments(block.lines, None, None)
        return False
    start, end = _times(block.lines[timing_at], block.first_line + timing_at, last=last)
    text_lines = block.lines[timing_at + 1 :]
    if not text_lines and last:
        raise TranscriptError(
            f"The transcript ends in the middle of a cue (line {block.first_line + timing_at} has times but no words)",
            "the file was probably cut short while copying; export or download it again",
        )
    yield from _voiced_segments(text_lines, start, end)
    return True


def _timing_index(block: Block, *, last: bool) -> int | None:
    for index, line in enumerate(block.lines[:2]):
        if "-->" in line:
            return index
    if last and len(block.lines) == 1 and block.lines[0].strip().isdigit():
        raise TranscriptError(
            f"The transcript ends in the middle of a cue (line {block.first_line} starts a cue that has no times or words)",
            "the file was probably cut short while copying; export or download it again",
        )
    return None


def _times(line: str, number: int, *, last: bool) -> tuple[float, float]:
    match = _TIMING.fullmatch(line)
    start = _seconds(*match.groups()[:4]) if match else None
    end = _seconds(*match.groups()[4:]) if match else None
    if start is None or end is None:
        if last:
            raise TranscriptError(
                f"The transcript ends in the middle of a cue (line {number} has broken times)",
                "the file was probably cut short while copying; export or download it again",
            )
        raise TranscriptError(
            f"Line {number} should hold a cue's times like 00:00:01.000 --> 00:00:04.000 but reads {line.strip()[:60]!r}",
            "fix that line or export the transcript again",
        )
    check_times(start, end, f"on line {number}")
    return start, end


def _seconds(hours: str | None, minutes: str, seconds: str, millis: str | None) -> float | None:
    if int(seconds) >= 60 or (hours is not None and int(minutes) >= 60):
        return None
    whole = int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds)
    return whole + (int(millis.ljust(3, "0")) / 1000 if millis else 0.0)


def _voiced_segments(
    lines: Iterable[str], start: float | None, end: float | None
) -> Iterator[Segment]:
    """Split cue text at ``<v Name>`` voices; otherwise look for ``Name:`` on its first line."""
    joined = " ".join(lines)
    pieces = _VOICE.split(joined) if "<v" in joined else [joined]
    lead = pieces[0]
    if lead.strip():
        # Subtitle tools often wrap the whole line in <font> or <i>, hiding its "Name:".
        speaker, text = split_speaker(strip_tags(lead).lstrip())
        yield Segment(speaker, clean_text(text), start, end)
    for name, text in zip(pieces[1::2], pieces[2::2], strict=True):
        yield Segment(clean_name(name) or None, clean_text(text), start, end)
