"""Writers for the transcript formats video platforms and transcription tools export.

Each writer lays a conversation out the way the real export does, so the demo files exercise the
readers on the same shapes coaches will upload: Zoom's numbered WebVTT cues with ``Name: text``,
Teams' WebVTT with GUID-like cue ids and ``<v Name>`` voice tags, SRT with ``Name:`` prefixes,
Otter's ``Name  0:03`` headings, plain ``[hh:mm:ss] Name: text`` lines, and our own JSON.
Subtitle exports cut a long turn into several short cues, so these writers do too.
"""

from __future__ import annotations

import json
import random
import uuid
from collections.abc import Callable

from attunement.transcript.model import Conversation, Turn

CUE_CHARS = 80  # the most characters a subtitle cue holds: about two short lines
LINE_CHARS = 42  # where SRT exports wrap a cue onto its second line

Cue = tuple[float, float, str]


def _chunks(text: str, limit: int) -> list[str]:
    """Words packed greedily into pieces of at most ``limit`` characters (a longer single
    word stands alone), preferring to end a piece at the end of a sentence."""
    pieces: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        sentence_end = current.endswith((".", "?", "!")) and len(current) >= limit // 2
        if current and (len(candidate) > limit or sentence_end):
            pieces.append(current)
            candidate = word
        current = candidate
    if current:
        pieces.append(current)
    return pieces


def split_cues(turn: Turn, limit: int = CUE_CHARS) -> list[Cue]:
    """A turn as subtitle cues: its text in short pieces, its time shared by their length."""
    start = turn.start or 0.0
    end = turn.end if turn.end is not None else start
    pieces = _chunks(turn.text, limit)
    total = sum(len(p) for p in pieces) or 1
    cues: list[Cue] = []
    cursor = start
    for number, piece in enumerate(pieces, 1):
        piece_end = end if number == len(pieces) else cursor + (end - start) * len(piece) / total
        cues.append((round(cursor, 3), round(piece_end, 3), piece))
        cursor = round(piece_end, 3)
    return cues


def _clock(seconds: float, separator: str = ".") -> str:
    millis = round(seconds * 1000)
    hours, rest = divmod(millis, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    secs, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}{separator}{millis:03d}"


def _short_clock(seconds: float) -> str:
    """Otter's stamp: m:ss under an hour, h:mm:ss after."""
    whole = int(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def zoom_vtt(conversation: Conversation, seed: int = 0) -> str:
    blocks = ["WEBVTT"]
    number = 0
    for turn in conversation:
        for start, end, text in split_cues(turn):
            number += 1
            blocks.append(f"{number}\n{_clock(start)} --> {_clock(end)}\n{turn.speaker}: {text}")
    return "\n\n".join(blocks) + "\n"


def teams_vtt(conversation: Conversation, seed: int = 0) -> str:
    rng = random.Random(seed)
    blocks = ["WEBVTT"]
    for turn in conversation:
        # Teams names each utterance with a GUID and numbers the cues cut from it.
        utterance = uuid.UUID(int=rng.getrandbits(128), version=4)
        for part, (start, end, text) in enumerate(split_cues(turn)):
            cue_id = f"{utterance}/{turn.index + 1}-{part}"
            timing = f"{_clock(start)} --> {_clock(end)}"
            blocks.append(f"{cue_id}\n{timing}\n<v {turn.speaker}>{text}</v>")
    return "\n\n".join(blocks) + "\n"


def _two_lines(text: str) -> str:
    lines = _chunks(text, LINE_CHARS)
    if len(lines) <= 2:
        return "\n".join(lines)
    middle = len(text) // 2
    cut = text.rfind(" ", 0, middle + 1)
    cut = cut if cut > 0 else text.find(" ", middle)
    return text if cut < 0 else f"{text[:cut]}\n{text[cut + 1 :]}"


def srt(conversation: Conversation, seed: int = 0) -> str:
    blocks: list[str] = []
    number = 0
    for turn in conversation:
        for start, end, text in split_cues(turn):
            number += 1
            body = _two_lines(f"{turn.speaker}: {text}")
            blocks.append(f"{number}\n{_clock(start, ',')} --> {_clock(end, ',')}\n{body}")
    return "\n\n".join(blocks) + "\n"


def otter_txt(conversation: Conversation, seed: int = 0) -> str:
    blocks = [
        f"{turn.speaker}  {_short_clock(turn.start or 0.0)}\n{turn.text}" for turn in conversation
    ]
    return "\n\n".join(blocks) + "\n"


def plain_txt(conversation: Conversation, seed: int = 0) -> str:
    rows = []
    for turn in conversation:
        stamp = _clock(turn.start or 0.0)[:8]
        rows.append(f"[{stamp}] {turn.speaker}: {turn.text}")
    return "\n".join(rows) + "\n"


def attunement_json(conversation: Conversation, seed: int = 0) -> str:
    return json.dumps(conversation.to_dict(), indent=1, ensure_ascii=False) + "\n"


Writer = Callable[[Conversation, int], str]

WRITERS: dict[str, Writer] = {
    "zoom-vtt": zoom_vtt,
    "teams-vtt": teams_vtt,
    "srt": srt,
    "otter-txt": otter_txt,
    "plain-txt": plain_txt,
    "json": attunement_json,
}


def render(conversation: Conversation, fmt: str, *, seed: int = 0) -> str:
    """The conversation as the text of a ``fmt`` export (a key of ``WRITERS``)."""
    if fmt not in WRITERS:
        raise ValueError(f"unknown demo format {fmt!r}; choose one of {', '.join(WRITERS)}")
    return WRITERS[fmt](conversation, seed)
