"""A long transcript is read streaming: memory stays near the size of the conversation itself."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest

from attunement.transcript import read

TARGET_BYTES = 50 * 2**20
# Long multi-line cues keep the test quick under tracemalloc, which slows every allocation,
# while the file still has tens of thousands of cues.
SENTENCES = (
    "and then I noticed how much the team relies on me for every small decision we make",
    "which is flattering at first but it leaves me no room for the work I was hired to do",
    "so I wonder what would happen if I simply stopped answering straight away, {cue}?",
)
LINES = 3 * (" ".join(SENTENCES),)


def write_long_vtt(path: Path) -> None:
    """Zoom-style cues; each speaker talks for three cues in a row, so turns merge."""
    written = 0
    with path.open("w", encoding="utf-8") as out:
        out.write("WEBVTT\n\n")
        cue = 0
        while written < TARGET_BYTES:
            speaker = "Ann Smith" if (cue // 3) % 2 == 0 else "Bo Lee"
            minutes, seconds = divmod(cue % 3600, 60)
            stamp = f"{cue // 3600:02d}:{minutes:02d}:{seconds:02d}"
            text = "\n".join(LINES).format(cue=cue)
            written += out.write(f"{cue + 1}\n{stamp}.000 --> {stamp}.900\n{speaker}: {text}\n\n")
            cue += 1


@pytest.mark.slow
def test_fifty_megabyte_vtt_is_read_with_memory_near_the_size_of_its_turns(tmp_path):
    path = tmp_path / "long.vtt"
    write_long_vtt(path)

    tracemalloc.start()
    try:
        conversation = read(path, coach="Ann Smith")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    text_bytes = sum(len(turn.text) for turn in conversation.turns)
    assert path.stat().st_size >= TARGET_BYTES
    assert len(conversation.turns) > 10_000
    assert peak < 3 * text_bytes, (
        f"peak {peak / 2**20:.0f} MB for {text_bytes / 2**20:.0f} MB of turn text"
    )
