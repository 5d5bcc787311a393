"""Commitments found in hand-written conversations, and the dates their words mean."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from attunement.relationship.commitments import find_commitments
from attunement.relationship.dates import find_due, resolve
from attunement.relationship.history import Party
from attunement.transcript.model import Conversation, Role, Turn

MONDAY = date(2026, 3, 2)  # a Monday
FRIDAY = date(2026, 3, 6)


def conversation(*lines: tuple[Role, str]) -> Conversation:
    speakers = {Role.COACH: "Sam", Role.CLIENT: "Riya"}
    turns = [Turn(i, speakers[role], text, role) for i, (role, text) in enumerate(lines)]
    return Conversation.from_turns(turns)


@pytest.mark.parametrize(
    ("phrase", "said_on", "expected"),
    [
        ("today", MONDAY, date(2026, 3, 2)),
        ("tomorrow", MONDAY, date(2026, 3, 3)),
        ("by Friday", MONDAY, date(2026, 3, 6)),
        ("by Friday", FRIDAY, date(2026, 3, 13)),
        ("on Monday", MONDAY, date(2026, 3, 9)),
        ("next Thursday", MONDAY, date(2026, 3, 12)),
        ("this week", MONDAY, date(2026, 3, 6)),
        ("this week", date(2026, 3, 7), date(2026, 3, 13)),  # said on a Saturday
        ("next week", MONDAY, date(2026, 3, 13)),
        ("the week after next", MONDAY, date(2026, 3, 20)),
        ("in a couple of weeks", MONDAY, date(2026, 3, 16)),
        ("in 3 days", MONDAY, date(2026, 3, 5)),
        ("on the 3rd", MONDAY, date(2026, 3, 3)),
        ("on the 2nd", MONDAY, date(2026, 4, 2)),
        ("on the 31st", date(2026, 4, 1), date(2026, 5, 31)),  # April has no 31st
        ("the end of the month", MONDAY, date(2026, 3, 31)),
        ("next month", date(2026, 12, 10), date(2027, 1, 31)),
        ("in early March", date(2026, 1, 15), date(2026, 3, 10)),
        ("in February", MONDAY, date(2027, 2, 28)),
        ("at the end of the month", MONDAY, date(2026, 3, 31)),
        ("by the end of the year", MONDAY, date(2026, 12, 31)),
        ("before the summer", MONDAY, None),
    ],
)
def test_a_date_phrase_means_a_date_counted_from_the_session(phrase, said_on, expected):
    assert resolve(phrase, said_on) == expected


def test_the_last_date_phrase_of_a_sentence_is_the_due_hint():
    hint = find_due("I'll call her on Monday, or by Friday at the latest", MONDAY)
    assert hint is not None and hint.phrase == "by Friday" and hint.due == FRIDAY


def test_without_a_session_date_the_phrase_is_kept_but_no_date_is_guessed():
    hint = find_due("I'll call her tomorrow", None)
    assert hint is not None and hint.phrase == "tomorrow" and hint.due is None


def test_the_coachs_promise_and_the_clients_action_are_both_found_with_their_due_dates():
    talk = conversation(
        (Role.CLIENT, "I'm going to talk to my manager by Friday."),
        (Role.COACH, "Good. I'll send you that article on difficult conversations tomorrow."),
    )
    found = find_commitments(talk, MONDAY)
    assert [(f.owner, f.text, f.turn, f.due) for f in found] == [
        (Party.CLIENT, "talk to my manager", 0, FRIDAY),
        (Party.COACH, "send you that article on difficult conversations", 1, date(2026, 3, 3)),
    ]


@pytest.mark.parametrize(
    ("role", "said"),
    [
        (Role.CLIENT, "This week I'll block an afternoon for the budget."),
        (Role.CLIENT, "Okay, so I will ask Priya for feedback on the deck."),
        (Role.COACH, "I will look up the reading on team conflict for you."),
        (Role.CLIENT, "I'll tell Ngozi I can't take on the audit, and I'll do it on Monday."),
    ],
)
def test_a_first_person_future_at_the_start_of_a_sentence_is_a_commitment(role, said):
    found = find_commitments(conversation((role, said)), MONDAY)
    assert len(found) == 1 and found[0].due_phrase.lower() in said.lower()


@pytest.mark.parametrize(
    "said",
    [
        "Maybe I'll tell my sister, so I can't back out.",
        "I think I'll probably leave it for now.",
        "I'll be honest, this week was hard.",
        "I'll take that on board.",
        "I'll do that straight after this call.",
        "I'll put it in the diary today.",
        "I'll think about it.",
        "If the meeting goes badly I'll quit.",
        "I want to be able to tell you how it went.",
        "I went to see my manager last week.",
        "I'll do my best.",
        "I'll take your advice.",
        "I'll definitely check it out.",
        "I'll look into that tomorrow.",
        "I'm going to start the exercise right now.",
        'My boss said "I\'ll get back to you" and never did.',
    ],
)
def test_hedges_remarks_and_bare_pronouns_are_not_commitments(said):
    assert find_commitments(conversation((Role.CLIENT, said)), MONDAY) == []


@pytest.mark.parametrize(
    "said",
    [
        "I'm going to ask you a question about your goals.",
        "I'll show you a few things on this sheet.",
        "So, I'm gonna make sure I understand.",
    ],
)
def test_what_the_coach_does_next_in_the_session_is_not_a_promise(said):
    assert find_commitments(conversation((Role.COACH, said)), MONDAY) == []


def test_the_coachs_directive_is_not_the_clients_commitment():
    talk = conversation((Role.COACH, "You should write it all down tonight, I want you to."))
    assert find_commitments(talk, MONDAY) == []


def test_a_commitment_said_twice_is_one_and_the_last_saying_sets_the_date():
    talk = conversation(
        (Role.CLIENT, "I'll ask Beatriz what she needs from me next week."),
        (Role.COACH, "When?"),
        (Role.CLIENT, "Actually, I'll ask Beatriz what she needs from me tomorrow."),
    )
    found = find_commitments(talk, MONDAY)
    assert [(f.turn, f.due) for f in found] == [(2, date(2026, 3, 3))]


def test_someone_else_in_the_room_makes_no_commitment_for_the_client():
    talk = Conversation.from_turns([Turn(0, "Guest", "I'll send the slides tomorrow.", Role.OTHER)])
    assert find_commitments(talk, MONDAY) == []


def test_the_bundled_otter_session_yields_exactly_the_three_commitments_a_reader_finds():
    from importlib.resources import files

    from attunement.transcript import read

    path = files("attunement.demo.sessions") / "tom-session-03-otter.txt"
    found = find_commitments(read(Path(str(path))), MONDAY)
    assert [(f.owner, f.text) for f in found] == [
        (Party.CLIENT, "ask Mei for an honest view of the move"),
        (Party.CLIENT, "sit in on a lesson at the local college"),
        (Party.COACH, "email you the workbook on career transitions I mentioned"),
    ]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("I'll send you the workbook.", "I'll email you the workbook by Friday."),
        ("I'll forward the article on feedback.", "I'll share the article on feedback with you."),
        ("I'll email the workbook to you.", "I'll send over the workbook tomorrow."),
    ],
)
def test_the_same_promise_in_other_delivering_words_is_one_and_the_last_saying_wins(first, second):
    talk = conversation((Role.COACH, first), (Role.CLIENT, "Thanks."), (Role.COACH, second))
    found = find_commitments(talk, MONDAY)
    assert [(f.owner, f.turn) for f in found] == [(Party.COACH, 2)]


def test_delivering_two_different_things_stays_two_promises():
    talk = conversation(
        (Role.COACH, "I'll send you the workbook."),
        (Role.COACH, "I'll email you the article on feedback."),
    )
    assert len(find_commitments(talk, MONDAY)) == 2


def test_the_client_and_the_coach_sending_the_same_thing_are_two_commitments():
    talk = conversation(
        (Role.COACH, "I'll send you the workbook."),
        (Role.CLIENT, "And I'll email you the workbook."),
    )
    assert sorted(f.owner for f in find_commitments(talk, MONDAY)) == [Party.CLIENT, Party.COACH]
