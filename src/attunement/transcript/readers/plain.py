"""Plain text: ``Name: text`` lines (with or without ``[hh:mm:ss]`` stamps) and Otter's layout.

Otter writes a header line ``Name  0:03`` and the words on the lines after it. Lines before the
first speaker (a title, a date) are not speech and are left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from attunement.transcript.segments import (
    NAME,
    TIMESTAMP,
    Segment,
    clean_name,
    clean_text,
    looks_like_a_name,
    parse_timestamp,
    split_speaker,
)

# "[00:01:02] Ann: ...", "00:01:02 Ann: ...", "(1:02) - Ann: ..."
_LEADING_STAMP = re.compile(rf"^\s*[\[(]?(?P<ts>{TIMESTAMP})[\])]?\s*[-–—|]?\s*")
# "Ann [00:01:02]: ..." or "Ann (1:02): ..."
_NAME_WITH_STAMP = re.compile(
    rf"^\s*(?P<name>{NAME})\s*[\[(](?P<ts>{TIMESTAMP})[\])]\s*:\s*(?P<text>.*)$"
)
# Google Meet: "00:05:00" on a line of its own between speakers' lines.
_STAMP_ALONE = re.compile(rf"^\s*[\[(]?(?P<ts>{TIMESTAMP})[\])]?\s*$")
# Otter: "Ann Smith  0:03"; Zoom's own text transcript: "[Ann Smith] 00:03:12".
OTTER_HEADER = re.compile(
    rf"^\s*(?:\[(?P<bracketed>{NAME})\]|(?P<name>{NAME}))\s+(?P<ts>{TIMESTAMP})\s*$"
)
_OTTER_FOOTER = re.compile(r"^\s*transcribed by\s+https?://otter\.ai\S*\s*$", re.IGNORECASE)


def named_line(line: str) -> tuple[str, str, float | None] | None:
    """Speaker, text and stamp of a ``Name: text`` line (stamp optional), or None."""
    match = _NAME_WITH_STAMP.match(line)
    if match is not None:
        return (
            clean_name(match.group("name")),
            match.group("text"),
            parse_timestamp(match.group("ts")),
        )
    stamp: float | None = None
    stamped = _LEADING_STAMP.match(line)
    if stamped is not None:
        stamp = parse_timestamp(stamped.group("ts"))
        line = line[stamped.end() :]
    speaker, text = split_speaker(line)
    # Plain text has no cue structure, so only a capitalised name may start a new speaker.
    if speaker is None or not looks_like_a_name(speaker):
        return None
    return speaker, text, stamp


def otter_header(line: str) -> tuple[str, float | None] | None:
    match = OTTER_HEADER.match(line)
    if match is None:
        return None
    name = clean_name(match.group("bracketed") or match.group("name"))
    return (name, parse_timestamp(match.group("ts"))) if name else None


def read_plain(lines: Iterable[str]) -> Iterator[Segment]:
    """Segments of ``Name: text`` lines; unnamed lines continue the speaker before them.

    A line holding only a time (Google Meet writes one every few minutes) is not speech: it
    dates the next speaker's line when that line carries no time of its own.
    """
    started = False
    pending: float | None = None
    for line in lines:
        if not line.strip():
            continue
        alone = _STAMP_ALONE.match(line)
        if alone is not None:
            pending = parse_timestamp(alone.group("ts"))
            continue
        named = named_line(line)
        if named is not None:
            started = True
            speaker, text, stamp = named
            yield Segment(speaker, clean_text(text), stamp if stamp is not None else pending)
            pending = None
        elif started:
            yield Segment(None, clean_text(line))


def read_otter(lines: Iterable[str]) -> Iterator[Segment]:
    """Segments of Otter's layout: a ``Name  0:03`` header, then the words."""
    header: tuple[str, float | None] | None = None
    fresh = False  # the header's first line of words is still to come
    for line in lines:
        if not line.strip() or _OTTER_FOOTER.match(line):
            continue
        new_header = otter_header(line)
        if new_header is not None:
            header, fresh = new_header, True
        elif header is not None:
            speaker, start = header if fresh else (None, None)
            fresh = False
            yield Segment(speaker, clean_text(line), start)
