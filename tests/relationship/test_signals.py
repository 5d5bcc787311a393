"""From a session's analysis to the health signals: hand-written sessions through the real
pipeline in lexical mode."""

from __future__ import annotations

import pytest

from attunement.analysis.pipeline import analyse
from attunement.relationship.signals import signals_from
from attunement.transcript.model import Conversation

OPEN_SESSION = [
    ("coach", "What would you like to work on today?"),
    ("client", "I'd like to talk about how I handle conflict with my manager."),
    ("coach", "What happens for you when it starts?"),
    (
        "client",
        "I feel anxious and honestly a bit ashamed. I realise I always go quiet when I'm "
        "criticised, and I want to change that because it keeps me small at work.",
    ),
    ("coach", "So going quiet protects you, and it also costs you."),
    (
        "client",
        "Yes. I'm scared that if I speak up I'll lose her trust, but I think I could try "
        "saying one thing in the next meeting.",
    ),
]

GUARDED_SESSION = [
    ("coach", "You should really just tell your manager how it is."),
    ("client", "Yes, but it's not that simple."),
    ("coach", "What do you make of that?"),
    ("client", "I don't know."),
    ("coach", "How did the week go?"),
    ("client", "Fine."),
    ("coach", "What else is there?"),
    ("client", "Not really."),
    ("coach", "Don't you think you'd feel better if you did it?"),
    ("client", "Yeah, but I don't have the time."),
]


def signals_of(make_conversation, rows):  # type: ignore[no-untyped-def]
    conversation: Conversation = make_conversation(rows)
    return signals_from(analyse(conversation), conversation)


def test_an_open_client_gets_a_high_share_of_talk_and_openness(make_conversation) -> None:
    signals = signals_of(make_conversation, OPEN_SESSION)
    assert signals.client_share is not None and signals.client_share > 0.7
    assert signals.client_words_per_turn is not None and signals.client_words_per_turn > 20
    assert signals.openness is not None and signals.openness >= 0.5
    assert signals.resistance == 0
    assert signals.insight_rate == pytest.approx(1 / 3, abs=0.01)
    assert signals.client_proposed_goals is True


def test_a_guarded_client_shows_resistance_and_little_openness(make_conversation) -> None:
    signals = signals_of(make_conversation, GUARDED_SESSION)
    open_signals = signals_of(make_conversation, OPEN_SESSION)
    # two "yes, but" to the coach's suggestions and three guarded replies to open questions
    assert signals.resistance == 5
    assert signals.turns_with_markers["resistance"] == (1, 3, 5, 7, 9)
    assert signals.openness is not None and open_signals.openness is not None
    assert signals.openness < 0.1 < open_signals.openness
    assert signals.client_share is not None and signals.client_share < 0.5


def test_questions_per_coach_turn_and_depth_come_from_their_analysers(make_conversation) -> None:
    signals = signals_of(make_conversation, GUARDED_SESSION)
    assert signals.coach_questions_per_turn is not None
    assert 0.5 < signals.coach_questions_per_turn <= 1.0
    assert signals.depth is not None and 0.0 <= signals.depth <= 1.0


def test_signals_whose_analyser_did_not_run_stay_unmeasured(make_conversation) -> None:
    conversation = make_conversation(OPEN_SESSION)
    signals = signals_from(analyse(conversation, only=["talk"]), conversation)
    assert signals.client_share is not None
    assert signals.openness is None and signals.resistance is None and signals.depth is None
    assert signals.client_proposed_goals is None and signals.coach_questions_per_turn is None
