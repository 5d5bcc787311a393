"""Memory cards proposed from the client's words in hand-written conversations."""

from __future__ import annotations

import pytest

from attunement.relationship.memory import Kind, find_memories
from attunement.transcript.model import Conversation, Role, Turn


def client_said(*lines: str, coach: str = "What's on your mind?") -> Conversation:
    turns = [Turn(0, "Sam", coach, Role.COACH)]
    turns += [Turn(i + 1, "Riya", text, Role.CLIENT) for i, text in enumerate(lines)]
    return Conversation.from_turns(turns)


def cards(*lines: str) -> list[tuple[Kind, str]]:
    return [(c.kind, c.text) for c in find_memories(client_said(*lines))]


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        ("I spoke to my manager Sarah about it.", (Kind.PERSON, "manager, Sarah")),
        ("My daughter starts school soon.", (Kind.PERSON, "daughter")),
        ("A mentor of mine, Ingrid, noticed.", (Kind.PERSON, "mentor, Ingrid")),
        ("Honesty really matters to me.", (Kind.VALUE, "Honesty")),
        ("I value being reliable above all.", (Kind.VALUE, "being reliable above all")),
        (
            "I hope I can lead the team through this.",
            (Kind.HOPE, "I hope I can lead the team through this"),
        ),
        ("Tuesday's meeting is the big one.", (Kind.DATE, "Tuesday's meeting")),
        ("My review is on the 14th.", (Kind.DATE, "My review is on the 14th")),
        ("My sister's wedding is in June.", (Kind.EVENT, "My sister's wedding is in June.")),
    ],
)
def test_each_kind_is_proposed_from_the_clients_words(said, expected):
    assert expected in cards(said)


@pytest.mark.parametrize(
    "said",
    [
        "It matters to me.",
        "That is important to me.",
        "My own sense is that it went fine.",
        "I was in my head the whole time.",
        "I want to be able to tell you how it went.",
        "I hope you have a wonderful evening.",
        "I hope so, I really do.",
        "I wish I could do that.",
        "Have you ever been in hospital?",
        "You end up in hospital if you push too hard.",
    ],
)
def test_pronouns_and_ordinary_phrases_propose_nothing(said):
    assert cards(said) == []


def test_only_the_clients_turns_are_read():
    talk = Conversation.from_turns(
        [Turn(0, "Sam", "My wife says honesty really matters to me.", Role.COACH)]
    )
    assert find_memories(talk) == []


def test_a_name_heard_later_replaces_the_unnamed_relation_and_repeats_are_one_card():
    found = cards("My son was upset.", "My son, Beatriz, noticed.", "My son, Beatriz, asked again.")
    assert found == [(Kind.PERSON, "son, Beatriz")]


def test_a_card_remembers_the_turn_of_its_first_mention():
    talk = client_said(
        "Nothing much.", "Family really matters to me.", "Family really matters to me."
    )
    assert [(c.kind, c.turn) for c in find_memories(talk)] == [(Kind.VALUE, 2)]
