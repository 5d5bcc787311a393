"""Bytes to lines: open the source, refuse what is not text, guess the encoding, decode lazily.

Transcripts can be tens of megabytes, so lines are decoded chunk by chunk with an incremental
decoder and handed on one at a time; nothing here keeps the whole text.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from attunement.errors import TranscriptError

CHUNK_BYTES = 1 << 16
HEAD_BYTES = 1 << 16
FALLBACK_ENCODING = "cp1252"

# Well-known file signatures: a coach who uploads the wrong export gets told which one it was.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a zip archive or Word document"),
    (b"\xd0\xcf\x11\xe0", "an old Word or Office document"),
    (b"{\\rtf", "a rich-text (RTF) document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"ID3", "an audio file"),
    (b"RIFF", "an audio or video file"),
    (b"OggS", "an audio file"),
    (b"\x1f\x8b", "a gzip archive"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_TEXT_CONTROLS = frozenset(b"\t\n\r\x0c")


def _bytes_as_fallback(error: UnicodeError) -> tuple[str, int]:
    # A file edited in two tools can hold UTF-8 and Windows-1252 side by side: only the bytes
    # that are not UTF-8 are read as Windows-1252, so the rest keeps its accents and dashes.
    if not isinstance(error, UnicodeDecodeError):
        raise error
    bad = error.object[error.start : error.end]
    return bytes(bad).decode(FALLBACK_ENCODING, errors="replace"), error.end


MIXED_ERRORS = "attunement-utf8-else-cp1252"
codecs.register_error(MIXED_ERRORS, _bytes_as_fallback)


def open_path(path: Path) -> BinaryIO:
    """Open a transcript file for reading bytes, or say in one sentence why it cannot be."""
    name = str(path)
    if path.is_dir():
        raise TranscriptError(
            f"{name} is a folder, not a transcript file",
            "give the path of the transcript file inside it",
        )
    if not path.exists():
        raise TranscriptError(
            f"There is no file at {name}", "check the spelling and the folder of the path"
        )
    try:
        return path.open("rb")
    except OSError as error:
        raise TranscriptError(
            f"Could not open {name} ({error.strerror or error})",
            "check that the file is readable by you",
        ) from None


def sniff_encoding(head: bytes, name: str) -> str:
    """The encoding to try first, judged from the first bytes; refuses empty and binary files."""
    if not _without_bom(head).strip():
        raise TranscriptError(
            f"{name} is empty", "export the transcript again and check that it has text in it"
        )
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return encoding
    if _looks_like_utf16_without_bom(head):
        return "utf-16-le" if head[1:2] == b"\x00" else "utf-16-be"
    refuse_binary(head, name)
    return "utf-8"


def _without_bom(head: bytes) -> bytes:
    # A file saved empty by Notepad still holds its byte-order mark.
    for bom, _ in _BOMS:
        if head.startswith(bom):
            return head[len(bom) :]
    return head


def refuse_binary(head: bytes, name: str) -> None:
    for signature, kind in _SIGNATURES:
        if head.startswith(signature):
            raise TranscriptError(
                f"{name} is {kind}, not a transcript",
                "export the transcript as a .vtt, .srt, .txt or .json file and read that",
            )
    controls = sum(1 for byte in head if byte < 0x20 and byte not in _TEXT_CONTROLS)
    if b"\x00" in head or controls > len(head) // 20:
        raise TranscriptError(
            f"{name} holds binary data, not text",
            "export the transcript as a .vtt, .srt, .txt or .json file and read that",
        )


def _looks_like_utf16_without_bom(head: bytes) -> bool:
    # ASCII-heavy UTF-16 has a zero byte in every other position.
    sample = head[:512]
    if len(sample) < 4:
        return False
    evens, odds = sample[0::2], sample[1::2]
    return (odds.count(0) > 0.9 * len(odds)) != (evens.count(0) > 0.9 * len(evens))


def iter_lines(stream: BinaryIO, encoding: str) -> Iterator[str]:
    """Decoded lines without their line ends (LF, CRLF or CR), read chunk by chunk."""
    decoder = codecs.getincrementaldecoder(encoding)(_errors_for(encoding))
    pending = ""
    while True:
        chunk = stream.read(CHUNK_BYTES)
        try:
            text = pending + decoder.decode(chunk, final=not chunk)
        except UnicodeDecodeError:
            raise TranscriptError(
                f"The transcript is not valid {encoding.upper()} text",
                "save it again as UTF-8 and read that",
            ) from None
        pieces = text.splitlines(keepends=True)
        # Keep an unfinished last line, and a lone CR that may be the first half of CRLF.
        pending = pieces.pop() if pieces and (chunk and _unfinished(pieces[-1])) else ""
        for piece in pieces:
            yield piece.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        if not chunk:
            if pending:
                yield pending
            return


def _errors_for(encoding: str) -> str:
    if encoding.startswith("utf-8"):
        return MIXED_ERRORS
    return "replace" if encoding == FALLBACK_ENCODING else "strict"


def _unfinished(piece: str) -> bool:
    return piece.endswith("\r") or piece == piece.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")


def decode_head(head: bytes, encoding: str) -> str:
    """The first bytes as text, for telling formats apart (a cut character at the end is dropped)."""
    return codecs.getincrementaldecoder(encoding)("replace").decode(head, final=False)


def read_all(stream: BinaryIO, encoding: str) -> str:
    """The whole text at once, for formats that cannot be parsed line by line (JSON)."""
    data = stream.read()
    try:
        return data.decode(encoding, errors=_errors_for(encoding))
    except UnicodeDecodeError:
        raise TranscriptError(
            f"The transcript is not valid {encoding.upper()} text",
            "save it again as UTF-8 and read that",
        ) from None
