"""Synthetic engagement histories: every kind is produced, ruptures are what the rules can see,
and healthy engagements are noisy enough to be mistaken now and then."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from attunement.demo.clients import demo_clients, teammate_clients
from attunement.demo.histories import (
    HEALTHY,
    KINDS,
    RUPTURES,
    engagement,
    engagements,
)
from attunement.relationship import History, Party, Status, score, warning_signs
from attunement.relationship.simulate import AFTER_SESSION, Engagement, walk

START = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
SEEDS = range(20)
RULE_FOR = {
    "withdrawing": "withdrawal",
    "surface": "surface-talk",
    "reluctant": "reluctance",
    "compliant": "compliance-without-engagement",
    "coach_overloaded": "coach-working-harder",
    "checkin_drop": "checkin-drop",
}


def rules_after(history: History, index: int) -> set[str]:
    now = history.sessions[index].when + AFTER_SESSION
    return {sign.rule for sign in warning_signs(history, now=now)}


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_gives_a_history_of_the_asked_length_with_analysed_sessions(kind: str) -> None:
    history, onset = engagement(kind, seed=1, sessions=10, start=START)
    assert len(history.sessions) >= 10
    assert len(history.analysed) >= 7
    assert history.checkins and history.commitments
    assert [s.when for s in history.sessions] == sorted(s.when for s in history.sessions)
    assert (onset is None) == (kind in (*HEALTHY, "strong", "steady"))


@pytest.mark.parametrize("kind", KINDS)
def test_the_same_seed_gives_the_same_history(kind: str) -> None:
    assert engagement(kind, seed=5, start=START) == engagement(kind, seed=5, start=START)
    assert engagement(kind, seed=5, start=START) != engagement(kind, seed=6, start=START)


@pytest.mark.parametrize("kind", RUPTURES)
def test_each_rupture_begins_after_a_baseline_and_before_the_end(kind: str) -> None:
    onsets = [engagement(kind, seed=seed, sessions=12, start=START)[1] for seed in SEEDS]
    assert all(onset is not None and 4 <= onset <= 11 for onset in onsets)
    assert len(set(onsets)) > 1


@pytest.mark.parametrize("kind", RUPTURES)
def test_each_rupture_is_seen_by_its_own_rule_after_onset(kind: str) -> None:
    seen = 0
    for seed in SEEDS:
        history, onset = engagement(kind, seed=seed, sessions=12, start=START)
        assert onset is not None
        seen += any(
            RULE_FOR[kind] in rules_after(history, i) for i in range(onset, len(history.sessions))
        )
    assert seen >= 0.8 * len(SEEDS)


@pytest.mark.parametrize("kind", RUPTURES)
def test_ruptures_are_mostly_flagged_within_two_sessions(kind: str) -> None:
    delays = [
        walk(Engagement(kind, *engagement(kind, seed=seed, start=START))).delay for seed in SEEDS
    ]
    assert sum(d is not None and d <= 2 for d in delays) >= 0.8 * len(SEEDS)


def test_healthy_engagements_are_flagged_now_and_then_but_rarely() -> None:
    walks = [
        walk(Engagement(kind, *engagement(kind, seed=seed, start=START)))
        for kind in HEALTHY
        for seed in range(40)
    ]
    rate = sum(w.false_alarm for w in walks) / len(walks)
    assert 0 < rate < 0.2


def test_the_simulator_gets_every_simulated_kind_in_equal_numbers() -> None:
    made = engagements(2, seed=3, start=START)
    assert sorted(kind for kind, _, _ in made) == sorted([*RUPTURES, *HEALTHY] * 2)


def test_a_busy_but_fine_client_reschedules_exactly_once() -> None:
    for seed in SEEDS:
        history, onset = engagement("busy_but_fine", seed=seed, start=START)
        moved = [s for s in history.sessions if s.status == Status.RESCHEDULED]
        assert onset is None
        assert len(moved) == 1 and moved[0].by == Party.CLIENT


def test_an_unknown_kind_is_refused_with_the_choices() -> None:
    with pytest.raises(ValueError, match="withdrawing"):
        engagement("grumpy", seed=1, start=START)


def test_the_web_demo_has_a_strong_a_steady_and_a_strained_client() -> None:
    now = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)
    clients = demo_clients(now)
    bands = {c.kind: score(c.history, now=now).band for c in clients}
    assert bands == {"strong": "strong", "steady": "steady", "strained": "strained"}
    for client in clients:
        held = [s for s in client.sessions if s.status == "held"]
        assert held and all(s.conversation is not None for s in held)
        assert all(s.when < now for s in client.sessions)


def test_the_web_demos_teammate_has_a_strong_and_a_strained_client_of_their_own() -> None:
    now = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)
    clients = teammate_clients(now)
    bands = {c.kind: score(c.history, now=now).band for c in clients}
    assert bands["strong"] == "strong" and bands["strained"] in ("strained", "at_risk")
    assert not {c.name for c in clients} & {c.name for c in demo_clients(now)}
    held = [s for c in clients for s in c.sessions if s.status == "held"]
    assert held and all(s.conversation is not None and s.when < now for s in held)
