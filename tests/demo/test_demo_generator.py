"""The session generator: deterministic, shaped, and different in good and strained connection."""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from statistics import mean

import pytest

from attunement.demo.generator import SessionSpec, second_person
from attunement.demo.generator import generate_session as _generate
from attunement.transcript.model import Conversation, Role

# Specs are frozen, so each session is generated once for the whole module.
generate_session = cache(_generate)

GOOD = SessionSpec(seed=7, coach="Joanna Reyes", client="Maya Lindqvist", quality="good")
STRAINED = replace(GOOD, quality="strained")
MIXED = replace(GOOD, quality="mixed", minutes=40)
COMPLIANT = replace(GOOD, quality="compliant")
QUALITIES = [GOOD, STRAINED, MIXED, COMPLIANT]
QUALITY_IDS = ["good", "strained", "mixed", "compliant"]


def client_word_share(conversation: Conversation) -> float:
    words = {role: 0 for role in Role}
    for turn in conversation:
        words[turn.role] += len(turn.text.split())
    return words[Role.CLIENT] / (words[Role.CLIENT] + words[Role.COACH])


def mean_words(conversation: Conversation, role: Role) -> float:
    return mean(len(t.text.split()) for t in conversation.by_role(role))


def overlaps(conversation: Conversation) -> int:
    return sum(b.start < a.end for a, b in zip(conversation, conversation.turns[1:], strict=False))  # type: ignore[operator]


def pauses_after_coach_questions(conversation: Conversation) -> list[float]:
    pairs = zip(conversation, conversation.turns[1:], strict=False)
    return [b.start - a.end for a, b in pairs if a.role == Role.COACH and a.text.endswith("?")]  # type: ignore[operator]


def test_the_same_spec_always_gives_the_same_session() -> None:
    assert _generate(GOOD) == _generate(GOOD)


def test_another_seed_gives_another_session() -> None:
    assert generate_session(GOOD).turns != generate_session(replace(GOOD, seed=8)).turns


@pytest.mark.parametrize("spec", QUALITIES, ids=QUALITY_IDS)
def test_speakers_alternate_so_no_two_turns_of_one_speaker_follow_each_other(spec) -> None:
    conversation = generate_session(spec)
    assert all(
        a.speaker != b.speaker for a, b in zip(conversation, conversation.turns[1:], strict=False)
    )
    assert conversation.speakers == ("Joanna Reyes", "Maya Lindqvist")


@pytest.mark.parametrize("spec", QUALITIES, ids=QUALITY_IDS)
def test_the_coach_opens_and_closes_and_every_turn_has_a_forward_time(spec) -> None:
    conversation = generate_session(spec)
    assert conversation[0].role == Role.COACH and conversation[-1].role == Role.COACH
    starts = [t.start for t in conversation]
    assert starts == sorted(starts)
    assert all(t.end > t.start for t in conversation)  # type: ignore[operator]


@pytest.mark.parametrize(("minutes", "quality"), [(30, "good"), (25, "strained"), (60, "mixed")])
def test_a_session_lasts_about_as_long_as_asked(minutes: float, quality: str) -> None:
    conversation = generate_session(replace(GOOD, quality=quality, minutes=minutes))
    assert 0.9 * minutes * 60 <= conversation[-1].end <= 1.1 * minutes * 60  # type: ignore[operator]


def test_speech_runs_at_a_human_rate() -> None:
    conversation = generate_session(GOOD)
    long_turns = [t for t in conversation if len(t.text.split()) >= 20]
    rates = [len(t.text.split()) / t.duration for t in long_turns]  # type: ignore[operator]
    assert min(rates) >= 1.8 and max(rates) <= 3.5


def test_the_client_speaks_most_in_good_connection_and_least_in_strained() -> None:
    assert client_word_share(generate_session(GOOD)) > 0.6
    assert client_word_share(generate_session(STRAINED)) < 0.3


def test_strained_clients_answer_briefly_and_strained_coaches_talk_at_length() -> None:
    good, strained = generate_session(GOOD), generate_session(STRAINED)
    assert mean_words(strained, Role.CLIENT) < mean_words(good, Role.CLIENT) / 3
    assert mean_words(strained, Role.COACH) > mean_words(good, Role.COACH)


def test_only_the_strained_session_has_interruptions() -> None:
    assert overlaps(generate_session(GOOD)) == 0
    assert overlaps(generate_session(STRAINED)) >= 3


def test_clients_take_longer_to_answer_questions_in_good_connection() -> None:
    good = mean(pauses_after_coach_questions(generate_session(GOOD)))
    strained = mean(pauses_after_coach_questions(generate_session(STRAINED)))
    assert good > 1.5 > strained


def test_good_sessions_reflect_the_clients_words_and_strained_ones_give_advice() -> None:
    good = " ".join(t.text for t in generate_session(GOOD).by_role(Role.COACH))
    strained = " ".join(t.text for t in generate_session(STRAINED).by_role(Role.COACH))
    assert (
        "What would you like" in good or "Where would you like" in good or "most important" in good
    )
    assert "Why " in strained and "need to" in strained
    assert "Why " not in good


def test_a_mixed_session_strains_and_then_the_coach_names_the_strain() -> None:
    conversation = generate_session(MIXED)
    repair = [t.index for t in conversation if "doing most of the talking" in t.text]
    assert len(repair) == 1
    before = Conversation(conversation.turns[repair[0] - 40 : repair[0]])
    after = Conversation(conversation.turns[repair[0] :])
    assert client_word_share(after) > client_word_share(before) + 0.2


def test_no_generated_line_contains_a_colon_that_would_confuse_name_prefixes() -> None:
    for quality in ("good", "strained", "mixed", "compliant"):
        for seed in range(5):
            conversation = generate_session(replace(GOOD, seed=seed, quality=quality, minutes=15))
            assert not [t.text for t in conversation if ":" in t.text]
            assert not [t.text for t in conversation if "{" in t.text or "}" in t.text]


@pytest.mark.parametrize(
    ("said", "reflected"),
    [
        ("I'm stuck in my job", "you're stuck in your job"),
        (
            "I'd have a plan for my first one-to-ones",
            "you'd have a plan for your first one-to-ones",
        ),
        ("My manager ignores me", "Your manager ignores you"),
    ],
)
def test_reflections_turn_the_clients_first_person_into_second(said: str, reflected: str) -> None:
    assert second_person(said) == reflected


def test_an_unknown_quality_is_refused() -> None:
    with pytest.raises(ValueError, match="quality"):
        replace(GOOD, quality="lukewarm")


@pytest.mark.parametrize("seed", range(6))
def test_a_reflected_feeling_is_one_the_client_named_shortly_before(seed: int) -> None:
    turns = generate_session(replace(GOOD, seed=seed, minutes=20)).turns
    for turn in turns:
        if turn.role == Role.COACH and turn.text.startswith(("So you felt", "You felt")):
            feeling = turn.text.split("felt ", 1)[1].split(",")[0].rstrip(".")
            before = " ".join(t.text for t in turns[max(0, turn.index - 20) : turn.index])
            assert f"felt really {feeling}" in before, turn.text


def test_good_clients_talk_about_change_and_strained_ones_doubt_the_coaching() -> None:
    good = " ".join(t.text for t in generate_session(GOOD).by_role(Role.CLIENT))
    strained = " ".join(t.text for t in generate_session(STRAINED).by_role(Role.CLIENT))
    assert "I'm going to" in good or "I'll " in good
    assert "but" in strained and (
        "not sure" in strained or "nothing changed" in strained or "point" in strained
    )
