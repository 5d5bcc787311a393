"""Shared text features every analyser reads the same way."""

from __future__ import annotations

import pytest

from attunement.analysis.text import folded, words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Don\u2019t WORRY", "don't worry"),
        ("I'm fine", "i'm fine"),
        ("", ""),
    ],
)
def test_folded_text_is_lower_case_with_straight_apostrophes(text: str, expected: str) -> None:
    assert folded(text) == expected


def test_words_are_folded_the_same_way_as_whole_texts() -> None:
    text = "She said I\u2019LL call Bo\u2019s mum"
    assert words(text) == tuple(folded(text).split())
