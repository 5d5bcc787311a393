"""The workspace's connection health reads every transcript signal from a stored analysis, and
leaves out the resistance counts of analyses made before they were calibrated."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from attunement.analysis.pipeline import analyse
from attunement.practice.health import signals_for

ROWS = [
    ("coach", "You should just tell her how it is."),
    ("client", "Yes, but it's not that simple."),
    ("coach", "What would you like from today?"),
    ("client", "I want to feel less anxious before the meetings, I realise I dread them."),
    ("coach", "Don't you think you'd feel better if you did it?"),
    ("client", "Yeah, but I don't have the time."),
]


@dataclass
class StoredAnalysis:
    result: dict[str, Any]


@dataclass
class StoredTranscript:
    conversation: dict[str, Any]


class StoredSession:
    """Just what ``signals_for`` reads from a session: its latest analysis and transcript."""

    def __init__(self, analysis: dict[str, Any], conversation: dict[str, Any]) -> None:
        self._analysis = StoredAnalysis(analysis)
        self.transcript = StoredTranscript(conversation)

    def latest_analysis(self) -> StoredAnalysis:
        return self._analysis


@pytest.fixture
def stored(make_conversation) -> tuple[dict[str, Any], dict[str, Any]]:
    conversation = make_conversation(ROWS)
    return analyse(conversation).to_dict(), conversation.to_dict()


def test_a_stored_analysis_gives_every_signal_the_rules_read(stored) -> None:
    signals = signals_for(StoredSession(*stored))  # type: ignore[arg-type]
    assert signals is not None
    assert signals.resistance == 2
    assert signals.openness is not None and signals.openness > 0
    assert signals.client_share is not None and signals.depth is not None
    assert signals.coach_questions_per_turn is not None


def test_resistance_from_an_analysis_made_before_the_calibration_is_left_out(stored) -> None:
    analysis, conversation = stored
    analysis["results"]["openness"]["version"] = "1.0"
    signals = signals_for(StoredSession(analysis, conversation))  # type: ignore[arg-type]
    assert signals is not None
    assert signals.resistance is None
    assert signals.openness is not None


def test_an_analysis_in_an_unreadable_shape_gives_no_signals(stored) -> None:
    _, conversation = stored
    assert signals_for(StoredSession({"mode": "lexical"}, conversation)) is None  # type: ignore[arg-type]
