"""Search hears feelings: plain feeling words reach the guide's words for emotions, a feeling the
coach names as their own reaches the sections on the coach's reactions, and a test set may
expect strategies as well as sections."""

from __future__ import annotations

from pathlib import Path

import pytest

from attunement.guide import GuideError, search
from attunement.guide.evaluate import eval_queries
from attunement.guide.lookup import index_for
from attunement.guide.textproc import expand, speaks_of_own_feeling, stem, terms


@pytest.mark.parametrize(("a", "b"), [("cries", "cry"), ("cried", "crying"), ("tried", "try")])
def test_short_words_ending_in_ies_or_ied_meet_their_base_form(a: str, b: str) -> None:
    assert stem(a) == stem(b)


@pytest.mark.parametrize("word", ["crying", "furious", "ashamed", "grieving", "panic"])
def test_a_plain_feeling_word_also_searches_the_guides_words_for_feelings(word: str) -> None:
    weights = expand(terms(word))
    assert weights[stem("feeling")] == weights[stem("emotion")] == 0.5


def test_the_general_word_does_not_fan_out_into_every_emotion() -> None:
    weights = expand(terms("feelings"))
    assert stem("emotion") in weights
    assert not {stem("crying"), stem("furious"), stem("ashamed")} & set(weights)


def test_a_typo_of_a_listed_coach_word_brings_that_word_and_its_group_at_lower_weight() -> None:
    weights = index_for().bm25.weights(terms("embarassed"))
    assert weights[stem("embarrassed")] == 0.5
    assert weights[stem("ashamed")] == 0.25


@pytest.mark.parametrize(
    ("query", "own"),
    [
        ("I got teary myself when she talked about her son", True),
        ("this client makes me so angry", True),
        ("I felt really annoyed after the session", True),
        ("I felt self-critical after the session", True),
        ("how do I handle my client's anger", False),
        ("what do I do if a client cries", False),
        ("I feel like she does not trust me", False),
        ("client told me she was furious", False),
        ("my client says I made her cry", False),
        ("I think he is ashamed of it", False),
    ],
)
def test_a_feeling_is_the_coachs_own_when_a_first_person_word_comes_just_before_it(
    query: str, own: bool
) -> None:
    assert speaks_of_own_feeling(query) is own


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("client cries in session", "validate-emotions"),
        ("my client is sobbing", "validate-emotions"),
        ("I get so angry with this client", "countertransference-power"),
    ],
)
def test_keyword_search_answers_an_emotional_moment_in_the_top_three(
    query: str, expected: str
) -> None:
    hits = search(query, limit=3, kinds=("section", "strategy"), encoder=False)
    assert expected in [h.id for h in hits]


def _test_file(tmp_path: Path, header: str, expect: str) -> Path:
    path = tmp_path / "set.toml"
    path.write_text(f'{header}\n[[query]]\ntext = "client in tears"\nexpect = ["{expect}"]\n')
    return path


def test_a_test_set_that_searches_strategies_may_expect_a_strategy(tmp_path: Path) -> None:
    path = _test_file(tmp_path, 'kinds = ["section", "strategy"]', "validate-emotions")
    (query,) = eval_queries(path)
    assert query.kinds == ("section", "strategy") and query.expect == ("validate-emotions",)


def test_a_sections_only_test_set_refuses_a_strategy_id_and_says_why(tmp_path: Path) -> None:
    with pytest.raises(GuideError, match="expects unknown section ids"):
        eval_queries(_test_file(tmp_path, "", "validate-emotions"))


def test_a_test_set_with_kinds_that_cannot_be_searched_is_refused(tmp_path: Path) -> None:
    with pytest.raises(GuideError, match="kinds"):
        eval_queries(_test_file(tmp_path, 'kinds = ["question"]', "psychological-safety"))


@pytest.mark.parametrize("key", ["feeling_words", "own_feeling_words"])
def test_the_words_feelings_lead_to_are_words_the_guide_uses(key: str) -> None:
    from attunement.guide.loader import read_toml
    from attunement.guide.textproc import SYNONYMS

    listed = read_toml(SYNONYMS)[key]
    unused = [w for w in listed if terms(w)[0] not in index_for().bm25.postings]
    assert listed and not unused, f"{key} words the guide never uses lead nowhere: {unused}"
