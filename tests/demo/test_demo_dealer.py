"""Dealing demo lines: nobody in a generated session says the same line twice."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from attunement.demo.dealer import SHORT_LINE_WORDS, Dealer
from attunement.demo.generator import SessionSpec, generate_session


def dealer() -> Dealer:
    return Dealer(random.Random(1))


def test_a_line_said_again_after_its_table_runs_out_gets_an_opening_it_has_not_had() -> None:
    deal = dealer()
    said = [deal.pick(("Why didn't you just say no?",), {}) for _ in range(3)]
    assert said[0] == "Why didn't you just say no?"
    assert len(set(said)) == 3
    assert all(line.endswith(", why didn't you just say no?") for line in said[1:])


def test_a_line_is_new_only_if_it_differs_once_its_slots_are_filled() -> None:
    deal = dealer()
    table = ("Have you spoken to {name} about it yet?",)
    assert deal.pick(table, {"name": "Ravi"}) == "Have you spoken to Ravi about it yet?"
    assert deal.pick(table, {"name": "Mei"}) == "Have you spoken to Mei about it yet?"
    assert deal.pick(table, {"name": "Mei"}) != "Have you spoken to Mei about it yet?"


def test_backchannels_may_come_back_as_they_do_in_conversation() -> None:
    deal = dealer()
    assert [deal.pick(("Mm-hm.",), {}) for _ in range(2)] == ["Mm-hm.", "Mm-hm."]


def test_names_and_i_keep_their_capitals_after_an_opening() -> None:
    deal = dealer()
    lines = [deal.pick(("Ravi said it was fine, and I agreed.",), {}) for _ in range(2)]
    assert lines[1].endswith(" Ravi said it was fine, and I agreed.")


@pytest.mark.parametrize(
    ("quality", "minutes"), [("good", 30), ("strained", 30), ("mixed", 65), ("compliant", 10)]
)
def test_within_a_generated_session_nobody_says_a_longer_line_twice(
    quality: str, minutes: float
) -> None:
    spec = SessionSpec(3, "Joanna Reyes", "Sam Carter", quality, minutes)
    said = Counter(
        turn.text for turn in generate_session(spec) if len(turn.text.split()) > SHORT_LINE_WORDS
    )
    assert [line for line, times in said.items() if times > 1] == []


def test_the_same_spec_still_deals_the_same_lines() -> None:
    spec = SessionSpec(3, "Joanna Reyes", "Sam Carter", "strained", 20)
    assert generate_session(spec) == generate_session(spec)
