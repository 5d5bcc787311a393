"""`attune eval`: JSON and tables from tiny files of our own, and one sentence for bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from attunement.analysis.evaluation import tasks
from attunement.cli import app
from attunement.transcript.model import Conversation, Role

HEADER = (
    "transcript_id,mi_quality,video_title,video_url,topic,utterance_id,interlocutor,timestamp,"
    "utterance_text,main_therapist_behaviour,client_talk_type\n"
)
ROWS = (
    "1,high,t,u,t,0,therapist,00:00:01,What would help most this week?,question,n/a\n"
    "1,high,t,u,t,1,client,00:00:03,Getting some sleep.,n/a,change\n"
    "1,high,t,u,t,2,therapist,00:00:05,Sleep is the thing you want back.,reflection,n/a\n"
    "1,high,t,u,t,3,therapist,00:00:07,Shall we look at evenings.,question,n/a\n"
)
ATTUNE = str(Path(sys.executable).parent / "attune")


def _labeller(encoder: object, analysers: object) -> tasks.Analyse:
    """Stand-in analysers: "?" marks a question, anything else from the coach is a reflection;
    every client turn is change talk."""

    def labels(conversation: Conversation) -> dict:
        moves = {
            t.index: {"main": "question" if "?" in t.text else "reflection"}
            for t in conversation
            if t.role == Role.COACH
        }
        talk = {t.index: {"talk_type": "change"} for t in conversation if t.role == Role.CLIENT}
        return {"moves": moves, "openness": talk}

    return labels


@pytest.fixture
def stand_in_analysers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tasks, "pipeline_labeller", _labeller)
    monkeypatch.setattr(tasks, "available_analysers", lambda: {"moves", "openness"})


@pytest.fixture
def annomi_csv(tmp_path: Path) -> Path:
    path = tmp_path / "mini.csv"
    path.write_text(HEADER + ROWS, encoding="utf-8")
    return path


def test_eval_annomi_json_has_one_object_per_task_with_every_figure(
    stand_in_analysers: None, annomi_csv: Path
) -> None:
    outcome = CliRunner().invoke(
        app, ["eval", "annomi", str(annomi_csv), "--json", "--encoder", "off"]
    )
    assert outcome.exit_code == 0, outcome.output
    report = json.loads(outcome.stdout)
    assert list(report) == ["therapist_behaviour", "client_talk_type"]
    behaviour = report["therapist_behaviour"]
    assert {"macro_f1", "kappa", "accuracy", "per_class", "confusion"} <= set(behaviour)
    assert behaviour["accuracy"] == pytest.approx(2 / 3)
    assert report["client_talk_type"]["per_class"]["change"]["recall"] == 1.0


def test_eval_annomi_prints_tables_with_the_confusion_matrix(
    stand_in_analysers: None, annomi_csv: Path
) -> None:
    outcome = CliRunner().invoke(app, ["eval", "annomi", str(annomi_csv), "--encoder", "off"])
    assert outcome.exit_code == 0, outcome.output
    assert "macro-F1" in outcome.stdout and "confusion" in outcome.stdout
    assert "1 conversations" in outcome.stdout


def test_limit_scores_only_the_first_conversations(
    stand_in_analysers: None, tmp_path: Path
) -> None:
    path = tmp_path / "two.csv"
    path.write_text(HEADER + ROWS + ROWS.replace("1,high", "2,high"), encoding="utf-8")
    args = ["eval", "annomi", str(path), "--json", "--encoder", "off", "--limit", "1"]
    report = json.loads(CliRunner().invoke(app, args).stdout)
    assert report["therapist_behaviour"]["n"] == 3


@pytest.mark.parametrize(
    ("command", "content", "message"),
    [
        ("annomi", "just,some,columns\n1,2,3\n", "is not an AnnoMI CSV"),
        ("esconv", HEADER + ROWS, "is not a JSON object"),
    ],
)
def test_a_file_in_the_wrong_format_gives_one_sentence_and_exit_code_two(
    tmp_path: Path, command: str, content: str, message: str
) -> None:
    path = tmp_path / "wrong.txt"
    path.write_text(content, encoding="utf-8")
    run = subprocess.run(
        [ATTUNE, "eval", command, str(path), "--encoder", "off"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 2
    assert message in run.stderr
    assert "Traceback" not in run.stderr and len(run.stderr.strip().splitlines()) == 1
