"""Every format coaches bring, read from tiny transcripts we wrote, into speakers, turns, times."""

from __future__ import annotations

import pytest

from attunement.transcript import read, read_bytes, read_text

ZOOM_VTT = """WEBVTT

1
00:00:01.000 --> 00:00:04.000
Ann Smith: Welcome back, Bo. What would you like
to look at today?

2
00:00:04.500 --> 00:00:09.000
Bo Lee: The talk with my manager that I keep <i>putting off</i>.

3
00:00:09.000 --> 00:00:12.250
Bo Lee: It has been weeks now.

4
00:00:12.500 --> 00:00:15.000
Ann Smith: What makes it hard to start?
"""

TEAMS_VTT = """WEBVTT

NOTE written by hand to look like a Teams export

3f2a9c1e-77b0-4c1d-9d2e-1a2b3c4d5e6f/12-0
00:00:01.000 --> 00:00:03.500 align:start position:0%
<v Ann Smith>Hello Bo, how has the week been?</v>

3f2a9c1e-77b0-4c1d-9d2e-1a2b3c4d5e6f/13-0
00:00:03.500 --> 00:00:06.000
<v Bo Lee><c.colorE5E5E5>Long,</c> to be honest &amp; tiring.</v>

3f2a9c1e-77b0-4c1d-9d2e-1a2b3c4d5e6f/13-1
00:00:06.000 --> 00:00:08.000
<v Bo Lee>I <b>did</b> finish the plan.</v>

3f2a9c1e-77b0-4c1d-9d2e-1a2b3c4d5e6f/14-0
00:00:08.000 --> 00:00:10.000
<v Ann Smith>What helped you finish it?</v>
"""

SRT = """1
00:00:01,000 --> 00:00:03,000
Ann: What is on your mind today?

2
00:00:03,500 --> 00:00:06,000
Bo: Mostly the move.
We leave in May.

3
00:00:06,500 --> 00:00:08,000
Ann: How do you feel about it?
"""

PLAIN = """Coaching session, 3 March

Ann: What is on your mind today?
Bo: Mostly the move.
We leave in May.

Ann: How do you feel about it?
"""

PLAIN_BRACKET_STAMPS = """[00:00:01] Ann: What is on your mind today?
[00:00:04] Bo: Mostly the move.
[00:01:10] Ann: How do you feel about it?
"""

PLAIN_BARE_STAMPS = """00:00:01 Ann: What is on your mind today?
00:00:04 Bo: Mostly the move.
00:01:10 Ann: How do you feel about it?
"""

OTTER = """Weekly session

Ann  0:01
What is on your mind today?

Bo  0:04
Mostly the move.
We leave in May.

Ann  1:10
How do you feel about it?

Transcribed by https://otter.ai
"""

ZOOM_TURNS = [
    ("Ann Smith", "Welcome back, Bo. What would you like to look at today?", 1.0, 4.0),
    (
        "Bo Lee",
        "The talk with my manager that I keep putting off. It has been weeks now.",
        4.5,
        12.25,
    ),
    ("Ann Smith", "What makes it hard to start?", 12.5, 15.0),
]
TEAMS_TURNS = [
    ("Ann Smith", "Hello Bo, how has the week been?", 1.0, 3.5),
    ("Bo Lee", "Long, to be honest & tiring. I did finish the plan.", 3.5, 8.0),
    ("Ann Smith", "What helped you finish it?", 8.0, 10.0),
]
SRT_TURNS = [
    ("Ann", "What is on your mind today?", 1.0, 3.0),
    ("Bo", "Mostly the move. We leave in May.", 3.5, 6.0),
    ("Ann", "How do you feel about it?", 6.5, 8.0),
]
UNTIMED_TURNS = [
    ("Ann", "What is on your mind today?", None, None),
    ("Bo", "Mostly the move. We leave in May.", None, None),
    ("Ann", "How do you feel about it?", None, None),
]
STAMPED_TURNS = [
    ("Ann", "What is on your mind today?", 1.0, None),
    ("Bo", "Mostly the move.", 4.0, None),
    ("Ann", "How do you feel about it?", 70.0, None),
]
OTTER_TURNS = [
    ("Ann", "What is on your mind today?", 1.0, None),
    ("Bo", "Mostly the move. We leave in May.", 4.0, None),
    ("Ann", "How do you feel about it?", 70.0, None),
]

ZOOM_TXT = """[Ann] 00:00:01
What is on your mind today?

[Bo] 00:00:04
Mostly the move.
We leave in May.

[Ann] 00:01:10
How do you feel about it?
"""

