"""Faster ways of asking the same question of a text: where a phrase can start, phrases spelled
from their first letters, and case-insensitive patterns read on lower-cased text. Each must
answer exactly as the plain pattern does."""

from __future__ import annotations

import re

import pytest

from attunement.analysis.analysers._cue_index import CueIndex
from attunement.analysis.analysers._regex_shape import first_chars
from attunement.analysis.analysers._word_start import spelled, word_start_alternation
from attunement.analysis.text import CaselessPattern


@pytest.mark.parametrize(
    ("pattern", "chars", "anchored"),
    [
        ("(in )?my own (life|case)", {"i", "m"}, False),
        (r"^(hello|hi)\b", {"h"}, True),
        (r"\bi (took|went) ", {"i"}, False),
        ("(percent|%)", {"p", "%"}, False),
        (r"[,-] ?(right|correct)\?", {",", "-"}, False),
        ("(first|one thing).{0,160}(second)", {"f", "o"}, False),
        ("^(you|and you) too|thanks", {"y", "a", "t"}, False),
    ],
)
def test_first_chars_reads_where_a_phrase_can_start(pattern, chars, anchored) -> None:
    assert first_chars(pattern) == (frozenset(chars), anchored)


@pytest.mark.parametrize("pattern", ["(so )?", r"\w+ing", ".*x", "(?P<x>a)", "[^a]b", "a|(b)?"])
def test_first_chars_gives_up_where_a_phrase_may_start_anywhere(pattern) -> None:
    assert first_chars(pattern) is None


@pytest.mark.parametrize(
    ("pattern", "variants"),
    [
        ("(?:what|how) (?:is|was)", [("w", "hat (?:is|was)"), ("h", "ow (?:is|was)")]),
        ("(?:so )?you", [("s", "o you"), ("y", "ou")]),
        ("m+-?hm+", [("m", "m*-?hm+")]),
        (r"\bi feel", [("i", " feel")]),
        (r"(\w+) \1", None),
        ("(?:a)?", None),
    ],
)
def test_phrases_are_spelled_from_their_first_letters_in_the_engines_order(
    pattern, variants
) -> None:
    assert spelled(pattern) == variants


PHRASES = ["(?:what|how) (?:do|did) you", "you('re| are) (?:so )?(?:tired|sad)", "m+-?hm+", "%"]


@pytest.mark.parametrize(
    "text",
    [
        "so what do you think?",
        "somehow did you",
        "mm-hmm.",
        "hmm-hmm",
        "you're so tired",
        "your sadness",
        "50% more",
        "% more",
        "",
    ],
)
def test_a_spelled_alternation_is_found_where_the_plain_one_is(text) -> None:
    plain = re.compile(r"\b(?:" + "|".join(f"(?:{p})" for p in PHRASES) + ")")
    found, expected = word_start_alternation(PHRASES).search(text), plain.search(text)
    assert (found and found.start()) == (expected and expected.start())


@pytest.mark.parametrize(
    "text",
    [
        "She TOLD me",
        "I don\u2019t think so",
        "Don't Think",
        "\u0130stanbul, she told me",
        "nothing",
    ],
)
def test_a_caseless_pattern_answers_as_the_case_insensitive_one(text) -> None:
    source = r"\b(?:don't think|she told)\b"
    assert CaselessPattern(source).occurs_in(text) == bool(re.search(source, text, re.I))


def test_a_pattern_with_capitals_of_its_own_is_searched_as_given() -> None:
    caseless = CaselessPattern(r"\bI\b")
    assert caseless.lowered is None
    assert caseless.occurs_in("and i said")


@pytest.fixture
def index() -> CueIndex:
    return CueIndex.build(
        {
            "first": ["(oh )?hello", r"^please \w+"],
            "second": ["take care", "(the )?news is"],
            "third": ["%"],
        }
    )


@pytest.mark.parametrize(
    ("text", "earliest"),
    [
        ("please call and take care", "first"),
        ("so please call", None),
        ("take care, the news is good", "second"),
        ("the news is: oh hello", "second"),
        ("up 50%, hello", "third"),
    ],
)
def test_the_earliest_cue_reads_phrases_by_their_first_character(index, text, earliest) -> None:
    assert index.earliest(text) == earliest


def test_every_cue_is_found_whatever_it_starts_with(index) -> None:
    assert index.every("oh hello, the news is 50% better") == {"first", "second", "third"}
