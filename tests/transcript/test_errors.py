"""Bad input gets one sentence saying what is wrong and what to do, never a traceback."""

from __future__ import annotations

import pytest

from attunement.errors import TranscriptError
from attunement.transcript import read, read_bytes

VTT_HEAD = "WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nAnn: How are you?\n\n"

MALFORMED = [
    pytest.param(b"", "a.vtt", "is empty", id="empty"),
    pytest.param(b"  \n\r\n  ", "a.txt", "is empty", id="only-blank-lines"),
    pytest.param(b"\xef\xbb\xbf\n", "a.txt", "is empty", id="only-a-byte-order-mark"),
    pytest.param(b"\x00\x01\x02\x03binary\x00\xff" * 20, "a.vtt", "binary data", id="binary"),
    pytest.param(b"%PDF-1.7\n%\xe2\xe3\n1 0 obj", "a.txt", "PDF document", id="pdf"),
    pytest.param(b"PK\x03\x04\x14\x00\x06\x00", "a.docx", "Word document", id="word-document"),
    pytest.param(
        (VTT_HEAD + "2\n00:00:02.000 --> 00:00:04.000\n").encode(),
        "a.vtt",
        "ends in the middle of a cue",
        id="cue-times-without-words-at-end",
    ),
    pytest.param(
        (VTT_HEAD + "2\n00:00:02.000 --> 00:0").encode(),
        "a.vtt",
        "ends in the middle of a cue",
        id="cut-inside-the-times",
    ),
    pytest.param(
        (VTT_HEAD + "2\n").encode(),
        "a.vtt",
        "ends in the middle of a cue",
        id="cut-after-a-cue-number",
    ),
    pytest.param(
        (
            VTT_HEAD
            + "2\n00:00:02.000 --> 00:99:04.000\nBo: Fine.\n\n3\n00:00:05.000 --> 00:00:06.000\nAnn: Good.\n"
        ).encode(),
        "a.vtt",
        "Line 8 should hold a cue's times",
        id="broken-times-mid-file",
    ),
    pytest.param(
        (VTT_HEAD + "2\n00:00:09.000 --> 00:00:04.000\nBo: Fine.\n").encode(),
        "a.vtt",
        "ends before it starts",
        id="cue-ending-before-it-starts",
    ),
    pytest.param(
        b"WEBVTT\n\nNOTE nothing but a note\n", "a.vtt", "no cues with times", id="vtt-without-cues"
    ),
    pytest.param(
        b"Ann: Hello there.\nBo: Hi.\n",
        "a.srt",
        "no cues with times",
        id="srt-suffix-on-plain-text",
    ),
    pytest.param(
        b"1\n00:00:01,000 --> 00:00:02,000\nHello there.\n\n2\n00:00:02,000 --> 00:00:03,000\nHi.\n",
        "a.srt",
        "names no speakers",
        id="subtitles-without-names",
    ),
    pytest.param(b"Ann: Hello?\nAnn: Anyone there?\n", "a.txt", "one speaker", id="one-speaker"),
    pytest.param(
        b"just some words\nwith no speakers at all\n",
        "a.txt",
        "Could not recognise the format",
        id="unknown-format",
    ),
    pytest.param(
        b"just some words", "notes", "Could not recognise the format", id="unknown-format-no-suffix"
    ),
    pytest.param(
        b'{"turns": [{"speaker": "Ann", "text": "Hi"}',
        "a.json",
        "not valid JSON",
        id="json-cut-short",
    ),
    pytest.param(
        b'{"title": "no turns here"}', "a.json", "no list of turns", id="json-without-turns"
    ),
    pytest.param(b'[{"speaker": "Ann"}]', "a.json", "has no text", id="json-turn-without-text"),
    pytest.param(
        b'[{"text": "Hi"}]', "a.json", "has no speaker name", id="json-turn-without-speaker"
    ),
    pytest.param(
        b'[{"speaker": "Ann", "text": "Hi", "start": "soon"}]',
        "a.json",
        "time that is not seconds",
        id="json-bad-time",
    ),
    pytest.param(b"[]", "a.json", "holds no speech", id="json-empty-list"),
    pytest.param(
        b'[{"speaker": "Ann", "text": "Hi"}, 3]', "a.json", "Turn 2", id="json-turn-not-an-object"
    ),
]


@pytest.mark.parametrize(("data", "filename", "expected"), MALFORMED)
def test_malformed_transcript_is_refused_with_one_clear_sentence(data, filename, expected):
    with pytest.raises(TranscriptError) as caught:
        read_bytes(data, filename)

    message = str(caught.value)
    assert expected in message
    assert "; " in message and message.endswith(".")  # what happened; what to do.
    assert "\n" not in message


def test_missing_file_says_there_is_no_file_at_that_path(tmp_path):
    with pytest.raises(TranscriptError, match=r"There is no file at .*missing\.vtt"):
        read(tmp_path / "missing.vtt")


def test_folder_given_instead_of_a_file_is_refused(tmp_path):
    with pytest.raises(TranscriptError, match="is a folder"):
        read(tmp_path)


def test_unknown_format_name_lists_the_formats_there_are():
    with pytest.raises(TranscriptError, match="use one of vtt, srt, text, otter, json"):
        read_bytes(b"Ann: Hi\nBo: Hello\n", "a.txt", format="docx")


def test_an_unrecognised_file_offers_the_readers_by_name_on_the_command_line():
    with pytest.raises(TranscriptError) as refused:
        read_bytes(b"hello there\njust text, no speakers\n", "notes")
    assert refused.value.formats == ("vtt", "srt", "text", "otter", "json")
    assert str(refused.value).endswith(
        "with speaker names, or pass --format with one of vtt, srt, text, otter, json."
    )


def test_empty_cue_in_the_middle_is_skipped_not_refused():
    data = (
        VTT_HEAD
        + "2\n00:00:02.000 --> 00:00:03.000\n\n3\n00:00:03.000 --> 00:00:04.000\nBo: Fine.\n"
    ).encode()

    assert [t.speaker for t in read_bytes(data, "a.vtt", coach="Ann").turns] == ["Ann", "Bo"]