CASES = [
    pytest.param(ZOOM_VTT, "zoom.vtt", "vtt", ZOOM_TURNS, id="zoom-vtt"),
    pytest.param(TEAMS_VTT, "teams.vtt", "vtt", TEAMS_TURNS, id="teams-vtt"),
    pytest.param(SRT, "subtitles.srt", "srt", SRT_TURNS, id="srt"),
    pytest.param(PLAIN, "notes.txt", "text", UNTIMED_TURNS, id="plain"),
    pytest.param(
        PLAIN_BRACKET_STAMPS, "notes.txt", "text", STAMPED_TURNS, id="plain-bracket-stamps"
    ),
    pytest.param(PLAIN_BARE_STAMPS, "notes.txt", "text", STAMPED_TURNS, id="plain-bare-stamps"),
    pytest.param(OTTER, "otter.txt", "otter", OTTER_TURNS, id="otter"),
    pytest.param(ZOOM_TXT, "zoom.txt", "otter", OTTER_TURNS, id="zoom-text-with-bracketed-names"),
]


def rows(conversation):  # type: ignore[no-untyped-def]
    return [(t.speaker, t.text, t.start, t.end) for t in conversation.turns]


@pytest.mark.parametrize(("text", "filename", "fmt", "expected"), CASES)
def test_each_format_is_read_into_the_speakers_turns_and_times_written(
    text, filename, fmt, expected
):
    conversation = read_text(text, filename)

    assert conversation.format == fmt
    assert rows(conversation) == expected
    assert [t.index for t in conversation.turns] == list(range(len(expected)))


@pytest.mark.parametrize(("text", "filename", "fmt", "expected"), CASES)
def test_format_is_recognised_from_content_when_the_name_says_nothing(
    text, filename, fmt, expected
):
    conversation = read_text(text, "transcript")

    assert conversation.format == fmt
    assert rows(conversation) == expected


@pytest.mark.parametrize(("text", "filename", "fmt", "expected"), CASES)
def test_reading_a_file_gives_the_same_turns_as_reading_its_bytes(
    tmp_path, text, filename, fmt, expected
):
    path = tmp_path / filename
    path.write_text(text, encoding="utf-8")

    from_file = read(path)

    assert rows(from_file) == rows(read_bytes(text.encode(), filename)) == expected
    assert from_file.source == str(path)


def test_explicit_format_overrides_the_suffix():
    conversation = read_text(PLAIN, "session.log", format="TXT")

    assert conversation.format == "text"
    assert len(conversation.turns) == 3


def test_vtt_reader_merges_consecutive_cues_of_one_speaker_keeping_first_start_and_last_end():
    bo = read_text(ZOOM_VTT, "zoom.vtt").turns[1]

    assert (bo.start, bo.end) == (4.5, 12.25)
    assert bo.text.endswith("It has been weeks now.")


def test_vtt_cue_holding_two_voices_becomes_two_turns():
    text = "WEBVTT\n\n00:01.000 --> 00:03.000\n<v Ann>Shall we start?</v>\n<v Bo>Yes please.</v>\n"

    assert rows(read_text(text, "a.vtt")) == [
        ("Ann", "Shall we start?", 1.0, 3.0),
        ("Bo", "Yes please.", 1.0, 3.0),
    ]


def test_vtt_text_after_a_blank_line_inside_a_cue_continues_that_cue():
    text = "WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nAnn: Where to start?\n\nmaybe at the end\n\n2\n00:00:03.000 --> 00:00:04.000\nBo: Fine.\n"

    assert rows(read_text(text, "a.vtt"))[0] == (
        "Ann",
        "Where to start? maybe at the end",
        1.0,
        2.0,
    )


def test_plain_text_name_with_its_stamp_after_it_is_read():
    text = "Ann (0:05): How are you?\nBo (0:09): Tired.\n"

    assert rows(read_text(text, "a.txt")) == [
        ("Ann", "How are you?", 5.0, None),
        ("Bo", "Tired.", 9.0, None),
    ]


def test_plain_text_line_starting_with_a_lowercase_phrase_and_colon_stays_with_its_speaker():
    text = "Ann: What did you notice this week?\nFor example: moments of calm.\nBo: Not many.\n"

    assert rows(read_text(text, "a.txt")) == [
        ("Ann", "What did you notice this week? For example: moments of calm.", None, None),
        ("Bo", "Not many.", None, None),
    ]


def test_speaker_line_with_the_words_on_the_lines_below_starts_that_speakers_turn():
    text = "Ann Smith (00:01):\nHow has the week been?\n\nBo Lee (00:04):\nLong.\nBut good.\n"

    assert rows(read_text(text, "rev.txt")) == [
        ("Ann Smith", "How has the week been?", 1.0, None),
        ("Bo Lee", "Long. But good.", 4.0, None),
    ]


