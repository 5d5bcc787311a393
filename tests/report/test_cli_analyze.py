"""`attune analyze` and `attune bench` end to end on a small hand-written WebVTT file."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

SESSION = """WEBVTT

1
00:00:00.000 --> 00:00:03.000
Ann: Hello Bo. What would you like to work on today?

2
00:00:09.000 --> 00:00:15.000
Bo: I keep saying yes to everything at work and I am worn out by Friday.

3
00:00:15.500 --> 00:00:20.000
Ann: What happens just before you say yes? Is it the people? Or the work?

4
00:00:27.000 --> 00:00:33.000
Bo: I think I am scared they will see me as lazy if I say no.

5
00:00:33.400 --> 00:00:37.000
Ann: Scared of being seen as lazy. Where does that come from?

6
00:00:38.000 --> 00:00:44.000
Bo: My first boss, probably. He kept a list of who stayed late.
"""


@pytest.fixture
def session_file(tmp_path: Path) -> Path:
    path = tmp_path / "session.vtt"
    path.write_text(SESSION, encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def _lexical_mode(monkeypatch: pytest.MonkeyPatch) -> None:
    # Loading the encoder is timed by `attune bench`, not exercised by these command tests.
    monkeypatch.setenv("ATTUNE_ENCODER", "off")


def test_a_missing_file_is_one_sentence_and_exit_code_2(attune, tmp_path) -> None:
    code, out, err = attune("analyze", str(tmp_path / "nowhere.vtt"))
    assert code == 2
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ")
    assert "Traceback" not in err


def test_json_prints_one_object_with_the_conversation_and_the_analysis(
    attune, session_file
) -> None:
    code, out, _ = attune("analyze", str(session_file), "--json")
    assert code == 0
    data = json.loads(out)
    assert set(data) == {"conversation", "analysis"}
    turns = data["conversation"]["turns"]
    assert len(turns) == 6
    assert set(turns[0]) == {"index", "speaker", "role", "start", "end", "text"}
    assert (turns[0]["speaker"], turns[0]["role"]) == ("Ann", "coach")
    assert {"talk", "timing", "questions"} <= set(data["analysis"]["results"])
    assert data["analysis"]["mode"] == "lexical"


def test_only_runs_the_named_analysers(attune, session_file) -> None:
    code, out, _ = attune("analyze", str(session_file), "--json", "--only", "talk")
    assert code == 0
    assert set(json.loads(out)["analysis"]["results"]) == {"talk"}


def test_an_unknown_analyser_is_one_sentence_and_exit_code_2(attune, session_file) -> None:
    code, _, err = attune("analyze", str(session_file), "--only", "nope")
    assert code == 2
    assert "No analyser called nope" in err


def test_the_terminal_report_says_who_the_coach_is(attune, session_file) -> None:
    code, out, _ = attune("analyze", str(session_file), "--coach", "Ann")
    assert code == 0
    assert "Coach: Ann; client: Bo" in out
    assert "Who spoke how much" in out
    assert "Not assessable from a transcript" in out


def test_html_writes_a_self_contained_page_with_chart_and_turn_anchors(
    attune, session_file, tmp_path
) -> None:
    target = tmp_path / "report.html"
    code, out, _ = attune("analyze", str(session_file), "--html", str(target))
    assert code == 0
    assert f"Wrote the HTML report to {target}" in out
    page = target.read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", page, re.I)
    assert "<svg" in page and 'class="talk-share-chart"' in page
    assert all(f'id="turn-{i}"' in page for i in range(6))
    assert 'href="#turn-' in page


def test_html_to_a_folder_that_does_not_exist_is_one_sentence(
    attune, session_file, tmp_path
) -> None:
    target = tmp_path / "missing" / "report.html"
    code, _, err = attune("analyze", str(session_file), "--html", str(target))
    assert code == 2
    assert "Could not write the HTML report" in err


def test_bench_reports_spread_baselines_and_targets(attune, session_file) -> None:
    code, out, _ = attune("bench", str(session_file), "--repeat", "3", "--json")
    assert code == 0
    figures = json.loads(out)
    assert figures["turns"] == 6
    assert figures["encoder"] is None
    steps = figures["steps"]
    assert set(steps) == {"read", "tokenise", "analyse_lexical", "analyze_lexical"}
    for row in steps.values():
        assert row["runs"] == 3
        assert row["min"] <= row["median"] <= row["max"]
        assert row["iqr"] >= 0
    assert steps["read"]["x_read"] == 1.0
    assert steps["analyse_lexical"]["target"] == 0.1
    assert steps["analyse_lexical"]["verdict"] in ("PASS", "MISS")
    assert steps["read"]["verdict"] is None
    startup = figures["startup"]
    assert set(startup) == {"python", "help", "analyze_help"}
    assert startup["python"]["x_python"] == 1.0
    assert startup["help"]["target"] == startup["analyze_help"]["target"] == 0.3
    assert startup["analyze_help"]["verdict"] in ("PASS", "MISS")


def test_bench_can_leave_out_the_start_up_timings(attune, session_file) -> None:
    code, out, _ = attune("bench", str(session_file), "--repeat", "3", "--json", "--no-startup")
    assert code == 0
    assert json.loads(out)["startup"] is None


def test_help_for_a_command_imports_nothing_heavy() -> None:
    import subprocess

    script = (
        "import sys; sys.argv = ['attune', 'analyze', '--help']\n"
        "from attunement.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = ('pydantic', 'numpy', 'onnxruntime', 'django', 'attunement.analysis')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert "Usage" in run.stdout
    assert run.stdout.strip().splitlines()[-1] == "[]"


def test_html_aimed_at_the_transcript_itself_is_refused_and_the_transcript_kept(
    attune, session_file
) -> None:
    before = session_file.read_bytes()

    code, _, err = attune("analyze", str(session_file), "--html", str(session_file))

    assert code == 2
    assert "is the transcript itself" in err
    assert session_file.read_bytes() == before


def test_a_transcript_piped_in_is_read_from_standard_input_when_the_file_is_a_dash(
    attune, monkeypatch
) -> None:
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SESSION.encode("utf-8"))))

    code, out, _ = attune("analyze", "-", "--json")

    assert code == 0
    turns = json.loads(out)["conversation"]["turns"]
    assert [t["speaker"] for t in turns[:2]] == ["Ann", "Bo"]
