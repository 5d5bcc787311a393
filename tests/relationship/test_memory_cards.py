"""Memory cards proposed from the client's words in hand-written conversations."""

from __future__ import annotations

import pytest

from attunement.relationship.memory import Kind, find_memories, find_memories_in_notes
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


# ---- from the coach's notes: third person, precision first ----------------------------------


def noted(notes: str) -> list[tuple[Kind, str]]:
    return [(c.kind, c.text) for c in find_memories_in_notes(notes)]


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        ("Her daughter Ana starts university in March.", (Kind.PERSON, "daughter, Ana")),
        (
            "Her daughter Ana starts university in March.",
            (Kind.EVENT, "Her daughter Ana starts university in March."),
        ),
        ("values honesty", (Kind.VALUE, "honesty")),
        ("She cares deeply about fairness.", (Kind.VALUE, "fairness")),
        ("Family matters to him.", (Kind.VALUE, "Family")),
        ("Her manager, Tom, is leaving the company.", (Kind.PERSON, "manager, Tom")),
        ("Brother Luis visits at Easter.", (Kind.PERSON, "brother, Luis")),
        ("His father died last year.", (Kind.EVENT, "His father died last year.")),
        ("Her review is on the 14th.", (Kind.DATE, "Her review is on the 14th")),
        ("Hopes to move to Lisbon next year.", (Kind.HOPE, "Hopes to move to Lisbon next year")),
    ],
)
def test_each_kind_is_proposed_from_the_coachs_notes(note, expected):
    assert expected in noted(note)


@pytest.mark.parametrize(
    "note",
    [
        "My mentor thinks I talk too much.",  # the coach's own life, not the client's
        "We talked about what matters to her.",  # says nothing of what it is
        "Values came up again.",
        "Company values were discussed.",
        "She hopes so.",
        "I hope she feels better soon.",  # the coach's wish
        "Send her the article on feedback.",
        "Tired today, short answers.",
        "Asked whether her team trusts her.",
        "We agreed to start Tuesday's session earlier.",
    ],
)
def test_notes_without_anything_to_remember_propose_nothing(note):
    assert noted(note) == []


def test_a_day_after_a_relation_is_not_taken_for_a_name():
    assert noted("Her boss Monday was angry.") == [(Kind.PERSON, "boss")]


def test_a_list_of_short_notes_is_read_line_by_line_and_a_named_relation_wins():
    notes = "Her sister is unwell\nHer sister Maria had surgery\nvalues honesty\nvalues honesty"
    assert noted(notes) == [
        (Kind.PERSON, "sister, Maria"),
        (Kind.EVENT, "Her sister Maria had surgery"),
        (Kind.VALUE, "honesty"),
    ]
