"""`attune series`: several sessions side by side, from files or folders, and what it does
with files it cannot read."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from attunement.analysis.pipeline import analyse
from attunement.report.series import COLUMNS, SeriesRow, csv_text, session_row, shown, sparkline

GOOD = """Ann: Welcome back, Bo. What would you like to look at today?
Bo: My sister and I argued again and I feel awful about it.
Ann: You feel awful. What happened between you?
Bo: She said I never call. I realise she is partly right, and I want to change that.
Ann: Part of you agrees with her. What would calling more often look like?
Bo: I could ring her on Sundays. I am going to try that this week.
"""
STRAINED = """Ann: Hi Bo. Shall we go through the plan from last time?
Bo: Sure.
Ann: You should really call your sister every Sunday. Did you do it?
Bo: No. I was busy.
Ann: You need to make time. Have you tried setting a reminder?
Bo: I guess.
"""


@pytest.fixture(autouse=True)
def _lexical_mode(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ATTUNE_ENCODER", "off")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    # Named so that plain sorting would put session-10 before session-2.
    (tmp_path / "session-2.txt").write_text(STRAINED, encoding="utf-8")
    (tmp_path / "session-10.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "README.txt").write_text("Notes about these files.", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("values", "line"),
    [
        ([0.1, 0.5, 0.9], "▁▅█"),
        ([0.2, None, 0.4], "▁ █"),
        ([3, 3], "▄▄"),
        ([0.5], ""),
        ([None, 0.5], ""),
    ],
)
def test_the_course_of_a_figure_is_drawn_from_its_lowest_to_its_highest_value(values, line):
    assert sparkline(values) == line


@pytest.mark.parametrize(
    ("key", "value", "text"),
    [
        ("client_share", 0.726, "73%"),
        ("notable", 4, "4"),
        ("openness", None, "–"),
        ("reflections_per_question", 0.4, "0.40"),
    ],
)
def test_a_figure_is_shown_as_a_share_a_count_or_not_measured(key, value, text):
    column = next(c for c in COLUMNS if c.key == key)
    assert shown(value, column) == text


def test_every_column_title_fits_six_characters_a_line():
    assert all(len(line) <= 6 for c in COLUMNS for line in c.title.splitlines())


def test_a_session_row_holds_the_figures_the_single_session_report_gives():
    from attunement.transcript import read_text

    conversation = read_text(GOOD, "good.txt", coach="Ann")
    analysis = analyse(conversation)
    row = session_row("good.txt", conversation, analysis)
    figures = row.figures or {}
    assert row.turns == 6 and row.error is None
    assert figures["open_questions"] == analysis.metrics("questions")["open_share"]
    assert figures["client_share"] == analysis.metrics("talk")["share_words"]["client"]
    assert figures["change"] == 1.0  # change talk, and no sustain talk


def test_the_csv_has_one_line_per_session_and_the_reason_for_a_failed_one():
    rows = [
        SeriesRow("a.vtt", 10, 12.5, {c.key: 0.5 for c in COLUMNS}),
        SeriesRow("b.vtt", error="There is no file at b.vtt."),
    ]
    read = list(csv.DictReader(io.StringIO(csv_text(rows))))
    assert [r["session"] for r in read] == ["a.vtt", "b.vtt"]
    assert read[0]["client_share"] == "0.5" and read[0]["minutes"] == "12.5"
    assert read[1]["turns"] == "" and read[1]["error"] == "There is no file at b.vtt."


def test_a_folder_is_read_in_session_order_without_its_readme(attune, folder):
    code, out, err = attune("series", str(folder), "--json")
    assert code == 0, err
    data = json.loads(out)
    assert [s["name"] for s in data["sessions"]] == ["session-2.txt", "session-10.txt"]
    assert data["mode"] == "lexical"
    strained, good = (s["figures"] for s in data["sessions"])
    assert good["openness"] > strained["openness"]


def test_the_table_shows_each_session_and_how_the_figures_moved(attune, folder, tmp_path):
    target = tmp_path / "figures.csv"
    code, out, _ = attune("series", str(folder), "--csv", str(target))
    assert code == 0
    assert "2 sessions (lexical mode)" in out and "How the figures moved" in out
    tables = out.split("Wrote the figures")[0]
    assert max(len(line) for line in tables.splitlines()) <= 80  # an 80-column terminal
    assert f"Wrote the figures to {target}" in out
    assert len(target.read_text(encoding="utf-8").splitlines()) == 3


def test_a_file_that_cannot_be_read_is_named_with_its_reason_and_the_rest_are_analysed(
    attune, folder, tmp_path
):
    broken = tmp_path / "broken.vtt"
    broken.write_text("not a transcript", encoding="utf-8")
    code, out, err = attune("series", str(folder / "session-10.txt"), str(broken))
    assert code == 1
    assert "1 session (lexical mode)" in out and "broken.vtt" not in out
    assert "Not analysed: broken.vtt: " in err and "1 of 2 files was not analysed." in err


def test_when_no_file_can_be_analysed_it_is_one_error_with_exit_code_2(attune, tmp_path):
    code, out, err = attune("series", str(tmp_path / "a.vtt"), str(tmp_path / "b.vtt"))
    assert code == 2 and out == ""
    assert "Error: None of the 2 files could be analysed" in err
    assert err.count("Not analysed: ") == 2


def test_a_single_file_that_cannot_be_analysed_is_named_not_counted(attune, tmp_path):
    code, _, err = attune("series", str(tmp_path / "a.vtt"))
    assert code == 2
    assert "Error: a.vtt could not be analysed; see the reason given above." in err
    assert "None of the 1 files" not in err


def test_a_folder_with_no_transcripts_is_one_sentence_and_exit_code_2(attune, tmp_path):
    (tmp_path / "notes.md").write_text("hello", encoding="utf-8")
    code, _, err = attune("series", str(tmp_path))
    assert code == 2
    assert f"The folder {tmp_path} holds no transcripts" in err


def test_the_help_shows_the_paths_argument_plainly(attune):
    code, out, _ = attune("series", "--help")
    assert code == 0
    assert "<path>..." in out and "list[" not in out
