"""`attune analyze` on bad files: one sentence, exit code 2, and a traceback only with --debug.

The readers' own tests (tests/transcript/test_errors.py) check each message; these check what
the coach sees at the command line, through the real entry point.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from attunement.cli import main

VTT_HEAD = "WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nAnn: How are you?\n\n"
# Both ask as many questions and say as many words, so nobody can tell who coaches.
TIE = "Ann: How are you?\nBo: Fine, and you?\nAnn: Good thanks.\nBo: Good to hear.\n"
# Ann asks the questions and speaks less, so she is taken for the coach.
CLEAR = (
    "Ann: What would you like to look at today?\n"
    "Bo: The move to Leeds, I keep going back and forth and it tires me out.\n"
    "Ann: What pulls you towards going?\n"
    "Bo: The job, mostly, and being near my sister, though my friends are here.\n"
    "Ann: Let us stop there for today.\n"
)

BAD_FILES = [
    pytest.param("empty.vtt", b"", "is empty", id="empty"),
    pytest.param("noise.vtt", b"\x00\x01\x02binary\x00\xff" * 20, "binary data", id="binary"),
    pytest.param(
        "cut.vtt",
        (VTT_HEAD + "2\n00:00:02.000 --> 00:0").encode(),
        "middle of a cue",
        id="truncated",
    ),
    pytest.param(
        "broken.vtt",
        (VTT_HEAD + "2\n00:00:09.000 --> 00:00:04.000\nBo: Fine.\n").encode(),
        "ends before it starts",
        id="malformed",
    ),
    pytest.param(
        "notes.txt", b"just some words\nwith no speakers\n", "recognise the format", id="unknown"
    ),
    pytest.param("solo.txt", b"Ann: Hello?\nAnn: Anyone there?\n", "one speaker", id="one-speaker"),
    pytest.param("tie.txt", TIE.encode(), "--coach NAME", id="coach-cannot-be-told"),
]


@pytest.fixture(autouse=True)
def _lexical_mode(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ATTUNE_ENCODER", "off")


@pytest.mark.parametrize(("name", "data", "expected"), BAD_FILES)
def test_a_bad_file_gets_one_sentence_and_exit_code_2_without_a_traceback(
    attune, tmp_path: Path, name: str, data: bytes, expected: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)

    code, out, err = attune("analyze", str(path))

    assert code == 2
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("Error: ") and expected in lines[0]
    assert "Traceback" not in err


def test_with_debug_the_same_error_shows_its_traceback(monkeypatch, capsys, tmp_path) -> None:
    from attunement.errors import TranscriptError

    path = tmp_path / "empty.vtt"
    path.write_bytes(b"")
    monkeypatch.setattr(sys, "argv", ["attune", "--debug", "analyze", str(path)])

    # The error escapes the entry point, so Python prints the full traceback.
    with pytest.raises(TranscriptError, match="is empty"):
        main()


def test_without_coach_the_report_says_whom_it_took_for_the_coach_and_how_sure(
    attune, tmp_path
) -> None:
    path = tmp_path / "session.txt"
    path.write_text(CLEAR, encoding="utf-8")

    code, out, _ = attune("analyze", str(path))

    assert code == 0
    assert "Coach: Ann; client: Bo (chosen from the conversation, " in out
    assert "% sure" in out


USAGE_MISTAKES = [
    pytest.param(["analyze"], "Missing argument", id="missing-file"),
    pytest.param(["analyze", "x.vtt", "--bogus"], "No such option", id="unknown-option"),
    pytest.param(["analyse", "x.vtt"], "Did you mean 'analyze'?", id="misspelt-command"),
    pytest.param(["simulate", "--count", "many"], "Invalid value for '--count'", id="not-a-number"),
]


@pytest.mark.parametrize(("args", "expected"), USAGE_MISTAKES)
def test_a_mistyped_command_says_what_is_wrong_and_exits_with_code_2(
    attune, args: list[str], expected: str
) -> None:
    code, _, err = attune(*args)

    assert code == 2
    assert expected in err
    assert "--help" in err  # the usage line points to the help
    assert "internal error" not in err and "Traceback" not in err


def test_version_prints_the_version_without_a_command(attune) -> None:
    from attunement import __version__

    code, out, err = attune("--version")

    assert (code, out.strip(), err) == (0, f"attune {__version__}", "")


def test_an_unreadable_file_says_so_and_how_to_fix_it(attune, tmp_path, monkeypatch) -> None:
    path = tmp_path / "locked.vtt"
    path.write_text(VTT_HEAD, encoding="utf-8")

    def refuse(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        raise PermissionError(13, "Permission denied")

    # Tests may run as root, who can read any file, so the refusal is simulated.
    monkeypatch.setattr(Path, "open", refuse)
    code, _, err = attune("analyze", str(path))

    assert code == 2
    assert err.strip() == (
        f"Error: Could not open {path} (Permission denied); check that the file is readable by you."
    )


def test_help_shows_no_type_beside_flags_that_take_no_value(attune) -> None:
    code, out, _ = attune("analyze", "--help")

    assert code == 0
    assert "--json" in out and "<bool>" not in out
