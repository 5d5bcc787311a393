"""Shared helpers of the connection analysers: phrase patterns and content words."""

from __future__ import annotations

import pytest

from attunement.analysis.analysers._connection_util import (
    TaggedPattern,
    content_words,
    phrase_pattern,
)


def test_the_longest_phrase_wins_when_lists_start_at_the_same_place() -> None:
    pattern = TaggedPattern({"sustain": ["i don't want to"], "change": ["i don't want to keep"]})
    assert pattern.find("Honestly I don't want to keep doing this.") == [
        ("change", "i don't want to keep")
    ]


def test_phrases_match_whole_words_only_and_read_curly_apostrophes() -> None:
    pattern = TaggedPattern({"commit": ["i'?ll \\w+"]})
    assert pattern.find("A pill once a day") == []
    assert pattern.find("I\u2019ll try") == [("commit", "i'll try")]


@pytest.mark.parametrize(
    ("phrase", "text"),
    [
        ("(?:it|that) would help", "That would help me"),
        ("m+-?hm+", "Mm-hmm."),
        ("(?:a )?harder", "harder"),
    ],
)
def test_phrases_that_start_with_a_group_or_a_quantifier_still_match(phrase, text) -> None:
    assert phrase_pattern([phrase]).search(text)
    assert TaggedPattern({"x": [phrase]}).find(text)


def test_content_words_drop_function_words_and_share_a_stem() -> None:
    found = content_words(("i", "was", "worried", "about", "the", "worries"))
    assert len(found) == 1 and next(iter(found)).startswith("worr")
