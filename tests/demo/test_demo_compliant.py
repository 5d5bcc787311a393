"""A generated session of a client who complies without engaging, as the analysers read it
against a good session with the same seed."""

from __future__ import annotations

from functools import cache

import pytest

from attunement.analysis.pipeline import analyse
from attunement.demo.generator import SessionSpec, generate_session
from attunement.relationship.signals import signals_from
from attunement.transcript.model import Role

SEEDS = (1, 2, 3)


@cache
def session(seed: int, quality: str):  # type: ignore[no-untyped-def]
    spec = SessionSpec(seed, "Joanna Reyes", "Sam Carter", quality, minutes=10)
    conversation = generate_session(spec)
    return conversation, analyse(conversation, only=("talk", "openness", "agreement"))


def metrics(seed: int, quality: str, analyser: str) -> dict:
    return dict(session(seed, quality)[1].metrics(analyser))


@pytest.mark.parametrize("seed", SEEDS)
def test_the_client_reports_doing_the_actions(seed: int) -> None:
    conversation, _ = session(seed, "compliant")
    client = " ".join(t.text for t in conversation.by_role(Role.CLIENT))
    assert "I did" in client or "done" in client.lower()


@pytest.mark.parametrize("seed", SEEDS)
def test_the_coach_not_the_client_proposes_the_aim(seed: int) -> None:
    assert metrics(seed, "good", "agreement")["aim_proposed_by"] == "client"
    assert metrics(seed, "compliant", "agreement")["aim_proposed_by"] == "coach"
    assert metrics(seed, "compliant", "openness")["client_goal_turns"] == []


@pytest.mark.parametrize("seed", SEEDS)
def test_the_client_names_no_feelings_and_no_realisations_but_reports_more(seed: int) -> None:
    good, compliant = metrics(seed, "good", "openness"), metrics(seed, "compliant", "openness")
    assert good["feeling_turn_share"] > 0.1 and compliant["feeling_turn_share"] == 0
    assert compliant["insight_turns"] == 0
    assert compliant["reporting_turns"] > good["reporting_turns"]


@pytest.mark.parametrize("seed", SEEDS)
def test_a_complying_client_still_talks_about_as_much_as_usual(seed: int) -> None:
    """Complying is not withdrawing: the client's share stays within ten points of a good
    session's, so the signs that read it are the compliance ones, not withdrawal."""
    good = metrics(seed, "good", "talk")["share_words"]["client"]
    compliant = metrics(seed, "compliant", "talk")["share_words"]["client"]
    assert good - 0.10 < compliant < good


@pytest.mark.parametrize("seed", SEEDS)
def test_the_relationship_signals_show_reporting_without_reflection(seed: int) -> None:
    conversation, analysis = session(seed, "compliant")
    signals = signals_from(analysis, conversation)
    assert signals.client_proposed_goals is False
    assert signals.insight_rate == 0 and (signals.reporting_rate or 0) > 0.15
    assert (signals.openness or 0) < 0.22  # below the deepening phase's surface-talk floor
