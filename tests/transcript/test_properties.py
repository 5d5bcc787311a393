"""Whatever bytes or text arrive, a reader returns a conversation or raises our own clear error."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from attunement.errors import TranscriptError
from attunement.transcript import read_bytes, read_text

FILENAMES = ["a.vtt", "a.srt", "a.txt", "a.json", "transcript"]
FORMATS = [None, "vtt", "srt", "text", "otter", "json"]

# Pieces that steer the text into the readers' deeper paths.
PIECES = st.sampled_from(
    [
        "WEBVTT\n",
        "\n",
        "\r\n",
        "1\n",
        "00:00:01.000 --> 00:00:02.000\n",
        "00:01,500 --> 00:00:02,000",
        "99:99:99.999 --> ",
        "Ann: ",
        "Bo Lee: ",
        "<v Ann>",
        "</v>",
        "<c.color>",
        "[00:00:05] ",
        "Ann  0:03\n",
        "How are you?",
        "Fine.",
        "NOTE ",
        '{"turns": [',
        '{"speaker": "Ann", "text": "Hi", "start": ',
        "]}",
        "[",
        "1e999",
        "-->",
        ":",
        "\x00",
        "\ufeff",
    ]
)
TRANSCRIPTISH = st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=40).map("".join)
QUICK = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def read_or_refuse(read, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
    try:
        conversation = read(*args, **kwargs)
    except TranscriptError as error:
        assert str(error).endswith(".")
        return
    assert len(conversation.speakers) >= 2
    assert all(turn.text for turn in conversation.turns)


@pytest.mark.parametrize("filename", FILENAMES)
@QUICK
@given(data=st.binary(max_size=600))
def test_any_bytes_give_a_conversation_or_a_transcript_error(filename, data):
    read_or_refuse(read_bytes, data, filename)


@pytest.mark.parametrize("fmt", FORMATS)
@QUICK
@given(text=TRANSCRIPTISH)
def test_any_transcript_like_text_gives_a_conversation_or_a_transcript_error(fmt, text):
    read_or_refuse(read_text, text, "transcript", format=fmt)


@QUICK
@given(
    text=TRANSCRIPTISH, coach=st.text(max_size=6), client=st.one_of(st.none(), st.text(max_size=6))
)
def test_any_coach_and_client_names_give_roles_or_a_transcript_error(text, coach, client):
    read_or_refuse(read_text, text, "a.txt", coach=coach or None, client=client)


WORDS = st.text(alphabet="abcdefghij ,.?!'", min_size=1, max_size=30).filter(
    lambda t: any(c.isalpha() for c in t)
)
CUES = st.lists(
    st.tuples(st.sampled_from(["Ann", "Bo Lee"]), WORDS), min_size=2, max_size=12
).filter(lambda cues: len({speaker for speaker, _ in cues}) == 2)


def stamp(seconds: int, sep: str) -> str:
    return f"00:{seconds // 60:02d}:{seconds % 60:02d}{sep}000"


def as_zoom_vtt(cues) -> str:  # type: ignore[no-untyped-def]
    blocks = [
        f"{i + 1}\n{stamp(i, '.')} --> {stamp(i + 1, '.')}\n{s}: {t}"
        for i, (s, t) in enumerate(cues)
    ]
    return "WEBVTT\n\n" + "\n\n".join(blocks) + "\n"


def as_teams_vtt(cues) -> str:  # type: ignore[no-untyped-def]
    blocks = [
        f"ab12/{i}-0\n{stamp(i, '.')} --> {stamp(i + 1, '.')}\n<v {s}>{t}</v>"
        for i, (s, t) in enumerate(cues)
    ]
    return "WEBVTT\n\n" + "\n\n".join(blocks) + "\n"


def as_srt(cues) -> str:  # type: ignore[no-untyped-def]
    return "\n\n".join(
        f"{i + 1}\n{stamp(i, ',')} --> {stamp(i + 1, ',')}\n{s}: {t}"
        for i, (s, t) in enumerate(cues)
    )


def as_plain(cues) -> str:  # type: ignore[no-untyped-def]
    return "\r\n".join(f"[{stamp(i, '.')[:8]}] {s}: {t}" for i, (s, t) in enumerate(cues))


def as_otter(cues) -> str:  # type: ignore[no-untyped-def]
    return "\n\n".join(f"{s}  {i // 60}:{i % 60:02d}\n{t}" for i, (s, t) in enumerate(cues))


def merged(cues) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    turns: list[tuple[str, str]] = []
    for speaker, text in cues:
        text = " ".join(text.split())
        if turns and turns[-1][0] == speaker:
            turns[-1] = (speaker, f"{turns[-1][1]} {text}")
        else:
            turns.append((speaker, text))
    return turns


@pytest.mark.parametrize("write", [as_zoom_vtt, as_teams_vtt, as_srt, as_plain, as_otter])
@QUICK
@given(cues=CUES)
def test_any_well_formed_transcript_reads_back_its_speakers_and_words(write, cues):
    conversation = read_text(write(cues), "transcript", coach="Ann")

    assert [(t.speaker, t.text) for t in conversation.turns] == merged(cues)
