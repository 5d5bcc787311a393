"""`attune simulate`: the report's figures from a small real run, the engagements it replays,
and one clear sentence for bad options."""

from __future__ import annotations

import json
from statistics import mean

import pytest
from typer.testing import CliRunner

from attunement.cli import app
from attunement.demo.simulation import (
    ISSUE_KINDS,
    WITHDRAWAL_ONSET,
    engagements,
    one,
    quality_for,
    quieter,
    split,
)
from attunement.relationship import Party, SessionSignals
from attunement.relationship.signals import client_words_per_turn
from attunement.transcript.model import Role

runner = CliRunner()


def run(*args: str) -> dict:
    result = runner.invoke(app, ["simulate", *args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_the_json_report_has_every_kind_with_its_figures_and_the_aims() -> None:
    report = run("--count", "16", "--seed", "2", "--fast")
    assert report["engagements"] == 16
    assert report["aim"] == {"delay_sessions": 2, "false_alarm_rate": 0.1}
    kinds = {k["kind"]: k for k in report["kinds"]}
    assert set(kinds) == set(ISSUE_KINDS)
    assert all(k["engagements"] == 4 for k in kinds.values())
    assert not kinds["healthy"]["ruptured"] and not kinds["busy_but_fine"]["ruptured"]
    assert 0.0 <= report["false_alarm_rate"] <= 1.0


@pytest.mark.parametrize("mode", ["--fast", "--transcripts"])
@pytest.mark.parametrize("kind", ["withdrawing", "compliant"])
def test_ruptures_are_detected_in_the_report(kind: str, mode: str) -> None:
    summary = next(k for k in run("--count", "16", mode)["kinds"] if k["kind"] == kind)
    assert summary["ruptured"]
    assert summary["detected"] >= 3
    assert summary["median_delay"] is not None and summary["median_delay"] <= 3
    assert summary["rules"]


def test_transcripts_are_the_default_and_still_detect_the_withdrawal() -> None:
    report = run("--count", "4")
    withdrawing = next(k for k in report["kinds"] if k["kind"] == "withdrawing")
    assert withdrawing["detected"] == 1
    assert "withdrawal" in withdrawing["rules"]


def test_the_table_names_the_kinds_and_says_whether_the_aims_were_met() -> None:
    result = runner.invoke(app, ["simulate", "--count", "8"])
    assert result.exit_code == 0, result.output
    assert "withdrawing" in result.stdout and "busy" in result.stdout
    assert "flagged by mistake" in result.stdout and "within 2 sessions" in result.stdout
    # The "flagged" column means two things; the note under the table says which is which.
    assert "each one flagged is a false alarm" in " ".join(result.stdout.split())
    assert "Rules that fired most, with the number of engagements each fired on:" in result.stdout


@pytest.mark.parametrize(
    ("args", "words"),
    [(["--count", "3"], "--count 4 or more"), (["--sessions", "6"], "--sessions 8 or more")],
)
def test_bad_options_exit_non_zero_with_one_sentence(args: list[str], words: str) -> None:
    result = runner.invoke(app, ["simulate", *args])
    assert result.exit_code == 2
    assert words in result.output
    assert result.output.strip().endswith(".")  # a whole sentence


def test_engagements_are_shared_evenly_and_the_withdrawal_starts_at_session_six() -> None:
    assert split(10, ISSUE_KINDS) == {
        "healthy": 3,
        "withdrawing": 3,
        "compliant": 2,
        "busy_but_fine": 2,
    }
    withdrawing = [e for e in engagements(8, seed=5) if e.kind == "withdrawing"]
    assert len(withdrawing) == 2
    for engagement in withdrawing:
        assert engagement.onset is not None
        before = engagement.history.sessions[: engagement.onset]
        # the onset is the sixth planned session (a reschedule adds a record before it)
        assert sum(1 for s in before if s.ref[-1] != "b") == WITHDRAWAL_ONSET


def test_check_ins_fall_while_a_client_withdraws() -> None:
    engagement = one("withdrawing", seed=11, sessions=12, transcripts=False)
    assert engagement.onset is not None
    onset_when = engagement.history.sessions[engagement.onset].when
    before = [c.total for c in engagement.history.checkins if c.when < onset_when]
    after = [c.total for c in engagement.history.checkins if c.when > onset_when]
    assert before and after and mean(after) < mean(before) - 2


def test_a_complying_client_completes_actions_without_reflecting_on_them() -> None:
    engagement = one("compliant", seed=11, sessions=12, transcripts=False)
    assert engagement.onset is not None
    onset_when = engagement.history.sessions[engagement.onset].when
    actions = [c for c in engagement.history.commitments if c.owner == Party.CLIENT]
    assert any(c.reflected for c in actions if c.due and c.due <= onset_when)
    after = [c for c in actions if c.due and c.due > onset_when]
    assert after and not any(c.reflected for c in after)


@pytest.mark.parametrize(
    ("share", "resistance", "client_aim", "expected"),
    [
        (0.66, 0, True, "good"),
        (0.50, 0, True, "good"),  # a quieter client: their turns are cut, the coach stays good
        (0.66, 0, None, "good"),  # nobody was seen proposing the aim
        (0.66, 5, True, "mixed"),
        (0.30, 0, True, "strained"),  # the coach took over the session
        (0.62, 0, False, "compliant"),  # the coach proposed the aim and the client went along
    ],
)
def test_a_session_is_written_in_the_quality_its_signals_describe(
    share: float, resistance: int, client_aim: bool | None, expected: str
) -> None:
    signals = SessionSignals(
        client_share=share, resistance=resistance, client_proposed_goals=client_aim
    )
    assert quality_for(signals, usual_share=0.68) == expected


def test_a_quieter_client_keeps_the_first_sentences_of_each_turn(make_conversation) -> None:
    conversation = make_conversation(
        [
            ("coach", "How was it? Tell me more."),
            ("client", "It was hard. I felt alone. Nobody asked. I left early."),
            ("coach", "Mm."),
            ("client", "Yes."),
        ]
    )
    cut = quieter(conversation, 0.5)
    assert [t.text for t in cut.turns] == [
        "How was it? Tell me more.",
        "It was hard. I felt alone.",
        "Mm.",
        "Yes.",
    ]
    assert client_words_per_turn(cut) < client_words_per_turn(conversation)


def test_a_quieter_session_keeps_the_asked_share_of_words_across_its_turns(
    make_conversation,
) -> None:
    # Cut turn by turn, each of these turns would keep 2 of its 4 sentences (half the words);
    # carried across the session, the cut keeps close to the asked 60%.
    story = "One two. Three four. Five six. Seven eight."
    conversation = make_conversation(
        [("coach", "Go on?"), ("client", story), ("coach", "Mm."), ("client", story)]
    )
    cut = quieter(conversation, 0.6)
    kept = sum(len(t.text.split()) for t in cut.turns if t.role == Role.CLIENT)
    assert kept / 16 == pytest.approx(0.6, abs=0.05)


def test_a_complying_client_leaves_the_aim_of_each_session_to_the_coach() -> None:
    engagement = one("compliant", seed=11, sessions=12, transcripts=False)
    assert engagement.onset is not None
    after = [s.signals for s in engagement.history.sessions[engagement.onset :] if s.signals]
    assert after and all(s.client_proposed_goals is False for s in after)
