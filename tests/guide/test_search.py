"""Search answers coaches' questions with the obvious section, by keyword and blended."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from attunement.guide import search
from attunement.guide.lookup import blend, index_for
from attunement.guide.textproc import expand, near_misses, stem, terms


@pytest.mark.parametrize(
    ("query", "section"),
    [
        ("client keeps rescheduling", "missed-sessions"),
        ("how do I challenge without breaking trust", "challenge-support"),
        ("levels of listening", "listening-levels"),
        ("working with a CEO", "executive-clients"),
        ("contracting and cancellation policy", "contracting"),
        ("building rapport on video calls", "virtual-sessions"),
    ],
)
def test_keyword_search_puts_the_obvious_section_in_the_top_three(query: str, section: str) -> None:
    hits = search(query, limit=3, kinds=("section",), encoder=False)
    assert section in [h.id for h in hits]


def test_hits_say_what_they_are_and_where_to_read_more() -> None:
    hits = search("client keeps cancelling", limit=10, encoder=False)
    strategy = next(h for h in hits if h.kind == "strategy")
    assert strategy.section == "missed-sessions"
    assert all(h.snippet and h.title for h in hits)
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_question_hits_link_to_the_section_explaining_their_type() -> None:
    hits = search("question about what our relationship needs", kinds=("question",), encoder=False)
    assert hits and all(h.kind == "question" for h in hits)
    assert {h.section for h in hits} <= {
        "powerful-inquiry",
        "meta-conversation",
        "relationship-checkins",
    }


def test_a_query_of_only_common_words_finds_nothing_rather_than_noise() -> None:
    assert search("the and of", encoder=False) == []


@pytest.mark.parametrize(
    ("a", "b"),
    [("rescheduling", "reschedule"), ("cancelled", "cancel"), ("challenging", "challenge")],
)
def test_light_stemming_joins_forms_of_a_word(a: str, b: str) -> None:
    assert stem(a) == stem(b)


def test_coach_synonyms_widen_a_query_at_lower_weight() -> None:
    weights = expand(terms("no-show"))
    assert weights[terms("no-show")[0]] == 1.0
    assert weights[stem("reschedule")] == 0.5


@pytest.mark.parametrize(("typo", "meant"), [("cleint", "client"), ("sesion", "session")])
def test_a_query_word_one_typo_from_a_known_word_is_read_as_that_word(
    typo: str, meant: str
) -> None:
    known = index_for().bm25.postings
    assert stem(meant) in near_misses(typo, known)


@pytest.mark.parametrize("word", ["client", "cant", "xqzvwk"])
def test_known_short_or_hopeless_words_get_no_typo_guesses(word: str) -> None:
    assert near_misses(word, index_for().bm25.postings) == []


def test_a_typo_still_finds_the_section_at_lower_weight() -> None:
    hits = search("cleint keeps cancelling", limit=3, kinds=("section",), encoder=False)
    assert "missed-sessions" in [h.id for h in hits]
    weights = index_for().bm25.weights(terms("cleint"))
    assert weights[stem("client")] == 0.5


def test_blend_keeps_an_answer_only_one_side_found() -> None:
    mixed = blend({0: 4.0, 1: 2.0}, {2: 0.5}, share=0.5)
    assert mixed == {0: 0.5, 1: 0.25, 2: 0.5}


class LetterEncoder:
    """A stand-in sentence encoder: unit vectors of letter counts, enough to test plumbing."""

    name = "letters"

    def __init__(self) -> None:
        self.calls = 0

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.calls += 1
        out = np.zeros((len(texts), 26), dtype=np.float32)
        for row, text in enumerate(texts):
            for char in text.lower():
                if "a" <= char <= "z":
                    out[row, ord(char) - 97] += 1
        return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-9)


def test_blended_search_uses_the_encoder_and_still_finds_the_obvious_section(
    tmp_path: Path,
) -> None:
    from attunement.guide.loader import build
    from attunement.guide.meaning import prepare

    guide = build()  # a fresh guide, so this test's fake vectors stay in its own index
    encoder = LetterEncoder()
    prepare(index_for(guide), encoder, tmp_path)
    hits = search(
        "client keeps rescheduling", limit=3, kinds=("section",), encoder=encoder, guide=guide
    )
    assert "missed-sessions" in [h.id for h in hits]
    assert encoder.calls == 2  # the guide once, the query once


def test_guide_vectors_are_cached_on_disk_by_content_hash(tmp_path: Path) -> None:
    from attunement.guide.loader import build
    from attunement.guide.meaning import prepare

    first, second = LetterEncoder(), LetterEncoder()
    prepare(index_for(build()), first, tmp_path)
    prepare(index_for(build()), second, tmp_path)
    assert len(list(tmp_path.glob("vectors-*.npy"))) == 1
    assert (first.calls, second.calls) == (1, 0)


def test_warming_prepares_meaning_search_before_the_first_query() -> None:
    from attunement.guide import warm
    from attunement.guide.loader import build

    guide, encoder = build(), LetterEncoder()
    assert warm(encoder=encoder, guide=guide) is True
    search("client keeps rescheduling", encoder=encoder, guide=guide)
    assert encoder.calls == 2  # the guide while warming, then only the query
    assert warm(encoder=False, guide=guide) is False
