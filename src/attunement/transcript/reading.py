"""The one way in: a file or uploaded bytes become a ``Conversation`` with roles assigned."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

from attunement.errors import TranscriptError
from attunement.transcript.decode import (
    HEAD_BYTES,
    decode_head,
    iter_lines,
    open_path,
    read_all,
    sniff_encoding,
)
from attunement.transcript.detect import choose_format
from attunement.transcript.model import Conversation
from attunement.transcript.readers.jsonfmt import read_json
from attunement.transcript.readers.plain import read_otter, read_plain
from attunement.transcript.readers.subtitles import read_subtitles
from attunement.transcript.roles import assign_roles, roles_from_file
from attunement.transcript.segments import UNKNOWN_SPEAKER, Segment, merge_segments

LineReader = Callable[[Iterable[str]], Iterator[Segment]]
_LINE_READERS: dict[str, LineReader] = {
    "vtt": read_subtitles,
    "srt": read_subtitles,
    "text": read_plain,
    "otter": read_otter,
}


def read(
    path: str | Path,
    *,
    coach: str | None = None,
    client: str | None = None,
    format: str | None = None,
) -> Conversation:
    """Read a transcript file; roles come from ``coach``/``client`` or are judged from the talk."""
    path = Path(path)
    with open_path(path) as stream:
        # A pipe (/dev/stdin, a FIFO) cannot be rewound after the format is sniffed.
        seekable = stream if stream.seekable() else io.BytesIO(stream.read())
        conversation = parse_stream(seekable, name=path.name, format=format)
    return finish(replace(conversation, source=str(path)), coach=coach, client=client)


def read_bytes(
    data: bytes,
    filename: str = "",
    *,
    coach: str | None = None,
    client: str | None = None,
    format: str | None = None,
) -> Conversation:
    """Read an uploaded transcript held in memory; ``filename`` only helps choose the format."""
    conversation = parse_stream(io.BytesIO(data), name=filename, format=format)
    return finish(replace(conversation, source=filename), coach=coach, client=client)


def decoded_text(data: bytes, filename: str = "") -> str:
    """The whole file as text, decoded the way the readers decode it (byte-order marks,
    UTF-16, Windows-1252 bytes among UTF-8), so a stored copy shows what was analysed."""
    stream = io.BytesIO(data)
    encoding = sniff_encoding(stream.read(HEAD_BYTES), filename or "The transcript")
    stream.seek(0)
    return read_all(stream, encoding)


def read_text(
    text: str,
    filename: str = "",
    *,
    coach: str | None = None,
    client: str | None = None,
    format: str | None = None,
) -> Conversation:
    """Read a transcript given as a string (tests, pasted text)."""
    return read_bytes(text.encode("utf-8"), filename, coach=coach, client=client, format=format)


def parse(text_or_bytes: str | bytes, *, format: str | None = None, name: str = "") -> Conversation:
    """The conversation as written, before any roles are assigned."""
    data = text_or_bytes.encode("utf-8") if isinstance(text_or_bytes, str) else text_or_bytes
    return parse_stream(io.BytesIO(data), name=name, format=format)


def parse_stream(stream: BinaryIO, *, name: str, format: str | None) -> Conversation:
    """Turns of a seekable byte stream, without roles; refuses what is not a transcript."""
    head = stream.read(HEAD_BYTES)
    encoding = sniff_encoding(head, name or "The transcript")
    chosen = choose_format(name, decode_head(head, encoding), format)
    stream.seek(0)
    if chosen == "json":
        return check_speakers(read_json(read_all(stream, encoding)), chosen)
    turns = merge_segments(_LINE_READERS[chosen](iter_lines(stream, encoding)))
    return check_speakers(Conversation(turns=tuple(turns), format=chosen), chosen)


_LABELS = {
    "vtt": "WebVTT",
    "srt": "SRT",
    "text": "plain text",
    "otter": "an Otter export",
    "json": "JSON",
}


def check_speakers(conversation: Conversation, chosen: str) -> Conversation:
    if not conversation.turns:
        raise TranscriptError(
            f"The transcript was read as {_LABELS[chosen]} but holds no speech",
            "check that it is the right file, or export it again with the words included",
        )
    if all(turn.speaker == UNKNOWN_SPEAKER for turn in conversation.turns):
        raise TranscriptError(
            "The transcript names no speakers, so coach and client cannot be told apart",
            "export it with speaker names turned on, or start each speaker's lines with 'Name:'",
        )
    return conversation


def finish(conversation: Conversation, *, coach: str | None, client: str | None) -> Conversation:
    if coach is None and client is None:
        kept = roles_from_file(conversation)
        if kept is not None:
            return kept
    return assign_roles(conversation, coach=coach, client=client)
