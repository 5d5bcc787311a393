"""Which reader fits: the file name's suffix when it is telling, otherwise the first lines."""

from __future__ import annotations

import re
from pathlib import Path, PurePath

from attunement.errors import TranscriptError
from attunement.transcript.readers.plain import named_line, otter_header
from attunement.transcript.segments import TIMESTAMP

FORMATS = ("vtt", "srt", "text", "otter", "json")
_ALIASES = {"webvtt": "vtt", "txt": "text", "plain": "text", "subrip": "srt"}
_BY_SUFFIX = {".vtt": "vtt", ".webvtt": "vtt", ".srt": "srt", ".json": "json"}
# The endings a folder of transcripts is searched for (bench, series): exports as saved.
TRANSCRIPT_SUFFIXES = (".vtt", ".srt", ".txt", ".json")
_TIMING = re.compile(rf"^\s*(?:{TIMESTAMP})\s*-->")
_LEADING_STAMP = re.compile(rf"^\s*\[(?:{TIMESTAMP})\]")
_JSON_LIST = re.compile(r"\[\s*(?:[\[{\"\]\d-]|$)")  # not "[Ann] 00:03", Zoom's text layout
_SAMPLE_LINES = 200


def normalise_format(name: str) -> str:
    """The reader name for ``--format`` (case and common aliases forgiven)."""
    key = name.strip().lower().lstrip(".")
    key = _ALIASES.get(key, key)
    if key not in FORMATS:
        raise TranscriptError(
            f"There is no reader for the format {name!r}", f"use one of {', '.join(FORMATS)}"
        )
    return key


def choose_format(filename: str, head: str, explicit: str | None = None) -> str:
    """The reader for a file: ``explicit`` if given, else its suffix, else its content."""
    if explicit:
        return normalise_format(explicit)
    start = head.lstrip("\ufeff \t\r\n")
    by_suffix = _BY_SUFFIX.get(PurePath(filename).suffix.lower())
    # Files get renamed: a WebVTT header or a JSON opening outweighs the suffix.
    unmistakable = unmistakable_format(start)
    if unmistakable is not None:
        return unmistakable
    if by_suffix == "json":
        return format_from_content(start) or by_suffix
    if by_suffix is not None:
        return by_suffix
    found = format_from_content(start)
    if found is None:
        raise TranscriptError(
            f"Could not recognise the format of {filename or 'the transcript'}: it is not WebVTT, SRT, JSON or lines of 'Name: words'",
            "export it from Zoom, Teams or Otter with speaker names",
            formats=FORMATS,
        )
    return found


def unmistakable_format(start: str) -> str | None:
    """WebVTT or JSON when the first characters leave no doubt, else None."""
    if start.startswith("WEBVTT"):
        return "vtt"
    if start.startswith("{") or (_JSON_LIST.match(start) and not _LEADING_STAMP.match(start)):
        return "json"
    return None


def format_from_content(start: str) -> str | None:
    """The format the text looks like, from its first lines; None when nothing fits."""
    unmistakable = unmistakable_format(start)
    if unmistakable is not None:
        return unmistakable
    lines = [line for line in start.splitlines()[: _SAMPLE_LINES * 5] if line.strip()][
        :_SAMPLE_LINES
    ]
    timing = next((line for line in lines if _TIMING.match(line)), None)
    if timing is not None:
        return "srt" if "," in timing.split("-->")[0] else "vtt"
    headers = sum(1 for line in lines if otter_header(line) is not None)
    named = sum(1 for line in lines if named_line(line) is not None)
    if headers and headers >= named:
        return "otter"
    if named:
        return "text"
    return None


def transcript_files_in(folder: Path) -> list[Path]:
    """The transcripts a folder holds (by ``TRANSCRIPT_SUFFIXES``, any case), leaving out
    READMEs and hidden or underscored files; unsorted."""
    return [
        p
        for p in folder.iterdir()
        if p.is_file()
        and p.suffix.lower() in TRANSCRIPT_SUFFIXES
        and not p.name.upper().startswith(("_", ".", "README"))
    ]
