"""The export writers: each lays a session out like the real export and reads back unchanged."""

from __future__ import annotations

import itertools
import json
import re
from dataclasses import replace

import pytest

from attunement.demo.formats import CUE_CHARS, WRITERS, render, split_cues
from attunement.demo.generator import SessionSpec, generate_session
from attunement.transcript import read_text
from attunement.transcript.model import Conversation, Role, Turn

SPEC = SessionSpec(seed=3, coach="Joanna Reyes", client="Daniel Okafor", quality="mixed", minutes=8)
FILENAMES = {
    "zoom-vtt": "s.vtt",
    "teams-vtt": "s.vtt",
    "srt": "s.srt",
    "otter-txt": "s.txt",
    "plain-txt": "s.txt",
    "json": "s.json",
}
LONG = Turn(
    0, "Ann", " ".join(["This sentence has several words in it."] * 12), Role.COACH, 10.0, 50.0
)


@pytest.fixture(scope="module")
def session() -> Conversation:
    return generate_session(SPEC)


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_every_format_reads_back_with_the_same_speakers_turns_and_words(
    fmt: str, session: Conversation
) -> None:
    back = read_text(render(session, fmt, seed=1), FILENAMES[fmt])
    assert [t.speaker for t in back] == [t.speaker for t in session]
    assert [t.text for t in back] == [t.text for t in session]
    assert back.speaker_for(Role.COACH) == "Joanna Reyes"


@pytest.mark.parametrize("fmt", ["zoom-vtt", "teams-vtt", "srt", "json"])
def test_subtitle_and_json_formats_keep_times_to_the_millisecond(
    fmt: str, session: Conversation
) -> None:
    back = read_text(render(session, fmt, seed=1), FILENAMES[fmt])
    assert [(t.start, t.end) for t in back] == [(t.start, t.end) for t in session]


def test_a_long_turn_is_cut_into_short_cues_that_share_its_time() -> None:
    cues = split_cues(LONG)
    assert len(cues) > 3
    assert all(len(text) <= CUE_CHARS for _, _, text in cues)
    assert " ".join(text for _, _, text in cues) == LONG.text
    assert cues[0][0] == 10.0 and cues[-1][1] == 50.0
    assert all(a[1] == b[0] for a, b in itertools.pairwise(cues))


def test_zoom_vtt_has_numbered_cues_with_name_prefixes(session: Conversation) -> None:
    text = render(session, "zoom-vtt")
    blocks = text.split("\n\n")
    assert blocks[0] == "WEBVTT"
    assert blocks[1].splitlines()[0] == "1"
    assert re.fullmatch(
        r"\d\d:\d\d:\d\d\.\d{3} --> \d\d:\d\d:\d\d\.\d{3}", blocks[1].splitlines()[1]
    )
    assert blocks[1].splitlines()[2].startswith("Joanna Reyes: ")


def test_teams_vtt_has_guid_cue_ids_and_voice_tags(session: Conversation) -> None:
    block = render(session, "teams-vtt", seed=4).split("\n\n")[1].splitlines()
    assert re.fullmatch(
        r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}/1-0", block[0]
    )
    assert block[2].startswith("<v Joanna Reyes>") and block[2].endswith("</v>")


def test_srt_wraps_a_cue_onto_at_most_two_lines_with_comma_milliseconds() -> None:
    text = render(Conversation((LONG,)), "srt")
    blocks = text.strip().split("\n\n")
    assert blocks[0].splitlines()[1].startswith("00:00:10,000 --> 00:00:1")
    assert re.fullmatch(r"\d\d:\d\d:\d\d,\d{3} --> \d\d:\d\d:\d\d,\d{3}", blocks[1].splitlines()[1])
    assert all(len(block.splitlines()) <= 4 for block in blocks)
    assert all(block.splitlines()[2].startswith("Ann: ") for block in blocks)


def test_otter_text_puts_name_and_short_time_above_the_words() -> None:
    late = replace(LONG, start=3725.0, end=3740.0)
    text = render(Conversation((replace(LONG, start=3.4), late)), "otter-txt")
    assert text.splitlines()[0] == "Ann  0:03"
    assert "Ann  1:02:05" in text.splitlines()


def test_plain_text_stamps_each_turn_with_hours_minutes_seconds() -> None:
    assert render(Conversation((LONG,)), "plain-txt").startswith("[00:00:10] Ann: This sentence")


def test_json_is_our_own_conversation_format(session: Conversation) -> None:
    assert Conversation.from_dict(json.loads(render(session, "json"))) == session


def test_an_unknown_format_is_refused_with_the_choices(session: Conversation) -> None:
    with pytest.raises(ValueError, match="zoom-vtt"):
        render(session, "docx")