def test_empty_cue_of_another_speaker_between_two_cues_does_not_split_the_turn():
    text = (
        "WEBVTT\n\n00:01.000 --> 00:02.000\n<v Ann>Tell me more.</v>\n\n"
        "00:02.000 --> 00:02.500\n<v Bo></v>\n\n00:02.500 --> 00:04.000\n<v Ann>Take your time.</v>\n\n"
        "00:04.000 --> 00:06.000\n<v Bo>Well, it started in May.</v>\n"
    )

    assert rows(read_text(text, "a.vtt", coach="Ann")) == [
        ("Ann", "Tell me more. Take your time.", 1.0, 4.0),
        ("Bo", "Well, it started in May.", 4.0, 6.0),
    ]


@pytest.mark.parametrize(
    ("opening", "closing"),
    [('<font color="#ffffff">', "</font>"), ("<i>", "</i>"), ("<b><i>", "</i></b>")],
)
def test_styling_around_a_whole_subtitle_line_does_not_hide_its_speaker(opening, closing):
    text = (
        f"1\n00:00:01,000 --> 00:00:03,000\n{opening}Ann: What is on your mind?{closing}\n\n"
        f"2\n00:00:03,500 --> 00:00:06,000\n{opening}Bo: Mostly the move.{closing}\n"
    )

    assert rows(read_text(text, "a.srt", coach="Ann")) == [
        ("Ann", "What is on your mind?", 1.0, 3.0),
        ("Bo", "Mostly the move.", 3.5, 6.0),
    ]


def test_subtitles_that_lost_their_blank_lines_still_split_into_cues():
    text = (
        "1\n00:00:01,000 --> 00:00:03,000\nAnn: What is on your mind today?\n"
        "2\n00:00:03,500 --> 00:00:06,000\nBo: Mostly the move.\nWe leave in May.\n"
        "00:00:06,500 --> 00:00:08,000\nAnn: How do you feel about it?\n"
    )

    assert rows(read_text(text, "a.srt", coach="Ann")) == SRT_TURNS


def test_google_meet_time_lines_between_speakers_are_times_not_words():
    text = (
        "Weekly session - Transcript\n00:00:00\n \nAnn: How has the week been?\n"
        "Bo: Long.\n00:05:00\n \nAnn: What made it long?\n"
    )

    assert rows(read_text(text, "meet.txt")) == [
        ("Ann", "How has the week been?", 0.0, None),
        ("Bo", "Long.", None, None),
        ("Ann", "What made it long?", 300.0, None),
    ]


def test_speaker_with_a_role_label_in_brackets_starts_a_turn():
    text = "Bo: I keep putting it off.\nAnn (coach): What makes it hard to start?\n"

    assert rows(read_text(text, "a.txt", coach="Ann (coach)")) == [
        ("Bo", "I keep putting it off.", None, None),
        ("Ann (coach)", "What makes it hard to start?", None, None),
    ]


def test_a_transcript_read_from_a_pipe_that_cannot_be_rewound_is_read_whole(tmp_path):
    import os
    import threading

    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    # A daemon, so that a reader that never opens the pipe fails the test instead of hanging it.
    writer = threading.Thread(
        target=pipe.write_text, args=(ZOOM_VTT,), kwargs={"encoding": "utf-8"}, daemon=True
    )
    writer.start()

    conversation = read(pipe, coach="Ann Smith")
    writer.join()

    assert [t.speaker for t in conversation.turns] == ["Ann Smith", "Bo Lee", "Ann Smith"]


@pytest.mark.parametrize(
    ("text", "misnamed"),
    [
        pytest.param(ZOOM_VTT, "session.json", id="webvtt-saved-as-json"),
        pytest.param(ZOOM_VTT.replace("WEBVTT\n\n", "", 1), "session.json", id="srt-like-as-json"),
    ],
)
def test_a_renamed_file_is_read_by_what_it_holds_when_that_is_unmistakable(text, misnamed):
    conversation = read_text(text, misnamed, coach="Ann Smith")

    assert [t.speaker for t in conversation.turns] == ["Ann Smith", "Bo Lee", "Ann Smith"]


def test_our_json_saved_with_a_subtitle_suffix_is_read_as_json():
    text = '[{"speaker": "Ann", "text": "How are you?"}, {"speaker": "Bo", "text": "Tired."}]'

    conversation = read_text(text, "session.vtt", coach="Ann")

    assert [(t.speaker, t.text) for t in conversation.turns] == [
        ("Ann", "How are you?"),
        ("Bo", "Tired."),
    ]
